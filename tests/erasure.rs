//! Erasure and edits leave no trace of the old values: not in the decrypted database pages
//! (the full-text index included), not in the write-ahead log; exported files are private to
//! the user and written whole.

mod common;

use std::path::Path;

use common::*;
use kluis::domain::contacts::{self, ContactInput};
use serde_json::Value;

impl Cli {
    fn id(&self, args: &[&str]) -> String {
        self.json(args)["id"].as_i64().unwrap().to_string()
    }

    /// The plaintext of every page of `kluis.db`, read after the CLI exited.
    fn pages(&self) -> Vec<u8> {
        let key = data_key(&self.dir(), PASS);
        decrypt_pages(&std::fs::read(self.dir().join("kluis.db")).unwrap(), &key)
    }

    fn assert_wal_empty(&self) {
        let wal = std::fs::metadata(self.dir().join("kluis.db-wal")).map(|m| m.len()).unwrap_or(0);
        assert_eq!(wal, 0, "kluis.db alone holds the vault: nothing is left only in the WAL");
    }
}

fn assert_gone(plain: &[u8], needles: &[&str]) {
    for n in needles {
        assert!(!contains(plain, n.as_bytes()), "{n:?} lingers in the decrypted pages");
    }
}

/// A person with an organisation of their own, consent given on a form text that holds their
/// name and phone number, an erasure request with an identity note and an extension reason;
/// and a second person who stays. Returns (person, request).
fn person_with_traces(cli: &Cli) -> (String, String) {
    cli.ok(&["init"]);
    cli.ok(&[
        "purpose",
        "add",
        "--name",
        "Nieuwsbrief",
        "--basis",
        "consent",
        "--direct-marketing",
    ]);
    let id = cli.id(&[
        "contact",
        "add",
        "--name",
        "Wilhelmina Wisselink",
        "--email",
        "wilhelmina@wisselink-installaties.nl",
        "--org",
        "Wisselink Installaties",
        "--relationship",
        "client",
    ]);
    cli.id(&["contact", "add", "--name", "Blijvende Klant", "--org", "Gedeelde Groothandel"]);
    let text = cli.tmp.path().join("form.txt");
    std::fs::write(&text, "Aanmelding nieuwsbrief: Wilhelmina Wisselink, telefoon 0687654321.\n")
        .unwrap();
    cli.ok(&[
        "consent",
        "give",
        "--contact",
        &id,
        "--purpose",
        "nieuwsbrief",
        "--method",
        "form",
        "--text-file",
        text.to_str().unwrap(),
    ]);
    let r = cli.id(&[
        "request",
        "add",
        "--contact",
        &id,
        "--type",
        "erasure",
        "--received",
        "2026-02-20",
    ]);
    cli.ok(&[
        "request",
        "identity",
        &r,
        "--method",
        "known-email",
        "--note",
        "Gebeld met Wilhelmina over haar klantnummer",
    ]);
    cli.ok(&[
        "request",
        "extend",
        &r,
        "--reason",
        "Wisselink levert de facturen later aan",
        "--notified",
        "2026-02-25",
    ]);
    (id, r)
}

