//! The Privacy tab of one contact: purpose links and the consent ledger (consent) with the
//! field values (fields), read in one transaction because revealing special-category values
//! writes an audit row.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::consent::{self, ConsentEvent, PurposeLink};
use crate::domain::contacts::undeliverable::{self, UndeliverableAddress};
use crate::domain::fields::{self, FieldValue};
use crate::kernel::error::Result;
use crate::vault::Vault;

/// Everything the contact page's Privacy tab shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContactPrivacy {
    pub links: Vec<PurposeLink>,
    /// The consent ledger, oldest first.
    pub history: Vec<ConsentEvent>,
    pub fields: Vec<FieldValue>,
    /// Addresses a newsletter tool found undeliverable ("cleaned").
    pub undeliverable: Vec<UndeliverableAddress>,
}

/// The Privacy tab of one contact; special-category values only when `reveal` (audited).
pub fn contact_privacy(vault: &mut Vault, contact_id: i64, reveal: bool) -> Result<ContactPrivacy> {
    vault.write(|tx, ctx| {
        Ok(ContactPrivacy {
            links: consent::links(tx, contact_id)?,
            history: consent::history(tx, contact_id)?,
            fields: fields::values(tx, ctx, contact_id, reveal)?,
            undeliverable: undeliverable::of_contact(tx, contact_id)?,
        })
    })
}
