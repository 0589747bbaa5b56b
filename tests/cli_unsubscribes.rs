//! `kluis import unsubscribes F --purpose P [--dry-run] [--suppress-unmatched] [--json]`: the
//! counts as JSON, the withdrawal in the consent history at the file's time, the mailing list
//! without the person, a dry run that writes nothing, and a bad file as one `error:` line
//! naming the line, exit 1.

mod common;

use std::path::Path;

use common::*;

const NOW: &str = "2026-01-01T10:00:00Z";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/unsubscribes")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

fn err(cli: &Cli, args: &[&str]) -> String {
    let out = cli.run(args);
    assert_eq!(out.status.code(), Some(1), "kluis {args:?} should fail with exit 1");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: "), "one error: line, got {stderr:?}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr:?}");
    stderr
}

/// A vault with the newsletter (consent, direct marketing) and Jan, who gave consent on
/// 1 January 2026; (cli, Jan's id).
fn vault() -> (Cli, String) {
    let cli = Cli::at(NOW);
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
    let jan =
        cli.json(&["contact", "add", "--name", "Jan Jansen", "--email", "jan.jansen@example.nl"]);
    let jan = jan["id"].as_i64().unwrap().to_string();
    let text = cli.tmp.path().join("tekst.txt");
    std::fs::write(&text, "Ja, stuur mij de nieuwsbrief.").unwrap();
    cli.ok(&[
        "consent",
        "give",
        "--contact",
        &jan,
        "--purpose",
        "Nieuwsbrief",
        "--method",
        "form",
        "--text-file",
        text.to_str().unwrap(),
    ]);
    (cli, jan)
}

fn mailing_list(cli: &Cli) -> String {
    let out = cli.tmp.path().join("list.csv");
    cli.ok(&["export", "mailing-list", "--purpose", "Nieuwsbrief", "--out", out.to_str().unwrap()]);
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn kluis_import_unsubscribes_prints_the_counts_and_records_the_withdrawal() {
    let (cli, jan) = vault();
    assert!(mailing_list(&cli).contains("jan.jansen@example.nl"));
    let f = fixture("unsubscribed_members_export_8f3c2a1b.csv");
    let args = ["import", "unsubscribes", &f, "--purpose", "Nieuwsbrief", "--json"];
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let r = cli.json(&dry);
    assert_eq!(
        (&r["withdrawn"], &r["already_withdrawn"], &r["unmatched"], &r["undeliverable"]),
        (&1.into(), &0.into(), &4.into(), &0.into())
    );
    assert_eq!(cli.json(&["consent", "history", "--contact", &jan]).as_array().unwrap().len(), 1);
    assert!(mailing_list(&cli).contains("jan.jansen@example.nl"), "a dry run writes nothing");

    let done = cli.json(&args);
    assert_eq!(done["withdrawn"], r["withdrawn"]);
    assert_eq!(done["unmatched"], r["unmatched"]);
    let h = cli.json(&["consent", "history", "--contact", &jan]);
    let last = h.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "withdrawn");
    assert_eq!(last["at"], "2026-03-14T09:12:33Z");
    assert_eq!(last["method"], "import");
    assert!(last["evidence"].as_str().unwrap().contains("Nieuwsbrief maart"));
    assert_eq!(mailing_list(&cli), "name,email\r\n", "the mailing list no longer has Jan");
    let again = cli.json(&args);
    assert_eq!((&again["withdrawn"], &again["already_withdrawn"]), (&0.into(), &1.into()));

    let said = cli.ok(&["import", "unsubscribes", &f, "--purpose", "Nieuwsbrief"]);
    assert!(said.contains("0 withdrawn, 1 already withdrawn"), "{said}");
}

#[test]
fn cleaned_addresses_and_the_suppression_flag_from_the_command_line() {
    let (cli, _) = vault();
    cli.ok(&["contact", "add", "--name", "Fleur Bakker", "--email", "Fleur@Oud-Adres.nl"]);
    let f = fixture("cleaned_members_export_8f3c2a1b.csv");
    let r = cli.json(&["import", "unsubscribes", &f, "--purpose", "Nieuwsbrief", "--json"]);
    assert_eq!(
        (&r["undeliverable"], &r["unmatched"], &r["withdrawn"]),
        (&1.into(), &1.into(), &0.into())
    );
    let f = fixture("unsubscribed_members_export_8f3c2a1b.csv");
    let args = [
        "import",
        "unsubscribes",
        &f,
        "--purpose",
        "Nieuwsbrief",
        "--suppress-unmatched",
        "--json",
    ];
    let r = cli.json(&args);
    assert_eq!(r["suppressed"], 4);
    let out = cli.run(&["contact", "add", "--name", "Onbekend", "--email", "onbekend@example.org"]);
    assert!(out.status.success());
}

#[test]
fn a_bad_file_or_purpose_is_one_error_line_naming_the_line() {
    let (cli, _) = vault();
    let e = err(
        &cli,
        &[
            "import",
            "unsubscribes",
            &fixture("subscribed_members_export_8f3c2a1b.csv"),
            "--purpose",
            "Nieuwsbrief",
        ],
    );
    assert!(e.contains("line 1"), "{e}");
    let path = cli.tmp.path().join("namen.csv");
    std::fs::write(&path, "Naam,Plaats\nJan,Zwolle\n").unwrap();
    let e =
        err(&cli, &["import", "unsubscribes", path.to_str().unwrap(), "--purpose", "Nieuwsbrief"]);
    assert!(e.contains("line 1") && e.contains("e-mail column"), "{e}");
    let mut big = b"email\njan.jansen@example.nl\n".to_vec();
    big.extend(vec![b'x'; 1024 * 1024 + 10]);
    std::fs::write(&path, big).unwrap();
    let e =
        err(&cli, &["import", "unsubscribes", path.to_str().unwrap(), "--purpose", "Nieuwsbrief"]);
    assert!(e.contains("line 3"), "{e}");
    let f = fixture("addresses.txt");
    let e = err(&cli, &["import", "unsubscribes", &f, "--purpose", "Bestaat niet"]);
    assert!(e.contains("Bestaat niet") || e.contains("purpose"), "{e}");
    cli.ok(&["purpose", "add", "--name", "Administratie", "--basis", "contract"]);
    let e = err(&cli, &["import", "unsubscribes", &f, "--purpose", "Administratie"]);
    assert!(e.contains("consent") && e.contains("direct-marketing"), "{e}");
    let out = cli.run(&["import", "unsubscribes", &f]);
    assert_ne!(out.status.code(), Some(0), "--purpose is required");
}
