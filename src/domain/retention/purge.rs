//! The purge: what the rules make due now (the plan, also shown as a dry run), and carrying it
//! out in one transaction with the deletion log, the review queue, a clean full-text index and
//! a checkpoint. Safety stops: a clock earlier than the last purge, and mass deletion (more
//! than 50 contacts and more than 20 % of all) without confirmation.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::period::end_of_financial_year;
use super::rules::{self, Action, RuleKey};
use crate::domain::requests::recipients;
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::Result;
use crate::store::audit;

pub const MASS_CONTACTS: usize = 50;
pub const MASS_SHARE: f64 = 0.20;

/// The mass-deletion stop: deleting `due` of `total` contacts at once needs the user's
/// confirmation when it is more than [`MASS_CONTACTS`] and more than [`MASS_SHARE`] of all.
/// The start-up purge and every bulk deletion ask by this one rule.
pub fn needs_confirmation(due: i64, total: i64) -> bool {
    due as usize > MASS_CONTACTS && due as f64 > MASS_SHARE * total as f64
}

/// One thing a rule makes due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PurgeItem {
    pub rule: RuleKey,
    pub category: String,
    pub action: Action,
    /// The contact it belongs to (none for records and audit rows).
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    /// How many rows it covers (interactions of one contact, audit rows, …).
    #[ts(type = "number")]
    pub rows: i64,
}

fn item(rule: RuleKey, action: Action, contact_id: Option<i64>, rows: i64) -> PurgeItem {
    PurgeItem { rule, category: rules::category(rule).to_owned(), action, contact_id, rows }
}

