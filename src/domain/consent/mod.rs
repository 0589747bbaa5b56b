//! Lawful basis per contact and purpose, and the consent ledger.
//!
//! A link says on which basis a contact's data is processed for a purpose, where it came from
//! and when it was last reviewed. Consent is evidence: append-only give/withdraw events with
//! time, method, the exact text (stored once under the SHA-256 of its bytes as given), an
//! evidence note and who recorded it. The current state is derived from the newest event.

pub mod objection;

use chrono::{DateTime, Months, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::domain::contacts::ensure_not_restricted;
use crate::domain::controller;
use crate::domain::register::purposes::{self, Basis, Purpose};
use crate::domain::suppression;
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

pub const MAX_CONSENT_TEXT: usize = 20_000;
pub const MAX_EVIDENCE: usize = 2_000;

crate::kernel::str_enum! {
    /// How consent was given or withdrawn. "import": read from a newsletter tool's export (an
    /// unsubscribe import), never typed by hand.
    pub enum Method("method") {
        Form => "form",
        Email => "email",
        Phone => "phone",
        InPerson => "in-person",
        Paper => "paper",
        Other => "other",
        Import => "import",
    }
}

impl Method {
    /// How it is shown to a person, in their language.
    pub fn label(self, language: Language) -> &'static str {
        let nl = language.is_dutch();
        match self {
            Method::Form => {
                if nl {
                    "formulier"
                } else {
                    "form"
                }
            }
            Method::Email => "e-mail",
            Method::Phone => {
                if nl {
                    "telefonisch"
                } else {
                    "by phone"
                }
            }
            Method::InPerson => {
                if nl {
                    "persoonlijk"
                } else {
                    "in person"
                }
            }
            Method::Paper => {
                if nl {
                    "op papier"
                } else {
                    "on paper"
                }
            }
            Method::Other => {
                if nl {
                    "anders"
                } else {
                    "otherwise"
                }
            }
            Method::Import => {
                if nl {
                    "via een import"
                } else {
                    "by an import"
                }
            }
        }
    }

    /// The link source that matches a consent method.
    fn source(self) -> Source {
        match self {
            Method::Form => Source::Form,
            Method::Email => Source::Email,
            Method::Phone => Source::Phone,
            Method::InPerson => Source::InPerson,
            Method::Paper | Method::Other => Source::Other,
            Method::Import => Source::Imported,
        }
    }
}

crate::kernel::str_enum! {
    /// Where a contact's data for a purpose came from.
    pub enum Source("source") {
        Form => "form",
        Email => "email",
        Phone => "phone",
        InPerson => "in-person",
        Imported => "imported",
        Other => "other",
    }
}

impl Source {
    /// How it is shown to a person, in their language.
    pub fn label(self, language: Language) -> &'static str {
        let nl = language.is_dutch();
        match self {
            Source::Form => {
                if nl {
                    "formulier"
                } else {
                    "form"
                }
            }
            Source::Email => "e-mail",
            Source::Phone => {
                if nl {
                    "telefonisch"
                } else {
                    "by phone"
                }
            }
            Source::InPerson => {
                if nl {
                    "persoonlijk"
                } else {
                    "in person"
                }
            }
            Source::Imported => {
                if nl {
                    "geïmporteerd"
                } else {
                    "imported"
                }
            }
            Source::Other => {
                if nl {
                    "anders"
                } else {
                    "otherwise"
                }
            }
        }
    }
}

crate::kernel::str_enum! {
    pub enum EventKind("kind") {
        Given => "given",
        Withdrawn => "withdrawn",
    }
}

/// One ledger row, as history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConsentEvent {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: EventKind,
    pub purpose: String,
    #[ts(type = "number")]
    pub purpose_id: i64,
    pub at: String,
    pub method: Method,
    pub text_sha256: Option<String>,
    pub text: Option<String>,
    pub evidence: Option<String>,
    pub recorded_by: String,
}

