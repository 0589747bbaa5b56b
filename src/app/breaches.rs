//! The breach report written to a file, with the export in the audit trail.

use std::path::Path;

use crate::domain::breaches::report;
use crate::kernel::error::Result;
use crate::kernel::fs::write_file;
use crate::kernel::language::Language;
use crate::vault::Vault;

/// Writes the printable report of breach `id` to `path` (privately, atomically).
pub fn write_report(vault: &Vault, id: i64, language: Language, path: &Path) -> Result<()> {
    let bytes = report::pdf(vault.conn(), id, language, vault.now())?;
    write_file(path, &bytes)?;
    vault.audit("breach.report_export", "breach", Some(id), &[])
}