fn ids(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<(i64, bool)>> {
    let mut s = conn.prepare(sql)?;
    let v = s.query_map(p, |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

fn cutoff(
    conn: &Connection,
    key: RuleKey,
    now: DateTime<Utc>,
) -> Result<(Option<DateTime<Utc>>, Action)> {
    let (period, action) = rules::current(conn, key)?;
    Ok((period.before(now), action))
}

/// Contact-level items: restricted contacts always go to review; kept ones wait until their
/// keep date.
fn contact_items(
    out: &mut Vec<PurgeItem>,
    rule: RuleKey,
    action: Action,
    found: Vec<(i64, bool)>,
    rows: impl Fn(i64) -> i64,
) {
    for (id, restricted) in found {
        let action = if restricted { Action::Review } else { action };
        out.push(item(rule, action, Some(id), rows(id)));
    }
}

const NOT_KEPT: &str = "NOT EXISTS (SELECT 1 FROM review_queue q WHERE q.contact_id = c.id
      AND q.rule = ?2 AND q.kept_until IS NOT NULL AND q.kept_until > ?3)";

/// Everything due now, by rule. Changes nothing.
pub fn plan(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<PurgeItem>> {
    let mut out = Vec::new();
    let today = now.date_naive().to_string();

    // Prospects without contact: last activity (interaction, or creation) before the cutoff.
    if let (Some(cut), action) = cutoff(conn, RuleKey::Prospects, now)? {
        let found = ids(
            conn,
            &format!(
                "SELECT c.id, c.restricted_reason IS NOT NULL FROM contacts c
                 WHERE c.relationship = 'prospect' AND c.last_activity_at < ?1 AND {NOT_KEPT}
                 ORDER BY c.id"
            ),
            params![format_instant(cut), RuleKey::Prospects.as_str(), today],
        )?;
        contact_items(&mut out, RuleKey::Prospects, action, found, |_| 1);
    }
    // Interactions of former clients, a period after the relationship ended.
    if let (Some(cut), action) = cutoff(conn, RuleKey::FormerClientNotes, now)? {
        let mut s = conn.prepare(&format!(
            "SELECT c.id, c.restricted_reason IS NOT NULL, count(i.id) FROM contacts c
             JOIN interactions i ON i.contact_id = c.id
             WHERE c.relationship = 'former-client' AND c.relationship_ended < ?1 AND {NOT_KEPT}
             GROUP BY c.id ORDER BY c.id"
        ))?;
        let cut_date = cut.date_naive().to_string();
        let rows: Vec<(i64, bool, i64)> = s
            .query_map(params![cut_date, RuleKey::FormerClientNotes.as_str(), today], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (id, restricted, n) in rows {
            let action = if restricted { Action::Review } else { action };
            out.push(item(RuleKey::FormerClientNotes, action, Some(id), n));
        }
    }
    // Former clients, a period after the relationship ended.
    if let (Some(cut), action) = cutoff(conn, RuleKey::FormerClients, now)? {
        let found = ids(
            conn,
            &format!(
                "SELECT c.id, c.restricted_reason IS NOT NULL FROM contacts c
                 WHERE c.relationship = 'former-client' AND c.relationship_ended < ?1
                   AND {NOT_KEPT} ORDER BY c.id"
            ),
            params![cut.date_naive().to_string(), RuleKey::FormerClients.as_str(), today],
        )?;
        contact_items(&mut out, RuleKey::FormerClients, action, found, |_| 1);
    }
    // Rejected applicants, unless they consented to a longer period (a current consent).
    if let (Some(cut), action) = cutoff(conn, RuleKey::RejectedApplicants, now)? {
        let found = ids(
            conn,
            &format!(
                "SELECT c.id, c.restricted_reason IS NOT NULL FROM contacts c
                 WHERE c.relationship = 'applicant' AND c.relationship_ended < ?1 AND {NOT_KEPT}
                   AND NOT EXISTS (
                     SELECT 1 FROM consent_events e WHERE e.contact_id = c.id AND e.kind = 'given'
                       AND e.id = (SELECT max(id) FROM consent_events x
                                   WHERE x.contact_id = c.id AND x.purpose_id = e.purpose_id))
                 ORDER BY c.id"
            ),
            params![cut.date_naive().to_string(), RuleKey::RejectedApplicants.as_str(), today],
        )?;
        contact_items(&mut out, RuleKey::RejectedApplicants, action, found, |_| 1);
    }
    // Fiscal records: the period counts from the end of the financial year of the document.
    let (_, action) = rules::current(conn, RuleKey::FiscalRecords)?;
    for (_, contact) in due_documents(conn, now)? {
        out.push(item(RuleKey::FiscalRecords, action, contact, 1));
    }
    // The deletion log's own old entries.
    if let (Some(cut), action) = cutoff(conn, RuleKey::Records, now)? {
        let n: i64 = conn.query_row(
            "SELECT (SELECT count(*) FROM deletion_log WHERE at < ?1)
                  + (SELECT count(*) FROM requests WHERE status = 'closed' AND closed_at < ?1)",
            [format_instant(cut)],
            |r| r.get::<_, i64>(0),
        )? + recipients::count_told_before(conn, &format_instant(cut))?;
        if n > 0 {
            out.push(item(RuleKey::Records, action, None, n));
        }
    }
    // Closed breach records, a period after they were closed.
    if let (Some(cut), action) = cutoff(conn, RuleKey::Breaches, now)? {
        let n = closed_breaches(conn, &format_instant(cut))?.len() as i64;
        if n > 0 {
            out.push(item(RuleKey::Breaches, action, None, n));
        }
    }
    // Audit rows: the oldest ones, as a prefix of the chain.
    if let (Some(cut), action) = cutoff(conn, RuleKey::Audit, now)? {
        if let Some((_, n)) = audit_prefix(conn, &format_instant(cut))? {
            out.push(item(RuleKey::Audit, action, None, n));
        }
    }
    Ok(out)
}

/// The breach records closed before `cut` (ids).
fn closed_breaches(conn: &Connection, cut: &str) -> Result<Vec<i64>> {
    let mut s = conn.prepare(
        "SELECT id FROM breaches WHERE status = 'closed' AND closed_at < ?1 ORDER BY id",
    )?;
    let v = s.query_map([cut], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Fiscal documents whose period, counted from the end of their financial year, has ended:
/// (document id, contact id).
fn due_documents(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<(i64, Option<i64>)>> {
    let (period, _) = rules::current(conn, RuleKey::FiscalRecords)?;
    let mut s = conn.prepare("SELECT id, contact_id, date FROM fiscal_documents ORDER BY id")?;
    let docs: Vec<(i64, Option<i64>, String)> = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(docs
        .into_iter()
        .filter(|(_, _, date)| {
            NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok_and(|d| {
                period
                    .after_date(end_of_financial_year(d))
                    .is_some_and(|until| until < now.date_naive())
            })
        })
        .map(|(id, contact, _)| (id, contact))
        .collect())
}

/// The newest audit row such that it and all before it are older than `cut`, and how many.
fn audit_prefix(conn: &Connection, cut: &str) -> Result<Option<(i64, i64)>> {
    let first_young: Option<i64> =
        conn.query_row("SELECT min(id) FROM audit WHERE at >= ?1", [cut], |r| r.get(0))?;
    let through: Option<i64> = match first_young {
        Some(id) => {
            conn.query_row("SELECT max(id) FROM audit WHERE id < ?1", [id], |r| r.get(0))?
        }
        None => conn.query_row("SELECT max(id) FROM audit", [], |r| r.get(0))?,
    };
    let Some(through) = through else { return Ok(None) };
    // Never prune a checkpoint on its own: it must be followed by what it anchors.
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM audit WHERE id <= ?1 AND action <> 'audit.pruned'",
        [through],
        |r| r.get(0),
    )?;
    Ok((n > 0).then_some((through, n)))
}

/// What a purge did (or why it did not run).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub struct PurgeReport {
    pub ran: bool,
    /// Why nothing was deleted: "clock" (the clock is earlier than the last purge) or
    /// "confirm" (mass deletion needs confirmation).
    pub stopped: Option<String>,
    #[ts(type = "number")]
    pub contacts_deleted: i64,
    #[ts(type = "number")]
    pub interactions_deleted: i64,
    #[ts(type = "number")]
    pub documents_deleted: i64,
    /// Old deletion-log entries, closed requests and closed breach records.
    #[ts(type = "number")]
    pub records_deleted: i64,
    #[ts(type = "number")]
    pub audit_rows_pruned: i64,
    /// The period audit rows were pruned after (`2y`), set when some were: the notice says
    /// "60 audit rows older than 2 years", not "60 items".
    pub audit_older_than: Option<String>,
    /// The period old log entries and closed requests (or, when none went, closed breach
    /// records) were deleted after, set when some were.
    pub records_older_than: Option<String>,
    #[ts(type = "number")]
    pub queued_for_review: i64,
    /// Contacts the plan would delete (for the confirmation question).
    #[ts(type = "number")]
    pub contacts_due: i64,
    #[ts(type = "number")]
    pub contacts_total: i64,
}

impl PurgeReport {
    /// Everything removed, for the start-up notice.
    pub fn removed(&self) -> i64 {
        self.contacts_deleted
            + self.interactions_deleted
            + self.documents_deleted
            + self.records_deleted
            + self.audit_rows_pruned
    }
}

/// The last purge that ran or stopped (at opening or by hand), kept in `meta` for the overview:
/// when, why it ran, and its report (counts only, no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub struct LastPurge {
    pub at: String,
    /// "startup" or "manual".
    pub trigger: String,
    /// Everything it removed ([`PurgeReport::removed`]).
    #[ts(type = "number")]
    pub removed: i64,
    pub report: PurgeReport,
}

const LAST_PURGE: &str = "last_purge_report";

/// The last purge, None before the first one (or in a vault from before it was kept).
pub fn last(conn: &Connection) -> Result<Option<LastPurge>> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [LAST_PURGE], |r| r.get(0))
        .optional()?;
    Ok(value.and_then(|v| serde_json::from_str(&v).ok()))
}

/// Keeps `report` as the last purge (a stopped one too: the overview says it waits).
fn remember(
    conn: &Connection,
    now: DateTime<Utc>,
    trigger: Trigger,
    report: &PurgeReport,
) -> Result<()> {
    let last = LastPurge {
        at: format_instant(now),
        trigger: trigger.as_str().to_owned(),
        removed: report.removed(),
        report: report.clone(),
    };
    let value = serde_json::to_string(&last)
        .map_err(|e| crate::kernel::error::Error::Internal(e.to_string()))?;
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![LAST_PURGE, value],
    )?;
    Ok(())
}

/// Why a purge runs, as the deletion log records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Startup,
    Manual,
}

