//! Contacts, organisations and interactions: what a user does with them, each action one
//! transaction with its audit row. Reading one contact's details is audited too.

pub mod model;
pub mod read;
pub mod search;
pub mod write;

pub use model::{
    Contact, ContactDetail, ContactInput, ContactPage, ContactSummary, Interaction,
    InteractionInput, InteractionKind, Relationship,
};

use crate::error::Result;
use crate::vault::Vault;

pub fn create(vault: &mut Vault, input: &ContactInput) -> Result<i64> {
    let valid = input.validate()?;
    vault.write(|tx, ctx| write::create(tx, ctx, &valid))
}

pub fn update(vault: &mut Vault, id: i64, input: &ContactInput) -> Result<()> {
    let valid = input.validate()?;
    vault.write(|tx, ctx| write::update(tx, ctx, id, &valid))
}

pub fn add_interaction(
    vault: &mut Vault,
    contact_id: i64,
    input: &InteractionInput,
) -> Result<i64> {
    let valid = input.validate(vault.now())?;
    vault.write(|tx, ctx| write::add_interaction(tx, ctx, contact_id, &valid))
}

pub fn list(
    vault: &Vault,
    query: Option<&str>,
    limit: Option<i64>,
    offset: i64,
) -> Result<ContactPage> {
    read::list(vault.conn(), query, limit, offset)
}

/// One contact with its interactions; the read is recorded in the audit trail.
pub fn show(vault: &mut Vault, id: i64) -> Result<ContactDetail> {
    vault.write(|tx, ctx| {
        let detail = read::detail(tx, id)?;
        ctx.audit(tx, "contact.read", "contact", Some(id), &[])?;
        Ok(detail)
    })
}
