//! The privacy statement and the Art. 30 record written to files: the statement's version is
//! recorded in the same transaction that writes its file (no version without its file), the
//! record's export is audited; the record's auto-lock sentence reads the vault's settings.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::domain::statement::privacy::{self, StatementFormat};
use crate::domain::statement::record;
use crate::domain::statement::versions::StatementVersion;
use crate::kernel::error::Result;
use crate::kernel::fs::write_file;
use crate::kernel::language::Language;
use crate::vault::settings::Settings;
use crate::vault::Vault;

/// A statement saved from the app: where, and which version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedStatement {
    pub path: String,
    pub version: StatementVersion,
}

/// Writes the privacy statement in `language` and `format` to `path` (privately, atomically)
/// and returns its version.
pub fn write_privacy_statement(
    vault: &mut Vault,
    language: Language,
    format: StatementFormat,
    path: &Path,
) -> Result<StatementVersion> {
    vault.write(|tx, c| {
        let generated = privacy::generate(tx, c, language, format)?;
        write_file(path, &generated.bytes)?;
        Ok(generated.version)
    })
}

/// Writes the record of processing activities to `path`: a PDF when `pdf`, else CSV.
pub fn write_record(vault: &Vault, language: Language, pdf: bool, path: &Path) -> Result<()> {
    let minutes = Settings::load(vault.dir()).auto_lock_minutes;
    let ctx = vault.ctx();
    let bytes = if pdf {
        record::pdf(vault.conn(), &ctx, language, minutes)?
    } else {
        record::csv(vault.conn(), &ctx, language, minutes)?
    };
    write_file(path, &bytes)?;
    vault.audit("register.record_export", "vault", None, &[])
}
