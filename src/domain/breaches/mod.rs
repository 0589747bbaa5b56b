//! The breach register (Art. 33(5)): every personal-data breach, reported to the Autoriteit
//! Persoonsgegevens (AP) or not, with the facts, the effects, the measures taken, the risk
//! assessment, the decision to notify the AP (and why not), the notification with its case
//! number (and the reason when later than 72 hours), informing the people affected (or the
//! Art. 34(3) exception), follow-up notifications (Art. 33(4)), and optional links to the
//! contacts it concerns. The 72-hour clock lives in [`deadline`].
//!
//! A breach record is the controller's own record of a legal obligation: linking a contact
//! whose processing is restricted is allowed (it changes nothing of the contact's data), and
//! the link goes when the contact is erased or purged while the approximate counts stay.
//! Audit rows name the breach by id and the fields changed, never their values.

pub mod deadline;
pub mod report;

use chrono::{DateTime, Datelike, Utc};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::date::{format_instant, parse_instant};
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

crate::kernel::str_enum! {
    /// What the breach affected (several allowed).
    pub enum Nature("nature") {
        Confidentiality => "confidentiality",
        Integrity => "integrity",
        Availability => "availability",
    }
}

impl Nature {
    /// The word for people: "vertrouwelijkheid" / "confidentiality".
    pub fn label(self, language: Language) -> &'static str {
        match (self, language.is_dutch()) {
            (Nature::Confidentiality, true) => "vertrouwelijkheid",
            (Nature::Integrity, true) => "integriteit",
            (Nature::Availability, true) => "beschikbaarheid",
            (Nature::Confidentiality, false) => "confidentiality",
            (Nature::Integrity, false) => "integrity",
            (Nature::Availability, false) => "availability",
        }
    }
}

crate::kernel::str_enum! {
    /// The risk to the people affected.
    pub enum Risk("risk") {
        NoRisk => "none",
        Risk => "risk",
        High => "high",
    }
}

crate::kernel::str_enum! {
    /// The decision on notifying the AP.
    pub enum ApDecision("decision") {
        Notify => "notify",
        NoNotify => "no-notify",
    }
}

crate::kernel::str_enum! {
    /// Why the people affected need not be told (Art. 34(3)): (a) the data are unintelligible
    /// to others, such as encrypted; (b) later measures removed the high risk; (c) telling each
    /// would take disproportionate effort (a public notice instead).
    pub enum Exception("exception") {
        Encrypted => "encrypted",
        Mitigated => "mitigated",
        Disproportionate => "disproportionate",
    }
}

crate::kernel::str_enum! {
    pub enum Status("status") {
        Open => "open",
        Closed => "closed",
    }
}

/// A new breach, as typed: instants as RFC 3339 or `31-03-2026 14:30` (local time).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BreachInput {
    pub reference: Option<String>,
    pub aware_at: String,
    pub occurred_at: Option<String>,
    pub description: String,
    pub nature: Vec<Nature>,
    #[ts(type = "number | null")]
    pub approx_people: Option<i64>,
    pub risk: Option<Risk>,
}

/// Changes to a breach: each field given (not null) is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BreachEdit {
    pub reference: Option<String>,
    pub occurred_at: Option<String>,
    pub description: Option<String>,
    pub nature: Option<Vec<Nature>>,
    pub data_categories: Option<Vec<String>>,
    pub special_categories: Option<bool>,
    pub bsn: Option<bool>,
    #[ts(type = "number | null")]
    pub approx_people: Option<i64>,
    #[ts(type = "number | null")]
    pub approx_records: Option<i64>,
    pub consequences: Option<String>,
    pub measures_before: Option<String>,
    pub corrective_measures: Option<String>,
    pub preventive_measures: Option<String>,
    pub risk: Option<Risk>,
    pub risk_reasoning: Option<String>,
    pub privacy_officer: Option<bool>,
}

impl BreachEdit {
    /// Nothing is set.
    pub fn is_empty(&self) -> bool {
        *self == BreachEdit::default()
    }
}