#[test]
fn erasure_removes_consent_texts_the_sole_organisation_and_request_free_text() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    let (id, r) = person_with_traces(&cli);
    let before = cli.pages();
    assert!(contains(&before, b"0687654321"), "the decryption works: the value is there before");

    let done = cli.json(&["contact", "erase", &id, "--request", &r, "--yes"]);
    assert_eq!(done["organisation_orphaned"], true, "{done}");
    assert_eq!(done["organisation_removed"], true, "{done}");
    assert_eq!(done["consent_texts"], 1, "{done}");
    assert_eq!(done["requests_redacted"], 1, "{done}");
    // What stays is said: the tombstone (id and time); no hash, as they did not object.
    assert_eq!(done["tombstone"], format!("contact:{id}"));
    assert_eq!(done["erased_at"], "2026-03-01T10:00:00Z");
    assert_eq!(done["suppression_kept"], false);

    // The request row stays as the record that it was handled, its free text replaced.
    let list = cli.json(&["request", "list"]);
    let req = list
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"].as_i64().map(|n| n.to_string()) == Some(r.clone()))
        .unwrap();
    assert_eq!(req["identity_note"], Value::Null);
    let outcome = req["outcome"].as_str().unwrap();
    assert!(outcome.contains(&format!("contact:{id}")), "{outcome}");
    assert!(outcome.contains("Erased at the person's request on 2026-03-01"), "{outcome}");
    assert_ne!(req["extension_reason"], "Wisselink levert de facturen later aan");

    cli.assert_wal_empty();
    let plain = cli.pages();
    assert!(contains(&plain, b"Blijvende Klant"), "other data is still readable");
    assert!(contains(&plain, b"Gedeelde Groothandel"), "an organisation others link to stays");
    assert_gone(
        &plain,
        &[
            "Wilhelmina",
            "Wisselink",
            "wisselink-installaties",
            "0687654321",
            "klantnummer",
            "facturen later",
        ],
    );
}

#[test]
fn the_cli_keeps_the_organisation_when_asked_and_says_what_stays() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    let (id, _) = person_with_traces(&cli);
    let out = cli.run(&["contact", "erase", &id, "--keep-organisation", "--yes"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("organisation, linked to no one else, is kept"), "{said}");
    assert!(said.contains(&format!("tombstone contact:{id}")), "{said}");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains(&format!("Kept: the tombstone contact:{id} (2026-03-01T10:00:00Z)")));
    let plain = cli.pages();
    assert!(contains(&plain, b"Wisselink Installaties"), "the organisation was kept");
    assert_gone(&plain, &["Wilhelmina", "0687654321", "klantnummer"]);
}

#[test]
fn an_objecting_persons_erasure_says_the_hash_stays_on_the_suppression_list() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    let (id, _) = person_with_traces(&cli);
    cli.ok(&["contact", "object", &id]);
    let out = cli.run(&["contact", "erase", &id, "--yes"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("salted hash of the e-mail addresses on the suppression list"), "{said}");
    let list = cli.json(&["request", "list"]);
    let outcome = list[0]["outcome"].as_str().unwrap();
    assert!(outcome.contains("suppression list"), "{outcome}");
}

#[test]
fn a_cli_edit_leaves_no_old_value_in_the_pages_or_the_wal() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    cli.ok(&["init"]);
    let id = cli.id(&[
        "contact",
        "add",
        "--name",
        "Oudenaam Vroegerhuis",
        "--email",
        "oudadres@vroegerhuis.nl",
        "--org",
        "Blijvend Bedrijf",
    ]);
    assert!(contains(&cli.pages(), b"Vroegerhuis"), "the decryption works");
    cli.ok(&[
        "contact",
        "edit",
        &id,
        "--name",
        "Nieuwenaam Nuhuis",
        "--email",
        "nieuwadres@nuhuis.nl",
        "--org",
        "Blijvend Bedrijf",
    ]);
    cli.assert_wal_empty();
    let plain = cli.pages();
    assert!(contains(&plain, b"Nieuwenaam"));
    assert_gone(&plain, &["Oudenaam", "Vroegerhuis", "vroegerhuis", "oudadres"]);
    let found = cli.json(&["contact", "list", "--search", "Nuhuis"]);
    assert_eq!(found.as_array().unwrap().len(), 1, "the index still finds the new values");
    let old = cli.json(&["contact", "list", "--search", "Vroegerhuis"]);
    assert_eq!(old.as_array().unwrap().len(), 0);
}