/// The basis for one contact and purpose, with the consent state derived from the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PurposeLink {
    pub purpose: Purpose,
    /// None: no basis recorded yet ("unknown", waiting in the triage list).
    pub basis: Option<Basis>,
    pub source: Source,
    pub reviewed_at: String,
    pub ended_at: Option<String>,
    /// For consent: when the current consent was given; None when withdrawn or never given.
    pub consent_given_at: Option<String>,
    /// The data may be processed for this purpose now.
    pub usable: bool,
    /// When the link was marked for a re-permission run (until consent is given again).
    pub repermission_marked_at: Option<String>,
}

/// What a person records when consent is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConsentInput {
    #[ts(type = "number")]
    pub purpose_id: i64,
    pub method: Method,
    /// The exact text the person agreed to; stored byte for byte.
    pub text: String,
    pub evidence: Option<String>,
}

/// SHA-256 of the exact bytes of a consent text, as hex.
pub fn text_hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn check_evidence(e: &Option<String>) -> Result<Option<String>> {
    match e.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) if s.chars().count() > MAX_EVIDENCE => {
            Err(Error::invalid("evidence", "too long (at most 2000 characters)"))
        }
        Some(s) => Ok(Some(s.to_owned())),
    }
}

fn upsert_link(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    purpose_id: i64,
    basis: Option<Basis>,
    source: Source,
) -> Result<()> {
    conn.execute(
        "INSERT INTO contact_purposes (contact_id, purpose_id, basis, source, reviewed_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (contact_id, purpose_id) DO UPDATE SET
             basis = excluded.basis, source = excluded.source,
             reviewed_at = excluded.reviewed_at, ended_at = NULL,
             repermission_marked_at = NULL",
        params![
            contact_id,
            purpose_id,
            basis.map_or("unknown", Basis::as_str),
            source.as_str(),
            format_instant(ctx.now)
        ],
    )?;
    Ok(())
}

/// Links a contact to a purpose on a basis (None: unknown, to be triaged), or re-reviews it.
pub fn link(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    purpose_id: i64,
    basis: Option<Basis>,
    source: Source,
) -> Result<()> {
    ensure_not_restricted(conn, contact_id)?;
    let purpose = purposes::get(conn, purpose_id)?;
    if purpose.direct_marketing {
        suppression::ensure_not_suppressed(conn, contact_id)?;
    }
    upsert_link(conn, ctx, contact_id, purpose_id, basis, source)?;
    ctx.audit(conn, "purpose.link", "contact", Some(contact_id), &["basis", "source"])
}

/// Removes the link between a contact and a purpose (the ledger keeps its history).
pub fn unlink(conn: &Connection, ctx: &Ctx<'_>, contact_id: i64, purpose_id: i64) -> Result<()> {
    ensure_not_restricted(conn, contact_id)?;
    let n = conn.execute(
        "DELETE FROM contact_purposes WHERE contact_id = ?1 AND purpose_id = ?2",
        params![contact_id, purpose_id],
    )?;
    if n == 0 {
        return Err(Error::NotFound("link".into()));
    }
    ctx.audit(conn, "purpose.unlink", "contact", Some(contact_id), &[])
}

fn store_text(conn: &Connection, ctx: &Ctx<'_>, text: &str) -> Result<String> {
    let hash = text_hash(text);
    conn.execute(
        "INSERT OR IGNORE INTO consent_texts (sha256, text, created_at) VALUES (?1, ?2, ?3)",
        params![hash, text, format_instant(ctx.now)],
    )?;
    Ok(hash)
}

