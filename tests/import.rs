//! Importing an address book through the command line: vCard files as phones and mail programs
//! write them, a Dutch Excel sheet, and the rules of R2.2 — triage, no consent or
//! direct-marketing purpose from a file, duplicates, the BSN guard, the suppression list,
//! nothing written by a dry run or a bad file, an audit row without values, undo.

mod common;

use common::*;

const NOW: &str = "2026-12-01T10:00:00Z";

/// An iPhone/macOS card (3.0, grouped e-mail with a label, a photo), an Outlook 2.1 card with
/// quoted-printable soft line breaks, and a Google 3.0 card without FN.
const CONTACTS_VCF: &str = concat!(
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n",
    "N:Vries;Sanne;de;;\r\nFN:Sanne de Vries\r\nORG:De Vries Advies;\r\n",
    "item1.EMAIL;type=INTERNET;type=pref:sanne@devries-advies.nl\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n",
    "TEL;type=CELL;type=VOICE;type=pref:+31 6 1234 5678\r\n",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkS\r\n",
    " Ew8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgy\r\n",
    "END:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg;;;\r\n",
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg M=C3=BCller\r\n",
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Klant sinds 2019, wil graag =\r\n",
    "gebeld worden na 17 uur.\r\n",
    "TEL;WORK;VOICE:030-1234567\r\nEMAIL;PREF;INTERNET:jorg@example.de\r\nEND:VCARD\r\n",
    "begin:vcard\nversion:3.0\nN:Bakker;Fleur;;;\nEMAIL;TYPE=INTERNET:fleur@tuinontwerp.nl\n",
    "ADR;TYPE=WORK:;;Kerkstraat 5;Utrecht;;3511 AB;Nederland\nBDAY:1985-04-01\nend:vcard\n",
);

