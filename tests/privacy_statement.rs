//! The privacy statement (Art. 13/14) made from the register, through the `kluis` binary and
//! the core: what it says in Dutch and English (controller and privacy contact, each purpose's
//! data, basis, legitimate interest, requirement, source, recipients and retention, processors
//! and transfers, the retention rules as set, the rights with withdrawing consent at any time,
//! the AP, no automated decisions, what stays after an erasure), HTML and Markdown escaping,
//! the versions kept by SHA-256 and listed, and the PDF checked with pdftotext, qpdf and
//! pdffonts.

mod common;

use std::path::Path;

use common::*;
use kluis::domain::register::purposes::{self, Basis, PurposeInput, Requirement};
use kluis::domain::statement::privacy::{self, StatementFormat};
use kluis::domain::statement::versions;
use kluis::kernel::language::Language;
use sha2::{Digest, Sha256};

const NOW: &str = "2026-03-01T10:00:00Z";

/// A vault with the controller's details, four purposes and two processors, one outside the EU.
fn register() -> Cli {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    for (k, v) in [
        ("controller.name", "Bakkerij De Korrel"),
        ("controller.address", "Dorpsstraat 1\n1234 AB Ergens"),
        ("controller.kvk", "12345678"),
        ("controller.privacy_contact", "Marieke de Korrel, privacy@dekorrel.nl"),
    ] {
        cli.ok(&["settings", "set", k, v]);
    }
    cli.ok(&["purpose", "propose"]);
    cli.ok(&[
        "purpose",
        "edit",
        "relatiebeheer",
        "--legitimate-interest",
        "Vaste klanten op de hoogte houden van ons assortiment.",
        "--source",
        "Visitekaartjes op de beurs",
    ]);
    cli.ok(&[
        "purpose",
        "edit",
        "klantadministratie",
        "--consequence",
        "Zonder adres kunnen wij de taart niet bezorgen.",
    ]);
    cli.ok(&[
        "processor",
        "add",
        "--name",
        "Boekhouder Jansen",
        "--service",
        "accounting",
        "--purpose",
        "facturatie",
        "--dpa-signed",
        "15-01-2026",
    ]);
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
    cli.ok(&["retention", "set", "prospects", "--period", "18m", "--action", "delete"]);
    cli
}

fn read(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

fn write(cli: &Cli, name: &str, lang: &str) -> (std::path::PathBuf, serde_json::Value) {
    let path = cli.tmp.path().join(name);
    let v = cli.json(&["privacy-statement", "--out", path.to_str().unwrap(), "--lang", lang]);
    (path, v)
}

#[test]
fn the_statement_says_what_articles_13_and_14_ask_in_dutch() {
    let cli = register();
    let (path, _) = write(&cli, "privacy.md", "nl");
    let md = read(&path);
    for expected in [
        "# Privacyverklaring — Bakkerij De Korrel",
        "Bakkerij De Korrel is verantwoordelijk",
        "Dorpsstraat 1, 1234 AB Ergens",
        "12345678",
        "Marieke de Korrel, privacy@dekorrel.nl",
        // Each purpose: data, basis, legitimate interest, requirement and consequence, source.
        "### Relatiebeheer",
        "Gerechtvaardigd belang (art. 6(1)(f))",
        "**Ons gerechtvaardigd belang:** Vaste klanten op de hoogte houden van ons assortiment.",
        "**Herkomst:** Visitekaartjes op de beurs",
        "**Herkomst:** Van uzelf.",
        "Deze gegevens zijn nodig om een overeenkomst met u te sluiten of uit te voeren. Zonder adres kunnen wij de taart niet bezorgen.",
        "De wet verplicht ons deze gegevens vast te leggen.",
        "Toestemming (art. 6(1)(a))",
        // Recipients per purpose, the processors and the transfer with its safeguard.
        "**Ontvangers:** Boekhouder Jansen (boekhouding)",
        "**Ontvangers:** MailWolk Inc. (nieuwsbrief)",
        "| Boekhouder Jansen | boekhouding | Facturatie |",
        "MailWolk Inc. (Verenigde Staten): modelcontractbepalingen (art. 46 AVG)",
        // The retention rules as set (18 months, not the preset 24).
        "| Prospects zonder contact | 18 maanden | verwijderen |",
        "| Fiscale gegevens (offertes, facturen) | 7 jaar | verwijderen |",
        // Rights, consent, complaint, automated decisions, what stays after erasure.
        "Inzage (art. 15 AVG)",
        "op elk moment intrekken",
        "Autoriteit Persoonsgegevens",
        "Wij nemen geen besluiten over u die alleen op geautomatiseerde verwerking berusten",
        "zodat het terugzetten van een oudere back-up uw gegevens niet terugbrengt",
        "een gezouten hash (een onomkeerbare vingerafdruk) van uw e-mailadres",
        "(5 jaar, daarna verwijderd)",
        "(7 jaar, daarna verwijderd)",
        "Versie 1 van 1 maart 2026 · SHA-256 ",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    // Not every processor has an agreement recorded, so the statement does not claim it.
    assert!(!md.contains("verwerkersovereenkomst gesloten"), "{md}");
    assert!(!md.contains("Wij geven uw gegevens aan niemand"), "{md}");
}

#[test]
fn the_statement_is_in_english_with_lang_en() {
    let cli = register();
    let (path, _) = write(&cli, "privacy.html", "en");
    let html = read(&path);
    for expected in [
        "<html lang=\"en\">",
        "<h1>Privacy statement — Bakkerij De Korrel</h1>",
        "<dt>Privacy contact</dt><dd>Marieke de Korrel, privacy@dekorrel.nl</dd>",
        "Legitimate interest (Art. 6(1)(f))",
        "<dt>Where they come from</dt><dd>Visitekaartjes op de beurs</dd>",
        "These data are needed to enter into or perform a contract with you.",
        "<td>MailWolk Inc.</td><td>newsletter</td>",
        "MailWolk Inc. (Verenigde Staten): standard contractual clauses (Art. 46 GDPR)",
        "<td>Prospects without contact</td><td>18 months</td><td>delete</td>",
        "withdraw it at any time",
        "Autoriteit Persoonsgegevens",
        "We take no decisions about you based solely on automated processing",
        "a salted hash (an irreversible fingerprint) of your e-mail address",
        "Version 1 of 1 March 2026 · SHA-256 ",
    ] {
        assert!(html.contains(expected), "missing {expected:?} in\n{html}");
    }
    assert!(!html.contains("<script"), "a page without scripts");
}

#[test]
fn without_processors_the_statement_says_no_one_receives_the_data() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&["purpose", "add", "--name", "Klanten", "--basis", "contract"]);
    let (path, _) = write(&cli, "p.md", "nl");
    let md = read(&path);
    assert!(md.contains("Wij geven uw gegevens aan niemand buiten ons bedrijf."), "{md}");
    assert!(md.contains("Wij geven uw gegevens niet door naar landen buiten"), "{md}");
    assert!(md.contains("Wij zijn verantwoordelijk"), "{md}");
}

