//! What a careful user trips over, held by the core for the CLI and the app alike: dates (none
//! before 1900, no interaction more than a day ahead, no fiscal document more than a year ahead,
//! last activity never after now), a former client needs the date the relationship ended, the
//! BSN guard on every free-text field, likely duplicates, search by phone digits and address.

mod common;

use common::*;

const NOW: &str = "2026-12-01T10:00:00Z";

fn err(cli: &Cli, args: &[&str]) -> String {
    let out = cli.run(args);
    assert!(!out.status.success(), "kluis {args:?} should fail");
    assert_ne!(out.status.code(), Some(101), "a panic is a bug");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: "), "one error: line, got {stderr:?}");
    stderr
}

fn with_contact() -> (Cli, String) {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    let id = cli.json(&["contact", "add", "--name", "Datum Tester"])["id"].to_string();
    (cli, id)
}

#[test]
fn years_before_1900_are_refused_and_never_reinterpreted() {
    let (cli, id) = with_contact();
    for at in ["0026-03-01T10:00:00Z", "0001-01-01T00:00:00Z", "1899-12-31T23:00:00Z"] {
        let e = err(
            &cli,
            &["interaction", "add", "--contact", &id, "--kind", "note", "--text", "x", "--at", at],
        );
        assert!(e.contains("1900"), "{at}: {e}");
    }
    for date in ["0026-03-01", "0001-01-01", "1899-12-31"] {
        let e = err(
            &cli,
            &[
                "document",
                "add",
                "--contact",
                &id,
                "--kind",
                "invoice",
                "--number",
                "F1",
                "--date",
                date,
                "--amount",
                "10",
            ],
        );
        assert!(e.contains("1900"), "{date}: {e}");
        let e = err(
            &cli,
            &["contact", "edit", &id, "--relationship", "former-client", "--ended", date],
        );
        assert!(e.contains("1900"), "{date}: {e}");
    }
    let shown = cli.json(&["contact", "show", &id]);
    assert_eq!(shown["interactions"].as_array().unwrap().len(), 0, "nothing was stored");
    assert_eq!(shown["contact"]["relationship"], "prospect");
}

#[test]
fn an_interaction_more_than_a_day_ahead_is_a_follow_up_not_a_note() {
    let (cli, id) = with_contact();
    let e = err(
        &cli,
        &[
            "interaction",
            "add",
            "--contact",
            &id,
            "--kind",
            "note",
            "--text",
            "x",
            "--at",
            "2999-06-01T10:00:00Z",
        ],
    );
    assert!(e.contains("at"), "{e}");
    // Within a day ahead (a time zone, a clock a little off) is accepted ...
    cli.ok(&[
        "interaction",
        "add",
        "--contact",
        &id,
        "--kind",
        "note",
        "--text",
        "morgen",
        "--at",
        "2026-12-02T09:00:00Z",
    ]);
    // ... but last activity never lies after now: it is what retention counts from.
    let list = cli.json(&["contact", "list"]);
    let last =
        list["contacts"].as_array().or(list.as_array()).unwrap()[0]["last_activity_at"].clone();
    assert_eq!(last, NOW, "last activity is capped at now");
}

#[test]
fn a_fiscal_document_more_than_a_year_ahead_is_refused() {
    let (cli, id) = with_contact();
    let e = err(
        &cli,
        &[
            "document",
            "add",
            "--contact",
            &id,
            "--kind",
            "invoice",
            "--number",
            "F2099",
            "--date",
            "2099-01-01",
            "--amount",
            "10",
        ],
    );
    assert!(e.contains("date"), "{e}");
    cli.ok(&[
        "document",
        "add",
        "--contact",
        &id,
        "--kind",
        "quote",
        "--number",
        "O1",
        "--date",
        "2027-06-01",
        "--amount",
        "10",
    ]);
}

#[test]
fn a_former_client_needs_an_end_date() {
    let (cli, id) = with_contact();
    let e =
        err(&cli, &["contact", "add", "--name", "Oud Klant", "--relationship", "former-client"]);
    assert!(e.contains("--ended"), "the error names the flag: {e}");
    let e = err(&cli, &["contact", "edit", &id, "--relationship", "former-client"]);
    assert!(e.contains("--ended"), "{e}");
    cli.ok(&["contact", "edit", &id, "--relationship", "former-client", "--ended", "2026-11-01"]);
}

