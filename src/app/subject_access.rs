//! The subject-access export (Art. 15, with Art. 20 portability): the PDF report and
//! optionally the portability ZIP, both recorded on the request they answer, one audit row,
//! then both files written.
//!
//! Lines that concern someone else (Art. 15(4)) can be withheld by their ids; the report says
//! so with a neutral marker. A protected copy (R6.4) encrypts the PDF (AES-256, the standard
//! PDF security handler V 5 R 6) and the ZIP's entries (AES-256) with a one-time password made
//! here, returned once and never stored, logged or audited; the unprotected bytes stay in
//! memory. The request records to which address the answer goes, whether it was protected and
//! how many lines were withheld — never the password, nor which lines.

use std::path::Path;

use serde::{Serialize, Serializer};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::domain::contacts::model::is_email;
use crate::domain::contacts::read;
use crate::domain::export::sar::{self, Redactions, ZipOptions};
use crate::domain::requests::{self, Delivery};
use crate::kernel::crypto::one_time_password;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::kernel::fs::write_file;
use crate::kernel::language::Language;
use crate::kernel::pdf;
use crate::vault::Vault;

/// What to export for whom, and where to write it.
pub struct SubjectAccess<'a> {
    pub contact_id: i64,
    /// The request this answers: the files' hashes are recorded on it.
    pub request_id: Option<i64>,
    pub language: Language,
    pub pdf_path: &'a Path,
    /// Also the portability ZIP, written here.
    pub zip_path: Option<&'a Path>,
    /// Special-category fields in the ZIP too.
    pub include_special: bool,
    /// A protected copy: both files encrypted with a new one-time password.
    pub protect: bool,
    /// Lines withheld because they concern someone else.
    pub redactions: Redactions,
    /// The address the answer goes to, recorded on the request (which it needs).
    pub send_to: Option<&'a str>,
}

/// The one-time password of a protected copy: shown once, wiped from memory when dropped,
/// and `***` in debug output so that it cannot end up in a log.
#[derive(Clone, PartialEq, Eq)]
pub struct OneTimePassword(Zeroizing<String>);

impl OneTimePassword {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for OneTimePassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl Serialize for OneTimePassword {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// The files written: where, and their SHA-256 (hex), to say where the file is and to show
/// its fingerprint; the password of a protected copy (once); how many lines were withheld;
/// whether the address was one the contact already had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Written {
    pub pdf_path: String,
    pub pdf_sha256: String,
    pub zip_path: Option<String>,
    pub zip_sha256: Option<String>,
    #[ts(type = "string | null")]
    pub password: Option<OneTimePassword>,
    #[ts(type = "number")]
    pub redactions: i64,
    /// None when no address was given.
    pub address_known: Option<bool>,
}

/// Whether `address` is one of the contact's e-mail addresses (case and spaces aside).
fn known_address(conn: &rusqlite::Connection, contact_id: i64, address: &str) -> Result<bool> {
    let contact = read::contact(conn, contact_id)?;
    Ok(contact.emails.iter().any(|e| e.trim().eq_ignore_ascii_case(address)))
}

pub fn export(vault: &mut Vault, a: &SubjectAccess<'_>) -> Result<Written> {
    let send_to = a.send_to.map(str::trim);
    if let Some(address) = send_to {
        if !is_email(address) {
            return Err(Error::invalid("send_to", "is not an e-mail address"));
        }
        if a.request_id.is_none() {
            return Err(Error::invalid(
                "send_to",
                "the address is recorded on a request; choose the request this answers",
            ));
        }
    }
    let password = a.protect.then(one_time_password);
    let redactions = a.redactions.count() as i64;
    let (pdf, zip, address_known) = vault.write(|tx, c| {
        let plain = Zeroizing::new(sar::pdf_redacted(
            tx,
            c,
            a.contact_id,
            a.language,
            a.request_id,
            &a.redactions,
        )?);
        let pdf = match &password {
            Some(pw) => pdf::encrypt(&plain, pw)?,
            None => plain.to_vec(),
        };
        let zip = match a.zip_path {
            Some(_) => Some(sar::portability_zip_with(
                tx,
                c,
                a.contact_id,
                c.now,
                &ZipOptions {
                    include_special: a.include_special,
                    redactions: a.redactions.clone(),
                    language: a.language,
                    password: password.as_deref().map(String::as_str),
                },
            )?),
            None => None,
        };
        let address_known = match send_to {
            Some(address) => Some(known_address(tx, a.contact_id, address)?),
            None => None,
        };
        if let Some(r) = a.request_id {
            requests::record_file(tx, c, r, "subject-access-pdf", &sar::sha256_hex(&pdf))?;
            if let Some(z) = &zip {
                requests::record_file(tx, c, r, "portability-zip", &sar::sha256_hex(z))?;
            }
            if a.protect || redactions > 0 || send_to.is_some() {
                let delivery = Delivery {
                    sent_to: send_to.map(str::to_owned),
                    address_known: address_known.unwrap_or(false),
                    protected: a.protect,
                    redactions,
                    created_at: format_instant(c.now),
                };
                requests::record_delivery(tx, c, r, &delivery)?;
            }
        }
        for id in &a.redactions.interactions {
            c.audit(tx, "export.redact", "interaction", Some(*id), &[])?;
        }
        let fields: &[&str] = if a.protect { &["protected"] } else { &[] };
        c.audit(tx, "export.subject_access", "contact", Some(a.contact_id), fields)?;
        Ok((pdf, zip, address_known))
    })?;
    write_file(a.pdf_path, &pdf)?;
    if let (Some(path), Some(z)) = (a.zip_path, &zip) {
        write_file(path, z)?;
    }
    Ok(Written {
        pdf_path: a.pdf_path.display().to_string(),
        pdf_sha256: sar::sha256_hex(&pdf),
        zip_path: a.zip_path.filter(|_| zip.is_some()).map(|p| p.display().to_string()),
        zip_sha256: zip.as_deref().map(sar::sha256_hex),
        password: password.map(OneTimePassword),
        redactions,
        address_known,
    })
}