/// How the people affected were dealt with: `{"informed": {"at", "how"}}` or
/// `{"exception": "encrypted"}` over IPC.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "BreachPeople")]
pub enum People {
    /// Told, when and how (`at` as typed).
    Informed { at: String, how: String },
    /// Not told, under this exception.
    Exception(Exception),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FollowUp {
    pub at: String,
    pub text: String,
}

/// A breach as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Breach {
    #[ts(type = "number")]
    pub id: i64,
    pub reference: String,
    pub occurred_at: Option<String>,
    pub aware_at: String,
    pub description: String,
    pub nature: Vec<Nature>,
    pub data_categories: Vec<String>,
    pub special_categories: bool,
    pub bsn: bool,
    #[ts(type = "number | null")]
    pub approx_people: Option<i64>,
    #[ts(type = "number | null")]
    pub approx_records: Option<i64>,
    pub consequences: String,
    pub measures_before: String,
    pub corrective_measures: String,
    pub preventive_measures: String,
    pub risk: Option<Risk>,
    pub risk_reasoning: String,
    pub ap_decision: Option<ApDecision>,
    pub ap_decision_reason: Option<String>,
    pub notified_at: Option<String>,
    pub ap_case_number: Option<String>,
    pub late_reason: Option<String>,
    /// "informed" or "exception", once decided.
    pub people_decision: Option<String>,
    pub people_informed_at: Option<String>,
    pub people_informed_how: Option<String>,
    pub people_exception: Option<Exception>,
    pub privacy_officer: bool,
    pub status: Status,
    pub closed_at: Option<String>,
    /// The 72-hour clock at the vault's `now`.
    pub deadline: deadline::Deadline,
    pub follow_ups: Vec<FollowUp>,
    /// The contacts linked to it (ids).
    #[ts(type = "Array<number>")]
    pub contacts: Vec<i64>,
}

/// A breach as a subject-access report names it to a person it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub reference: String,
    pub aware_at: String,
    pub occurred_at: Option<String>,
    pub nature: Vec<Nature>,
}

const MAX_TEXT: usize = 5000;

fn text(s: &str, field: &'static str, required: bool) -> Result<String> {
    let s = s.trim();
    if required && s.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if s.chars().count() > MAX_TEXT {
        return Err(Error::invalid(field, format!("at most {MAX_TEXT} characters")));
    }
    Ok(s.to_owned())
}

fn count(n: Option<i64>, field: &'static str) -> Result<Option<i64>> {
    match n {
        Some(n) if n < 0 => Err(Error::invalid(field, "must not be negative")),
        n => Ok(n),
    }
}

/// The instant typed for `field`, not after `now`.
fn past(s: &str, field: &'static str, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let t = parse_instant(s, field)?;
    if t > now {
        return Err(Error::invalid(field, "lies in the future"));
    }
    Ok(t)
}

fn natures(v: &[Nature]) -> String {
    let list: Vec<&str> =
        Nature::ALL.iter().filter(|n| v.contains(n)).map(|n| n.as_str()).collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
}

fn occurred(s: &str, aware: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let t = parse_instant(s, "occurred_at")?;
    if t > aware {
        return Err(Error::invalid("occurred_at", "lies after the moment of becoming aware"));
    }
    Ok(t)
}

fn aware_of(conn: &Connection, id: i64) -> Result<DateTime<Utc>> {
    let s: String = conn
        .query_row("SELECT aware_at FROM breaches WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("breach {id}")))?;
    parse_instant(&s, "aware_at")
}

fn touch(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE breaches SET updated_at = ?2 WHERE id = ?1",
        params![id, format_instant(ctx.now)],
    )?;
    Ok(())
}