fn file(cli: &Cli, name: &str, bytes: &[u8]) -> String {
    let path = cli.tmp.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

fn err(cli: &Cli, args: &[&str]) -> String {
    let out = cli.run(args);
    assert_eq!(out.status.code(), Some(1), "kluis {args:?} should fail with exit 1");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: "), "one error: line, got {stderr:?}");
    stderr
}

fn names(cli: &Cli) -> Vec<String> {
    let mut n: Vec<String> = cli
        .json(&["contact", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect();
    n.sort();
    n
}

fn vault() -> Cli {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli
}

#[test]
fn vcards_from_phones_and_mail_programs_come_in_and_wait_in_triage() {
    let cli = vault();
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    let r = cli.json(&["import", "vcard", &f]);
    assert_eq!((r["added"].as_i64(), r["skipped"].as_i64()), (Some(3), Some(0)), "{r}");
    assert!(r["id"].as_i64().is_some());
    assert_eq!(names(&cli), ["Fleur Bakker", "Jörg Müller", "Sanne de Vries"]);
    let warnings = r["warnings"].to_string();
    assert!(warnings.contains("photo not imported"), "{warnings}");
    assert!(warnings.contains("not imported: BDAY"), "{warnings}");
    assert!(!warnings.contains("1985"), "a warning names properties, never values");
    let triage = cli.json(&["triage"]);
    assert_eq!(triage.as_array().unwrap().len(), 3, "every imported contact waits: {triage}");
    // The quoted-printable note became a note on the timeline.
    let list = cli.json(&["contact", "list", "--search", "Müller"]);
    let id = list[0]["id"].to_string();
    let shown = cli.json(&["contact", "show", &id]);
    assert_eq!(
        shown["interactions"][0]["text"],
        "Klant sinds 2019, wil graag gebeld worden na 17 uur."
    );
    assert_eq!(shown["contact"]["emails"][0], "jorg@example.de");
}

#[test]
fn a_dutch_excel_sheet_semicolons_and_windows_1252() {
    let cli = vault();
    let sheet = "Voornaam;Achternaam;E-mailadres;Telefoon;Bedrijf;Plaats\r\n\
                 René;Müller;rene@cafe-eten.nl;06-12345678;Café Ëten;Zwolle\r\n\
                 Anouk;van den Berg;anouk@example.nl;;;Deventer\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(sheet);
    let f = file(&cli, "klanten.csv", &bytes);
    let r = cli.json(&["import", "csv", &f]);
    assert_eq!(r["added"], 2, "{r}");
    assert_eq!(names(&cli), ["Anouk van den Berg", "René Müller"]);
    let found = cli.json(&["contact", "list", "--search", "Zwolle"]);
    assert_eq!(found[0]["name"], "René Müller");
}

#[test]
fn a_dry_run_and_a_bad_file_write_nothing() {
    let cli = vault();
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    let r = cli.json(&["import", "vcard", &f, "--dry-run"]);
    assert_eq!(r["added"], 3);
    assert!(r["id"].is_null());
    assert!(names(&cli).is_empty(), "a dry run writes nothing");
    let truncated = &CONTACTS_VCF[..CONTACTS_VCF.len() - 12];
    let f = file(&cli, "truncated.vcf", truncated.as_bytes());
    let e = err(&cli, &["import", "vcard", &f]);
    assert!(e.contains("line 22") && e.contains("END:VCARD"), "{e}");
    let f = file(&cli, "ragged.csv", b"Naam,E-mail\nJan,jan@example.nl\nPiet\n");
    let e = err(&cli, &["import", "csv", &f]);
    assert!(e.contains("line 3"), "{e}");
    let e = err(&cli, &["import", "vcard", &file(&cli, "sheet.csv", b"Naam,E-mail\n")]);
    assert!(e.contains("not a vCard"), "{e}");
    assert!(names(&cli).is_empty());
}

#[test]
fn a_batch_purpose_is_never_consent_or_direct_marketing() {
    let cli = vault();
    cli.ok(&["purpose", "add", "--name", "Nieuwsbrief", "--basis", "consent"]);
    cli.ok(&[
        "purpose",
        "add",
        "--name",
        "Klantevents",
        "--basis",
        "legitimate-interest",
        "--direct-marketing",
    ]);
    cli.ok(&["purpose", "add", "--name", "Klantadministratie", "--basis", "contract"]);
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    let e = err(&cli, &["import", "vcard", &f, "--purpose", "Nieuwsbrief"]);
    assert!(e.contains("consent is never assumed"), "{e}");
    let e = err(&cli, &["import", "vcard", &f, "--purpose", "Klantevents"]);
    assert!(e.contains("11.7"), "{e}");
    assert!(names(&cli).is_empty());
    let r = cli.json(&[
        "import",
        "vcard",
        &f,
        "--purpose",
        "Klantadministratie",
        "--relationship",
        "client",
    ]);
    assert_eq!(r["added"], 3);
    assert_eq!(cli.json(&["triage"]).as_array().unwrap().len(), 0, "linked on the contract basis");
}

#[test]
fn duplicates_are_skipped_updated_or_added_and_found_within_the_file() {
    let cli = vault();
    cli.ok(&["contact", "add", "--name", "S. de Vries", "--email", "Sanne@DeVries-Advies.nl"]);
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    let r = cli.json(&["import", "vcard", &f]);
    assert_eq!(
        (r["added"].as_i64(), r["skipped"].as_i64(), r["duplicates"].as_i64()),
        (Some(2), Some(1), Some(1))
    );
    // Again: all three are in the vault now.
    let r = cli.json(&["import", "vcard", &f, "--dry-run"]);
    assert_eq!((r["added"].as_i64(), r["duplicates"].as_i64()), (Some(0), Some(3)));
    // Update fills the empty phone of the contact typed in by hand, and nothing else.
    let r = cli.json(&["import", "vcard", &f, "--on-duplicate", "update"]);
    assert_eq!(r["updated"], 3);
    let list = cli.json(&["contact", "list", "--search", "Vries"]);
    let s = &list[0];
    assert_eq!(s["name"], "S. de Vries");
    let shown = cli.json(&["contact", "show", &s["id"].to_string()]);
    assert_eq!(shown["contact"]["phones"][0], "+31 6 1234 5678");
    assert_eq!(shown["contact"]["emails"].as_array().unwrap().len(), 1);
    // Within one file: the second row with the same phone number is a duplicate of the first.
    let sheet = "Naam,Telefoon\nJan Smit,06 11112222\nJ. Smit,+31 6 1111 2222\n";
    let r = cli.json(&["import", "csv", &file(&cli, "dubbel.csv", sheet.as_bytes())]);
    assert_eq!((r["added"].as_i64(), r["skipped"].as_i64()), (Some(1), Some(1)));
}

#[test]
fn a_bsn_like_value_skips_its_row_unless_confirmed() {
    let cli = vault();
    let sheet = "Naam,Opmerking\nPiet Jansen,BSN 111222333\nKees Bos,prima klant\n";
    let f = file(&cli, "bsn.csv", sheet.as_bytes());
    let r = cli.json(&["import", "csv", &f]);
    assert_eq!((r["added"].as_i64(), r["skipped"].as_i64()), (Some(1), Some(1)));
    assert!(r["warnings"].to_string().contains("looks like a BSN"), "{r}");
    assert!(!r["warnings"].to_string().contains("111222333"));
    assert_eq!(names(&cli), ["Kees Bos"]);
}

#[test]
fn an_address_that_objected_is_reported_and_never_linked_to_direct_marketing() {
    let cli = vault();
    cli.ok(&[
        "purpose",
        "add",
        "--name",
        "Klantevents",
        "--basis",
        "legitimate-interest",
        "--direct-marketing",
    ]);
    let id = cli.json(&["contact", "add", "--name", "Fleur", "--email", "fleur@tuinontwerp.nl"])
        ["id"]
        .to_string();
    cli.ok(&["contact", "object", &id]);
    cli.ok(&["contact", "erase", &id, "--yes"]);
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    let r = cli.json(&["import", "vcard", &f]);
    assert_eq!(r["suppressed"], 1, "{r}");
    let list = cli.json(&["contact", "list", "--search", "Bakker"]);
    let fleur = list[0]["id"].to_string();
    let e = err(&cli, &["contact", "link", &fleur, "--purpose", "Klantevents"]);
    assert!(e.contains("object") || e.contains("suppress"), "{e}");
}

#[test]
fn the_audit_trail_records_the_import_without_values() {
    let cli = vault();
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    cli.ok(&["import", "vcard", &f]);
    let v = kluis::app::unlock::unlock(&cli.dir(), PASS, clock(), "test").unwrap().vault;
    let all: String = v
        .conn()
        .query_row(
            "SELECT group_concat(action || entity || fields || coalesce(detail, ''), '|') FROM audit",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(all.contains("import.run"), "{all}");
    let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(CONTACTS_VCF.as_bytes()));
    let recorded: String =
        v.conn().query_row("SELECT file_sha256 FROM imports", [], |r| r.get(0)).unwrap();
    assert_eq!(recorded, hash);
    for value in ["Sanne", "Vries", "sanne@", "1234 5678", "Müller", "contacts.vcf", "17 uur"] {
        assert!(!all.contains(value), "{value:?} in the audit trail");
    }
}

#[test]
fn an_import_is_undone_as_a_whole_while_its_contacts_are_unchanged() {
    let cli = vault();
    cli.ok(&["contact", "add", "--name", "Eigen Klant"]);
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    let first = cli.json(&["import", "vcard", &f])["id"].to_string();
    cli.ok(&["import", "undo", &first]);
    assert_eq!(names(&cli), ["Eigen Klant"]);
    let log = cli.json(&["deletion-log"]);
    assert!(log.to_string().contains("import-undo"), "{log}");
    let e = err(&cli, &["import", "undo", &first]);
    assert!(e.contains("undone already"), "{e}");
    // Once one of its contacts was edited, an import is no longer undone as a whole.
    let second = cli.json(&["import", "vcard", &f])["id"].to_string();
    let list = cli.json(&["contact", "list", "--search", "Bakker"]);
    let fleur = list[0]["id"].to_string();
    // In the same second as the import: an edit is seen by what was done, not by the clock.
    cli.ok(&["contact", "edit", &fleur, "--job-title", "Ontwerper"]);
    let e = err(&cli, &["import", "undo", &second]);
    assert!(e.contains("changed since"), "{e}");
    assert_eq!(names(&cli).len(), 4);
}

#[test]
fn a_restricted_contact_is_not_changed_by_an_import() {
    let cli = vault();
    let id = cli.json(&["contact", "add", "--name", "Sanne", "--email", "sanne@devries-advies.nl"])
        ["id"]
        .to_string();
    cli.ok(&["contact", "restrict", &id, "--reason", "bezwaar loopt"]);
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    let r = cli.json(&["import", "vcard", &f, "--on-duplicate", "update"]);
    assert_eq!((r["updated"].as_i64(), r["skipped"].as_i64()), (Some(0), Some(1)), "{r}");
    assert!(r["warnings"].to_string().contains("restricted"), "{r}");
    let shown = cli.json(&["contact", "show", &id]);
    assert!(shown["contact"]["phones"].as_array().unwrap().is_empty());
}

#[test]
fn an_exported_address_book_re_imports_into_an_empty_vault_with_the_same_contacts() {
    let cli = vault();
    let f = file(&cli, "contacts.vcf", CONTACTS_VCF.as_bytes());
    cli.ok(&["import", "vcard", &f]);
    cli.ok(&[
        "contact",
        "add",
        "--name",
        "Zoë \"Zo\" Ng",
        "--email",
        "zoe@example.nl",
        "--email",
        "z@example.com",
        "--address",
        "Dorpsstraat 1\n1234 AB Ergens",
        "--org",
        "=Ng, Co; BV",
    ]);
    let restricted = cli.json(&["contact", "add", "--name", "Beperkt Persoon"])["id"].to_string();
    cli.ok(&["contact", "restrict", &restricted, "--reason", "loopt"]);
    let shown = |cli: &Cli| -> Vec<serde_json::Value> {
        let mut all: Vec<serde_json::Value> = cli
            .json(&["contact", "list"])
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["name"] != "Beperkt Persoon")
            .map(|s| {
                let mut c = cli.json(&["contact", "show", &s["id"].to_string()])["contact"].clone();
                for k in [
                    "id",
                    "created_at",
                    "updated_at",
                    "relationship",
                    "restricted_reason",
                    "objected_at",
                    "relationship_ended",
                ] {
                    c.as_object_mut().unwrap().remove(k);
                }
                c
            })
            .collect();
        all.sort_by_key(|c| c["name"].to_string());
        all
    };
    let before = shown(&cli);
    for format in ["vcard", "csv"] {
        let out = cli.tmp.path().join(format!("export.{format}"));
        let r =
            cli.json(&["export", "contacts", "--format", format, "--out", out.to_str().unwrap()]);
        assert_eq!(r["contacts"], 4, "the restricted contact stays out: {r}");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(!text.contains("Beperkt"));
        if format == "csv" {
            assert!(text.contains("\"'=Ng, Co; BV\""), "formula-guarded: {text}");
        }
        let empty = Cli::at(NOW);
        empty.ok(&["init"]);
        let r = empty.json(&["import", format, out.to_str().unwrap()]);
        assert_eq!(r["added"], 4, "{r}");
        let after = shown(&empty);
        assert_eq!(after, before, "{format}");
    }
}

#[test]
fn a_larger_import_makes_a_backup_first_when_a_backup_folder_is_set() {
    let cli = vault();
    let mut sheet = String::from("Naam,E-mail\n");
    for i in 0..12 {
        sheet.push_str(&format!("Klant {i},klant{i}@example.nl\n"));
    }
    let f = file(&cli, "klanten.csv", sheet.as_bytes());
    let r = cli.json(&["import", "csv", &f, "--dry-run"]);
    assert!(r["backup"].is_null(), "a dry run makes no backup");
    let folder = cli.tmp.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    cli.ok(&["backup-settings", "--dir", folder.to_str().unwrap()]);
    let r = cli.json(&["import", "csv", &f]);
    assert_eq!(r["added"], 12);
    let made = r["backup"].as_str().expect("a backup before 12 rows");
    assert!(std::path::Path::new(made).starts_with(&folder), "{made}");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    // A small import makes none.
    let small = file(&cli, "twee.csv", b"Naam\nA\nB\n");
    assert!(cli.json(&["import", "csv", &small])["backup"].is_null(), "two rows: no backup");
}

#[test]
fn the_access_report_says_which_file_an_imported_contact_came_from() {
    let cli = vault();
    let f = file(&cli, "klanten.csv", b"Naam,E-mail\nMarit Wouters,marit@example.nl\n");
    cli.ok(&["import", "csv", &f]);
    let id = cli.json(&["contact", "list"])[0]["id"].to_string();
    let pdf = cli.tmp.path().join("inzage.pdf");
    let zip = cli.tmp.path().join("export.zip");
    let (pdf_s, zip_s) = (pdf.to_str().unwrap(), zip.to_str().unwrap());
    cli.ok(&["sar", "--contact", &id, "--out", pdf_s, "--zip", zip_s, "--lang", "nl"]);
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap().replace('\n', " ");
    assert!(text.contains("klanten.csv") && text.contains("1 december 2026"), "{text}");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut json = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("data.json").unwrap(), &mut json).unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["imported"]["file_name"], "klanten.csv");
}

