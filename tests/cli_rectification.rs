//! Rectification from the command line: `kluis interaction edit|delete` (ids listed by
//! `kluis contact show`), `kluis document edit|delete`; refusals are one `error:` line.

mod common;

use common::*;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An initialised vault with one client and one note; (contact id, interaction id).
fn client_with_note(cli: &Cli) -> (String, String) {
    cli.ok(&["init"]);
    let c = cli.json(&["contact", "add", "--name", "Jan Klant", "--relationship", "client"]);
    let c = c["id"].as_i64().unwrap().to_string();
    let args = [
        "interaction",
        "add",
        "--contact",
        &c,
        "--kind",
        "note",
        "--text",
        "Verkeerd: Vlinderhoeve",
        "--at",
        "2026-02-01T10:00:00Z",
    ];
    let i = cli.json(&args)["id"].as_i64().unwrap().to_string();
    (c, i)
}

#[test]
fn interactions_are_edited_and_deleted_by_the_id_contact_show_lists() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    let (c, i) = client_with_note(&cli);
    let shown = cli.ok(&["contact", "show", &c]);
    assert!(shown.contains(&format!("#{i}")), "the interaction's id is shown: {shown}");

    cli.ok(&["interaction", "edit", &i, "--text", "Belde over de offerte", "--kind", "call"]);
    let d = cli.json(&["contact", "show", &c]);
    assert_eq!(d["interactions"][0]["text"], "Belde over de offerte");
    assert_eq!(d["interactions"][0]["kind"], "call");
    assert_eq!(d["interactions"][0]["at"], "2026-02-01T10:00:00Z", "what was not given stays");

    let out = cli.run(&["interaction", "delete", &i]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(said.starts_with("error: ") && said.contains("--yes"), "{said}");
    assert_eq!(cli.json(&["contact", "show", &c])["interactions"].as_array().unwrap().len(), 1);
    cli.ok(&["interaction", "delete", &i, "--yes"]);
    assert_eq!(cli.json(&["contact", "show", &c])["interactions"].as_array().unwrap().len(), 0);
    let out = cli.run(&["interaction", "delete", &i, "--yes"]);
    assert!(stderr(&out).starts_with("error: interaction"), "{}", stderr(&out));
}

#[test]
fn an_interaction_edit_refuses_bad_dates_and_an_unconfirmed_bsn_with_an_error_line() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    let (_, i) = client_with_note(&cli);
    for bad in ["2999-06-01T10:00:00Z", "1899-01-01T10:00:00Z", "gisteren"] {
        let out = cli.run(&["interaction", "edit", &i, "--at", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let said = stderr(&out);
        assert!(said.starts_with("error: at:") && said.lines().count() == 1, "{bad}: {said}");
    }
    let out = cli.run(&["interaction", "edit", &i, "--text", "BSN 123456782"]);
    assert!(stderr(&out).starts_with("error: text: this looks like"), "{}", stderr(&out));
    cli.ok(&["interaction", "edit", &i, "--text", "Order 123456782", "--yes"]);
}

#[test]
fn a_document_edit_appends_a_correction_and_delete_waits_for_the_end_of_the_hold() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    let (c, _) = client_with_note(&cli);
    let add = [
        "document",
        "add",
        "--contact",
        &c,
        "--kind",
        "invoice",
        "--number",
        "2026-001",
        "--date",
        "2026-02-01",
        "--amount",
        "1250,50",
    ];
    let original = cli.json(&add)["id"].as_i64().unwrap();
    let fix = cli.ok(&["document", "edit", &original.to_string(), "--amount", "999"]);
    let fix: i64 = fix.trim().parse().expect("the correction's id is printed");
    assert_ne!(fix, original);
    let listed = cli.ok(&["document", "list", "--contact", &c]);
    assert!(listed.contains(&format!("[corrected by {fix}]")), "{listed}");
    assert!(listed.contains(&format!("correction of {original}")), "{listed}");
    let docs = cli.json(&["document", "list", "--contact", &c]);
    let o = docs.as_array().unwrap().iter().find(|d| d["id"] == original).unwrap();
    assert_eq!(o["amount_cents"], 125_050, "the original is kept unaltered");

    let out = cli.run(&["document", "delete", &original.to_string(), "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.starts_with("error: this fiscal record must be kept unaltered until 2033-12-31"));
    assert!(said.contains("art. 52 AWR"), "{said}");
    // The records are reviewed when their period ends, not purged on opening the vault.
    cli.ok(&["retention", "set", "fiscal-records", "--period", "7y", "--action", "review"]);
    let later = cli.later("2034-01-01T10:00:00Z");
    let out = later.run(&["document", "delete", &original.to_string()]);
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    later.ok(&["document", "delete", &original.to_string(), "--yes"]);
    let docs = later.json(&["document", "list", "--contact", &c]);
    assert_eq!(docs.as_array().unwrap().len(), 1, "the correction has its own period");
}