#[test]
fn a_purpose_named_with_markup_is_escaped_in_html_and_markdown() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&[
        "purpose",
        "add",
        "--name",
        "<script>alert('x')</script>",
        "--basis",
        "legitimate-interest",
        "--legitimate-interest",
        "Tom & Jerry \"<b>\"",
    ]);
    let (html_path, _) = write(&cli, "p.html", "nl");
    let html = read(&html_path);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("<h3>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h3>"), "{html}");
    assert!(html.contains("Tom &amp; Jerry &quot;&lt;b&gt;&quot;"), "{html}");
    let (md_path, _) = write(&cli, "p.md", "nl");
    let md = read(&md_path);
    assert!(md.contains("### \\<script\\>alert('x')\\</script\\>"), "{md}");
    assert!(!md.contains("<script>"), "{md}");
}

#[test]
fn versions_are_kept_by_sha256_date_and_language_and_listed() {
    let cli = register();
    let (md, first) = write(&cli, "a.md", "nl");
    assert_eq!(first["version"], 1);
    assert_eq!(first["language"], "nl");
    assert_eq!(first["created_at"], NOW);
    // The SHA-256 is that of the Markdown text before the version line.
    let text = read(&md);
    let body = text.split("---\n\n").next().unwrap();
    assert_eq!(first["sha256"], hex::encode(Sha256::digest(body.as_bytes())));
    // The same text in another format is the same version; in English a version of its own.
    let (_, html) = write(&cli, "a.html", "nl");
    let (_, pdf) = write(&cli, "a.pdf", "nl");
    assert_eq!(html["sha256"], first["sha256"]);
    assert_eq!(pdf["version"], 1);
    let (_, en) = write(&cli, "a-en.md", "en");
    assert_eq!(en["version"], 1);
    assert_ne!(en["sha256"], first["sha256"]);
    // A changed register is a new version, a day later.
    let cli = cli.later("2026-03-02T09:00:00Z");
    cli.ok(&[
        "purpose",
        "edit",
        "nieuwsbrief",
        "--source",
        "Het inschrijfformulier op onze website",
    ]);
    let (_, second) = write(&cli, "b.md", "nl");
    assert_eq!(second["version"], 2);
    assert_eq!(second["created_at"], "2026-03-02T09:00:00Z");
    assert_ne!(second["sha256"], first["sha256"]);
    let list = cli.json(&["privacy-statement", "versions"]);
    let rows: Vec<(String, i64, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["language"].as_str().unwrap().to_owned(),
                v["version"].as_i64().unwrap(),
                v["sha256"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let sha = |v: &serde_json::Value| v["sha256"].as_str().unwrap().to_owned();
    assert_eq!(
        rows,
        vec![
            ("nl".into(), 2, sha(&second)),
            ("en".into(), 1, sha(&en)),
            ("nl".into(), 1, sha(&first)),
        ]
    );
    let text = cli.ok(&["privacy-statement", "versions"]);
    assert!(text.contains(&format!("nl version 2   2026-03-02  {}", sha(&second))), "{text}");
    // The text output names the version and the SHA-256.
    let out =
        cli.ok(&["privacy-statement", "--out", cli.tmp.path().join("c.md").to_str().unwrap()]);
    assert!(
        out.starts_with(&format!("Versie 2 van 2 maart 2026 · SHA-256 {}", sha(&second))),
        "{out}"
    );
}

#[test]
fn versions_are_recorded_in_the_core_and_audited_without_values() {
    let (_t, mut v) = new_vault();
    v.write(|tx, c| {
        let mut p = PurposeInput::new("Relatiebeheer", Basis::LegitimateInterest);
        p.legitimate_interest = "Contact met vaste klanten".into();
        p.requirement = Requirement::Contract;
        purposes::create(tx, c, &p)
    })
    .unwrap();
    let a = v.write(|tx, c| privacy::generate(tx, c, Language::Nl, StatementFormat::Html)).unwrap();
    let b = v.write(|tx, c| privacy::generate(tx, c, Language::Nl, StatementFormat::Pdf)).unwrap();
    assert_eq!(a.version, b.version);
    assert!(b.bytes.starts_with(b"%PDF"));
    let list = versions::list(v.conn()).unwrap();
    assert_eq!(list.len(), 1);
    let audit: String = v
        .conn()
        .query_row(
            "SELECT group_concat(action || ':' || entity || ':' || fields, '|') FROM audit
             WHERE action LIKE 'privacy_statement%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audit, "privacy_statement.generate:privacy_statement:[]|privacy_statement.generate:privacy_statement:[]");
}

#[test]
fn the_pdf_names_the_processors_passes_qpdf_and_embeds_every_font() {
    let cli = register();
    let (path, v) = write(&cli, "privacy.pdf", "nl");
    let text = check_pdf(&path);
    for expected in [
        "Privacyverklaring — Bakkerij De Korrel",
        "Boekhouder Jansen",
        "MailWolk Inc.",
        "modelcontractbepalingen",
        "Autoriteit Persoonsgegevens",
        "Versie 1 van 1 maart 2026",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(text.contains(v["sha256"].as_str().unwrap()), "the SHA-256 is printed: {text}");
    let (en, _) = write(&cli, "privacy-en.pdf", "en");
    let text = check_pdf(&en);
    assert!(text.contains("Privacy statement — Bakkerij De Korrel"), "{text}");
    assert!(text.contains("standard contractual clauses"), "{text}");
}

#[test]
fn a_file_of_another_kind_is_refused_in_one_line_and_writes_nothing() {
    let cli = register();
    let path = cli.tmp.path().join("privacy.docx");
    let out = cli.run(&["privacy-statement", "--out", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: ") && stderr.contains(".html, .md or .pdf"), "{stderr}");
    assert!(!path.exists());
    assert_eq!(cli.json(&["privacy-statement", "versions"]), serde_json::json!([]));
    let out = cli.run(&["privacy-statement"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn purpose_add_and_edit_take_the_statement_fields() {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&[
        "purpose",
        "add",
        "--name",
        "Nieuwsbrief",
        "--basis",
        "consent",
        "--requirement",
        "none",
        "--source",
        "Inschrijfformulier",
    ]);
    cli.ok(&[
        "purpose",
        "edit",
        "nieuwsbrief",
        "--basis",
        "legitimate-interest",
        "--legitimate-interest",
        "Klantbinding",
        "--requirement",
        "contract",
        "--consequence",
        "Geen nieuws",
    ]);
    let list = cli.json(&["purpose", "list"]);
    let p = &list[0];
    assert_eq!(p["basis"], "legitimate-interest");
    assert_eq!(p["legitimate_interest"], "Klantbinding");
    assert_eq!(p["requirement"], "contract");
    assert_eq!(p["consequence"], "Geen nieuws");
    assert_eq!(p["source"], "Inschrijfformulier");
    // Back to consent: the legitimate interest goes with the basis.
    cli.ok(&["purpose", "edit", "nieuwsbrief", "--basis", "consent"]);
    assert_eq!(cli.json(&["purpose", "list"])[0]["legitimate_interest"], "");
    let out = cli.run(&["purpose", "edit", "nieuwsbrief", "--requirement", "maybe"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("none, contract, law"));
}