/// Every exporter's fixture (tests/fixtures/import/, read row by row in tests/import_formats.rs)
/// through the command line into one vault: the same people exported by two programs are found
/// as duplicates, across vCard and CSV.
#[test]
fn every_exporters_file_imports_through_the_command_line_and_repeats_are_duplicates() {
    let cli = vault();
    let dir = format!("{}/tests/fixtures/import", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    // The vCard files first, then the CSV sheets that hold some of the same people.
    files.sort_by_key(|f| (f.ends_with(".csv"), f.clone()));
    let (mut added, mut duplicates, mut skipped) = (0, 0, 0);
    for f in &files {
        let format = if f.ends_with(".vcf") { "vcard" } else { "csv" };
        let r = cli.json(&["import", format, &format!("{dir}/{f}")]);
        added += r["added"].as_i64().unwrap();
        duplicates += r["duplicates"].as_i64().unwrap();
        skipped += r["skipped"].as_i64().unwrap();
    }
    assert_eq!(files.len(), 14);
    assert_eq!((added, duplicates, skipped), (14, 4, 5), "one card holds only a number");
    let names = names(&cli);
    for who in ["Ayşe Öztürk", "Jörg Müller", "Chloë van den Berg", "René Dubois", "dr. Jan Dijk"]
    {
        assert_eq!(names.iter().filter(|n| *n == who).count(), 1, "{who} once in {names:?}");
    }
}
