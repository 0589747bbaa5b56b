//! A mailing list for one purpose, and the address book, written to a file.

use std::path::Path;

use crate::domain::export::{contacts, mailing};
use crate::kernel::error::Result;
use crate::kernel::fs::write_file;
use crate::vault::Vault;

/// Writes the address book (all contacts or a search's, see [`contacts::Selection`]) to `path`
/// as vCard 4.0 or CSV; returns how many contacts it holds.
pub fn export_address_book(
    vault: &mut Vault,
    format: contacts::AddressBookFormat,
    selection: &contacts::Selection<'_>,
    path: &Path,
) -> Result<usize> {
    let (text, n) = vault.write(|tx, c| contacts::address_book(tx, c, format, selection))?;
    write_file(path, text.as_bytes())?;
    Ok(n)
}

/// Writes the CSV of the people who may be mailed for `purpose_id` to `path`; returns how
/// many there are.
pub fn export_mailing_list(vault: &mut Vault, purpose_id: i64, path: &Path) -> Result<usize> {
    let (csv, rows) = vault.write(|tx, c| mailing::csv(tx, c, purpose_id))?;
    write_file(path, csv.as_bytes())?;
    Ok(rows)
}