impl Trigger {
    fn as_str(self) -> &'static str {
        match self {
            Trigger::Startup => "startup",
            Trigger::Manual => "manual",
        }
    }
}

fn deletes_contact(i: &PurgeItem) -> bool {
    i.action == Action::Delete
        && matches!(
            i.rule,
            RuleKey::Prospects | RuleKey::FormerClients | RuleKey::RejectedApplicants
        )
}

/// Deletes a contact and everything that goes with it (interactions, links, the consent
/// ledger, field values, review entries, its search entry). Fiscal records stay under their
/// legal hold, without the link; the suppression list stays.
pub fn delete_contact(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM contact_fts WHERE rowid = ?1", [id])?;
    conn.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
    Ok(())
}

/// Writes one deletion-log entry (no personal values: a rule, a category, counts and ids).
pub fn log(
    conn: &Connection,
    ctx: &Ctx<'_>,
    trigger: &str,
    rule: &str,
    category: &str,
    ids: &[i64],
    count: i64,
) -> Result<()> {
    let ids: Vec<String> = ids.iter().map(|i| format!("contact:{i}")).collect();
    conn.execute(
        "INSERT INTO deletion_log (at, trigger, rule, category, count, ids)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            format_instant(ctx.now),
            trigger,
            rule,
            category,
            count,
            serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into())
        ],
    )?;
    Ok(())
}

