//! Shared helpers for the core's integration tests: temporary vaults and file snapshots.
#![allow(dead_code)] // each test binary uses its own subset of these helpers

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kluis::{Clock, Vault};

pub const PASS: &str = "paars-olifant-fietst-morgen";
pub const OTHER_PASS: &str = "groene-giraf-zwemt-vandaag";

pub fn clock() -> Clock {
    Clock::fixed_from_rfc3339("2026-03-01T09:30:00Z").unwrap()
}

pub struct TempVault {
    pub tmp: tempfile::TempDir,
    pub recovery_key: String,
}

impl TempVault {
    pub fn dir(&self) -> PathBuf {
        self.tmp.path().join("vault")
    }
}

/// A new vault in a temp folder, and the vault unlocked.
pub fn new_vault() -> (TempVault, Vault) {
    let tmp = tempfile::tempdir().unwrap();
    let created = Vault::create(&tmp.path().join("vault"), PASS, clock(), "test").unwrap();
    let t = TempVault { tmp, recovery_key: created.recovery_key.to_string() };
    (t, created.vault)
}

/// Every file in `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())
        })
        .collect()
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
