//! `kluis processor add|list|show|edit|remove` as a real process: the id as JSON, the flags in
//! the list at `--now`, the agreement file's SHA-256, dates typed the Dutch way, edits keeping
//! what is not given, `purpose add --recipient` linking a processor of that name, the
//! processor in a subject-access PDF exported afterwards, and errors as one `error:` line
//! with exit 1.

mod common;

use common::*;

const NOW: &str = "2026-03-01T10:00:00Z";

fn err(cli: &Cli, args: &[&str]) -> String {
    let out = cli.run(args);
    assert_eq!(out.status.code(), Some(1), "kluis {args:?} should fail with exit 1");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: "), "one error: line, got {stderr:?}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
    stderr
}

fn vault() -> Cli {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&["purpose", "add", "--name", "Facturatie", "--basis", "legal-obligation"]);
    cli.ok(&[
        "purpose",
        "add",
        "--name",
        "Nieuwsbrief",
        "--basis",
        "consent",
        "--direct-marketing",
    ]);
    cli
}

#[test]
fn processors_are_added_listed_with_their_flags_shown_edited_and_removed() {
    let cli = vault();
    let dpa = cli.tmp.path().join("overeenkomst.pdf");
    std::fs::write(&dpa, b"getekende verwerkersovereenkomst").unwrap();
    let jansen = cli.json(&[
        "processor",
        "add",
        "--name",
        "Boekhouder Jansen",
        "--service",
        "accounting",
        "--purpose",
        "facturatie",
        "--category",
        "facturen",
        "--dpa-signed",
        "15-01-2026",
        "--dpa-file",
        dpa.to_str().unwrap(),
        "--review",
        "01-01-2027",
    ]);
    let jansen = jansen["id"].as_i64().unwrap().to_string();
    let mailer = cli.json(&[
        "processor",
        "add",
        "--name",
        "Mailer Inc",
        "--service",
        "newsletter",
        "--purpose",
        "Nieuwsbrief",
        "--review",
        "2026-02-28",
        "--outside-eu",
        "--safeguard",
        "scc",
        "--location",
        "Verenigde Staten",
    ]);
    let mailer = mailer["id"].as_i64().unwrap().to_string();

    let list = cli.json(&["processor", "list"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "Boekhouder Jansen");
    assert_eq!(list[0]["flags"], serde_json::json!([]));
    assert_eq!(list[1]["flags"], serde_json::json!(["no-agreement", "review-overdue"]));
    let text = cli.ok(&["processor", "list"]);
    assert!(text.contains("Mailer Inc") && text.contains("no-agreement, review-overdue"), "{text}");

    let shown = cli.json(&["processor", "show", &jansen]);
    assert_eq!(shown["dpa_signed_on"], "2026-01-15");
    assert_eq!(shown["dpa_reference"], "overeenkomst.pdf");
    assert_eq!(
        shown["dpa_sha256"],
        kluis::domain::export::sar::sha256_hex(b"getekende verwerkersovereenkomst")
    );
    assert_eq!(shown["purposes"][0]["name"], "Facturatie");
    assert_eq!(shown["safeguard"], serde_json::Value::Null);

    // A year later the review of Jansen is overdue too.
    let later = cli.later("2027-01-02T10:00:00Z");
    let shown = later.json(&["processor", "show", &jansen]);
    assert_eq!(shown["flags"], serde_json::json!(["review-overdue"]));

    // Edit: what is not given stays; the agreement date and a new review clear the flags.
    later.json(&[
        "processor",
        "edit",
        &mailer,
        "--dpa-signed",
        "2027-01-02",
        "--review",
        "2028-01-01",
        "--contact",
        "dpo@mailer.example",
    ]);
    let shown = later.json(&["processor", "show", &mailer]);
    assert_eq!(shown["flags"], serde_json::json!([]));
    assert_eq!(shown["safeguard"], "scc");
    assert_eq!(shown["location"], "Verenigde Staten");
    assert_eq!(shown["purposes"][0]["name"], "Nieuwsbrief");
    later.ok(&["processor", "edit", &mailer, "--inside-eu", "--no-purposes"]);
    let shown = later.json(&["processor", "show", &mailer]);
    assert_eq!(shown["outside_eu"], false);
    assert_eq!(shown["safeguard"], serde_json::Value::Null);
    assert_eq!(shown["purposes"], serde_json::json!([]));

    let out = later.json(&["processor", "remove", &mailer]);
    assert_eq!(out["ok"], true);
    assert_eq!(later.json(&["processor", "list"]).as_array().unwrap().len(), 1);
    err(&later, &["processor", "show", &mailer]);
}

#[test]
fn bad_input_is_one_error_line_with_exit_1() {
    let cli = vault();
    let e = err(&cli, &["processor", "add", "--name", "X", "--service", "marketing"]);
    assert!(e.contains("accounting, payroll"), "{e}");
    let e = err(
        &cli,
        &["processor", "add", "--name", "X", "--service", "other", "--review", "31-02-2026"],
    );
    assert!(e.contains("--review"), "{e}");
    let e = err(&cli, &["processor", "add", "--name", "X", "--service", "hosting", "--outside-eu"]);
    assert!(e.contains("safeguard"), "{e}");
    let e = err(
        &cli,
        &["processor", "add", "--name", "X", "--service", "other", "--purpose", "Onbekend"],
    );
    assert!(e.contains("Onbekend"), "{e}");
    let missing = cli.tmp.path().join("bestaat-niet.pdf");
    let e = err(
        &cli,
        &[
            "processor",
            "add",
            "--name",
            "X",
            "--service",
            "other",
            "--dpa-file",
            missing.to_str().unwrap(),
        ],
    );
    assert!(e.contains("--dpa-file"), "{e}");
    cli.ok(&["processor", "add", "--name", "Hoster", "--service", "hosting"]);
    let e = err(&cli, &["processor", "add", "--name", "HOSTER", "--service", "hosting"]);
    assert!(e.contains("exists already"), "{e}");
    err(&cli, &["processor", "edit", "99", "--name", "Y"]);
    err(&cli, &["processor", "remove", "99"]);
    assert_eq!(
        cli.json(&["processor", "list"]).as_array().unwrap().len(),
        1,
        "nothing half-written"
    );
}

#[test]
fn a_purpose_recipient_is_a_processor_and_reaches_the_access_report() {
    let cli = vault();
    cli.ok(&[
        "purpose",
        "add",
        "--name",
        "Salarisadministratie",
        "--basis",
        "legal-obligation",
        "--recipient",
        "Loonbureau De Vries",
    ]);
    cli.ok(&["processor", "add", "--name", "Ongebruikt BV", "--service", "it-support"]);
    let list = cli.json(&["processor", "list"]);
    let lonen = list.as_array().unwrap().iter().find(|p| p["name"] == "Loonbureau De Vries");
    let lonen = lonen.expect("the recipient became a processor");
    assert_eq!(lonen["service"], "other");
    assert_eq!(lonen["flags"], serde_json::json!(["no-agreement"]));
    assert_eq!(lonen["purposes"][0]["name"], "Salarisadministratie");
    // A second purpose naming it in another case links the same processor.
    cli.ok(&[
        "purpose",
        "add",
        "--name",
        "Verlof",
        "--basis",
        "contract",
        "--recipient",
        "loonbureau de vries",
    ]);
    assert_eq!(cli.json(&["processor", "list"]).as_array().unwrap().len(), 2);

    let piet = cli.json(&["contact", "add", "--name", "Piet Pieters"]);
    let piet = piet["id"].as_i64().unwrap().to_string();
    cli.ok(&["contact", "link", &piet, "--purpose", "Salarisadministratie"]);
    let pdf = cli.tmp.path().join("inzage.pdf");
    cli.ok(&["sar", "--contact", &piet, "--out", pdf.to_str().unwrap()]);
    let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Loonbureau De Vries"), "{text}");
    assert!(!text.contains("Ongebruikt BV"));
    assert!(!text.contains("met niemand"));
}
