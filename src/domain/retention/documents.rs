//! Fiscal records on a contact: quote and invoice references with the counterparty's name and
//! address copied at the time (as a Dutch invoice needs). They carry a legal hold: erasing or
//! purging the contact keeps them until their own period (7 years from the end of the
//! financial year) ends. Under the hold a record is kept unaltered (art. 52 AWR): it is never
//! overwritten — a correction is a new record that refers to it — and it cannot be deleted
//! until its period ends.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use super::period::end_of_financial_year;
use super::rules::{self, RuleKey};
use crate::domain::contacts::{ensure_not_restricted, read};
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::date::parse_date;
use crate::kernel::error::{Error, Result};

crate::kernel::str_enum! {
    pub enum DocumentKind("kind") {
        Quote => "quote",
        Invoice => "invoice",
    }
}

impl DocumentKind {
    /// How it is shown to a person, in their language.
    pub fn label(self, language: crate::kernel::language::Language) -> &'static str {
        match (self, language.is_dutch()) {
            (DocumentKind::Quote, true) => "offerte",
            (DocumentKind::Quote, false) => "quote",
            (DocumentKind::Invoice, true) => "factuur",
            (DocumentKind::Invoice, false) => "invoice",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FiscalDocument {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    pub kind: DocumentKind,
    pub number: String,
    pub date: String,
    #[ts(type = "number")]
    pub amount_cents: i64,
    pub counterparty_name: String,
    pub counterparty_address: Option<String>,
    /// This record is a correction of that record.
    #[ts(type = "number | null")]
    pub corrects: Option<i64>,
    /// This record was corrected by that record (it stays as it was, under its hold).
    #[ts(type = "number | null")]
    pub corrected_by: Option<i64>,
    /// The last day of the legal hold (YYYY-MM-DD): 7 years (the fiscal-records rule) from the
    /// end of the financial year of its date.
    pub held_until: Option<String>,
    /// Still under the hold today: it cannot be deleted.
    pub under_hold: bool,
}

/// Parses an amount in euros ("1250", "1250.50", "1.250,50") into cents.
pub fn parse_amount(s: &str) -> Result<i64> {
    let bad = || Error::invalid("amount", "expected an amount like 1250.50");
    let t = s.trim().trim_start_matches('€').trim();
    // A comma followed by one or two digits at the end is a decimal comma.
    let normalised = match t.rfind(',') {
        Some(i) if t.len() - i <= 3 => format!("{}.{}", t[..i].replace('.', ""), &t[i + 1..]),
        _ => t.replace(',', ""),
    };
    let (whole, frac) = normalised.split_once('.').unwrap_or((&normalised, ""));
    let negative = whole.starts_with('-');
    let whole: i64 = whole.trim_start_matches('-').parse().map_err(|_| bad())?;
    if frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let cents: i64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    let total = whole.checked_mul(100).and_then(|w| w.checked_add(cents)).ok_or_else(bad)?;
    Ok(if negative { -total } else { total })
}

/// A quote or invoice as typed; `confirm_not_bsn`: the user confirmed a BSN-like number is not one.
#[derive(Clone, Copy)]
pub struct NewDocument<'a> {
    pub kind: DocumentKind,
    pub number: &'a str,
    pub date: &'a str,
    pub amount_cents: i64,
    pub confirm_not_bsn: bool,
}

/// Checks a document number and date as typed: (number, date).
fn check_number_and_date<'a>(
    ctx: &Ctx<'_>,
    number: &'a str,
    date: &str,
    confirm_not_bsn: bool,
) -> Result<(&'a str, NaiveDate)> {
    let number = number.trim();
    if number.is_empty() || number.chars().count() > 60 {
        return Err(Error::invalid("number", "a document number of at most 60 characters"));
    }
    if !confirm_not_bsn && crate::kernel::bsn::looks_like_bsn(number) {
        return Err(Error::BsnSuspected { field: "number" });
    }
    let date = parse_date(date, "date")?;
    // A quote may be dated ahead; a document dated years ahead is a typo that would hold the
    // record (and push its retention) far into the future.
    if date > ctx.now.date_naive() + chrono::Days::new(366) {
        return Err(Error::invalid("date", "at most a year ahead (check the year)"));
    }
    Ok((number, date))
}

