//! Retention actions that delete (`Vault::write` checkpoints the WAL, so deleted rows do not
//! linger there) or that write a file and record the export in the audit trail.

use std::path::Path;

use crate::domain::retention::purge::{self, PurgeReport, Trigger};
use crate::domain::retention::{self, review_delete as delete_reviewed};
use crate::kernel::error::Result;
use crate::kernel::fs::write_file;
use crate::kernel::language::Language;
use crate::vault::Vault;

/// Runs the purge now (`confirm`: also when it would delete many contacts at once).
pub fn purge_now(vault: &mut Vault, confirm: bool) -> Result<PurgeReport> {
    vault.write(|tx, c| purge::run(tx, c, Trigger::Manual, confirm))
}

/// Deletes the data of a review item the user decided not to keep.
pub fn review_delete(vault: &mut Vault, id: i64) -> Result<()> {
    vault.write(|tx, c| delete_reviewed(tx, c, id))
}

/// Writes the retention policy to `path`: a PDF when it ends in `.pdf`, else Markdown.
pub fn save_policy(vault: &Vault, language: Language, business: &str, path: &Path) -> Result<()> {
    let pdf = path.to_string_lossy().to_lowercase().ends_with(".pdf");
    write_policy(vault, language, business, path, pdf)
}

/// Writes the retention policy to `path` (privately, atomically) as a PDF or as Markdown.
pub fn write_policy(
    vault: &Vault,
    language: Language,
    business: &str,
    path: &Path,
    pdf: bool,
) -> Result<()> {
    let bytes = if pdf {
        retention::policy_pdf(vault.conn(), language, business, vault.now())?
    } else {
        retention::policy_markdown(vault.conn(), language, business, vault.now())?.into_bytes()
    };
    write_file(path, &bytes)?;
    vault.audit("retention.policy_export", "vault", None, &[])
}

/// Writes the deletion log as CSV to `path`.
pub fn save_deletion_log(vault: &Vault, path: &Path) -> Result<()> {
    write_file(path, retention::deletion_log_csv(vault.conn())?.as_bytes())?;
    vault.audit("retention.log_export", "vault", None, &[])
}