#[test]
fn an_organisation_edited_away_leaves_no_row_and_no_trace_when_no_one_else_links_to_it() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    cli.ok(&["init"]);
    let id = cli.id(&[
        "contact",
        "add",
        "--name",
        "Eenmanszaak Eigenaar",
        "--org",
        "Kapsalon Eigennaam",
    ]);
    let other = cli.id(&["contact", "add", "--name", "Collega Blijft", "--org", "Gedeeld Bedrijf"]);
    let colleague =
        cli.id(&["contact", "add", "--name", "Collega Gaat", "--org", "Gedeeld Bedrijf"]);
    assert!(contains(&cli.pages(), b"Kapsalon Eigennaam"), "the decryption works");
    cli.ok(&["contact", "edit", &id, "--org", "Nieuw Bedrijf"]);
    cli.ok(&["contact", "edit", &colleague, "--org", ""]);
    cli.assert_wal_empty();
    let plain = cli.pages();
    assert_gone(&plain, &["Kapsalon Eigennaam"]);
    assert!(contains(&plain, b"Gedeeld Bedrijf"), "an organisation someone still links to stays");
    let shown = cli.json(&["contact", "show", &other]);
    assert_eq!(shown["contact"]["organisation"], "Gedeeld Bedrijf");
}

#[test]
fn every_write_ends_with_a_checkpoint_while_the_vault_stays_open() {
    let (t, mut v) = new_vault();
    let mut input = ContactInput::new("Oudenaam Vroegerhuis");
    input.emails = vec!["oudadres@vroegerhuis.nl".into()];
    let id = contacts::create(&mut v, &input, false).unwrap();
    let wal =
        |dir: &Path| std::fs::metadata(dir.join("kluis.db-wal")).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal(&t.dir()), 0, "after the create");
    let mut edited = ContactInput::new("Nieuwenaam Nuhuis");
    edited.emails = vec!["nieuwadres@nuhuis.nl".into()];
    contacts::update(&mut v, id, &edited, false).unwrap();
    assert_eq!(wal(&t.dir()), 0, "after the edit, with the vault still open");
    let key = data_key(&t.dir(), PASS);
    let plain = decrypt_pages(&std::fs::read(t.dir().join("kluis.db")).unwrap(), &key);
    assert!(contains(&plain, b"Nieuwenaam"), "the edit is in kluis.db itself");
    assert_gone(&plain, &["Oudenaam", "Vroegerhuis", "vroegerhuis", "oudadres"]);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn exported_files_are_private_and_written_whole() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    let (id, _) = person_with_traces(&cli);
    let out = cli.tmp.path().join("exports");
    std::fs::create_dir(&out).unwrap();
    // A file the user already had, readable by others, is replaced by a private one.
    std::fs::write(out.join("mailing.csv"), "old").unwrap();
    let p = |n: &str| out.join(n).to_str().unwrap().to_owned();
    cli.ok(&["export", "mailing-list", "--purpose", "nieuwsbrief", "--out", &p("mailing.csv")]);
    cli.ok(&["sar", "--contact", &id, "--out", &p("sar.pdf"), "--zip", &p("sar.zip")]);
    cli.ok(&["retention", "policy", "--out", &p("policy.md")]);
    cli.ok(&["retention", "policy", "--pdf", "--out", &p("policy.pdf")]);
    cli.ok(&["backup", "--out", &p("kluis.kluisbackup")]);
    {
        let v =
            kluis::Vault::open(&cli.dir(), kluis::vault::Secret::Passphrase(PASS), clock(), "t")
                .unwrap();
        kluis::app::retention::save_deletion_log(&v, &out.join("deletion-log.csv")).unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "deletion-log.csv",
            "kluis.kluisbackup",
            "mailing.csv",
            "policy.md",
            "policy.pdf",
            "sar.pdf",
            "sar.zip"
        ],
        "no temporary files are left"
    );
    for n in &names {
        assert_eq!(mode(&out.join(n)), 0o600, "{n} is private to the user");
    }
    assert_ne!(std::fs::read(out.join("mailing.csv")).unwrap(), b"old");
}