/// The consent texts the events of `contact_id` point to.
pub fn texts_of(conn: &Connection, contact_id: i64) -> Result<Vec<String>> {
    let mut s = conn.prepare(
        "SELECT DISTINCT text_sha256 FROM consent_events
         WHERE contact_id = ?1 AND text_sha256 IS NOT NULL",
    )?;
    let out = s.query_map([contact_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Deletes those of the texts `hashes` that no consent event refers to any more (a form text
/// can hold the person's name and phone number); returns how many went.
pub fn delete_unreferenced_texts(conn: &Connection, hashes: &[String]) -> Result<i64> {
    let mut n = 0;
    for h in hashes {
        n += conn.execute(
            "DELETE FROM consent_texts WHERE sha256 = ?1
             AND NOT EXISTS (SELECT 1 FROM consent_events WHERE text_sha256 = ?1)",
            [h],
        )? as i64;
    }
    Ok(n)
}

/// Records consent given. The text is kept exactly as given.
pub fn give(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    input: &ConsentInput,
) -> Result<i64> {
    ensure_not_restricted(conn, contact_id)?;
    if input.text.trim().is_empty() {
        return Err(Error::invalid("text", "record the exact text the person agreed to"));
    }
    if input.text.chars().count() > MAX_CONSENT_TEXT {
        return Err(Error::invalid("text", "too long (at most 20000 characters)"));
    }
    by_hand(input.method)?;
    let evidence = check_evidence(&input.evidence)?;
    let purpose = purposes::get(conn, input.purpose_id)?;
    if purpose.direct_marketing {
        suppression::ensure_not_suppressed(conn, contact_id)?;
    }
    let hash = store_text(conn, ctx, &input.text)?;
    conn.execute(
        "INSERT INTO consent_events (contact_id, purpose_id, kind, at, method, text_sha256,
                                     evidence, recorded_by)
         VALUES (?1, ?2, 'given', ?3, ?4, ?5, ?6, ?7)",
        params![
            contact_id,
            purpose.id,
            format_instant(ctx.now),
            input.method.as_str(),
            hash,
            evidence,
            recorded_by(conn, ctx)?
        ],
    )?;
    let id = conn.last_insert_rowid();
    // Consent given for a consent purpose is the basis for it; for other purposes (explicit
    // consent for special categories) the link keeps its own basis.
    let existing = link_basis(conn, contact_id, purpose.id)?;
    let basis = match (purpose.basis, existing) {
        (Basis::Consent, _) | (_, None) => Some(purpose.basis),
        (_, Some(b)) => b,
    };
    upsert_link(conn, ctx, contact_id, purpose.id, basis, input.method.source())?;
    ctx.audit(conn, "consent.give", "contact", Some(contact_id), &["purpose", "method", "text"])?;
    Ok(id)
}

fn link_basis(
    conn: &Connection,
    contact_id: i64,
    purpose_id: i64,
) -> Result<Option<Option<Basis>>> {
    let b: Option<String> = conn
        .query_row(
            "SELECT basis FROM contact_purposes WHERE contact_id = ?1 AND purpose_id = ?2",
            params![contact_id, purpose_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(b.map(|b| b.parse().ok()))
}

/// Records consent withdrawn: one action, allowed also on a restricted contact.
pub fn withdraw(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    purpose_id: i64,
    method: Method,
    evidence: Option<String>,
) -> Result<i64> {
    by_hand(method)?;
    let evidence = check_evidence(&evidence)?;
    if current_given(conn, contact_id, purpose_id)?.is_none() {
        return Err(Error::invalid("purpose", "there is no current consent to withdraw"));
    }
    conn.execute(
        "INSERT INTO consent_events (contact_id, purpose_id, kind, at, method, evidence, recorded_by)
         VALUES (?1, ?2, 'withdrawn', ?3, ?4, ?5, ?6)",
        params![
            contact_id,
            purpose_id,
            format_instant(ctx.now),
            method.as_str(),
            evidence,
            recorded_by(conn, ctx)?
        ],
    )?;
    let id = conn.last_insert_rowid();
    ctx.audit(conn, "consent.withdraw", "contact", Some(contact_id), &["purpose", "method"])?;
    Ok(id)
}

/// The method "import" is for events read from a file, never recorded by hand.
fn by_hand(method: Method) -> Result<()> {
    if method == Method::Import {
        return Err(Error::invalid(
            "method",
            "\"import\" is only for unsubscribes read from a file (kluis import unsubscribes)",
        ));
    }
    Ok(())
}

/// Records a withdrawal read from a newsletter tool's export: at the time the file gives
/// (RFC 3339, UTC), method "import", with the evidence naming the file and the campaign. Unlike
/// [`withdraw`] it needs no current consent: an unsubscribe is evidence of the person's "no"
/// also where no consent was recorded here. Allowed on a restricted contact (a withdrawal
/// limits processing). The caller decides whether one is due ([`newest`]).
pub fn record_imported_withdrawal(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    purpose_id: i64,
    at: &str,
    evidence: &str,
) -> Result<i64> {
    let evidence = check_evidence(&Some(evidence.to_owned()))?;
    conn.execute(
        "INSERT INTO consent_events (contact_id, purpose_id, kind, at, method, evidence, recorded_by)
         VALUES (?1, ?2, 'withdrawn', ?3, 'import', ?4, ?5)",
        params![contact_id, purpose_id, at, evidence, recorded_by(conn, ctx)?],
    )?;
    let id = conn.last_insert_rowid();
    ctx.audit(conn, "consent.withdraw", "contact", Some(contact_id), &["purpose", "method"])?;
    Ok(id)
}

/// The newest ledger event for a contact and purpose: its kind and time.
pub fn newest(
    conn: &Connection,
    contact_id: i64,
    purpose_id: i64,
) -> Result<Option<(EventKind, String)>> {
    let row: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT kind, at FROM consent_events WHERE contact_id = ?1 AND purpose_id = ?2
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![contact_id, purpose_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.map(|(k, at)| (k.parse().unwrap_or(EventKind::Given), at)))
}

/// Who records a consent event: the business (the controller's name, as set in the settings),
/// or the front end it came through (`desktop`, `cli`) while no name is set.
fn recorded_by(conn: &Connection, ctx: &Ctx<'_>) -> Result<String> {
    let name = controller::get(conn)?.name;
    Ok(if name.is_empty() { ctx.actor.to_owned() } else { name })
}

/// When the current consent was given, or None when it was withdrawn or never given.
pub fn current_given(
    conn: &Connection,
    contact_id: i64,
    purpose_id: i64,
) -> Result<Option<String>> {
    let newest: Option<(String, String)> = conn
        .query_row(
            "SELECT kind, at FROM consent_events WHERE contact_id = ?1 AND purpose_id = ?2
             ORDER BY id DESC LIMIT 1",
            params![contact_id, purpose_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(newest.filter(|(k, _)| k == "given").map(|(_, at)| at))
}

/// The whole ledger for a contact, oldest first, with the texts.
pub fn history(conn: &Connection, contact_id: i64) -> Result<Vec<ConsentEvent>> {
    let mut s = conn.prepare(
        "SELECT e.id, e.kind, p.name, p.id, e.at, e.method, e.text_sha256, t.text, e.evidence,
                e.recorded_by
         FROM consent_events e JOIN purposes p ON p.id = e.purpose_id
         LEFT JOIN consent_texts t ON t.sha256 = e.text_sha256
         WHERE e.contact_id = ?1 ORDER BY e.id",
    )?;
    let rows = s
        .query_map([contact_id], |r| {
            let kind: String = r.get(1)?;
            let method: String = r.get(5)?;
            Ok(ConsentEvent {
                id: r.get(0)?,
                kind: kind.parse().unwrap_or(EventKind::Given),
                purpose: r.get(2)?,
                purpose_id: r.get(3)?,
                at: r.get(4)?,
                method: method.parse().unwrap_or(Method::Other),
                text_sha256: r.get(6)?,
                text: r.get(7)?,
                evidence: r.get(8)?,
                recorded_by: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Whether the contact's data may be processed for the purpose now: a known basis, not ended;
/// for consent a current "given"; for direct marketing no objection; never while restricted.
fn usable(
    purpose: &Purpose,
    basis: Option<Basis>,
    ended: bool,
    consent_given: bool,
    restricted: bool,
    objected: bool,
) -> bool {
    if ended || restricted || (purpose.direct_marketing && objected) {
        return false;
    }
    match basis {
        None => false,
        Some(Basis::Consent) => consent_given,
        Some(_) => true,
    }
}

/// Every purpose a contact is linked to, with basis and consent state.
pub fn links(conn: &Connection, contact_id: i64) -> Result<Vec<PurposeLink>> {
    let (restricted, objected): (bool, bool) = conn
        .query_row(
            "SELECT restricted_reason IS NOT NULL, objected_at IS NOT NULL FROM contacts WHERE id = ?1",
            [contact_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("contact {contact_id}")))?;
    let mut s = conn.prepare(
        "SELECT purpose_id, basis, source, reviewed_at, ended_at, repermission_marked_at
         FROM contact_purposes WHERE contact_id = ?1",
    )?;
    type Raw = (i64, String, String, String, Option<String>, Option<String>);
    let raw: Vec<Raw> = s
        .query_map([contact_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(raw.len());
    for (pid, basis, source, reviewed_at, ended_at, repermission_marked_at) in raw {
        let purpose = purposes::get(conn, pid)?;
        let basis: Option<Basis> = basis.parse().ok();
        let consent_given_at = current_given(conn, contact_id, pid)?;
        let usable = usable(
            &purpose,
            basis,
            ended_at.is_some(),
            consent_given_at.is_some(),
            restricted,
            objected,
        );
        out.push(PurposeLink {
            purpose,
            basis,
            source: source.parse().unwrap_or(Source::Other),
            reviewed_at,
            ended_at,
            consent_given_at,
            usable,
            repermission_marked_at,
        });
    }
    out.sort_by_key(|l| l.purpose.name.to_lowercase());
    Ok(out)
}

/// A contact waiting in a list (triage or re-permission), with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContactFlag {
    #[ts(type = "number")]
    pub contact_id: i64,
    pub name: String,
    pub purpose: Option<String>,
    #[ts(type = "number | null")]
    pub purpose_id: Option<i64>,
    /// When consent was given (re-permission list), if it was.
    pub since: Option<String>,
    /// When the link was marked for a re-permission run (re-permission list), if it was.
    pub marked_at: Option<String>,
}

/// Contacts with no purpose at all, or a link whose basis is still unknown.
pub fn triage(conn: &Connection) -> Result<Vec<ContactFlag>> {
    let mut s = conn.prepare(
        "SELECT c.id, c.name, NULL, NULL FROM contacts c
         WHERE NOT EXISTS (SELECT 1 FROM contact_purposes l WHERE l.contact_id = c.id)
         UNION ALL
         SELECT c.id, c.name, p.name, p.id FROM contacts c
         JOIN contact_purposes l ON l.contact_id = c.id AND l.basis = 'unknown'
         JOIN purposes p ON p.id = l.purpose_id
         ORDER BY 2 COLLATE NOCASE, 1",
    )?;
    let v = s
        .query_map([], |r| {
            Ok(ContactFlag {
                contact_id: r.get(0)?,
                name: r.get(1)?,
                purpose: r.get(2)?,
                purpose_id: r.get(3)?,
                since: None,
                marked_at: None,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub const DEFAULT_REPERMISSION_MONTHS: u32 = 24;

/// Contacts linked to a consent purpose whose consent is missing, withdrawn, or older than
/// `months` (for a re-permission run). Restricted and objecting people are left out.
pub fn repermission(
    conn: &Connection,
    now: DateTime<Utc>,
    months: u32,
) -> Result<Vec<ContactFlag>> {
    let cutoff = now
        .checked_sub_months(Months::new(months))
        .ok_or_else(|| Error::invalid("months", "too many months"))?;
    let mut s = conn.prepare(
        "SELECT c.id, c.name, p.name,
                (SELECT CASE e.kind WHEN 'given' THEN e.at END FROM consent_events e
                  WHERE e.contact_id = c.id AND e.purpose_id = p.id ORDER BY e.id DESC LIMIT 1),
                p.id, l.repermission_marked_at
         FROM contact_purposes l
         JOIN contacts c ON c.id = l.contact_id
         JOIN purposes p ON p.id = l.purpose_id
         WHERE p.basis = 'consent' AND l.ended_at IS NULL
           AND c.restricted_reason IS NULL AND NOT (p.direct_marketing AND c.objected_at IS NOT NULL)
         ORDER BY c.name COLLATE NOCASE, c.id",
    )?;
    let cutoff = format_instant(cutoff);
    let rows: Vec<ContactFlag> = s
        .query_map([], |r| {
            Ok(ContactFlag {
                contact_id: r.get(0)?,
                name: r.get(1)?,
                purpose: r.get(2)?,
                purpose_id: r.get(4)?,
                since: r.get(3)?,
                marked_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter(|f| f.since.as_ref().is_none_or(|at| *at < cutoff)).collect())
}

/// The purpose a new contact is proposed a link to, so it does not land in the triage list: for
/// a client the contract-basis purpose (the proposed "Klantadministratie" / "Client
/// administration" when the register has it, else the first contract purpose by name). None
/// for other relationships or when the register has no contract purpose.
pub fn proposed_purpose(
    conn: &Connection,
    relationship: crate::domain::contacts::Relationship,
) -> Result<Option<Purpose>> {
    if relationship != crate::domain::contacts::Relationship::Client {
        return Ok(None);
    }
    let contract: Vec<Purpose> =
        purposes::list(conn)?.into_iter().filter(|p| p.basis == Basis::Contract).collect();
    let named = ["Klantadministratie", "Client administration"];
    let preferred =
        contract.iter().position(|p| named.iter().any(|n| p.name.eq_ignore_ascii_case(n)));
    Ok(match preferred {
        Some(i) => contract.into_iter().nth(i),
        None => contract.into_iter().next(),
    })
}

/// Marks the links `(contact, purpose)` of consent purposes for a re-permission run (the date
/// is shown in the re-permission list until consent is given again). Restricted contacts are
/// read-only: left out and returned as the second list. An unknown link or a purpose not based
/// on consent fails the whole call. Returns (contacts marked, contacts skipped).
pub fn mark_repermission(
    conn: &Connection,
    ctx: &Ctx<'_>,
    links: &[(i64, i64)],
) -> Result<(Vec<i64>, Vec<i64>)> {
    let mut marked = Vec::new();
    let mut skipped = Vec::new();
    for &(contact_id, purpose_id) in links {
        let found: Option<(String, bool)> = conn
            .query_row(
                "SELECT p.basis, c.restricted_reason IS NOT NULL FROM contact_purposes l
                 JOIN purposes p ON p.id = l.purpose_id JOIN contacts c ON c.id = l.contact_id
                 WHERE l.contact_id = ?1 AND l.purpose_id = ?2",
                params![contact_id, purpose_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((basis, restricted)) = found else {
            return Err(Error::NotFound(format!("link of contact {contact_id}")));
        };
        if basis != Basis::Consent.as_str() {
            return Err(Error::invalid(
                "purpose",
                "only links to a purpose based on consent are asked again for consent",
            ));
        }
        if restricted {
            if !skipped.contains(&contact_id) {
                skipped.push(contact_id);
            }
            continue;
        }
        conn.execute(
            "UPDATE contact_purposes SET repermission_marked_at = ?3
             WHERE contact_id = ?1 AND purpose_id = ?2",
            params![contact_id, purpose_id, format_instant(ctx.now)],
        )?;
        ctx.audit(conn, "consent.repermission_mark", "contact", Some(contact_id), &["purpose"])?;
        if !marked.contains(&contact_id) {
            marked.push(contact_id);
        }
    }
    Ok((marked, skipped))
}