#[test]
fn a_former_client_without_an_end_date_from_before_goes_to_review_with_a_reason() {
    let (_t, mut v) = new_vault();
    let id = v
        .write(|tx, _| {
            tx.execute(
                "INSERT INTO contacts (name, emails, phones, relationship, created_at, updated_at,
                                       last_activity_at)
                 VALUES ('Vergeten Einddatum', '[]', '[]', 'former-client', ?1, ?1, ?1)",
                ["2020-01-01T00:00:00Z"],
            )?;
            Ok(tx.last_insert_rowid())
        })
        .unwrap();
    let report = kluis::app::retention::purge_now(&mut v, false).unwrap();
    assert_eq!(report.queued_for_review, 1);
    let queue = kluis::domain::retention::review_queue(v.conn(), false).unwrap();
    let item = queue.iter().find(|i| i.contact_id == id).expect("queued for review");
    assert_eq!(item.reason, "no-end-date");
    // Giving the date takes it out of the queue; the rules reach it again.
    let mut input = kluis::domain::contacts::ContactInput::new("Vergeten Einddatum");
    input.relationship = kluis::domain::contacts::Relationship::FormerClient;
    input.relationship_ended = Some("2021-03-01".into());
    kluis::domain::contacts::update(&mut v, id, &input, false).unwrap();
    let queue = kluis::domain::retention::review_queue(v.conn(), false).unwrap();
    assert!(queue.iter().all(|i| i.contact_id != id));
}

#[test]
fn the_bsn_guard_covers_every_free_text_field_of_a_contact() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    // 111222333 passes the 11-test.
    for args in [
        vec!["--phone", "111222333"],
        vec!["--address", "Dorpsstraat 1, BSN 111222333"],
        vec!["--job-title", "111222333"],
        vec!["--org", "Bedrijf 111222333"],
    ] {
        let mut all = vec!["contact", "add", "--name", "Jan"];
        all.extend(args.iter().copied());
        let e = err(&cli, &all);
        assert!(e.contains("BSN"), "{args:?}: {e}");
        all.push("--yes");
        cli.ok(&all);
    }
    let id = cli.json(&["contact", "add", "--name", "Piet"])["id"].to_string();
    let e = err(
        &cli,
        &[
            "document",
            "add",
            "--contact",
            &id,
            "--kind",
            "invoice",
            "--number",
            "111222333",
            "--date",
            "2026-11-01",
            "--amount",
            "10",
        ],
    );
    assert!(e.contains("BSN"), "{e}");
}

#[test]
fn adding_a_likely_duplicate_warns_on_stderr_saves_and_exits_0() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    let first = cli.json(&[
        "contact",
        "add",
        "--name",
        "Finn Smit",
        "--email",
        "Finn@Voorbeeld.nl",
        "--phone",
        "+31 6 1234 5678",
        "--org",
        "Bouw BV",
    ])["id"]
        .to_string();
    let cases: [&[&str]; 4] = [
        &["--name", "F. Smit", "--email", "finn@voorbeeld.NL"],
        &["--name", "Finn S.", "--phone", "06-12345678"],
        &["--name", "finn smit", "--org", "bouw bv"],
        &["--name", "Iemand Anders", "--email", "ander@voorbeeld.nl"],
    ];
    for (i, args) in cases.iter().enumerate() {
        let mut all = vec!["contact", "add"];
        all.extend_from_slice(args);
        let out = cli.run(&all);
        assert!(out.status.success(), "saved anyway");
        let stderr = String::from_utf8(out.stderr).unwrap();
        if i < 3 {
            assert!(stderr.starts_with("warning: "), "{args:?}: {stderr}");
            assert!(stderr.contains(&format!("looks like contact {first}")), "{stderr}");
        } else {
            assert_eq!(stderr, "", "no warning for someone else");
        }
    }
    let all = cli.json(&["contact", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 5);
}