/// Registers a breach; returns its id. Without a reference it gets `YYYY-NNN` (the year of
/// becoming aware and the id).
pub fn add(conn: &Connection, ctx: &Ctx<'_>, input: &BreachInput) -> Result<i64> {
    let aware = past(&input.aware_at, "aware_at", ctx.now)?;
    let occurred_at = input.occurred_at.as_deref().map(|s| occurred(s, aware)).transpose()?;
    let description = text(&input.description, "description", true)?;
    let reference = input.reference.as_deref().map(|r| text(r, "reference", true)).transpose()?;
    let people = count(input.approx_people, "approx_people")?;
    let now = format_instant(ctx.now);
    conn.execute(
        "INSERT INTO breaches (reference, occurred_at, aware_at, description, nature,
                               approx_people, risk, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            reference,
            occurred_at.map(format_instant),
            format_instant(aware),
            description,
            natures(&input.nature),
            people,
            input.risk.map(Risk::as_str),
            now
        ],
    )
    .map_err(|e| unique_reference(e, "reference"))?;
    let id = conn.last_insert_rowid();
    if reference.is_none() {
        conn.execute(
            "UPDATE breaches SET reference = ?2 WHERE id = ?1",
            params![id, format!("{}-{id:03}", aware.year())],
        )
        .map_err(|e| unique_reference(e, "reference"))?;
    }
    let mut fields = vec!["aware_at", "description"];
    for (given, f) in [
        (input.reference.is_some(), "reference"),
        (occurred_at.is_some(), "occurred_at"),
        (!input.nature.is_empty(), "nature"),
        (people.is_some(), "approx_people"),
        (input.risk.is_some(), "risk"),
    ] {
        if given {
            fields.push(f);
        }
    }
    ctx.audit(conn, "breach.add", "breach", Some(id), &fields)?;
    Ok(id)
}

/// Registers a breach with more of its fields known at once (the new-breach form, the
/// lost-device helper): [`add`], then [`edit`] with `details` when they set anything, in the
/// caller's transaction.
pub fn add_with_details(
    conn: &Connection,
    ctx: &Ctx<'_>,
    input: &BreachInput,
    details: &BreachEdit,
) -> Result<i64> {
    let id = add(conn, ctx, input)?;
    if !details.is_empty() {
        edit(conn, ctx, id, details)?;
    }
    Ok(id)
}

fn unique_reference(e: rusqlite::Error, field: &'static str) -> Error {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Error::invalid(field, "another breach has this reference")
        }
        _ => e.into(),
    }
}

/// Sets the fields given in `edit`.
pub fn edit(conn: &Connection, ctx: &Ctx<'_>, id: i64, edit: &BreachEdit) -> Result<()> {
    let aware = aware_of(conn, id)?;
    let mut set: Vec<(&'static str, Value)> = Vec::new();
    let txt = |v: &Option<String>, f: &'static str, required: bool| -> Result<Option<Value>> {
        v.as_deref().map(|s| text(s, f, required).map(Value::Text)).transpose()
    };
    let flag = |v: Option<bool>| v.map(|b| Value::Integer(i64::from(b)));
    let json = |v: &[String]| -> Result<Value> {
        let mut list: Vec<String> = Vec::new();
        for c in v {
            let c = text(c, "data_categories", true)?;
            if !list.contains(&c) {
                list.push(c);
            }
        }
        Ok(Value::Text(serde_json::to_string(&list).map_err(|e| Error::Internal(e.to_string()))?))
    };
    let items: Vec<(&'static str, Option<Value>)> = vec![
        ("reference", txt(&edit.reference, "reference", true)?),
        (
            "occurred_at",
            edit.occurred_at
                .as_deref()
                .map(|s| occurred(s, aware).map(|t| Value::Text(format_instant(t))))
                .transpose()?,
        ),
        ("description", txt(&edit.description, "description", true)?),
        ("nature", edit.nature.as_deref().map(|n| Value::Text(natures(n)))),
        ("data_categories", edit.data_categories.as_deref().map(json).transpose()?),
        ("special_categories", flag(edit.special_categories)),
        ("bsn", flag(edit.bsn)),
        ("approx_people", count(edit.approx_people, "approx_people")?.map(Value::Integer)),
        ("approx_records", count(edit.approx_records, "approx_records")?.map(Value::Integer)),
        ("consequences", txt(&edit.consequences, "consequences", false)?),
        ("measures_before", txt(&edit.measures_before, "measures_before", false)?),
        ("corrective_measures", txt(&edit.corrective_measures, "corrective_measures", false)?),
        ("preventive_measures", txt(&edit.preventive_measures, "preventive_measures", false)?),
        ("risk", edit.risk.map(|r| Value::Text(r.as_str().to_owned()))),
        ("risk_reasoning", txt(&edit.risk_reasoning, "risk_reasoning", false)?),
        ("privacy_officer", flag(edit.privacy_officer)),
    ];
    for (col, v) in items {
        if let Some(v) = v {
            set.push((col, v));
        }
    }
    if set.is_empty() {
        return Err(Error::invalid("edit", "nothing to change"));
    }
    let assignments: Vec<String> =
        set.iter().enumerate().map(|(i, (c, _))| format!("{c} = ?{}", i + 2)).collect();
    let sql = format!("UPDATE breaches SET {} WHERE id = ?1", assignments.join(", "));
    let mut values: Vec<Value> = vec![Value::Integer(id)];
    values.extend(set.iter().map(|(_, v)| v.clone()));
    conn.execute(&sql, rusqlite::params_from_iter(values))
        .map_err(|e| unique_reference(e, "reference"))?;
    touch(conn, ctx, id)?;
    let fields: Vec<&str> = set.iter().map(|(c, _)| *c).collect();
    ctx.audit(conn, "breach.edit", "breach", Some(id), &fields)
}

