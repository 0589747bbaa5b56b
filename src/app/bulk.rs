//! Bulk actions on the triage list, the review queue and the re-permission list. Each is one
//! function taking a list of ids, run as one transaction: an unknown id (or a refused purpose)
//! changes nothing. Every contact changed gets its own audit row (its id and field names, no
//! values). Restricted contacts (Art. 18, read-only) are left as they are and reported; only
//! keeping a review item applies to them too, since it changes none of their data. Deleting
//! many at once stops at the start-up purge's mass-deletion rule until the user confirms.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::consent::{self, Source};
use crate::domain::register::purposes::{self, Basis, Purpose};
use crate::domain::retention::{self, purge};
use crate::domain::suppression;
use crate::kernel::clock::Ctx;
use crate::kernel::error::{Error, Result};
use crate::vault::Vault;

/// At most this many ids in one bulk action.
pub const MAX_IDS: usize = 100_000;

/// What a bulk action did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct BulkReport {
    /// The contacts changed (or deleted), by id.
    #[ts(type = "Array<number>")]
    pub done: Vec<i64>,
    /// Restricted contacts left as they were (read-only).
    #[ts(type = "Array<number>")]
    pub skipped_restricted: Vec<i64>,
    /// Contacts left out of a direct-marketing purpose: they objected or their address is on
    /// the suppression list.
    #[ts(type = "Array<number>")]
    pub skipped_suppressed: Vec<i64>,
    /// "confirm": deleting this many at once needs the same confirmation as a mass purge;
    /// nothing was deleted.
    pub stopped: Option<String>,
    /// Contacts the deletion would remove, and all contacts (for the confirmation question).
    #[ts(type = "number")]
    pub contacts_due: i64,
    #[ts(type = "number")]
    pub contacts_total: i64,
}

/// A link between a contact and a purpose, as the re-permission list shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LinkRef {
    #[ts(type = "number")]
    pub contact_id: i64,
    #[ts(type = "number")]
    pub purpose_id: i64,
}

/// The list a bulk deletion of contacts comes from, as the deletion log names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BulkList {
    Triage,
    Repermission,
}

impl BulkList {
    fn as_str(self) -> &'static str {
        match self {
            BulkList::Triage => "triage",
            BulkList::Repermission => "repermission",
        }
    }
}

/// The ids once each, in the order given; none or too many is refused.
fn unique(ids: &[i64]) -> Result<Vec<i64>> {
    if ids.is_empty() {
        return Err(Error::invalid("ids", "select at least one"));
    }
    if ids.len() > MAX_IDS {
        return Err(Error::invalid("ids", "too many at once (at most 100000)"));
    }
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    Ok(ids.iter().copied().filter(|id| seen.insert(*id)).collect())
}

/// Whether contact `id` is restricted; `NotFound` when there is no such contact.
fn restricted(conn: &Connection, id: i64) -> Result<bool> {
    conn.query_row("SELECT restricted_reason IS NOT NULL FROM contacts WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("contact {id}")))
}

fn total_contacts(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?)
}

fn summary(conn: &Connection, ctx: &Ctx<'_>, action: &str, report: &BulkReport) -> Result<()> {
    let detail = format!(
        "contacts={} restricted={} suppressed={}",
        report.done.len(),
        report.skipped_restricted.len(),
        report.skipped_suppressed.len()
    );
    ctx.audit_detail(conn, action, "vault", None, &[], Some(&detail))
}

/// Refuses a consent-based purpose for a link made without the person's own evidence.
pub fn ensure_not_consent(purpose: &Purpose) -> Result<()> {
    if purpose.basis == Basis::Consent {
        return Err(Error::invalid(
            "purpose",
            "consent is recorded per person, with the text they agreed to; \
             choose a purpose with another basis",
        ));
    }
    Ok(())
}

/// Links the contacts `ids` to a purpose on its own basis, which must not be consent: consent
/// needs the evidence of each person (the text they agreed to, how and when), recorded one by
/// one. Contacts of the triage list leave it for that purpose.
pub fn link(vault: &mut Vault, ids: &[i64], purpose_id: i64) -> Result<BulkReport> {
    let ids = unique(ids)?;
    vault.write(|tx, ctx| {
        let purpose = purposes::get(tx, purpose_id)?;
        ensure_not_consent(&purpose)?;
        let mut report = BulkReport::default();
        for id in ids {
            if restricted(tx, id)? {
                report.skipped_restricted.push(id);
                continue;
            }
            if purpose.direct_marketing {
                match suppression::ensure_not_suppressed(tx, id) {
                    Ok(()) => {}
                    Err(Error::Suppressed) => {
                        report.skipped_suppressed.push(id);
                        continue;
                    }
                    Err(e) => return Err(e),
                }
            }
            consent::link(tx, ctx, id, purpose.id, Some(purpose.basis), Source::Other)?;
            report.done.push(id);
        }
        summary(tx, ctx, "bulk.link", &report)?;
        Ok(report)
    })
}

