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

/// Decrypts every page of a SQLCipher 4 database file (default settings: 4096-byte pages,
/// AES-256-CBC, 80 reserved bytes = 16-byte IV + 64-byte HMAC) with the raw data key, so a
/// test can look for values in the plaintext of every page, free pages included.
pub fn decrypt_pages(db: &[u8], key: &[u8; 32]) -> Vec<u8> {
    use aes::cipher::{block_padding::NoPadding, BlockDecryptMut, KeyIvInit};
    const PAGE: usize = 4096;
    const RESERVE: usize = 80;
    let mut out = Vec::with_capacity(db.len());
    for (n, page) in db.chunks(PAGE).enumerate() {
        if page.len() < PAGE {
            break;
        }
        let start = if n == 0 { 16 } else { 0 };
        let iv = &page[PAGE - RESERVE..PAGE - RESERVE + 16];
        let mut buf = page[start..PAGE - RESERVE].to_vec();
        let dec = cbc::Decryptor::<aes::Aes256>::new(key.into(), iv.into());
        let plain = dec.decrypt_padded_mut::<NoPadding>(&mut buf).unwrap().to_vec();
        out.extend_from_slice(&plain);
    }
    out
}

/// The data key of a vault, from its key file and the passphrase.
pub fn data_key(dir: &Path, passphrase: &str) -> [u8; 32] {
    let kf = kluis::vault::keyfile::KeyFile::load(dir).unwrap();
    *kf.unwrap_with_passphrase(passphrase).unwrap()
}

/// The `kluis` binary on a temporary vault folder, with the test passphrase and no reachable
/// secret store; `at` fixes the clock (`--now`) for every command.
pub struct Cli {
    pub tmp: tempfile::TempDir,
    now: Option<&'static str>,
}

impl Cli {
    pub fn new() -> Cli {
        Cli { tmp: tempfile::tempdir().unwrap(), now: None }
    }

    pub fn at(now: &'static str) -> Cli {
        Cli { now: Some(now), ..Cli::new() }
    }

    pub fn dir(&self) -> PathBuf {
        self.tmp.path().join("vault")
    }

    /// The same vault with the clock at `now`.
    pub fn later(self, now: &'static str) -> Cli {
        Cli { now: Some(now), ..self }
    }

    pub fn cmd(&self, args: &[&str]) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kluis"));
        c.arg("--vault").arg(self.dir());
        if let Some(now) = self.now {
            c.args(["--now", now]);
        }
        c.args(args)
            .env("KLUIS_PASSPHRASE", PASS)
            .env_remove("KLUIS_NEW_PASSPHRASE")
            .env_remove("KLUIS_RECOVERY_KEY")
            // Never reach a real secret store from these tests.
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kluis-test-bus");
        c
    }

    pub fn run(&self, args: &[&str]) -> std::process::Output {
        self.cmd(args).output().unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "kluis {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut a = vec!["--json"];
        a.extend_from_slice(args);
        serde_json::from_str(&self.ok(&a)).unwrap()
    }
}

fn tool(name: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} must be installed (make deps): {e}"))
}

/// pdftotext, qpdf --check and pdffonts (every font embedded) on a PDF the CLI wrote.
pub fn check_pdf(path: &Path) -> String {
    let p = path.to_str().unwrap();
    let qpdf = tool("qpdf", &["--check", p]);
    assert!(qpdf.status.success(), "qpdf --check: {}", String::from_utf8_lossy(&qpdf.stdout));
    let fonts = String::from_utf8(tool("pdffonts", &[p]).stdout).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed: {fonts}");
    for row in rows {
        // The columns after the type and encoding: emb sub uni.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "a font not embedded: {row}");
    }
    let text = tool("pdftotext", &[p, "-"]);
    assert!(text.status.success());
    String::from_utf8(text.stdout).unwrap()
}
