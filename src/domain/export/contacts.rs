//! The address book leaving Kluis (another program, a phone): every contact, or those a search
//! finds, as vCard 4.0 or as RFC 4180 CSV with the headers Kluis's own import maps. Restricted
//! contacts stay out unless asked for; flexible fields, notes and the consent ledger are not
//! part of an address book (the portability export has them). Audited with the count.

use rusqlite::Connection;

use super::sar::vcard;
use crate::domain::contacts::read;
use crate::kernel::clock::Ctx;
use crate::kernel::csv;
use crate::kernel::error::Result;
use crate::kernel::str_enum;

str_enum! {
    pub enum AddressBookFormat("format") {
        Vcard => "vcard",
        Csv => "csv",
    }
}

/// Which contacts: those `search` finds (all when None), restricted ones only when included.
#[derive(Debug, Clone, Default)]
pub struct Selection<'a> {
    pub search: Option<&'a str>,
    pub include_restricted: bool,
}

/// The CSV header; Kluis's import maps every column back.
const HEADER: [&str; 6] = ["Name", "E-mail", "Phone", "Organisation", "Job title", "Address"];

/// The file's text and how many contacts it holds.
pub fn address_book(
    conn: &Connection,
    ctx: &Ctx<'_>,
    format: AddressBookFormat,
    selection: &Selection<'_>,
) -> Result<(String, usize)> {
    let page = read::list(conn, selection.search, None, 0)?;
    let mut out = match format {
        AddressBookFormat::Vcard => String::new(),
        AddressBookFormat::Csv => csv::row(&HEADER),
    };
    let mut n = 0;
    for s in page.items.iter().filter(|s| selection.include_restricted || !s.restricted) {
        let c = read::contact(conn, s.id)?;
        match format {
            AddressBookFormat::Vcard => out.push_str(&vcard(&c)),
            AddressBookFormat::Csv => out.push_str(&csv::row(&[
                &c.name,
                // Several values in one cell, as Google Contacts joins them.
                &c.emails.join(" ::: "),
                &c.phones.join(" ::: "),
                c.organisation.as_deref().unwrap_or(""),
                c.job_title.as_deref().unwrap_or(""),
                c.address.as_deref().unwrap_or(""),
            ])),
        }
        n += 1;
    }
    let detail = format!("format={} rows={n}", format.as_str());
    ctx.audit_detail(conn, "export.contacts", "contact", None, &HEADER_FIELDS, Some(&detail))?;
    Ok((out, n))
}

const HEADER_FIELDS: [&str; 6] =
    ["name", "emails", "phones", "organisation", "job_title", "address"];