#[test]
fn search_finds_phone_numbers_by_their_digits_and_addresses_and_marks_restricted_contacts() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    let id = cli.json(&[
        "contact",
        "add",
        "--name",
        "Bel Mij",
        "--phone",
        "+31 6 12345678",
        "--address",
        "Kerkstraat 1, Zwolle",
    ])["id"]
        .to_string();
    cli.ok(&["contact", "add", "--name", "Iemand Anders", "--phone", "020 7654321"]);
    for q in ["06 1234", "0612", "+31 6 1234", "06-1234-5678", "zwolle", "Kerkstr"] {
        let found = cli.json(&["contact", "list", "--search", q]);
        let names: Vec<&str> =
            found.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Bel Mij"], "{q}");
    }
    cli.ok(&["contact", "restrict", &id, "--reason", "bezwaar in behandeling"]);
    let list = cli.json(&["contact", "list"]);
    let flags: Vec<(&str, bool)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap(), c["restricted"].as_bool().unwrap()))
        .collect();
    assert_eq!(flags, [("Bel Mij", true), ("Iemand Anders", false)]);
}

#[test]
fn the_bsn_guard_covers_the_free_text_of_requests() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    let id = cli.json(&["contact", "add", "--name", "Vraagt Inzage"])["id"].to_string();
    let req = cli.json(&[
        "request",
        "add",
        "--contact",
        &id,
        "--type",
        "access",
        "--received",
        "2026-11-30",
    ])["id"]
        .to_string();
    let e = err(
        &cli,
        &[
            "request",
            "extend",
            &req,
            "--reason",
            "Dossier 111222333 is groot",
            "--notified",
            "2026-12-01",
        ],
    );
    assert!(e.contains("BSN"), "{e}");
    let e = err(&cli, &["request", "close", &req, "--outcome", "Verstuurd, BSN 111222333"]);
    assert!(e.contains("BSN"), "{e}");
    cli.ok(&["request", "close", &req, "--outcome", "Verstuurd per e-mail"]);
}

#[test]
fn consent_events_are_recorded_by_the_business_name_not_the_front_end() {
    let (cli, id) = with_contact();
    cli.ok(&["purpose", "add", "--name", "Nieuwsbrief", "--basis", "consent"]);
    let text = cli.tmp.path().join("consent.txt");
    std::fs::write(&text, "Ja, graag de nieuwsbrief.").unwrap();
    let give = |cli: &Cli| {
        cli.ok(&[
            "consent",
            "give",
            "--contact",
            &id,
            "--purpose",
            "Nieuwsbrief",
            "--method",
            "form",
            "--text-file",
            text.to_str().unwrap(),
        ])
    };
    let withdraw = |cli: &Cli| {
        cli.ok(&[
            "consent",
            "withdraw",
            "--contact",
            &id,
            "--purpose",
            "Nieuwsbrief",
            "--method",
            "phone",
        ])
    };
    // Without a business name the event names the front end it came through.
    give(&cli);
    cli.ok(&["settings", "set", "controller.name", "Kapsalon Mooi"]);
    withdraw(&cli);
    give(&cli);
    let h = cli.json(&["consent", "history", "--contact", &id]);
    let by: Vec<&str> =
        h.as_array().unwrap().iter().map(|e| e["recorded_by"].as_str().unwrap()).collect();
    assert_eq!(by, ["cli", "Kapsalon Mooi", "Kapsalon Mooi"]);
}

#[test]
fn dates_are_typed_day_month_year_and_a_moment_in_the_local_time_zone() {
    let (cli, id) = with_contact();
    let out = cli
        .cmd(&[
            "--json",
            "interaction",
            "add",
            "--contact",
            &id,
            "--kind",
            "call",
            "--text",
            "Gebeld over de offerte",
            "--at",
            "30-11-2026 14:30",
        ])
        .env("TZ", "Europe/Amsterdam")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let shown = cli.json(&["contact", "show", &id]);
    assert_eq!(shown["interactions"][0]["at"], "2026-11-30T13:30:00Z", "14:30 in Amsterdam");
    cli.ok(&["contact", "edit", &id, "--relationship", "former-client", "--ended", "31-10-2026"]);
    let shown = cli.json(&["contact", "show", &id]);
    assert_eq!(shown["contact"]["relationship_ended"], "2026-10-31");
    // A two-digit year is refused, not read as 2026 or 26.
    let e = err(&cli, &["contact", "edit", &id, "--ended", "31-10-26"]);
    assert!(e.contains("31-03-2026"), "the error shows the form: {e}");
}