pub fn add(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    doc: &NewDocument<'_>,
) -> Result<i64> {
    let NewDocument { kind, number, date, amount_cents, confirm_not_bsn } = *doc;
    let contact = read::contact(conn, contact_id)?;
    ensure_not_restricted(conn, contact_id)?;
    let (number, date) = check_number_and_date(ctx, number, date, confirm_not_bsn)?;
    conn.execute(
        "INSERT INTO fiscal_documents (contact_id, kind, number, date, amount_cents,
                                       counterparty_name, counterparty_address, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            contact_id,
            kind.as_str(),
            number,
            date.to_string(),
            amount_cents,
            contact.organisation.as_deref().unwrap_or(&contact.name),
            contact.address,
            format_instant(ctx.now)
        ],
    )?;
    let id = conn.last_insert_rowid();
    ctx.audit(
        conn,
        "document.create",
        "contact",
        Some(contact_id),
        &["kind", "number", "date", "amount"],
    )?;
    Ok(id)
}

/// A correction as typed: the fields given replace the original's in the new record.
#[derive(Clone, Copy, Default)]
pub struct Correction<'a> {
    pub kind: Option<DocumentKind>,
    pub number: Option<&'a str>,
    pub date: Option<&'a str>,
    pub amount_cents: Option<i64>,
    pub confirm_not_bsn: bool,
}

/// Corrects fiscal record `id` (Art. 16 within art. 52 AWR): appends a new record with the
/// original's values and the fields of `change`, referring to the original, which stays as
/// it was under its hold (and is shown as corrected). The counterparty is copied anew from
/// the contact when there is one. A record corrected already is corrected through its latest
/// correction. Returns the new record's id; the audit row names both ids and the fields.
pub fn correct(conn: &Connection, ctx: &Ctx<'_>, id: i64, change: &Correction<'_>) -> Result<i64> {
    let today = ctx.now.date_naive();
    let original = get(conn, id, today)?;
    if let Some(contact) = original.contact_id {
        ensure_not_restricted(conn, contact)?;
    }
    if let Some(by) = original.corrected_by {
        return Err(Error::invalid(
            "id",
            format!("document {id} was corrected already by document {by}: correct that one"),
        ));
    }
    let kind = change.kind.unwrap_or(original.kind);
    let number_changed = change.number.is_some_and(|n| n.trim() != original.number);
    let (number, date) = check_number_and_date(
        ctx,
        change.number.unwrap_or(&original.number),
        change.date.unwrap_or(&original.date),
        change.confirm_not_bsn || !number_changed,
    )?;
    let amount_cents = change.amount_cents.unwrap_or(original.amount_cents);
    let date = date.to_string();
    let changed: Vec<&'static str> = [
        ("kind", kind != original.kind),
        ("number", number != original.number),
        ("date", date != original.date),
        ("amount", amount_cents != original.amount_cents),
    ]
    .into_iter()
    .filter(|(_, c)| *c)
    .map(|(n, _)| n)
    .collect();
    if changed.is_empty() {
        return Err(Error::invalid(
            "correction",
            "the correction is the same as the original: change at least one field",
        ));
    }
    let (name, address) = match original.contact_id.map(|c| read::contact(conn, c)).transpose()? {
        Some(c) => (c.organisation.unwrap_or(c.name), c.address),
        None => (original.counterparty_name, original.counterparty_address),
    };
    conn.execute(
        "INSERT INTO fiscal_documents (contact_id, kind, number, date, amount_cents,
                                       counterparty_name, counterparty_address, created_at,
                                       corrects)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            original.contact_id,
            kind.as_str(),
            number,
            date,
            amount_cents,
            name,
            address,
            format_instant(ctx.now),
            id
        ],
    )?;
    let new = conn.last_insert_rowid();
    let detail = match original.contact_id {
        Some(c) => format!("corrects={id} contact={c}"),
        None => format!("corrects={id}"),
    };
    ctx.audit_detail(conn, "document.correct", "document", Some(new), &changed, Some(&detail))?;
    Ok(new)
}

