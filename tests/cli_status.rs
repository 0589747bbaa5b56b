//! `kluis status` as a real process (issue 15 §5): each situation is set up through the CLI and
//! the `--json` counts say exactly how many need attention at the `--now` clock; an empty vault
//! says "All in order."; the text names what to do.

mod common;

use common::*;
use serde_json::Value;

const NOW: &str = "2026-03-10T12:00:00Z";

fn status(cli: &Cli) -> Value {
    cli.json(&["status"])
}

/// The counts that are numbers, by name, for a compact comparison.
fn numbers(s: &Value) -> Vec<(String, i64)> {
    [
        "requests_due",
        "requests_overdue",
        "breaches_open",
        "breaches_overdue",
        "contacts_without_basis",
        "repermission_due",
        "review_queue",
        "processors_without_agreement",
        "processors_review_overdue",
    ]
    .iter()
    .map(|k| (k.to_string(), s[*k].as_i64().unwrap_or_else(|| panic!("{k} in {s}"))))
    .collect()
}

/// Every count zero except those named.
fn expect(s: &Value, nonzero: &[(&str, i64)]) {
    let want: Vec<(String, i64)> = numbers(s)
        .into_iter()
        .map(|(k, _)| {
            let n = nonzero.iter().find(|(n, _)| *n == k).map_or(0, |(_, v)| *v);
            (k, n)
        })
        .collect();
    assert_eq!(numbers(s), want, "{s}");
}

#[test]
fn an_empty_vault_is_all_in_order() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    let s = status(&cli);
    expect(&s, &[]);
    assert_eq!(s["backup_overdue"], false);
    assert_eq!(s["last_backup_at"], Value::Null);
    assert_eq!(s["all_in_order"], true);
    // The purge ran when this command opened the vault, at the --now clock.
    assert_eq!(s["last_purge_at"], NOW);
    let text = cli.ok(&["status"]);
    assert!(text.starts_with("All in order."), "{text}");
    assert!(text.contains("Last audit-trail check: never"), "{text}");
}

#[test]
fn a_breach_aware_80_hours_ago_is_overdue_one_aware_10_hours_ago_is_open() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    // 80 hours before --now: the 72 hours passed 8 hours ago.
    cli.ok(&["breach", "add", "--aware", "2026-03-07T04:00:00Z", "--description", "Laptop kwijt"]);
    let s = status(&cli);
    expect(&s, &[("breaches_open", 1), ("breaches_overdue", 1)]);
    assert_eq!(s["all_in_order"], false);
    let text = cli.ok(&["status"]);
    assert!(text.contains("notify the AP: overdue by 8 h"), "{text}");
    cli.ok(&["breach", "add", "--aware", "2026-03-10T02:00:00Z", "--description", "Mail verkeerd"]);
    expect(&status(&cli), &[("breaches_open", 2), ("breaches_overdue", 1)]);
    assert!(cli.ok(&["status"]).contains("62 h left"));
    // The AP decision stops the clock; closing takes the breach off the overview.
    cli.ok(&["breach", "decide", "1", "--no-notify", "--reason", "Versleuteld, geen risico"]);
    expect(&status(&cli), &[("breaches_open", 2)]);
    cli.ok(&["breach", "close", "1"]);
    expect(&status(&cli), &[("breaches_open", 1)]);
    // The same vault later: the second breach's clock ran out too.
    let cli = cli.later("2026-03-13T03:00:00Z");
    expect(&status(&cli), &[("breaches_open", 1), ("breaches_overdue", 1)]);
}

#[test]
fn requests_due_within_a_week_and_overdue_are_counted_apart() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&["purpose", "propose"]);
    cli.ok(&["contact", "add", "--name", "Anna", "--relationship", "client", "--link-proposed"]);
    // Received 12 February: due Thursday 12 March, two days after --now.
    cli.ok(&["request", "add", "--contact", "1", "--type", "access", "--received", "12-02-2026"]);
    expect(&status(&cli), &[("requests_due", 1)]);
    assert!(cli.ok(&["status"]).contains("due 2026-03-12, 2 days left"));
    // Received 5 February: due 5 March, past.
    cli.ok(&["request", "add", "--contact", "1", "--type", "erasure", "--received", "05-02-2026"]);
    expect(&status(&cli), &[("requests_due", 1), ("requests_overdue", 1)]);
    assert!(cli.ok(&["status"]).contains("overdue by 5 days"));
    // Received 1 March: due 1 April, not yet worth a line.
    cli.ok(&["request", "add", "--contact", "1", "--type", "access", "--received", "01-03-2026"]);
    expect(&status(&cli), &[("requests_due", 1), ("requests_overdue", 1)]);
    cli.ok(&["request", "close", "2", "--outcome", "Gewist"]);
    expect(&status(&cli), &[("requests_due", 1)]);
}

