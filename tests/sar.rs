//! The subject-access PDF and the portability ZIP: everything held, special categories in the
//! report, Art. 15 information, accents and non-Latin-1 names, many pages; the files recorded
//! on the request by hash.

mod common;

use std::io::Read;
use std::process::Command;

use common::*;
use kluis::domain::consent::{self, ConsentInput, Method};
use kluis::domain::contacts::{self, ContactInput, InteractionInput, InteractionKind};
use kluis::domain::export::sar;
use kluis::domain::fields::{self, FieldDefInput, FieldKind};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::domain::requests::{self, RequestKind};
use kluis::domain::retention::documents::{self, DocumentKind};
use kluis::kernel::language::Language;

fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sar.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_report_holds_everything_and_the_zip_is_structured() {
    let (_t, mut v) = new_vault();
    v.write(|tx, c| {
        kluis::domain::controller::set(tx, c, "name", "Bakker Bouw")?;
        kluis::domain::controller::set(tx, c, "privacy_contact", "privacy@bakkerbouw.nl")
    })
    .unwrap();
    let mut c = ContactInput::new("Łukasz Dąbrowski");
    c.emails = vec!["lukasz@example.pl".into()];
    c.relationship = kluis::domain::contacts::Relationship::Client;
    let id = contacts::create(&mut v, &c, false).unwrap();
    let health = v
        .write(|tx, c| {
            let mut p = PurposeInput::new("Zorg op maat", Basis::Consent);
            p.data_categories = vec!["gezondheid".into()];
            p.recipients = vec!["Boekhouder Jansen (verwerker)".into()];
            purposes::create(tx, c, &p)
        })
        .unwrap();
    let text = "Ik geef uitdrukkelijk toestemming voor het vastleggen van mijn allergieën.";
    let input = ConsentInput {
        purpose_id: health,
        method: Method::Paper,
        text: text.into(),
        evidence: None,
    };
    v.write(|tx, c| consent::give(tx, c, id, &input)).unwrap();
    let field = v
        .write(|tx, c| {
            fields::define(
                tx,
                c,
                &FieldDefInput {
                    label: "Allergieën".into(),
                    kind: FieldKind::Text,
                    purpose_id: health,
                    required: false,
                    special_category: true,
                },
            )
        })
        .unwrap();
    v.write(|tx, c| fields::set_value(tx, c, id, field, "pinda's", false)).unwrap();
    for i in 0..1000 {
        let note = InteractionInput {
            kind: InteractionKind::Note,
            text: format!("Notitie nummer {i} over het project"),
            at: None,
        };
        contacts::add_interaction(&mut v, id, &note, false).unwrap();
    }
    v.write(|tx, c| {
        documents::add(
            tx,
            c,
            id,
            &documents::NewDocument {
                kind: DocumentKind::Invoice,
                number: "2026-0042",
                date: "2026-02-01",
                amount_cents: 125_050,
                confirm_not_bsn: false,
            },
        )
    })
    .unwrap();
    let r = v.write(|tx, c| requests::add(tx, c, id, RequestKind::Access, "2026-02-27")).unwrap();

    let pdf = v.write(|tx, c| sar::pdf(tx, c, id, Language::Nl, Some(r))).unwrap();
    let t = text_of(&pdf);
    // Table cells wrap: compare with the whitespace folded.
    let flat = t.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Łukasz Dąbrowski",
        "lukasz@example.pl",
        "Allergieën",
        "pinda's",
        text,
        "Notitie nummer 999",
        "Notitie nummer 0 ",
        "2026-0042",
        "Boekhouder Jansen (verwerker)",
        "Autoriteit Persoonsgegevens",
        "geautomatiseerde",
        "privacy@bakkerbouw.nl",
        // Dates in Dutch, whatever the locale.
        "antwoord uiterlijk 27 maart 2026",
    ] {
        assert!(flat.contains(needle), "the report lacks {needle:?}");
    }
    let pages = t.matches("Pagina ").count();
    assert!(pages > 10, "1000 interactions take many pages ({pages})");
    assert!(t.contains(&format!("Pagina {pages} van {pages}")));
    let en = text_of(&v.write(|tx, c| sar::pdf(tx, c, id, Language::En, Some(r))).unwrap());
    let en = en.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Access to your personal data",
        "Your details",
        "Additional data",
        "Contacts and notes",
        "Purposes and lawful bases",
        "Consent",
        "Fiscal records",
        "What the law also tells you",
        "Categories of data",
        "gezondheid",
        "Recipients and processors",
        "Boekhouder Jansen",
        "Source",
        "Automated decisions",
        "Retention periods",
        "Your rights",
        "Rectification",
        "Erasure",
        "Restriction",
        "Portability",
        "Objection",
        "Autoriteit Persoonsgegevens",
        "Łukasz Dąbrowski",
        "pinda's",
        text,
        "Notitie nummer 999",
        "answer due 27 March 2026",
    ] {
        assert!(en.contains(needle), "the English report lacks {needle:?}");
    }

    let zip_bytes = v.write(|tx, c| sar::portability_zip(tx, c, id, false, c.now)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut json = String::new();
    zip.by_name("data.json").unwrap().read_to_string(&mut json).unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["schema"], "kluis-portability/1");
    assert_eq!(data["contact"]["name"], "Łukasz Dąbrowski");
    assert_eq!(data["interactions"].as_array().unwrap().len(), 1000);
    assert!(data["fields"].as_array().unwrap().is_empty(), "special categories only when asked");
    assert_eq!(data["consent"][0]["text"], text);
    let mut vcf = String::new();
    zip.by_name("contact.vcf").unwrap().read_to_string(&mut vcf).unwrap();
    assert!(vcf.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Łukasz Dąbrowski\r\n"));
    let mut csv = String::new();
    zip.by_name("interactions.csv").unwrap().read_to_string(&mut csv).unwrap();
    assert_eq!(csv.lines().count(), 1001);
    let with = v.write(|tx, c| sar::portability_zip(tx, c, id, true, c.now)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(with)).unwrap();
    let mut json = String::new();
    zip.by_name("data.json").unwrap().read_to_string(&mut json).unwrap();
    assert!(json.contains("pinda's"));

    // Revealing special categories for the report is in the audit trail.
    let reveals: i64 = v
        .conn()
        .query_row("SELECT count(*) FROM audit WHERE action = 'contact.reveal_special'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(reveals >= 3);
}

#[test]
fn the_cli_records_the_files_on_the_request_by_hash() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_kluis"))
            .arg("--vault")
            .arg(&dir)
            .args(args)
            .env("KLUIS_PASSPHRASE", PASS)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["init"]);
    let id = run(&["contact", "add", "--name", "Zoë de Vries", "--relationship", "client"])
        .trim()
        .to_owned();
    let today = chrono::Utc::now().date_naive().to_string();
    let r: serde_json::Value = serde_json::from_str(&run(&[
        "--json",
        "request",
        "add",
        "--contact",
        &id,
        "--type",
        "access",
        "--received",
        &today,
    ]))
    .unwrap();
    let rid = r["id"].as_i64().unwrap().to_string();
    let pdf = tmp.path().join("inzage.pdf");
    let zip = tmp.path().join("export.zip");
    let out: serde_json::Value = serde_json::from_str(&run(&[
        "--json",
        "sar",
        "--contact",
        &id,
        "--out",
        pdf.to_str().unwrap(),
        "--zip",
        zip.to_str().unwrap(),
        "--request",
        &rid,
        "--lang",
        "en",
    ]))
    .unwrap();
    let bytes = std::fs::read(&pdf).unwrap();
    assert_eq!(out["pdf_sha256"], sar::sha256_hex(&bytes));
    assert!(text_of(&bytes).contains("Zoë de Vries"));
    assert_eq!(out["zip_sha256"], sar::sha256_hex(&std::fs::read(&zip).unwrap()));
}

