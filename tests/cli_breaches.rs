//! `kluis breach …` as a real process: `add --json` gives the id and `notify_by` with the
//! offset of the local time zone (checked across the change to summer time with the system's
//! Europe/Amsterdam zone), `list` shows hours left then overdue at the `--now` clock, a
//! notification after 72 hours is refused without a reason, decisions, informing the people,
//! follow-ups and links show in `show --json`, and every error is one `error:` line, exit 1.

mod common;

use common::*;
use serde_json::Value;

/// The command in the Netherlands' time zone, read from the system's time-zone database.
fn nl(cli: &Cli, args: &[&str]) -> std::process::Output {
    cli.cmd(args).env("TZ", "Europe/Amsterdam").output().unwrap()
}

fn ok(cli: &Cli, args: &[&str]) -> String {
    let out = nl(cli, args);
    assert!(out.status.success(), "kluis {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(cli: &Cli, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    serde_json::from_str(&ok(cli, &a)).unwrap()
}

fn err(cli: &Cli, args: &[&str]) -> String {
    let out = nl(cli, args);
    assert_eq!(out.status.code(), Some(1), "kluis {args:?} should fail with exit 1");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: "), "one error: line, got {stderr:?}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
    stderr
}

#[test]
fn add_gives_notify_by_72_hours_later_in_local_time_across_the_change_to_summer_time() {
    let cli = Cli::at("2026-03-28T12:00:00Z");
    cli.ok(&["init"]);
    let b = json(
        &cli,
        &[
            "breach",
            "add",
            "--aware",
            "2026-03-27T12:00:00+01:00",
            "--description",
            "Laptop gestolen uit de auto",
            "--nature",
            "confidentiality",
            "--nature",
            "availability",
            "--people",
            "40",
            "--risk",
            "high",
        ],
    );
    assert_eq!(b["id"], 1);
    assert_eq!(b["notify_by"], "2026-03-30T13:00:00+02:00", "Monday 13:00 CEST: 72 real hours");
    // The same moment typed as a Dutch user types it, in local time.
    let b = json(&cli, &["breach", "add", "--aware", "27-03-2026 12:00", "--description", "x"]);
    assert_eq!(b["notify_by"], "2026-03-30T13:00:00+02:00");
    // Whatever the risk, the clock is there: the 72 hours are for deciding too.
    let b = json(
        &cli,
        &[
            "breach",
            "add",
            "--aware",
            "2026-03-28T09:00:00Z",
            "--description",
            "y",
            "--risk",
            "none",
        ],
    );
    assert_eq!(b["notify_by"], "2026-03-31T11:00:00+02:00");
    let shown = json(&cli, &["breach", "show", "1"]);
    assert_eq!(shown["nature"], serde_json::json!(["confidentiality", "availability"]));
    assert_eq!(shown["approx_people"], 40);
    assert_eq!(shown["risk"], "high");
    assert_eq!(shown["deadline"]["minutes_left"], 47 * 60);
}

#[test]
fn list_counts_the_hours_down_and_then_says_overdue() {
    let cli = Cli::at("2026-03-28T12:00:00Z");
    cli.ok(&["init"]);
    ok(&cli, &["breach", "add", "--aware", "2026-03-27T12:00:00+01:00", "--description", "d"]);
    let text = ok(&cli, &["breach", "list"]);
    assert!(text.contains("47 h left to notify the AP (by 2026-03-30T13:00:00+02:00)"), "{text}");
    let cli = cli.later("2026-03-30T14:30:00+02:00");
    let text = ok(&cli, &["breach", "list"]);
    assert!(text.contains("overdue by 1 h 30 min AP notification"), "{text}");
    let list = json(&cli, &["breach", "list"]);
    assert_eq!(list[0]["deadline"]["overdue"], true);
    assert_eq!(list[0]["deadline"]["minutes_left"], -90);
}

#[test]
fn a_late_notification_needs_a_reason_and_the_rest_of_the_record_follows() {
    let cli = Cli::at("2026-04-02T09:00:00Z");
    cli.ok(&["init"]);
    let contact = cli.json(&["contact", "add", "--name", "Getroffen Klant"])["id"].to_string();
    ok(&cli, &["breach", "add", "--aware", "2026-03-27T12:00:00+01:00", "--description", "d"]);
    let e = err(&cli, &["breach", "notify", "1", "--at", "2026-03-31T10:00:00+02:00"]);
    assert!(e.contains("--late-reason") && e.contains("72 hours"), "{e}");
    assert_eq!(json(&cli, &["breach", "show", "1"])["notified_at"], Value::Null);
    ok(
        &cli,
        &[
            "breach",
            "notify",
            "1",
            "--at",
            "2026-03-31T10:00:00+02:00",
            "--reference",
            "AP-2026-0042",
            "--late-reason",
            "Omvang pas na onderzoek bekend",
        ],
    );
    ok(&cli, &["breach", "follow-up", "1", "--at", "2026-04-01T10:00:00Z", "--text", "Aanvulling"]);
    ok(&cli, &["breach", "inform", "1", "--at", "2026-04-01T12:00:00Z", "--how", "Brief per post"]);
    ok(&cli, &["breach", "link", "1", "--contact", &contact]);
    ok(
        &cli,
        &[
            "breach",
            "edit",
            "1",
            "--corrective",
            "Wachtwoorden gewijzigd",
            "--preventive",
            "Training",
        ],
    );
    let b = json(&cli, &["breach", "show", "1"]);
    assert_eq!(b["ap_decision"], "notify");
    assert_eq!(b["ap_case_number"], "AP-2026-0042");
    assert_eq!(b["late_reason"], "Omvang pas na onderzoek bekend");
    assert_eq!(b["follow_ups"][0]["text"], "Aanvulling");
    assert_eq!(b["people_informed_how"], "Brief per post");
    assert_eq!(b["contacts"], serde_json::json!([contact.parse::<i64>().unwrap()]));
    assert_eq!(
        (b["corrective_measures"].as_str(), b["preventive_measures"].as_str()),
        (Some("Wachtwoorden gewijzigd"), Some("Training"))
    );
    let text = ok(&cli, &["breach", "show", "1"]);
    assert!(text.contains("AP case number:   AP-2026-0042"), "{text}");
    ok(&cli, &["breach", "close", "1"]);
    assert_eq!(json(&cli, &["breach", "show", "1"])["status"], "closed");
}

#[test]
fn not_notifying_and_the_exception_and_errors_as_one_line() {
    let cli = Cli::at("2026-03-28T12:00:00Z");
    cli.ok(&["init"]);
    ok(
        &cli,
        &["breach", "add", "--aware", "2026-03-28T09:00:00Z", "--description", "Back-up kwijt"],
    );
    ok(
        &cli,
        &[
            "breach",
            "decide",
            "1",
            "--no-notify",
            "--reason",
            "Versleuteld, sleutel niet op de schijf",
        ],
    );
    ok(&cli, &["breach", "inform", "1", "--exception", "encrypted"]);
    let b = json(&cli, &["breach", "show", "1"]);
    assert_eq!(
        (b["ap_decision"].as_str(), b["people_exception"].as_str()),
        (Some("no-notify"), Some("encrypted"))
    );
    assert_eq!(b["deadline"]["running"], false);
    assert!(err(&cli, &["breach", "show", "7"]).contains("breach 7 not found"));
    assert!(err(&cli, &["breach", "add", "--aware", "2026-03-29T09:00:00Z", "--description", "d"])
        .contains("--aware: lies in the future"));
    assert!(err(&cli, &["breach", "add", "--aware", "gisteren", "--description", "d"])
        .contains("--aware"));
    assert!(err(
        &cli,
        &[
            "breach",
            "add",
            "--aware",
            "2026-03-28T09:00:00Z",
            "--description",
            "d",
            "--nature",
            "secrecy"
        ]
    )
    .contains("confidentiality, integrity, availability"));
    assert!(err(&cli, &["breach", "inform", "1", "--exception", "lost"])
        .contains("encrypted, mitigated, disproportionate"));
    assert!(err(&cli, &["breach", "link", "1", "--contact", "99"]).contains("contact 99 not found"));
    // A decision can change when the risk is seen differently: notifying after all is
    // recorded; deciding not to notify after a notification is refused.
    ok(&cli, &["breach", "notify", "1", "--at", "2026-03-28T10:00:00Z"]);
    assert!(err(&cli, &["breach", "decide", "1", "--no-notify", "--reason", "r"])
        .contains("already been notified"));
}

fn pdftotext(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext").arg(path).arg("-").output().unwrap();
    assert!(out.status.success());
    // Words as a line of text: a long phrase may wrap in the PDF.
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `breach report ID --out F.pdf [--lang en]`: what the AP's form asks, read back with
/// pdftotext, with the times in local time (the DST example) and the Art. 34(3) exception
/// spelled out.
#[test]
fn the_breach_report_holds_what_the_ap_form_asks_in_dutch_and_english() {
    let cli = Cli::at("2026-04-02T12:00:00Z");
    cli.ok(&["init"]);
    cli.ok(&["settings", "set", "controller.name", "Bakker Bouw"]);
    cli.ok(&["settings", "set", "controller.kvk", "12345678"]);
    ok(
        &cli,
        &[
            "breach",
            "add",
            "--aware",
            "2026-03-27T12:00:00+01:00",
            "--description",
            "Laptop gestolen",
            "--nature",
            "confidentiality",
            "--people",
            "40",
            "--risk",
            "high",
        ],
    );
    ok(
        &cli,
        &[
            "breach",
            "edit",
            "1",
            "--category",
            "contactgegevens",
            "--special",
            "true",
            "--records",
            "300",
            "--corrective",
            "Sleutel ingetrokken",
            "--preventive",
            "Schijfversleuteling",
            "--risk-reasoning",
            "Gezondheidsnotities",
        ],
    );
    ok(
        &cli,
        &[
            "breach",
            "notify",
            "1",
            "--at",
            "2026-03-31T10:00:00+02:00",
            "--reference",
            "AP-77",
            "--late-reason",
            "Omvang pas later bekend",
        ],
    );
    ok(
        &cli,
        &[
            "breach",
            "follow-up",
            "1",
            "--at",
            "2026-04-01T10:00:00Z",
            "--text",
            "Aanvulling: 300 records",
        ],
    );
    ok(&cli, &["breach", "inform", "1", "--exception", "encrypted"]);
    let nl_pdf = cli.tmp.path().join("melding.pdf");
    ok(&cli, &["breach", "report", "1", "--out", nl_pdf.to_str().unwrap()]);
    let nl = pdftotext(&nl_pdf);
    for want in [
        "Melding datalek 2026-001",
        "Bakker Bouw",
        "12345678",
        "27 maart 2026 12:00 (+01:00)",
        "30 maart 2026 13:00 (+02:00)",
        "31 maart 2026 10:00 (+02:00)",
        "vertrouwelijkheid",
        "contactgegevens",
        "ongeveer 40",
        "ongeveer 300",
        "Sleutel ingetrokken",
        "Schijfversleuteling",
        "hoog risico",
        "AP-77",
        "Omvang pas later bekend",
        "art. 34 lid 3 sub a AVG",
        "Aanvulling: 300 records",
    ] {
        assert!(nl.contains(want), "{want:?} missing from:\n{nl}");
    }
    let en_pdf = cli.tmp.path().join("report.pdf");
    ok(&cli, &["breach", "report", "1", "--out", en_pdf.to_str().unwrap(), "--lang", "en"]);
    let en = pdftotext(&en_pdf);
    for want in [
        "Data breach report 2026-001",
        "30 March 2026 13:00 (+02:00)",
        "confidentiality",
        "high risk",
        "Art. 34(3)(a) GDPR",
    ] {
        assert!(en.contains(want), "{want:?} missing from:\n{en}");
    }
    assert!(err(&cli, &["breach", "report", "9", "--out", en_pdf.to_str().unwrap()])
        .contains("breach 9 not found"));
}
