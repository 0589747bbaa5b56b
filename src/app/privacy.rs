//! The Privacy tab of one contact: purpose links and the consent ledger (consent) with the
//! field values (fields), read in one transaction because revealing special-category values
//! writes an audit row; and restricting a contact with the checklist of its recipients.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::consent::{self, ConsentEvent, PurposeLink};
use crate::domain::contacts::privacy;
use crate::domain::contacts::undeliverable::{self, UndeliverableAddress};
use crate::domain::fields::{self, FieldValue};
use crate::domain::requests::recipients::{self, NoticeAction, RecipientNotice, Target};
use crate::domain::requests::{self, RequestKind};
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
    /// The recipients to tell of a restriction made without a request (Art. 19).
    pub recipient_notices: Vec<RecipientNotice>,
}

/// The Privacy tab of one contact; special-category values only when `reveal` (audited).
pub fn contact_privacy(vault: &mut Vault, contact_id: i64, reveal: bool) -> Result<ContactPrivacy> {
    vault.write(|tx, ctx| {
        Ok(ContactPrivacy {
            links: consent::links(tx, contact_id)?,
            history: consent::history(tx, contact_id)?,
            fields: fields::values(tx, ctx, contact_id, reveal)?,
            undeliverable: undeliverable::of_contact(tx, contact_id)?,
            recipient_notices: recipients::of_contact(tx, contact_id)?,
        })
    })
}

/// Restricts the contact (Art. 18) and lists the recipients of its purposes to tell (Art. 19)
/// on its open restriction request, or on the contact when there is none. The number of
/// recipients listed.
pub fn restrict(vault: &mut Vault, contact_id: i64, reason: &str) -> Result<usize> {
    vault.write(|tx, ctx| {
        privacy::restrict(tx, ctx, contact_id, reason)?;
        let target = match requests::open_of(tx, contact_id, RequestKind::Restriction)? {
            Some(request) => Target::Request(request),
            None => Target::Contact(contact_id),
        };
        recipients::list_for(tx, ctx, contact_id, target, NoticeAction::Restriction)
    })
}