#[test]
fn a_restricted_person_still_gets_their_access_report() {
    let (_t, mut v) = new_vault();
    let id = contacts::create(&mut v, &ContactInput::new("Beperkt Maar Welkom"), false).unwrap();
    v.write(|tx, c| kluis::domain::contacts::privacy::restrict(tx, c, id, "Juistheid betwist"))
        .unwrap();
    let pdf = v.write(|tx, c| sar::pdf(tx, c, id, Language::Nl, None)).unwrap();
    let t = text_of(&pdf);
    assert!(t.contains("Beperkt Maar Welkom"));
    assert!(t.contains("Juistheid betwist"), "the restriction itself is part of the report");
    assert!(v.write(|tx, c| sar::portability_zip(tx, c, id, false, c.now)).is_ok());
}

/// The words of `text` (letters, digits and hyphens).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect()
}

/// A person linked to every proposed purpose (in `language`), with consent given in person, a
/// quote and a note; the report in that language.
fn report_in(language: Language) -> String {
    let (_t, mut v) = new_vault();
    let mut c = ContactInput::new("Marit Wouters");
    c.phones = vec!["06 12345678".into()];
    let id = contacts::create(&mut v, &c, false).unwrap();
    let mut ids = Vec::new();
    for p in purposes::proposals(language) {
        ids.push(v.write(|tx, c| purposes::create(tx, c, &p)).unwrap());
    }
    for (i, p) in ids.iter().enumerate() {
        let source =
            [consent::Source::InPerson, consent::Source::Form, consent::Source::Imported][i % 3];
        v.write(|tx, c| consent::link(tx, c, id, *p, None, source)).unwrap();
    }
    let input = ConsentInput {
        purpose_id: ids[2],
        method: Method::InPerson,
        text: "Ja graag".into(),
        evidence: None,
    };
    v.write(|tx, c| consent::give(tx, c, id, &input)).unwrap();
    let note = InteractionInput { kind: InteractionKind::Call, text: "Gebeld".into(), at: None };
    contacts::add_interaction(&mut v, id, &note, false).unwrap();
    v.write(|tx, c| {
        documents::add(
            tx,
            c,
            id,
            &documents::NewDocument {
                kind: DocumentKind::Quote,
                number: "OFF-7",
                date: "2026-02-01",
                amount_cents: 1000,
                confirm_not_bsn: false,
            },
        )
    })
    .unwrap();
    let pdf = v.write(|tx, c| sar::pdf(tx, c, id, language, None)).unwrap();
    text_of(&pdf)
}