/// Records the decision not to notify the AP, with the reason (Art. 33(5) asks for it).
pub fn decide_no_notify(conn: &Connection, ctx: &Ctx<'_>, id: i64, reason: &str) -> Result<()> {
    aware_of(conn, id)?;
    let reason = text(reason, "reason", true)?;
    let notified: Option<String> =
        conn.query_row("SELECT notified_at FROM breaches WHERE id = ?1", [id], |r| r.get(0))?;
    if notified.is_some() {
        return Err(Error::invalid("decision", "the AP has already been notified of this breach"));
    }
    conn.execute(
        "UPDATE breaches SET ap_decision = 'no-notify', ap_decision_reason = ?2 WHERE id = ?1",
        params![id, reason],
    )?;
    touch(conn, ctx, id)?;
    ctx.audit(conn, "breach.decide", "breach", Some(id), &["ap_decision", "ap_decision_reason"])
}

/// Records the notification to the AP at `at`, with the AP's case number. Later than 72 hours
/// after becoming aware it needs the reason for the delay (Art. 33(1)).
pub fn notify(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    at: &str,
    case_number: Option<&str>,
    late_reason: Option<&str>,
) -> Result<()> {
    let aware = aware_of(conn, id)?;
    let at = past(at, "notified_at", ctx.now)?;
    if at < aware {
        return Err(Error::invalid("notified_at", "lies before the moment of becoming aware"));
    }
    let case = case_number.map(|c| text(c, "ap_case_number", true)).transpose()?;
    let late = late_reason.map(|r| text(r, "late_reason", true)).transpose()?;
    let by = deadline::notify_by(aware);
    if at > by && late.is_none() {
        return Err(Error::invalid(
            "late_reason",
            format!(
                "the notification is later than 72 hours after becoming aware (due {}): give \
                 the reason for the delay",
                deadline::local(by)
            ),
        ));
    }
    conn.execute(
        "UPDATE breaches SET ap_decision = 'notify', ap_decision_reason = NULL, notified_at = ?2,
             ap_case_number = coalesce(?3, ap_case_number), late_reason = ?4
         WHERE id = ?1",
        params![id, format_instant(at), case, late],
    )?;
    touch(conn, ctx, id)?;
    let mut fields = vec!["ap_decision", "notified_at"];
    if case.is_some() {
        fields.push("ap_case_number");
    }
    if late.is_some() {
        fields.push("late_reason");
    }
    ctx.audit(conn, "breach.notify", "breach", Some(id), &fields)
}

/// Records how the people affected were dealt with (Art. 34).
pub fn inform(conn: &Connection, ctx: &Ctx<'_>, id: i64, people: &People) -> Result<()> {
    let aware = aware_of(conn, id)?;
    match people {
        People::Informed { at, how } => {
            let at = past(at, "people_informed_at", ctx.now)?;
            if at < aware {
                return Err(Error::invalid(
                    "people_informed_at",
                    "lies before the moment of becoming aware",
                ));
            }
            let how = text(how, "people_informed_how", true)?;
            conn.execute(
                "UPDATE breaches SET people_decision = 'informed', people_informed_at = ?2,
                     people_informed_how = ?3, people_exception = NULL WHERE id = ?1",
                params![id, format_instant(at), how],
            )?;
        }
        People::Exception(e) => {
            conn.execute(
                "UPDATE breaches SET people_decision = 'exception', people_informed_at = NULL,
                     people_informed_how = NULL, people_exception = ?2 WHERE id = ?1",
                params![id, e.as_str()],
            )?;
        }
    }
    touch(conn, ctx, id)?;
    let fields: &[&str] = match people {
        People::Informed { .. } => {
            &["people_decision", "people_informed_at", "people_informed_how"]
        }
        People::Exception(_) => &["people_decision", "people_exception"],
    };
    ctx.audit(conn, "breach.inform", "breach", Some(id), fields)
}

