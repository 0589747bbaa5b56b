//! Fiscal records on a contact: quote and invoice references with the counterparty's name and
//! address copied at the time (as a Dutch invoice needs). They carry a legal hold: erasing or
//! purging the contact keeps them until their own period (7 years from the end of the
//! financial year) ends.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::domain::contacts::read;
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

pub fn add(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    doc: &NewDocument<'_>,
) -> Result<i64> {
    let NewDocument { kind, number, date, amount_cents, confirm_not_bsn } = *doc;
    let contact = read::contact(conn, contact_id)?;
    crate::domain::contacts::ensure_not_restricted(conn, contact_id)?;
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

pub fn for_contact(conn: &Connection, contact_id: i64) -> Result<Vec<FiscalDocument>> {
    let mut s = conn.prepare(
        "SELECT id, contact_id, kind, number, date, amount_cents, counterparty_name,
                counterparty_address
         FROM fiscal_documents WHERE contact_id = ?1 ORDER BY date DESC, id DESC",
    )?;
    let v = s
        .query_map([contact_id], |r| {
            let kind: String = r.get(2)?;
            Ok(FiscalDocument {
                id: r.get(0)?,
                contact_id: r.get(1)?,
                kind: kind.parse().unwrap_or(DocumentKind::Invoice),
                number: r.get(3)?,
                date: r.get(4)?,
                amount_cents: r.get(5)?,
                counterparty_name: r.get(6)?,
                counterparty_address: r.get(7)?,
            })
        })?
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
