//! The record of processing activities (Art. 30) from the register, as a PDF and a CSV written
//! by `kluis register export`: per purpose the controller, purpose, basis, categories of people
//! (the relationships of the contacts linked to it) and of data, recipients, transfers and
//! retention, and the security measures filled with this vault's own settings (the auto-lock
//! minutes, the backup schedule and the last backup). The PDF passes pdftotext, qpdf and
//! pdffonts.

mod common;

use common::*;

const NOW: &str = "2026-03-01T10:00:00Z";

fn register() -> Cli {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&["settings", "set", "controller.name", "Bakkerij De Korrel"]);
    cli.ok(&["settings", "set", "controller.kvk", "12345678"]);
    cli.ok(&["settings", "set", "controller.privacy_contact", "privacy@dekorrel.nl"]);
    cli.ok(&["purpose", "propose"]);
    cli.ok(&["purpose", "add", "--name", "=SUM(A1)", "--basis", "contract"]);
    cli.ok(&[
        "processor",
        "add",
        "--name",
        "MailWolk Inc.",
        "--service",
        "newsletter",
        "--purpose",
        "nieuwsbrief",
        "--location",
        "Verenigde Staten",
        "--outside-eu",
        "--safeguard",
        "scc",
    ]);
    let anna = cli.json(&["contact", "add", "--name", "Anna", "--relationship", "client"]);
    let piet = cli.json(&["contact", "add", "--name", "Piet", "--relationship", "prospect"]);
    for id in [&anna["id"], &piet["id"]] {
        cli.ok(&["contact", "link", &id.to_string(), "--purpose", "relatiebeheer"]);
    }
    cli.ok(&["contact", "link", &anna["id"].to_string(), "--purpose", "klantadministratie"]);
    // The vault's own settings the security measures name.
    std::fs::write(cli.dir().join("settings.json"), r#"{"language":"nl","auto_lock_minutes":7}"#)
        .unwrap();
    let backups = cli.tmp.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    cli.ok(&[
        "backup-settings",
        "--dir",
        backups.to_str().unwrap(),
        "--every-hours",
        "12",
        "--keep",
        "3",
    ]);
    cli.ok(&["backup", "--auto", "--force"]);
    cli
}

fn export(cli: &Cli, name: &str, lang: &str) -> std::path::PathBuf {
    let path = cli.tmp.path().join(name);
    cli.ok(&["register", "export", "--out", path.to_str().unwrap(), "--lang", lang]);
    path
}

#[test]
fn the_csv_has_a_row_per_purpose_with_what_article_30_asks() {
    let cli = register();
    let path = export(&cli, "register.csv", "nl");
    let mut r = csv::Reader::from_path(&path).unwrap();
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(headers[0], "Verwerkingsverantwoordelijke");
    assert_eq!(headers.len(), 13);
    let rows: Vec<Vec<String>> =
        r.records().map(|x| x.unwrap().iter().map(str::to_owned).collect()).collect();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let row = |purpose: &str| {
        rows.iter().find(|r| r[col("Doel")] == purpose).unwrap_or_else(|| panic!("{purpose}"))
    };
    assert_eq!(rows.len(), 5);
    let news = row("Nieuwsbrief");
    assert_eq!(news[col("Verwerkingsverantwoordelijke")], "Bakkerij De Korrel");
    assert_eq!(news[col("KvK-nummer")], "12345678");
    assert_eq!(news[col("Grondslag")], "Toestemming (art. 6(1)(a))");
    assert_eq!(news[col("Categorieën gegevens")], "naam, e-mail");
    assert_eq!(news[col("Ontvangers")], "MailWolk Inc. (nieuwsbrief)");
    assert_eq!(
        news[col("Doorgifte buiten de EER")],
        "MailWolk Inc. (Verenigde Staten): modelcontractbepalingen (art. 46 AVG)"
    );
    let relations = row("Relatiebeheer");
    assert_eq!(relations[col("Categorieën betrokkenen")], "Prospect, Klant");
    assert_eq!(relations[col("Doorgifte buiten de EER")], "geen");
    assert!(!relations[col("Gerechtvaardigd belang")].is_empty());
    assert_eq!(row("Klantadministratie")[col("Categorieën betrokkenen")], "Klant");
    // A formula-like purpose name cannot run in a spreadsheet.
    assert!(rows.iter().any(|r| r[col("Doel")] == "'=SUM(A1)"));
    let security = &news[col("Beveiligingsmaatregelen")];
    for expected in [
        "SQLCipher 4",
        "AES-256",
        "na 7 minuten zonder gebruik",
        "elke 12 uur naar een gekozen map, de nieuwste 3 blijven bewaard; laatste back-up: 1 maart 2026",
        "audittrail",
        "Kluis legt niet vast wanneer dat voor het laatst gebeurde",
    ] {
        assert!(security.contains(expected), "missing {expected:?} in {security}");
    }
}

#[test]
fn the_csv_is_in_english_with_lang_en() {
    let cli = register();
    let text = std::fs::read_to_string(export(&cli, "register-en.csv", "en")).unwrap();
    assert!(text.starts_with("Controller,Chamber of Commerce number,Privacy contact,Purpose,"));
    assert!(text.contains("standard contractual clauses (Art. 46 GDPR)"), "{text}");
    assert!(text.contains("after 7 minutes without use"), "{text}");
    assert!(text.contains("every 12 hours into a chosen folder, keeping the newest 3"), "{text}");
    assert!(text.contains("\r\n"), "CRLF rows");
}

#[test]
fn the_pdf_holds_the_record_and_passes_qpdf_with_every_font_embedded() {
    let cli = register();
    // Words as read, whatever the line breaks of the layout.
    let words = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(check_pdf(&export(&cli, "register.pdf", "nl")));
    for expected in [
        "Register van verwerkingsactiviteiten",
        "Bakkerij De Korrel",
        "Relatiebeheer",
        "Categorieën betrokkenen",
        "Prospect, Klant",
        "MailWolk Inc. (nieuwsbrief)",
        "modelcontractbepalingen",
        "Prospects zonder contact",
        "24 maanden",
        "Beveiligingsmaatregelen (art. 32 AVG)",
        "na 7 minuten zonder gebruik",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let en = words(check_pdf(&export(&cli, "register-en.pdf", "en")));
    for expected in [
        "Record of processing activities",
        "Categories of people",
        "Security measures (Art. 32 GDPR)",
    ] {
        assert!(en.contains(expected), "missing {expected:?} in\n{en}");
    }
}

#[test]
fn without_automatic_backups_the_record_says_so() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&["purpose", "add", "--name", "Klanten", "--basis", "contract"]);
    let text = std::fs::read_to_string(export(&cli, "r.csv", "nl")).unwrap();
    assert!(text.contains("Automatische back-ups staan uit"), "{text}");
    assert!(
        text.contains("laatste back-up: nog geen") || text.contains("Laatste back-up: nog geen"),
        "{text}"
    );
    assert!(text.contains("na 10 minuten"), "the default auto-lock: {text}");
}

#[test]
fn another_extension_is_refused_and_writes_nothing() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    let path = cli.tmp.path().join("r.xlsx");
    let out = cli.run(&["register", "export", "--out", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    assert!(!path.exists());
}