/// Appends a follow-up notification to the AP (Art. 33(4)); only after the first one.
pub fn follow_up(conn: &Connection, ctx: &Ctx<'_>, id: i64, at: &str, body: &str) -> Result<()> {
    aware_of(conn, id)?;
    let notified: Option<String> =
        conn.query_row("SELECT notified_at FROM breaches WHERE id = ?1", [id], |r| r.get(0))?;
    let Some(notified) = notified else {
        return Err(Error::invalid("at", "record the notification to the AP first"));
    };
    let at = past(at, "at", ctx.now)?;
    if format_instant(at) < notified {
        return Err(Error::invalid("at", "lies before the first notification"));
    }
    let body = text(body, "text", true)?;
    conn.execute(
        "INSERT INTO breach_followups (breach_id, at, text, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, format_instant(at), body, format_instant(ctx.now)],
    )?;
    touch(conn, ctx, id)?;
    ctx.audit(conn, "breach.follow_up", "breach", Some(id), &["follow_ups"])
}

/// Links a contact the breach concerns. A restricted contact can be linked: the record is a
/// legal obligation (Art. 33(5)) and the link changes none of the contact's data.
pub fn link(conn: &Connection, ctx: &Ctx<'_>, id: i64, contact: i64) -> Result<()> {
    aware_of(conn, id)?;
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1)", [contact], |r| {
            r.get(0)
        })?;
    if !exists {
        return Err(Error::NotFound(format!("contact {contact}")));
    }
    let n = conn.execute(
        "INSERT INTO breach_contacts (breach_id, contact_id, linked_at) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
        params![id, contact, format_instant(ctx.now)],
    )?;
    if n > 0 {
        touch(conn, ctx, id)?;
        ctx.audit(conn, "breach.link", "breach", Some(id), &["contacts"])?;
    }
    Ok(())
}

/// Removes the link to a contact.
pub fn unlink(conn: &Connection, ctx: &Ctx<'_>, id: i64, contact: i64) -> Result<()> {
    aware_of(conn, id)?;
    let n = conn.execute(
        "DELETE FROM breach_contacts WHERE breach_id = ?1 AND contact_id = ?2",
        params![id, contact],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!("contact {contact} on breach {id}")));
    }
    touch(conn, ctx, id)?;
    ctx.audit(conn, "breach.unlink", "breach", Some(id), &["contacts"])
}

