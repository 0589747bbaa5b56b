//! The `kluis` command-line contract (README.md, "The `kluis` command"), run as a real process.

mod common;

use std::path::Path;
use std::process::Output;

use common::*;
use serde_json::Value;

impl Cli {
    fn init(&self) -> String {
        self.json(&["init"])["recovery_key"].as_str().unwrap().to_owned()
    }
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_one_error_line(out: &Output) {
    let err = stderr(out);
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn init_add_list_show_edit_and_interactions() {
    let cli = Cli::new();
    let key = cli.init();
    assert_eq!(key.len(), 39);
    let id = cli.json(&[
        "contact",
        "add",
        "--name",
        "Jan Zwartkruis",
        "--email",
        "jan@example.nl",
        "--phone",
        "+31 6 1234 5678",
        "--org",
        "Bouw BV",
        "--relationship",
        "client",
    ])["id"]
        .as_i64()
        .unwrap();
    let plain = cli.ok(&["contact", "add", "--name", "Piet Bakker"]);
    assert_eq!(plain.trim().parse::<i64>().unwrap(), id + 1);

    let list = cli.json(&["contact", "list", "--search", "Zwartk"]);
    let items = list.as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], id);
    assert_eq!(items[0]["name"], "Jan Zwartkruis");
    assert_eq!(items[0]["email"], "jan@example.nl");
    assert_eq!(cli.json(&["contact", "list"]).as_array().unwrap().len(), 2);
    assert_eq!(cli.json(&["contact", "list", "--limit", "1"]).as_array().unwrap().len(), 1);

    cli.ok(&[
        "--now",
        "2026-05-01T12:00:00Z",
        "interaction",
        "add",
        "--contact",
        &id.to_string(),
        "--kind",
        "call",
        "--text",
        "Belde over de offerte",
    ]);
    cli.ok(&[
        "contact",
        "edit",
        &id.to_string(),
        "--relationship",
        "former-client",
        "--ended",
        "2026-04-30",
    ]);
    let shown = cli.json(&["contact", "show", &id.to_string()]);
    assert_eq!(shown["contact"]["relationship"], "former-client");
    assert_eq!(shown["contact"]["relationship_ended"], "2026-04-30");
    assert_eq!(shown["contact"]["phones"][0], "+31 6 1234 5678");
    assert_eq!(shown["interactions"][0]["text"], "Belde over de offerte");
    assert_eq!(shown["interactions"][0]["at"], "2026-05-01T12:00:00Z");
    let human = cli.ok(&["contact", "show", &id.to_string()]);
    assert!(human.contains("Jan Zwartkruis") && human.contains("former-client"));
    assert!(cli.ok(&["audit", "verify"]).contains("Audit trail intact"));
}

#[test]
fn now_is_the_clock_for_every_timestamp() {
    let cli = Cli::new();
    cli.ok(&["--now", "2025-01-02T03:04:05Z", "init"]);
    cli.ok(&["--now", "2025-06-07T08:09:10+02:00", "contact", "add", "--name", "Klok"]);
    let c = cli.json(&["contact", "show", "1"]);
    assert_eq!(c["contact"]["created_at"], "2025-06-07T06:09:10Z");
    let list = cli.json(&["contact", "list"]);
    assert_eq!(list[0]["last_activity_at"], "2025-06-07T06:09:10Z");
    let out = cli.run(&["--now", "gisteren", "contact", "list"]);
    assert_eq!(code(&out), 1);
    assert_one_error_line(&out);
}