#[test]
fn contacts_without_basis_and_consents_due_for_repermission() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&["purpose", "propose"]);
    cli.ok(&["contact", "add", "--name", "Zonder Doel"]);
    cli.ok(&[
        "contact",
        "add",
        "--name",
        "Onbekend",
        "--relationship",
        "client",
        "--link-proposed",
    ]);
    // Two links of unknown basis on one contact: one contact without a lawful basis.
    for purpose in ["Relatiebeheer", "Facturatie"] {
        cli.ok(&[
            "contact",
            "link",
            "2",
            "--purpose",
            purpose,
            "--basis",
            "unknown",
            "--source",
            "imported",
        ]);
    }
    expect(&status(&cli), &[("contacts_without_basis", 2)]);
    // Linked to the newsletter (consent) without a consent given: due for re-permission.
    cli.ok(&["contact", "add", "--name", "Lezer", "--relationship", "client", "--link-proposed"]);
    cli.ok(&["contact", "link", "3", "--purpose", "Nieuwsbrief", "--source", "email"]);
    expect(&status(&cli), &[("contacts_without_basis", 2), ("repermission_due", 1)]);
    let text = cli.ok(&["status"]);
    assert!(text.contains("2 contacts without a lawful basis (kluis triage)"), "{text}");
    assert!(text.contains("1 consent due for re-permission"), "{text}");
}

#[test]
fn the_review_queue_counts_what_a_review_rule_put_up() {
    let cli = Cli::at("2024-01-10T12:00:00Z");
    cli.ok(&["init"]);
    cli.ok(&["retention", "set", "prospects", "--period", "12m", "--action", "review"]);
    cli.ok(&["contact", "add", "--name", "Oude Prospect", "--relationship", "prospect"]);
    cli.ok(&["contact", "add", "--name", "Nog Een", "--relationship", "prospect"]);
    // Two years later the start-up purge of `status` itself puts both up for review.
    let cli = cli.later(NOW);
    let s = status(&cli);
    assert_eq!(s["review_queue"], 2, "{s}");
    assert!(cli.ok(&["status"]).contains("2 items in the review queue"));
}

#[test]
fn processors_without_an_agreement_or_past_review() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&["processor", "add", "--name", "Boekhouder", "--service", "accounting"]);
    expect(&status(&cli), &[("processors_without_agreement", 1)]);
    cli.ok(&[
        "processor",
        "add",
        "--name",
        "Host",
        "--service",
        "hosting",
        "--dpa-signed",
        "01-01-2025",
        "--review",
        "01-03-2026",
    ]);
    cli.ok(&[
        "processor",
        "add",
        "--name",
        "Mailer",
        "--service",
        "newsletter",
        "--dpa-signed",
        "01-01-2026",
        "--review",
        "01-01-2027",
    ]);
    expect(&status(&cli), &[("processors_without_agreement", 1), ("processors_review_overdue", 1)]);
    let text = cli.ok(&["status"]);
    assert!(text.contains("(Boekhouder): no processing agreement"), "{text}");
    assert!(text.contains("(Host): past its review date"), "{text}");
    assert!(!text.contains("Mailer"), "{text}");
}

#[test]
fn backups_last_at_and_overdue_follow_the_schedule() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    let folder = cli.tmp.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    cli.ok(&["backup-settings", "--dir", folder.to_str().unwrap()]);
    let s = status(&cli);
    assert_eq!(
        (s["backup_overdue"].clone(), s["last_backup_at"].clone()),
        (true.into(), Value::Null)
    );
    assert_eq!(s["all_in_order"], false);
    assert!(cli.ok(&["status"]).contains("no backup made yet"));
    cli.ok(&["backup", "--auto"]);
    let s = status(&cli);
    assert_eq!(
        (s["backup_overdue"].clone(), s["last_backup_at"].clone()),
        (false.into(), NOW.into())
    );
    assert_eq!(s["all_in_order"], true);
    // A day and an hour later the daily backup is due again.
    let cli = cli.later("2026-03-11T13:00:00Z");
    let s = status(&cli);
    assert_eq!(
        (s["backup_overdue"].clone(), s["last_backup_at"].clone()),
        (true.into(), NOW.into())
    );
}

#[test]
fn the_last_audit_trail_check_is_remembered_by_check_and_audit_verify() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    assert_eq!(status(&cli)["last_audit_check_at"], Value::Null);
    cli.ok(&["check"]);
    let s = status(&cli);
    assert_eq!(
        (s["last_audit_check_at"].clone(), s["audit_check_failed"].clone()),
        (NOW.into(), false.into())
    );
    let cli = cli.later("2026-03-12T08:00:00Z");
    cli.ok(&["audit", "verify"]);
    assert_eq!(status(&cli)["last_audit_check_at"], "2026-03-12T08:00:00Z");
    assert!(cli.ok(&["status"]).contains("Last audit-trail check: 2026-03-12T08:00:00Z (intact)"));
}