/// Deletes fiscal record `id` once its legal hold has ended; before, `LegalHold` says until
/// when it is kept. Audited by its id.
pub fn delete(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<()> {
    let d = get(conn, id, ctx.now.date_naive())?;
    if let Some(contact) = d.contact_id {
        ensure_not_restricted(conn, contact)?;
    }
    if d.under_hold {
        return Err(Error::LegalHold {
            until: d.held_until.unwrap_or_else(|| "the end of its period".into()),
        });
    }
    conn.execute("DELETE FROM fiscal_documents WHERE id = ?1", [id])?;
    let detail = d.contact_id.map(|c| format!("contact={c}"));
    ctx.audit_detail(conn, "document.delete", "document", Some(id), &[], detail.as_deref())
}

const COLUMNS: &str = "d.id, d.contact_id, d.kind, d.number, d.date, d.amount_cents,
    d.counterparty_name, d.counterparty_address, d.corrects,
    (SELECT max(c.id) FROM fiscal_documents c WHERE c.corrects = d.id)";

/// A row of [`COLUMNS`], its hold reckoned with `hold` (the fiscal-records period) on `today`.
fn document(
    r: &Row<'_>,
    hold: super::period::Period,
    today: NaiveDate,
) -> rusqlite::Result<FiscalDocument> {
    let kind: String = r.get(2)?;
    let date: String = r.get(4)?;
    let until = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
        .ok()
        .and_then(|d| hold.after_date(end_of_financial_year(d)));
    Ok(FiscalDocument {
        id: r.get(0)?,
        contact_id: r.get(1)?,
        kind: kind.parse().unwrap_or(DocumentKind::Invoice),
        number: r.get(3)?,
        date,
        amount_cents: r.get(5)?,
        counterparty_name: r.get(6)?,
        counterparty_address: r.get(7)?,
        corrects: r.get(8)?,
        corrected_by: r.get(9)?,
        held_until: until.map(|d| d.to_string()),
        under_hold: until.is_none_or(|u| today <= u),
    })
}

/// One fiscal record, or `NotFound`.
pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<FiscalDocument> {
    let (hold, _) = rules::current(conn, RuleKey::FiscalRecords)?;
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM fiscal_documents d WHERE d.id = ?1"),
        [id],
        |r| document(r, hold, today),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("document {id}")))
}

/// A contact's fiscal records, newest first, with their hold as of `today`.
pub fn for_contact(
    conn: &Connection,
    contact_id: i64,
    today: NaiveDate,
) -> Result<Vec<FiscalDocument>> {
    let (hold, _) = rules::current(conn, RuleKey::FiscalRecords)?;
    let mut s = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM fiscal_documents d
         WHERE d.contact_id = ?1 ORDER BY d.date DESC, d.id DESC"
    ))?;
    let v = s
        .query_map([contact_id], |r| document(r, hold, today))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("1250").unwrap(), 125_000);
        assert_eq!(parse_amount("1250.5").unwrap(), 125_050);
        assert_eq!(parse_amount("€ 1.250,50").unwrap(), 125_050);
        assert_eq!(parse_amount("1,250.50").unwrap(), 125_050);
        assert_eq!(parse_amount("-99,99").unwrap(), -9_999);
        for bad in ["", "twaalf", "1.2.3,456", "12.345", "1e5"] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
    }
}
