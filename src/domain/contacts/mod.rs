//! Contacts, organisations and interactions: what a user does with them, each action one
//! transaction with its audit row. Reading one contact's details is audited too.

pub mod duplicates;
pub mod initial;
pub mod model;
pub mod privacy;
pub mod read;
pub mod search;
pub mod undeliverable;
pub mod write;

pub use model::{
    Contact, ContactDetail, ContactInput, ContactPage, ContactSummary, Interaction,
    InteractionChange, InteractionInput, InteractionKind, Relationship,
};

use rusqlite::{Connection, OptionalExtension};

use crate::kernel::bsn::looks_like_bsn;
use crate::kernel::error::{Error, Result};
use crate::vault::Vault;

/// Refuses changes to a restricted contact (Art. 18): only lifting the restriction, the
/// person's own requests and withdrawals are allowed.
pub fn ensure_not_restricted(conn: &Connection, contact_id: i64) -> Result<()> {
    let reason: Option<Option<String>> = conn
        .query_row("SELECT restricted_reason FROM contacts WHERE id = ?1", [contact_id], |r| {
            r.get(0)
        })
        .optional()?;
    match reason {
        None => Err(Error::NotFound(format!("contact {contact_id}"))),
        Some(Some(_)) => Err(Error::Restricted),
        Some(None) => Ok(()),
    }
}

/// Refuses free text that looks like a BSN unless the user confirmed it is not one.
fn check_bsn(fields: &[(&'static str, Option<&str>)], confirmed: bool) -> Result<()> {
    if confirmed {
        return Ok(());
    }
    match fields.iter().find(|(_, v)| v.is_some_and(looks_like_bsn)) {
        Some((field, _)) => Err(Error::BsnSuspected { field }),
        None => Ok(()),
    }
}

fn check_contact_bsn(c: &model::ValidContact, confirmed: bool) -> Result<()> {
    check_bsn(
        &[
            ("name", Some(&c.name)),
            ("emails", Some(&c.emails.join("; "))),
            ("phones", Some(&c.phones.join("; "))),
            ("address", c.address.as_deref()),
            ("organisation", c.organisation.as_deref()),
            ("job_title", c.job_title.as_deref()),
        ],
        confirmed,
    )
}

/// A contact's input validated and BSN-checked, ready for `write::create` in a caller's
/// transaction (an import).
pub fn checked(input: &ContactInput, confirm_not_bsn: bool) -> Result<model::ValidContact> {
    let valid = input.validate()?;
    check_contact_bsn(&valid, confirm_not_bsn)?;
    Ok(valid)
}

/// Creates a contact. `confirm_not_bsn`: the user confirmed a BSN-like number is not a BSN.
pub fn create(vault: &mut Vault, input: &ContactInput, confirm_not_bsn: bool) -> Result<i64> {
    vault.write(|tx, ctx| create_in(tx, ctx, input, confirm_not_bsn))
}

/// [`create`] inside a transaction the caller holds (to do more in the same one).
pub fn create_in(
    conn: &Connection,
    ctx: &crate::kernel::clock::Ctx<'_>,
    input: &ContactInput,
    confirm_not_bsn: bool,
) -> Result<i64> {
    let valid = input.validate()?;
    check_contact_bsn(&valid, confirm_not_bsn)?;
    write::create(conn, ctx, &valid)
}

pub fn update(
    vault: &mut Vault,
    id: i64,
    input: &ContactInput,
    confirm_not_bsn: bool,
) -> Result<()> {
    let valid = input.validate()?;
    check_contact_bsn(&valid, confirm_not_bsn)?;
    vault.write(|tx, ctx| write::update(tx, ctx, id, &valid))
}

/// The existing contacts `input` likely duplicates (other than `except`, the contact being
/// edited); for the warning before saving. Invalid input has none.
pub fn likely_duplicates(
    vault: &Vault,
    input: &ContactInput,
    except: Option<i64>,
) -> Result<Vec<duplicates::LikelyDuplicate>> {
    match input.validate() {
        Ok(valid) => duplicates::likely_duplicates(vault.conn(), &valid, except),
        Err(_) => Ok(Vec::new()),
    }
}

pub fn add_interaction(
    vault: &mut Vault,
    contact_id: i64,
    input: &InteractionInput,
    confirm_not_bsn: bool,
) -> Result<i64> {
    let valid = input.validate(vault.now())?;
    check_bsn(&[("text", Some(&valid.text))], confirm_not_bsn)?;
    vault.write(|tx, ctx| write::add_interaction(tx, ctx, contact_id, &valid))
}

/// Rectifies an interaction (Art. 16): the fields given replace the stored ones, checked as
/// when adding (the date rules; a changed text that looks like a BSN needs `confirm_not_bsn`).
/// The old text leaves no trace in the database pages or the search index; the audit row
/// names the interaction and the fields changed, never their values. Refused on a restricted
/// contact.
pub fn edit_interaction(
    vault: &mut Vault,
    id: i64,
    change: &InteractionChange,
    confirm_not_bsn: bool,
) -> Result<()> {
    vault.write(|tx, ctx| write::edit_interaction(tx, ctx, id, change, confirm_not_bsn))
}

/// Deletes an interaction (Art. 16/17): its text leaves no trace in the database pages or
/// the search index, and a tombstone (its id and the time) deletes it again when an older
/// backup is restored. Refused on a restricted contact.
pub fn delete_interaction(vault: &mut Vault, id: i64) -> Result<()> {
    vault.write(|tx, ctx| write::delete_interaction(tx, ctx, id))
}

pub fn list(
    vault: &Vault,
    query: Option<&str>,
    limit: Option<i64>,
    offset: i64,
) -> Result<ContactPage> {
    read::list(vault.conn(), query, limit, offset)
}

/// [`list`] of the contacts listed under a letter ("A"–"Z", or "#" for the other names; see
/// [`initial`]), in the same order.
pub fn list_by_initial(
    vault: &Vault,
    query: Option<&str>,
    initial: Option<&str>,
    limit: Option<i64>,
    offset: i64,
) -> Result<ContactPage> {
    let initial = initial.map(initial::parse).transpose()?;
    read::list_filtered(vault.conn(), query, initial, limit, offset)
}

/// One contact with its interactions; the read is recorded in the audit trail.
pub fn show(vault: &mut Vault, id: i64) -> Result<ContactDetail> {
    vault.write(|tx, ctx| {
        let detail = read::detail(tx, id)?;
        ctx.audit(tx, "contact.read", "contact", Some(id), &[])?;
        Ok(detail)
    })
}