/// Runs the purge for what is due now. `confirmed`: the user agreed to a mass deletion.
pub fn run(
    conn: &Connection,
    ctx: &Ctx<'_>,
    trigger: Trigger,
    confirmed: bool,
) -> Result<PurgeReport> {
    let now = ctx.now;
    let mut report = PurgeReport {
        contacts_total: conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?,
        ..PurgeReport::default()
    };
    let last: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'last_purge_at'", [], |r| r.get(0))
        .optional()?;
    if last.is_some_and(|l| l > format_instant(now)) {
        report.stopped = Some("clock".into());
        remember(conn, now, trigger, &report)?;
        return Ok(report);
    }
    let items = plan(conn, now)?;
    report.contacts_due = items.iter().filter(|i| deletes_contact(i)).count() as i64;
    let mass = needs_confirmation(report.contacts_due, report.contacts_total);
    if mass && !confirmed {
        report.stopped = Some("confirm".into());
        remember(conn, now, trigger, &report)?;
        return Ok(report);
    }
    // Contacts already waiting for review stay as they are: no statement per contact at every
    // opening (a vault with thousands of former clients waiting would pay for each).
    let mut waiting =
        conn.prepare("SELECT rule, contact_id FROM review_queue WHERE kept_until IS NULL")?;
    let waiting: HashSet<(String, i64)> =
        waiting.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for rule in RuleKey::ALL {
        let mine: Vec<&PurgeItem> = items.iter().filter(|i| i.rule == *rule).collect();
        if mine.is_empty() {
            continue;
        }
        let mut deleted_ids = Vec::new();
        let mut count = 0i64;
        for i in &mine {
            if i.action == Action::Review {
                let queued = |id: &i64| waiting.contains(&(rule.as_str().to_owned(), *id));
                if let Some(id) = i.contact_id.filter(|id| !queued(id)) {
                    // A restricted contact is never deleted by a rule; it waits for a person.
                    // An entry whose keep date passed comes back.
                    let n = conn.execute(
                        "INSERT INTO review_queue (rule, contact_id, reason, queued_at)
                         VALUES (?1, ?2, CASE WHEN (SELECT restricted_reason FROM contacts
                                                    WHERE id = ?2) IS NULL
                                              THEN 'rule' ELSE 'restricted' END, ?3)
                         ON CONFLICT (rule, contact_id) DO UPDATE SET
                             kept_until = NULL, keep_reason = NULL, reason = excluded.reason,
                             queued_at = excluded.queued_at
                         WHERE kept_until IS NOT NULL",
                        params![rule.as_str(), id, format_instant(now)],
                    )?;
                    report.queued_for_review += n as i64;
                }
                continue;
            }
            match rule {
                RuleKey::Prospects | RuleKey::FormerClients | RuleKey::RejectedApplicants => {
                    if let Some(id) = i.contact_id {
                        delete_contact(conn, id)?;
                        deleted_ids.push(id);
                        count += 1;
                        report.contacts_deleted += 1;
                    }
                }
                RuleKey::FormerClientNotes => {
                    if let Some(id) = i.contact_id {
                        let n = conn
                            .execute("DELETE FROM interactions WHERE contact_id = ?1", [id])?
                            as i64;
                        crate::domain::contacts::search::reindex(conn, id)?;
                        deleted_ids.push(id);
                        count += n;
                        report.interactions_deleted += n;
                    }
                }
                RuleKey::FiscalRecords | RuleKey::Records | RuleKey::Audit | RuleKey::Breaches => {}
            }
        }
        match rule {
            RuleKey::FiscalRecords if mine.iter().any(|i| i.action == Action::Delete) => {
                for (doc, contact) in due_documents(conn, now)? {
                    conn.execute("DELETE FROM fiscal_documents WHERE id = ?1", [doc])?;
                    deleted_ids.extend(contact);
                    count += 1;
                    report.documents_deleted += 1;
                }
            }
            RuleKey::Records if mine.iter().any(|i| i.action == Action::Delete) => {
                let (p, _) = rules::current(conn, RuleKey::Records)?;
                if let Some(cut) = p.before(now) {
                    let cut = format_instant(cut);
                    let n = conn.execute("DELETE FROM deletion_log WHERE at < ?1", [&cut])? as i64
                        + conn.execute(
                            "DELETE FROM requests WHERE status = 'closed' AND closed_at < ?1",
                            [&cut],
                        )? as i64
                        + recipients::purge_told(conn, &cut)? as i64;
                    count += n;
                    report.records_deleted += n;
                    if n > 0 {
                        report.records_older_than = Some(p.to_string());
                    }
                }
            }
            RuleKey::Breaches if mine.iter().any(|i| i.action == Action::Delete) => {
                let (p, _) = rules::current(conn, RuleKey::Breaches)?;
                if let Some(cut) = p.before(now) {
                    // Their follow-ups and contact links go with them.
                    for id in closed_breaches(conn, &format_instant(cut))? {
                        conn.execute("DELETE FROM breaches WHERE id = ?1", [id])?;
                        count += 1;
                        report.records_deleted += 1;
                    }
                    if count > 0 {
                        // Counted with the other accountability records in the notice.
                        report.records_older_than.get_or_insert_with(|| p.to_string());
                    }
                }
            }
            RuleKey::Audit if mine.iter().any(|i| i.action == Action::Delete) => {
                let (p, _) = rules::current(conn, RuleKey::Audit)?;
                if let Some(cut) = p.before(now) {
                    let n = prune_audit(conn, ctx, &format_instant(cut))?;
                    count += n;
                    report.audit_rows_pruned += n;
                    if n > 0 {
                        report.audit_older_than = Some(p.to_string());
                    }
                }
            }
            _ => {}
        }
        if count > 0 {
            log(
                conn,
                ctx,
                trigger.as_str(),
                rule.as_str(),
                rules::category(*rule),
                &deleted_ids,
                count,
            )?;
        }
    }
    // A former client without the date the relationship ended is reached by no rule: it waits
    // for a person to give the date (contacts from before the date was required).
    report.queued_for_review += conn.execute(
        "INSERT INTO review_queue (rule, contact_id, reason, queued_at)
         SELECT ?1, c.id, 'no-end-date', ?2 FROM contacts c
         WHERE c.relationship = 'former-client' AND c.relationship_ended IS NULL
         ON CONFLICT (rule, contact_id) DO NOTHING",
        params![RuleKey::FormerClients.as_str(), format_instant(now)],
    )? as i64;
    if report.contacts_deleted + report.interactions_deleted > 0 {
        // Merge the full-text index so deleted text does not linger in old segments.
        crate::domain::contacts::search::optimize(conn)?;
    }
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('last_purge_at', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [format_instant(now)],
    )?;
    let detail = format!(
        "contacts={} interactions={} documents={} records={} audit={} review={}",
        report.contacts_deleted,
        report.interactions_deleted,
        report.documents_deleted,
        report.records_deleted,
        report.audit_rows_pruned,
        report.queued_for_review
    );
    // A run that found nothing due is recorded as a check: it changed no data.
    let action = if report.removed() + report.queued_for_review > 0 {
        "retention.purge"
    } else {
        "retention.check"
    };
    ctx.audit_detail(conn, action, "vault", None, &[], Some(&detail))?;
    report.ran = true;
    remember(conn, now, trigger, &report)?;
    Ok(report)
}

/// Deletes the oldest audit rows (a prefix of the chain) and appends a chained checkpoint
/// "pruned through row N, whose hash was H" that verification anchors on.
fn prune_audit(conn: &Connection, ctx: &Ctx<'_>, cut: &str) -> Result<i64> {
    let Some((through, _)) = audit_prefix(conn, cut)? else { return Ok(0) };
    let hash: String =
        conn.query_row("SELECT hash FROM audit WHERE id = ?1", [through], |r| r.get(0))?;
    conn.execute_batch("DROP TRIGGER audit_no_delete;")?;
    let n = conn.execute("DELETE FROM audit WHERE id <= ?1", [through])? as i64;
    conn.execute_batch(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
         BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;",
    )?;
    let detail = audit::checkpoint_detail(through, &hash);
    ctx.audit_detail(conn, audit::PRUNED, "audit", None, &[], Some(&detail))?;
    Ok(n)
}