#[test]
fn exit_codes_and_one_line_errors() {
    let cli = Cli::new();
    // No vault yet.
    let out = cli.run(&["contact", "list"]);
    assert_eq!(code(&out), 1);
    assert_one_error_line(&out);
    cli.init();
    // Usage errors: exit 2.
    let out = cli.run(&["contact", "frobnicate"]);
    assert_eq!(code(&out), 2);
    assert_one_error_line(&out);
    let out = cli.run(&["contact", "add"]);
    assert_eq!(code(&out), 2);
    // Wrong passphrase: exit 3, nothing written.
    let before = snapshot(&cli.dir());
    let out = cli
        .cmd(&["contact", "list"])
        .env("KLUIS_PASSPHRASE", "verkeerd-wachtwoord-hier")
        .output()
        .unwrap();
    assert_eq!(code(&out), 3);
    assert_one_error_line(&out);
    assert_eq!(snapshot(&cli.dir()), before);
    // Bad input: exit 1 with the field named.
    for args in [
        &["contact", "add", "--name", ""][..],
        &["contact", "add", "--name", "X", "--email", "geen-email"],
        &["contact", "add", "--name", "X", "--relationship", "vriend"],
        &["contact", "add", "--name", "X", "--ended", "2026-02-30"],
        &["interaction", "add", "--contact", "1", "--kind", "note", "--text", "x"],
        &["contact", "show", "999"],
    ] {
        let out = cli.run(args);
        assert_eq!(code(&out), 1, "{args:?}");
        assert_one_error_line(&out);
    }
    let huge = "x".repeat(10 * 1024 * 1024);
    cli.ok(&["contact", "add", "--name", "Y"]);
    // Too long for argv on some systems; the core limit is tested in tests/contacts.rs.
    let note = &huge[..100_000];
    let out = cli.run(&["interaction", "add", "--contact", "1", "--kind", "note", "--text", note]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("text: too long"));
    // Integrity: a damaged database file is exit 4 (a byte of page 1, the schema, which every
    // open reads; pages are checked as they are read).
    let db = cli.dir().join("kluis.db");
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[200] ^= 1;
    std::fs::write(&db, bytes).unwrap();
    let out = cli.run(&["contact", "list"]);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert_one_error_line(&out);
}

#[test]
fn without_a_passphrase_or_terminal_it_says_so() {
    let cli = Cli::new();
    cli.init();
    let out = cli.cmd(&["contact", "list"]).env_remove("KLUIS_PASSPHRASE").output().unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("KLUIS_PASSPHRASE"));
}