/// Keeps the review items `ids` until `until` (a future date), with one reason for all, as
/// the single "keep" decision does. It changes none of the person's data, so it applies to
/// restricted contacts too.
pub fn keep(vault: &mut Vault, ids: &[i64], reason: &str, until: &str) -> Result<BulkReport> {
    let ids = unique(ids)?;
    vault.write(|tx, ctx| {
        let mut report = BulkReport::default();
        for id in ids {
            let contact = retention::review_contact(tx, id)?;
            retention::review_keep(tx, ctx, id, reason, until)?;
            if !report.done.contains(&contact) {
                report.done.push(contact);
            }
        }
        summary(tx, ctx, "bulk.review_keep", &report)?;
        Ok(report)
    })
}

/// Deletes the data of the review items `ids` (see [`retention::review_delete_many`]);
/// restricted contacts stay. `confirmed`: the user agreed to a mass deletion.
pub fn delete_reviewed(vault: &mut Vault, ids: &[i64], confirmed: bool) -> Result<BulkReport> {
    let ids = unique(ids)?;
    vault.write(|tx, ctx| {
        let mut report = BulkReport { contacts_total: total_contacts(tx)?, ..Default::default() };
        let mut go = Vec::with_capacity(ids.len());
        let mut due = std::collections::HashSet::new();
        for id in ids {
            let contact = retention::review_contact(tx, id)?;
            if restricted(tx, contact)? {
                if !report.skipped_restricted.contains(&contact) {
                    report.skipped_restricted.push(contact);
                }
                continue;
            }
            let rule: String =
                tx.query_row("SELECT rule FROM review_queue WHERE id = ?1", [id], |r| r.get(0))?;
            if rule != retention::rules::RuleKey::FormerClientNotes.as_str() {
                due.insert(contact);
            }
            go.push(id);
        }
        report.contacts_due = due.len() as i64;
        if purge::needs_confirmation(report.contacts_due, report.contacts_total) && !confirmed {
            report.stopped = Some("confirm".into());
            return Ok(report);
        }
        report.done = retention::review_delete_many(tx, ctx, &go, "review")?;
        summary(tx, ctx, "bulk.review_delete", &report)?;
        Ok(report)
    })
}

/// Deletes the contacts `ids` of the triage or re-permission list with everything that goes
/// with them (as the purge does: fiscal records stay under their legal hold), with one
/// deletion-log entry; restricted contacts stay. `confirmed`: the user agreed to a mass
/// deletion.
pub fn delete_contacts(
    vault: &mut Vault,
    list: BulkList,
    ids: &[i64],
    confirmed: bool,
) -> Result<BulkReport> {
    let ids = unique(ids)?;
    vault.write(|tx, ctx| {
        let mut report = BulkReport { contacts_total: total_contacts(tx)?, ..Default::default() };
        let mut go = Vec::with_capacity(ids.len());
        for id in ids {
            if restricted(tx, id)? {
                report.skipped_restricted.push(id);
            } else {
                go.push(id);
            }
        }
        report.contacts_due = go.len() as i64;
        if purge::needs_confirmation(report.contacts_due, report.contacts_total) && !confirmed {
            report.stopped = Some("confirm".into());
            return Ok(report);
        }
        for &id in &go {
            purge::delete_contact(tx, id)?;
            ctx.audit(tx, "contact.delete", "contact", Some(id), &[])?;
        }
        if !go.is_empty() {
            purge::log(tx, ctx, "manual", list.as_str(), "contacts", &go, go.len() as i64)?;
            crate::domain::contacts::search::optimize(tx)?;
        }
        report.done = go;
        summary(tx, ctx, "bulk.delete", &report)?;
        Ok(report)
    })
}

/// Marks the links `links` (of consent purposes) for a re-permission run; restricted
/// contacts stay as they are.
pub fn mark_repermission(vault: &mut Vault, links: &[LinkRef]) -> Result<BulkReport> {
    if links.is_empty() {
        return Err(Error::invalid("ids", "select at least one"));
    }
    if links.len() > MAX_IDS {
        return Err(Error::invalid("ids", "too many at once (at most 100000)"));
    }
    let pairs: Vec<(i64, i64)> = links.iter().map(|l| (l.contact_id, l.purpose_id)).collect();
    vault.write(|tx, ctx| {
        let (done, skipped_restricted) = consent::mark_repermission(tx, ctx, &pairs)?;
        let report = BulkReport { done, skipped_restricted, ..Default::default() };
        summary(tx, ctx, "bulk.repermission_mark", &report)?;
        Ok(report)
    })
}