/// Closes a breach once the AP decision is made; its retention period counts from now.
pub fn close(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<()> {
    aware_of(conn, id)?;
    let decided: Option<String> =
        conn.query_row("SELECT ap_decision FROM breaches WHERE id = ?1", [id], |r| r.get(0))?;
    if decided.is_none() {
        return Err(Error::invalid(
            "status",
            "decide first whether to notify the AP (breach notify or breach decide)",
        ));
    }
    conn.execute(
        "UPDATE breaches SET status = 'closed', closed_at = ?2 WHERE id = ?1 AND status = 'open'",
        params![id, format_instant(ctx.now)],
    )?;
    touch(conn, ctx, id)?;
    ctx.audit(conn, "breach.close", "breach", Some(id), &["status"])
}

const COLUMNS: &str = "id, reference, occurred_at, aware_at, description, nature, data_categories,
    special_categories, bsn, approx_people, approx_records, consequences, measures_before,
    corrective_measures, preventive_measures, risk, risk_reasoning, ap_decision,
    ap_decision_reason, notified_at, ap_case_number, late_reason, people_decision,
    people_informed_at, people_informed_how, people_exception, privacy_officer, status,
    closed_at";

fn parse_list<T: std::str::FromStr>(s: &str) -> Vec<T> {
    serde_json::from_str::<Vec<String>>(s)
        .unwrap_or_default()
        .iter()
        .filter_map(|x| x.parse().ok())
        .collect()
}

fn row(r: &Row<'_>, now: DateTime<Utc>) -> rusqlite::Result<Breach> {
    let aware_at: String = r.get(3)?;
    let decision: Option<String> = r.get(17)?;
    let aware =
        DateTime::parse_from_rfc3339(&aware_at).map(|t| t.with_timezone(&Utc)).unwrap_or(now);
    let risk: Option<String> = r.get(15)?;
    let exception: Option<String> = r.get(25)?;
    let status: String = r.get(27)?;
    let nature: String = r.get(5)?;
    let categories: String = r.get(6)?;
    Ok(Breach {
        id: r.get(0)?,
        reference: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        occurred_at: r.get(2)?,
        deadline: deadline::at(aware, now, decision.is_some()),
        aware_at,
        description: r.get(4)?,
        nature: parse_list(&nature),
        data_categories: serde_json::from_str(&categories).unwrap_or_default(),
        special_categories: r.get(7)?,
        bsn: r.get(8)?,
        approx_people: r.get(9)?,
        approx_records: r.get(10)?,
        consequences: r.get(11)?,
        measures_before: r.get(12)?,
        corrective_measures: r.get(13)?,
        preventive_measures: r.get(14)?,
        risk: risk.and_then(|s| s.parse().ok()),
        risk_reasoning: r.get(16)?,
        ap_decision: decision.and_then(|s| s.parse().ok()),
        ap_decision_reason: r.get(18)?,
        notified_at: r.get(19)?,
        ap_case_number: r.get(20)?,
        late_reason: r.get(21)?,
        people_decision: r.get(22)?,
        people_informed_at: r.get(23)?,
        people_informed_how: r.get(24)?,
        people_exception: exception.and_then(|s| s.parse().ok()),
        privacy_officer: r.get(26)?,
        status: status.parse().unwrap_or(Status::Open),
        closed_at: r.get(28)?,
        follow_ups: Vec::new(),
        contacts: Vec::new(),
    })
}

fn details(conn: &Connection, mut b: Breach) -> Result<Breach> {
    let mut s =
        conn.prepare("SELECT at, text FROM breach_followups WHERE breach_id = ?1 ORDER BY at, id")?;
    b.follow_ups = s
        .query_map([b.id], |r| Ok(FollowUp { at: r.get(0)?, text: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let mut s = conn.prepare(
        "SELECT contact_id FROM breach_contacts WHERE breach_id = ?1 ORDER BY contact_id",
    )?;
    b.contacts = s.query_map([b.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(b)
}

/// One breach with its follow-ups, linked contacts and its clock at `now`.
pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Breach> {
    let b = conn
        .query_row(&format!("SELECT {COLUMNS} FROM breaches WHERE id = ?1"), [id], |r| row(r, now))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("breach {id}")))?;
    details(conn, b)
}

/// Every breach, open ones first, newest awareness first.
pub fn list(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Breach>> {
    let mut s = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM breaches ORDER BY status = 'closed', aware_at DESC, id DESC"
    ))?;
    let v: Vec<Breach> = s.query_map([], |r| row(r, now))?.collect::<rusqlite::Result<_>>()?;
    v.into_iter().map(|b| details(conn, b)).collect()
}

/// The breaches linked to a contact, for their subject-access report and portability export.
pub fn for_contact(conn: &Connection, contact: i64) -> Result<Vec<Mention>> {
    let mut s = conn.prepare(
        "SELECT b.reference, b.aware_at, b.occurred_at, b.nature FROM breach_contacts l
         JOIN breaches b ON b.id = l.breach_id WHERE l.contact_id = ?1
         ORDER BY b.aware_at, b.id",
    )?;
    let v = s
        .query_map([contact], |r| {
            let nature: String = r.get(3)?;
            Ok(Mention {
                reference: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                aware_at: r.get(1)?,
                occurred_at: r.get(2)?,
                nature: parse_list(&nature),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
