//! The subject-access export (Art. 15, with Art. 20 portability): the PDF report and
//! optionally the portability ZIP, both recorded on the request they answer, one audit row,
//! then both files written.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::domain::export::sar;
use crate::domain::requests;
use crate::kernel::error::Result;
use crate::kernel::fs::write_file;
use crate::kernel::language::Language;
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
}

/// The files written: where, and their SHA-256 (hex), to say where the file is and to show
/// its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Written {
    pub pdf_path: String,
    pub pdf_sha256: String,
    pub zip_path: Option<String>,
    pub zip_sha256: Option<String>,
}

pub fn export(vault: &mut Vault, a: &SubjectAccess<'_>) -> Result<Written> {
    let (pdf, zip) = vault.write(|tx, c| {
        let pdf = sar::pdf(tx, c, a.contact_id, a.language, a.request_id)?;
        let zip = match a.zip_path {
            Some(_) => Some(sar::portability_zip(tx, c, a.contact_id, a.include_special, c.now)?),
            None => None,
        };
        if let Some(r) = a.request_id {
            requests::record_file(tx, c, r, "subject-access-pdf", &sar::sha256_hex(&pdf))?;
            if let Some(z) = &zip {
                requests::record_file(tx, c, r, "portability-zip", &sar::sha256_hex(z))?;
            }
        }
        c.audit(tx, "export.subject_access", "contact", Some(a.contact_id), &[])?;
        Ok((pdf, zip))
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
    })
}
