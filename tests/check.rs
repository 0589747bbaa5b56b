//! `kluis check` (app::check): a healthy vault passes every check; a damaged page, a changed
//! audit row or a reference to a missing row fails it with exit 4, naming the check.

mod common;

use common::{data_key, Cli, PASS};

/// A vault with synthetic contacts and notes (60 contacts, some 70 pages) and an edit.
fn filled() -> Cli {
    let cli = Cli::at("2026-03-01T09:30:00Z");
    cli.ok(&["demo", "--contacts", "60"]);
    cli.ok(&["contact", "edit", "1", "--name", "Persoon Nul"]);
    cli
}

/// Runs `kluis --json check`: its exit code and the report, when it printed one.
fn check(cli: &Cli) -> (i32, Option<serde_json::Value>) {
    let out = cli.run(&["--json", "check"]);
    let report = serde_json::from_slice(&out.stdout).ok();
    (out.status.code().unwrap(), report)
}

/// The outcome of each check in the report, by name.
fn outcomes(report: &serde_json::Value) -> Vec<(String, bool)> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["check"].as_str().unwrap().to_owned(), c["ok"].as_bool().unwrap()))
        .collect()
}

/// The vault's database opened with its raw key (a test helper that bypasses Kluis).
fn raw(cli: &Cli) -> rusqlite::Connection {
    let key = zeroize::Zeroizing::new(data_key(&cli.dir(), PASS));
    kluis::store::open(&cli.dir().join("kluis.db"), &key, false).unwrap()
}

#[test]
fn a_healthy_vault_passes_every_check() {
    let cli = filled();
    let (code, report) = check(&cli);
    assert_eq!(code, 0);
    let report = report.unwrap();
    assert_eq!(report["ok"], true);
    let names = ["cipher_integrity", "integrity", "foreign_keys", "audit_chain"];
    assert_eq!(outcomes(&report), names.map(|n| (n.to_owned(), true)).to_vec());
    let text = cli.ok(&["check"]);
    for label in ["cipher_integrity_check", "integrity_check", "foreign_key_check", "audit chain"] {
        assert!(text.lines().any(|l| l.starts_with(label) && l.ends_with(" ok")), "{text}");
    }
}

#[test]
fn a_damaged_page_fails_with_exit_4() {
    let cli = filled();
    let db = cli.dir().join("kluis.db");
    let mut bytes = std::fs::read(&db).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 8, "{pages} pages");
    // Flip bytes in the middle of the last page (a page the check reads, not one opening
    // needs), then also in one in the middle.
    for page in [pages - 1, pages / 2] {
        for b in &mut bytes[page * 4096 + 1000..page * 4096 + 1016] {
            *b ^= 0x5a;
        }
    }
    std::fs::write(&db, &bytes).unwrap();
    let out = cli.run(&["--json", "check"]);
    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error: integrity check failed"), "{stderr}");
    if let Ok(report) = serde_json::from_slice::<serde_json::Value>(&out.stdout) {
        assert_eq!(report["ok"], false);
        assert!(outcomes(&report).contains(&("cipher_integrity".to_owned(), false)), "{report}");
    }
}

#[test]
fn a_changed_audit_row_fails_the_audit_chain_with_exit_4() {
    let cli = filled();
    let conn = raw(&cli);
    conn.execute_batch("DROP TRIGGER audit_no_update;").unwrap();
    conn.execute("UPDATE audit SET action = 'contact.read' WHERE id = 3", []).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    drop(conn);
    let (code, report) = check(&cli);
    assert_eq!(code, 4);
    let report = report.unwrap();
    let names = [("cipher_integrity", true), ("integrity", true), ("foreign_keys", true)];
    let mut expected: Vec<(String, bool)> = names.map(|(n, ok)| (n.to_owned(), ok)).to_vec();
    expected.push(("audit_chain".to_owned(), false));
    assert_eq!(outcomes(&report), expected);
    let detail = report["checks"][3]["detail"].as_str().unwrap();
    assert!(detail.starts_with("row 3:"), "{detail}");
}

#[test]
fn a_reference_to_a_missing_row_fails_with_exit_4() {
    let cli = filled();
    let conn = raw(&cli);
    conn.execute_batch("PRAGMA foreign_keys = OFF;").unwrap();
    conn.execute(
        "INSERT INTO interactions (contact_id, kind, at, text, created_at)
         VALUES (999, 'note', '2026-03-01T09:30:00Z', 'wees', '2026-03-01T09:30:00Z')",
        [],
    )
    .unwrap();
    drop(conn);
    let (code, report) = check(&cli);
    assert_eq!(code, 4);
    let report = report.unwrap();
    assert!(outcomes(&report).contains(&("foreign_keys".to_owned(), false)), "{report}");
    let detail = report["checks"][2]["detail"].as_str().unwrap();
    assert!(detail.contains("interactions row") && !detail.contains("wees"), "{detail}");
}

#[test]
fn check_needs_the_vault_secret() {
    let cli = filled();
    let out = cli.cmd(&["check"]).env("KLUIS_PASSPHRASE", common::OTHER_PASS).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
}