#[test]
fn the_dutch_report_shows_no_core_code_or_english_category_and_no_iso_date() {
    let text = report_in(Language::Nl);
    let english = [
        "in-person",
        "form",
        "email",
        "phone",
        "address",
        "organisation",
        "name",
        "invoices",
        "quote",
        "invoice",
        "imported",
        "other",
        "paper",
        "consent",
        "contract",
        "legal-obligation",
    ];
    let found: Vec<&str> =
        words(&text).into_iter().filter(|w| english.contains(&w.to_lowercase().as_str())).collect();
    assert!(found.is_empty(), "English codes in the Dutch report: {found:?}");
    let iso = words(&text)
        .into_iter()
        .find(|w| w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-');
    assert_eq!(iso, None, "dates read 01-02-2026 or 1 februari 2026 in Dutch");
    assert!(text.contains("persoonlijk") && text.contains("offerte"), "{text}");
    assert!(text.contains("01-02-2026"), "{text}");
}

#[test]
fn the_english_report_shows_no_core_code_and_no_dutch_label() {
    let text = report_in(Language::En);
    let dutch_or_codes =
        ["in-person", "persoonlijk", "formulier", "offerte", "geïmporteerd", "naam", "adres"];
    let found: Vec<&str> = words(&text)
        .into_iter()
        .filter(|w| dutch_or_codes.contains(&w.to_lowercase().as_str()))
        .collect();
    assert!(found.is_empty(), "codes or Dutch in the English report: {found:?}");
    assert!(text.contains("in person") && text.contains("quote"), "{text}");
}

/// An ISO date (`2026-12-01`) among the words of a document.
fn iso_date(text: &str) -> Option<&str> {
    words(text)
        .into_iter()
        .find(|w| w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-')
}

#[test]
fn the_retention_policy_reads_its_date_in_the_language_of_the_document() {
    let (_t, v) = new_vault();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-02T10:00:00Z").unwrap().to_utc();
    let nl = kluis::domain::retention::policy_markdown(v.conn(), Language::Nl, "", now).unwrap();
    assert_eq!(iso_date(&nl), None, "{nl}");
    assert!(nl.contains("Opgesteld op 2 december 2026"), "{nl}");
    let en = kluis::domain::retention::policy_markdown(v.conn(), Language::En, "", now).unwrap();
    assert!(en.contains("Drawn up on 2 December 2026"), "{en}");
    let pdf = kluis::domain::retention::policy_pdf(v.conn(), Language::Nl, "Salon", now).unwrap();
    let text = text_of(&pdf);
    assert_eq!(iso_date(&text), None, "{text}");
    assert!(text.contains("2 december 2026"), "{text}");
}

#[test]
fn the_register_shows_the_proposed_categories_in_the_language_of_the_screen() {
    let (_t, mut v) = new_vault();
    // A register from an earlier version: Dutch purposes with English category words.
    let mut p = PurposeInput::new("Klantadministratie", Basis::Contract);
    p.data_categories = vec!["name".into(), "e-mail".into(), "phone".into(), "Haarkleur".into()];
    v.write(|tx, c| purposes::create(tx, c, &p)).unwrap();
    let nl = purposes::list_in(v.conn(), Language::Nl).unwrap();
    assert_eq!(nl[0].data_categories, ["naam", "e-mail", "telefoon", "Haarkleur"]);
    let en = purposes::list_in(v.conn(), Language::En).unwrap();
    assert_eq!(en[0].data_categories, ["name", "e-mail", "phone", "Haarkleur"]);
}
