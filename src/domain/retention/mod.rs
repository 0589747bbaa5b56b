//! Retention (storage limitation, R5): rules per data category with Dutch presets, the purge
//! that runs when a vault is opened, a dry run, the review queue, the deletion log, fiscal
//! records under legal hold, and the written retention policy.

pub mod documents;
pub mod period;
pub mod purge;
pub mod rules;

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::date::{long_date, parse_date};
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;
use rules::RuleKey;

/// An entry of the review queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewItem {
    #[ts(type = "number")]
    pub id: i64,
    pub rule: RuleKey,
    pub category: String,
    #[ts(type = "number")]
    pub contact_id: i64,
    pub name: String,
    /// "rule" (the rule says review), "restricted" (never deleted automatically) or
    /// "no-end-date" (a former client without the date the relationship ended).
    pub reason: String,
    pub queued_at: String,
    pub kept_until: Option<String>,
    pub keep_reason: Option<String>,
}

/// The review queue: items waiting for a decision (kept ones only with `include_kept`).
pub fn review_queue(conn: &Connection, include_kept: bool) -> Result<Vec<ReviewItem>> {
    let mut s = conn.prepare(
        "SELECT q.id, q.rule, q.contact_id, c.name, q.reason, q.queued_at, q.kept_until,
                q.keep_reason
         FROM review_queue q JOIN contacts c ON c.id = q.contact_id
         WHERE ?1 OR q.kept_until IS NULL ORDER BY q.queued_at, q.id",
    )?;
    let v = s
        .query_map([include_kept], |r| {
            let rule: String = r.get(1)?;
            let rule: RuleKey = rule.parse().unwrap_or(RuleKey::FormerClients);
            Ok(ReviewItem {
                id: r.get(0)?,
                rule,
                category: rules::category(rule).to_owned(),
                contact_id: r.get(2)?,
                name: r.get(3)?,
                reason: r.get(4)?,
                queued_at: r.get(5)?,
                kept_until: r.get(6)?,
                keep_reason: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

fn review_entry(conn: &Connection, id: i64) -> Result<(String, i64)> {
    conn.query_row("SELECT rule, contact_id FROM review_queue WHERE id = ?1", [id], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
    .map_err(|_| Error::NotFound(format!("review item {id}")))
}

/// Keeps a reviewed item, with the reason and the date it comes up for review again.
pub fn review_keep(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    reason: &str,
    until: &str,
) -> Result<()> {
    let (_, contact) = review_entry(conn, id)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(Error::invalid("reason", "give the reason to keep, at most 500 characters"));
    }
    let until = parse_date(until, "until")?;
    if until <= ctx.now.date_naive() {
        return Err(Error::invalid("until", "the next review date must be in the future"));
    }
    conn.execute(
        "UPDATE review_queue SET kept_until = ?2, keep_reason = ?3 WHERE id = ?1",
        params![id, until.to_string(), reason],
    )?;
    ctx.audit(conn, "retention.review_keep", "contact", Some(contact), &["keep_reason"])
}

/// Deletes the contact of a reviewed item (restricted contacts only after lifting the
/// restriction), with a deletion-log entry.
pub fn review_delete(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<()> {
    let (_, contact) = review_entry(conn, id)?;
    crate::domain::contacts::ensure_not_restricted(conn, contact)?;
    review_delete_many(conn, ctx, &[id], "review")?;
    Ok(())
}

/// Deletes the data of the reviewed items `ids` (the interactions for a former client's notes,
/// else the contact): one deletion-log entry per rule, an audit row per contact (its id only),
/// the full-text index merged once. The caller has left out restricted contacts; an unknown
/// id fails the whole call. Returns the contacts whose data went.
pub fn review_delete_many(
    conn: &Connection,
    ctx: &Ctx<'_>,
    ids: &[i64],
    trigger: &str,
) -> Result<Vec<i64>> {
    // Every id first: an unknown one changes nothing.
    let mut entries = Vec::with_capacity(ids.len());
    for &id in ids {
        let (rule, contact) = review_entry(conn, id)?;
        entries.push((id, rule.parse::<RuleKey>()?, contact));
    }
    let mut by_rule: Vec<(RuleKey, Vec<i64>, i64)> = Vec::new();
    let mut done: Vec<i64> = Vec::with_capacity(ids.len());
    let mut gone = std::collections::HashSet::new();
    for (id, key, contact) in entries {
        if gone.contains(&contact) {
            // A second item of a contact deleted a moment ago went with it.
            continue;
        }
        let n = if key == RuleKey::FormerClientNotes {
            let n =
                conn.execute("DELETE FROM interactions WHERE contact_id = ?1", [contact])? as i64;
            conn.execute("DELETE FROM review_queue WHERE id = ?1", [id])?;
            crate::domain::contacts::search::reindex(conn, contact)?;
            n
        } else {
            purge::delete_contact(conn, contact)?;
            gone.insert(contact);
            1
        };
        match by_rule.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, list, count)) => {
                list.push(contact);
                *count += n;
            }
            None => by_rule.push((key, vec![contact], n)),
        }
        ctx.audit(conn, "retention.review_delete", "contact", Some(contact), &[])?;
        if !done.contains(&contact) {
            done.push(contact);
        }
    }
    for (key, contacts, count) in &by_rule {
        purge::log(conn, ctx, trigger, key.as_str(), rules::category(*key), contacts, *count)?;
    }
    if !done.is_empty() {
        crate::domain::contacts::search::optimize(conn)?;
    }
    Ok(done)
}

/// The contact of a review item, or `NotFound`.
pub fn review_contact(conn: &Connection, id: i64) -> Result<i64> {
    Ok(review_entry(conn, id)?.1)
}

/// A deletion-log entry: what was deleted when, without personal values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeletionLogEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub trigger: String,
    pub rule: String,
    pub category: String,
    #[ts(type = "number")]
    pub count: i64,
    /// Pseudonymous ids ("contact:42").
    pub ids: Vec<String>,
}

pub fn deletion_log(conn: &Connection) -> Result<Vec<DeletionLogEntry>> {
    let mut s = conn.prepare(
        "SELECT id, at, trigger, rule, category, count, ids FROM deletion_log ORDER BY id DESC",
    )?;
    let v = s
        .query_map([], |r| {
            Ok(DeletionLogEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                trigger: r.get(2)?,
                rule: r.get(3)?,
                category: r.get(4)?,
                count: r.get(5)?,
                ids: serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// The deletion log as CSV, newest first (no personal values in it).
pub fn deletion_log_csv(conn: &Connection) -> Result<String> {
    let mut out = crate::kernel::csv::row(&["at", "trigger", "rule", "category", "count", "ids"]);
    for e in deletion_log(conn)? {
        out.push_str(&crate::kernel::csv::row(&[
            &e.at,
            &e.trigger,
            &e.rule,
            &e.category,
            &e.count.to_string(),
            &e.ids.join(" "),
        ]));
    }
    Ok(out)
}

/// The texts of the written retention policy in one language.
struct PolicyText {
    title: &'static str,
    intro: &'static str,
    headers: [&'static str; 4],
    delete: &'static str,
    review: &'static str,
    drawn_up: &'static str,
}

const POLICY_NL: PolicyText = PolicyText {
    title: "Bewaarbeleid",
    intro: "We bewaren persoonsgegevens niet langer dan nodig is voor het doel waarvoor we ze \
            hebben (AVG art. 5(1)(e)). Hieronder staat per soort gegevens hoe lang, en wat er \
            daarna gebeurt. Kluis voert dit automatisch uit bij elke start; wat niet automatisch \
            kan, komt in een beoordelingslijst. Van elke verwijdering wordt vastgelegd wanneer en \
            volgens welke regel, zonder de verwijderde gegevens zelf.",
    headers: ["Gegevens", "Bewaartermijn", "Daarna", "Toelichting"],
    delete: "verwijderen",
    review: "beoordelen",
    drawn_up: "Opgesteld op",
};

const POLICY_EN: PolicyText = PolicyText {
    title: "Retention policy",
    intro: "We keep personal data no longer than the purpose it was collected for needs \
            (GDPR Art. 5(1)(e)). Below, per kind of data: how long, and what happens then. Kluis \
            applies this automatically every time it starts; what cannot be automatic goes to a \
            review list. Every deletion is recorded with when and under which rule, without the \
            deleted data itself.",
    headers: ["Data", "Retention period", "Then", "Note"],
    delete: "delete",
    review: "review",
    drawn_up: "Drawn up on",
};

/// The policy's title, intro, rows (category, period, action, note) and date line.
fn policy_rows(
    conn: &Connection,
    language: Language,
) -> Result<(&'static PolicyText, Vec<[String; 4]>)> {
    let t = if language.is_dutch() { &POLICY_NL } else { &POLICY_EN };
    let rows = rules::list(conn, language)?
        .into_iter()
        .map(|r| {
            let action = match r.action {
                rules::Action::Delete => t.delete,
                rules::Action::Review => t.review,
            };
            [r.category, r.period_text, action.to_owned(), r.note]
        })
        .collect();
    Ok((t, rows))
}

fn policy_title(t: &PolicyText, business: &str) -> String {
    if business.is_empty() {
        t.title.to_owned()
    } else {
        format!("{} — {business}", t.title)
    }
}

/// The day a policy is drawn up, as its language writes it (`2 december 2026`).
fn drawn_up_on(now: chrono::DateTime<chrono::Utc>, language: Language) -> String {
    long_date(&now.date_naive().to_string(), language)
}

/// The written retention policy, generated from the rules in force (Markdown).
pub fn policy_markdown(
    conn: &Connection,
    language: Language,
    business: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String> {
    let (t, rows) = policy_rows(conn, language)?;
    let esc = |s: &str| s.replace('|', "\\|");
    let mut md = format!("# {}\n\n{}\n\n", policy_title(t, business), t.intro);
    md.push_str(&format!("| {} |\n|---|---|---|---|\n", t.headers.join(" | ")));
    for r in &rows {
        md.push_str(&format!("| {} | {} | {} | {} |\n", esc(&r[0]), r[1], r[2], esc(&r[3])));
    }
    md.push_str(&format!("\n{} {}\n", t.drawn_up, drawn_up_on(now, language)));
    Ok(md)
}

/// The same policy as a PDF (embedded fonts, text extractable).
pub fn policy_pdf(
    conn: &Connection,
    language: Language,
    business: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>> {
    let (t, rows) = policy_rows(conn, language)?;
    let title = policy_title(t, business);
    let date = drawn_up_on(now, language);
    let footer = format!("{title} · {} {date}", t.drawn_up);
    let label = if language.is_dutch() { ("Pagina", "van") } else { ("Page", "of") };
    let mut doc = crate::kernel::pdf::Doc::new(&title, &footer, label)?;
    let sender: Vec<String> =
        [business].iter().filter(|b| !b.is_empty()).map(|b| (*b).to_owned()).collect();
    doc.letterhead(&sender, &title, &format!("{} {date}", t.drawn_up));
    doc.paragraph(t.intro);
    let rows: Vec<Vec<String>> = rows.into_iter().map(Vec::from).collect();
    doc.table(&t.headers, &[3.0, 1.6, 1.3, 5.0], &rows);
    doc.finish()
}