#[test]
fn without_a_secret_service_remember_fails_clearly() {
    let cli = Cli::new();
    cli.init();
    let out = cli.run(&["remember"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("secret store is not available"), "{}", stderr(&out));
}

#[test]
fn passphrase_change_and_recovery() {
    let cli = Cli::new();
    let key = cli.init();
    cli.ok(&["contact", "add", "--name", "Blijft Bewaard"]);
    let out = cli
        .cmd(&["passphrase", "change"])
        .env("KLUIS_NEW_PASSPHRASE", OTHER_PASS)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(code(&cli.run(&["contact", "list"])), 3);
    let out = cli
        .cmd(&["contact", "list", "--json"])
        .env("KLUIS_PASSPHRASE", OTHER_PASS)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Blijft Bewaard"));

    let third = "blauwe-walvis-zingt-zacht";
    let out = cli
        .cmd(&["unlock-recovery"])
        .env("KLUIS_RECOVERY_KEY", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
        .env("KLUIS_NEW_PASSPHRASE", third)
        .output()
        .unwrap();
    assert_eq!(code(&out), 3);
    let out = cli
        .cmd(&["unlock-recovery"])
        .env("KLUIS_RECOVERY_KEY", &key)
        .env("KLUIS_NEW_PASSPHRASE", third)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out =
        cli.cmd(&["contact", "list", "--json"]).env("KLUIS_PASSPHRASE", third).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Blijft Bewaard"));
}

#[test]
fn demo_builds_a_searchable_vault() {
    let cli = Cli::new();
    let out = cli.json(&["demo", "--contacts", "500"]);
    assert_eq!(out["contacts"], 500);
    assert!(out["recovery_key"].is_string(), "demo creates the vault when there is none");
    assert_eq!(cli.json(&["contact", "list"]).as_array().unwrap().len(), 500);
    assert!(!cli.json(&["contact", "list", "--search", "offerte"]).as_array().unwrap().is_empty());
    assert!(cli.ok(&["audit", "verify"]).contains("intact"));
    assert!(Path::new(&cli.dir()).join("kluis.db").exists());
}

#[test]
fn purposes_consent_history_and_mailing_list() {
    let cli = Cli::new();
    cli.init();
    let pid = cli.json(&[
        "purpose",
        "add",
        "--name",
        "Nieuwsbrief",
        "--basis",
        "consent",
        "--direct-marketing",
        "--description",
        "Maandelijkse nieuwsbrief",
    ])["id"]
        .as_i64()
        .unwrap();
    let out = cli.run(&["purpose", "add", "--name", "X", "--basis", "toestemming"]);
    assert_eq!(code(&out), 1);
    assert_one_error_line(&out);
    let list = cli.json(&["purpose", "list"]);
    assert_eq!(list[0]["id"], pid);
    assert_eq!(list[0]["basis"], "consent");
    assert_eq!(list[0]["direct_marketing"], true);

    let jan = cli.json(&["contact", "add", "--name", "Jan", "--email", "jan@example.nl"])["id"]
        .as_i64()
        .unwrap();
    let piet = cli.json(&["contact", "add", "--name", "Piet", "--email", "piet@example.nl"])["id"]
        .as_i64()
        .unwrap();
    let text = cli.tmp.path().join("consent.txt");
    let consent_text = "Ja, ik wil de nieuwsbrief ontvangen.\n";
    std::fs::write(&text, consent_text).unwrap();
    let text = text.to_str().unwrap();
    for id in [jan, piet] {
        cli.ok(&[
            "--now",
            "2026-04-01T10:00:00Z",
            "consent",
            "give",
            "--contact",
            &id.to_string(),
            "--purpose",
            "nieuwsbrief",
            "--method",
            "form",
            "--text-file",
            text,
        ]);
    }
    let out = cli.run(&[
        "consent",
        "give",
        "--contact",
        &jan.to_string(),
        "--purpose",
        "Nieuwsbrief",
        "--method",
        "fax",
        "--text-file",
        text,
    ]);
    assert_eq!(code(&out), 1);
    cli.ok(&[
        "--now",
        "2026-04-02T10:00:00Z",
        "consent",
        "withdraw",
        "--contact",
        &piet.to_string(),
        "--purpose",
        "Nieuwsbrief",
        "--method",
        "email",
    ]);
    let h = cli.json(&["consent", "history", "--contact", &piet.to_string()]);
    let h = h.as_array().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["kind"], "given");
    assert_eq!(h[0]["purpose"], "Nieuwsbrief");
    assert_eq!(h[0]["at"], "2026-04-01T10:00:00Z");
    assert_eq!(h[0]["method"], "form");
    assert_eq!(h[0]["text_sha256"], kluis::domain::consent::text_hash(consent_text));
    assert_eq!(h[1]["kind"], "withdrawn");
    assert_eq!(h[1]["method"], "email");
    assert!(h[1]["text_sha256"].is_null());

    let csv = cli.tmp.path().join("list.csv");
    cli.ok(&["export", "mailing-list", "--purpose", "Nieuwsbrief", "--out", csv.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "name,email\r\nJan,jan@example.nl\r\n");

    // Restricted: refused for edit, left out of the list; lifting works.
    cli.ok(&["contact", "restrict", &jan.to_string(), "--reason", "Betwist de gegevens"]);
    let out = cli.run(&["contact", "edit", &jan.to_string(), "--name", "Jan Jansen"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("restricted"));
    cli.ok(&["export", "mailing-list", "--purpose", "Nieuwsbrief", "--out", csv.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "name,email\r\n");
    cli.ok(&["contact", "unrestrict", &jan.to_string()]);

    // Objection: consent withdrawn, address suppressed, re-adding refused.
    let r = cli.json(&["contact", "object", &jan.to_string()]);
    assert_eq!(r["withdrawn"], 1);
    assert_eq!(r["suppressed"], 1);
    let again = cli.json(&["contact", "add", "--name", "Jan Opnieuw", "--email", "JAN@example.nl"])
        ["id"]
        .as_i64()
        .unwrap();
    let out = cli.run(&[
        "consent",
        "give",
        "--contact",
        &again.to_string(),
        "--purpose",
        "Nieuwsbrief",
        "--method",
        "form",
        "--text-file",
        text,
    ]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("objected to direct marketing"));
}

#[test]
fn bsn_like_values_need_yes() {
    let cli = Cli::new();
    cli.init();
    let out = cli.run(&["contact", "add", "--name", "Piet", "--address", "BSN 111222333"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("BSN"));
    assert_eq!(cli.json(&["contact", "list"]).as_array().unwrap().len(), 0);
    cli.ok(&["contact", "add", "--name", "Piet", "--address", "BSN 111222333", "--yes"]);
    let out = cli.run(&[
        "interaction",
        "add",
        "--contact",
        "1",
        "--kind",
        "note",
        "--text",
        "nr 111222333",
    ]);
    assert_eq!(code(&out), 1);
    cli.ok(&[
        "interaction",
        "add",
        "--contact",
        "1",
        "--kind",
        "note",
        "--text",
        "nr 111222333",
        "--yes",
    ]);
}

#[test]
fn fields_links_triage_and_proposals() {
    let cli = Cli::new();
    cli.init();
    cli.ok(&["purpose", "propose"]);
    let names: Vec<String> = cli
        .json(&["purpose", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Facturatie", "Klantadministratie", "Nieuwsbrief", "Relatiebeheer"]);
    cli.ok(&["purpose", "propose"]);
    assert_eq!(
        cli.json(&["purpose", "list"]).as_array().unwrap().len(),
        4,
        "proposing twice adds nothing"
    );
    cli.ok(&["contact", "add", "--name", "Anna"]);
    cli.ok(&["contact", "add", "--name", "Bram"]);
    cli.ok(&["contact", "link", "1", "--purpose", "Klantadministratie", "--source", "email"]);
    cli.ok(&[
        "contact",
        "link",
        "2",
        "--purpose",
        "Relatiebeheer",
        "--basis",
        "unknown",
        "--source",
        "imported",
    ]);
    let p = cli.json(&["contact", "purposes", "1"]);
    assert_eq!(p[0]["basis"], "contract");
    assert_eq!(p[0]["usable"], true);
    let t = cli.json(&["triage"]);
    assert_eq!(t.as_array().unwrap().len(), 1);
    assert_eq!(t[0]["contact_id"], 2);
    cli.ok(&[
        "field",
        "add",
        "--label",
        "Dieetwensen",
        "--purpose",
        "Klantadministratie",
        "--special-category",
    ]);
    let out = cli.run(&[
        "field",
        "set",
        "--contact",
        "1",
        "--field",
        "dieetwensen",
        "--value",
        "vegetarisch",
    ]);
    assert_eq!(code(&out), 1, "special category without consent");
    let fields = cli.json(&["field", "list"]);
    assert_eq!(fields[0]["special_category"], true);
}

#[test]
fn retention_from_the_command_line() {
    let cli = Cli::new();
    cli.ok(&["--now", "2026-01-10T09:00:00Z", "init"]);
    let t0 = ["--now", "2026-01-10T09:00:00Z"];
    let add = |name: &str, extra: &[&str]| -> String {
        let mut a = t0.to_vec();
        a.extend_from_slice(&["contact", "add", "--name", name]);
        a.extend_from_slice(extra);
        cli.ok(&a).trim().to_owned()
    };
    let stale = add("Oude Prospect", &[]);
    let client = add("Klant", &["--relationship", "client"]);
    let mut doc = t0.to_vec();
    doc.extend_from_slice(&[
        "document",
        "add",
        "--contact",
        &stale,
        "--kind",
        "invoice",
        "--number",
        "2026-001",
        "--date",
        "2026-01-09",
        "--amount",
        "1.250,50",
    ]);
    cli.ok(&doc);
    let later = "2028-02-01T09:00:00Z";

    // The dry run lists the due items as a flat array and changes nothing.
    let due = cli.json(&["--now", later, "purge", "--dry-run"]);
    let due = due.as_array().unwrap();
    let prospect = due.iter().find(|i| i["rule"] == "prospects").unwrap();
    assert_eq!(prospect["action"], "delete");
    assert_eq!(prospect["category"], "Prospects without contact");
    assert_eq!(prospect["contact_id"].as_i64().unwrap().to_string(), stale);
    assert!(due.iter().all(|i| i.get("rule").is_some() && i.get("action").is_some()));
    let again = cli.json(&["--now", later, "purge", "--dry-run"]);
    assert_eq!(again.as_array().unwrap().len(), due.len(), "a dry run changes nothing");

    // Any other command runs the due purge first.
    let out = cli.cmd(&["--now", later, "--json", "contact", "list"]).output().unwrap();
    assert!(out.status.success());
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"].as_i64().unwrap().to_string(), client);
    assert!(stderr(&out).contains("removed under your retention policy"));
    let log = cli.json(&["--now", later, "deletion-log"]);
    assert!(log.as_array().unwrap().iter().any(|e| e["rule"] == "prospects" && e["count"] == 1));
    // The invoice stays under its legal hold.
    assert!(cli.json(&["--now", later, "purge", "--dry-run"]).as_array().unwrap().is_empty());

    let rules = cli.json(&["--now", later, "retention", "list", "--lang", "en"]);
    assert_eq!(rules.as_array().unwrap().len(), 8);
    cli.ok(&[
        "--now",
        later,
        "retention",
        "set",
        "prospects",
        "--period",
        "12m",
        "--action",
        "review",
    ]);
    let out = cli.run(&[
        "--now",
        later,
        "retention",
        "set",
        "fiscal-records",
        "--period",
        "1y",
        "--action",
        "delete",
    ]);
    assert_eq!(code(&out), 1);
    let policy = cli.ok(&["--now", later, "retention", "policy", "--lang", "en"]);
    assert!(policy.contains("| Prospects without contact | 12 months | review |"));
}

#[test]
fn a_mass_purge_needs_yes() {
    let cli = Cli::new();
    cli.ok(&["--now", "2026-01-10T09:00:00Z", "init"]);
    cli.ok(&["--now", "2026-01-10T09:00:00Z", "demo", "--contacts", "400"]);
    let later = "2031-01-01T00:00:00Z";
    let out = cli.run(&["--now", later, "contact", "list"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("kluis purge --yes"), "{}", stderr(&out));
    let out = cli.run(&["--now", later, "purge"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_one_error_line(&out);
    assert_eq!(cli.json(&["--now", later, "contact", "list"]).as_array().unwrap().len(), 400);
    cli.ok(&["--now", later, "purge", "--yes"]);
    assert!(cli.json(&["--now", later, "contact", "list"]).as_array().unwrap().len() < 400);
}

#[test]
fn requests_and_erasure_from_the_command_line() {
    let cli = Cli::new();
    cli.ok(&["--now", "2026-03-01T10:00:00Z", "init"]);
    let id = cli.ok(&[
        "--now",
        "2026-03-01T10:00:00Z",
        "contact",
        "add",
        "--name",
        "Wis",
        "--relationship",
        "client",
    ]);
    let id = id.trim();
    let r = cli.json(&[
        "--now",
        "2026-03-01T10:00:00Z",
        "request",
        "add",
        "--contact",
        id,
        "--type",
        "erasure",
        "--received",
        "2026-01-31",
    ]);
    assert_eq!(r["due"], "2026-03-02");
    let rid = r["id"].as_i64().unwrap().to_string();
    let out = cli.run(&[
        "request",
        "add",
        "--contact",
        id,
        "--type",
        "inzage",
        "--received",
        "2026-01-31",
    ]);
    assert_eq!(code(&out), 1);
    let r = cli.json(&[
        "--now",
        "2026-03-01T10:00:00Z",
        "request",
        "extend",
        &rid,
        "--reason",
        "Complex",
        "--notified",
        "2026-02-15",
    ]);
    assert_eq!(r["due"], "2026-04-30");
    cli.ok(&["request", "identity", &rid, "--method", "known-email"]);
    let out = cli.run(&["contact", "erase", id]);
    assert_eq!(code(&out), 2, "needs --yes without a terminal");
    assert!(stderr(&out).contains("--yes"));
    cli.ok(&["contact", "erase", id, "--request", &rid, "--yes"]);
    assert_eq!(code(&cli.run(&["contact", "show", id])), 1);
    cli.ok(&["request", "close", &rid, "--outcome", "Gewist, facturen bewaard"]);
    let list = cli.json(&["request", "list"]);
    assert_eq!(list[0]["open"], false);
    let log = cli.json(&["deletion-log"]);
    assert_eq!(log[0]["trigger"], "erasure");
}

#[test]
fn rotate_key_from_the_command_line() {
    let cli = Cli::new();
    let old = cli.init();
    cli.ok(&["contact", "add", "--name", "Na Rotatie"]);
    let out = cli
        .cmd(&["--json", "rotate-key"])
        .env("KLUIS_NEW_PASSPHRASE", OTHER_PASS)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let key: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_ne!(key["recovery_key"].as_str().unwrap(), old);
    assert_eq!(code(&cli.run(&["contact", "list"])), 3, "the old passphrase is retired");
    let out = cli
        .cmd(&["--json", "contact", "list"])
        .env("KLUIS_PASSPHRASE", OTHER_PASS)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Na Rotatie"));
}

/// Issue 12 item 5: bad input is an `error:` line and exit 1, never a panic (exit 101).
#[test]
fn bad_input_never_panics() {
    let cli = Cli::new();
    cli.init();
    for period in ["12é", "é", "€", "1€", "🦀", "12\u{301}m", " ", "١٢m"] {
        let out =
            cli.run(&["retention", "set", "prospects", "--period", period, "--action", "delete"]);
        assert_ne!(code(&out), 101, "{period:?} panicked: {}", stderr(&out));
        assert_eq!(code(&out), 1, "{period:?}: {}", stderr(&out));
        assert_one_error_line(&out);
        assert!(stderr(&out).contains("period"), "{}", stderr(&out));
    }
    for now in ["é", "2026-01-10T09:00:00Zé", "2026-13-40T99:00:00Z", "+999999-01-01T00:00:00Z", ""]
    {
        let out = cli.run(&["--now", now, "contact", "list"]);
        assert_eq!(code(&out), 1, "{now:?}: {}", stderr(&out));
        assert_one_error_line(&out);
    }
    for date in ["é", "2026-01-0é", "2026-02-30", "99999-01-01", "2026-1-1é"] {
        let out = cli.run(&["contact", "add", "--name", "X", "--ended", date]);
        assert_eq!(code(&out), 1, "{date:?}: {}", stderr(&out));
        assert_one_error_line(&out);
    }
}

/// Issue 12 item 6: a usage error names the missing or bad argument on its one line (exit 2).
#[test]
fn usage_errors_name_the_argument() {
    let cli = Cli::new();
    let out = cli.run(&["contact", "add"]);
    assert_eq!(code(&out), 2);
    assert_one_error_line(&out);
    assert!(stderr(&out).contains("--name"), "{}", stderr(&out));
    let out = cli.run(&["retention", "set", "prospects", "--period", "12m"]);
    assert_eq!(code(&out), 2);
    assert_one_error_line(&out);
    assert!(stderr(&out).contains("--action"), "{}", stderr(&out));
    let out = cli.run(&["contact", "show", "geen-getal"]);
    assert_eq!(code(&out), 2);
    assert_one_error_line(&out);
    assert!(stderr(&out).contains("geen-getal"), "{}", stderr(&out));
    let out = cli.run(&["contact", "list", "--frobnicate"]);
    assert_eq!(code(&out), 2);
    assert_one_error_line(&out);
    assert!(stderr(&out).contains("--frobnicate"), "{}", stderr(&out));
}
