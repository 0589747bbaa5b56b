//! The privacy statement (Art. 13/14 GDPR, R7.1), generated from the register: the controller
//! and the privacy contact, each purpose with its data, basis, legitimate interest, whether the
//! data are required, their source, recipients and retention; the processors and transfers
//! outside the EU/EEA; the retention rules; the rights of the people (withdrawing consent at
//! any time, the complaint to the AP); no automated decisions; what Kluis keeps after an
//! erasure; the version and date. Dutch or English, as HTML, Markdown or PDF.

use std::path::Path;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::doc::{self, Block};
use super::versions::{self, StatementVersion};
use crate::domain::controller;
use crate::domain::register::processors::{self, Processor, Service};
use crate::domain::register::purposes::{self, Basis, Purpose, Requirement};
use crate::domain::retention::rules::{self, Action, RuleKey};
use crate::kernel::clock::Ctx;
use crate::kernel::date::long_date;
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

crate::kernel::str_enum! {
    /// The formats the statement is written in.
    pub enum StatementFormat("format") {
        Html => "html",
        Markdown => "md",
        Pdf => "pdf",
    }
}

impl StatementFormat {
    /// The format a file name asks for by its extension (`.html`/`.htm`, `.md`, `.pdf`).
    pub fn from_path(path: &Path) -> Result<StatementFormat> {
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" => Ok(StatementFormat::Html),
            "md" => Ok(StatementFormat::Markdown),
            "pdf" => Ok(StatementFormat::Pdf),
            _ => Err(Error::invalid("out", "the file must end in .html, .md or .pdf")),
        }
    }
}

/// A generated statement: the file's bytes and the version it is.
pub struct Generated {
    pub bytes: Vec<u8>,
    pub version: StatementVersion,
}

/// A processor as the statement names it: the name and what they do (unless "other").
pub fn processor_label(p: &Processor, language: Language) -> String {
    match p.service {
        Service::Other => p.name.clone(),
        s => format!("{} ({})", p.name, processors::service_label(s, language)),
    }
}

/// The period and action of a rule in words: "7 jaar, daarna verwijderen".
fn rule_text(conn: &Connection, key: RuleKey, language: Language) -> Result<String> {
    let (period, action) = rules::current(conn, key)?;
    let then = match (action, language.is_dutch()) {
        (Action::Delete, true) => "daarna verwijderd",
        (Action::Delete, false) => "then deleted",
        (Action::Review, true) => "daarna beoordeeld",
        (Action::Review, false) => "then reviewed",
    };
    Ok(format!("{}, {then}", period.describe(language)))
}

fn purpose_fields(
    conn: &Connection,
    p: &Purpose,
    processors: &[Processor],
    language: Language,
) -> Result<Vec<(String, String)>> {
    let nl = language.is_dutch();
    let s = |d: &str, e: &str| (if nl { d } else { e }).to_owned();
    let mut rows = Vec::new();
    if !p.description.is_empty() {
        rows.push((s("Waarvoor", "What for"), p.description.clone()));
    }
    rows.push((s("Gegevens", "Data"), p.data_categories.join(", ")));
    rows.push((s("Grondslag", "Legal basis"), purposes::basis_label(p.basis, language).to_owned()));
    if p.basis == Basis::LegitimateInterest {
        let interest = if p.legitimate_interest.is_empty() {
            s("(nog niet beschreven)", "(not described yet)")
        } else {
            p.legitimate_interest.clone()
        };
        rows.push((s("Ons gerechtvaardigd belang", "Our legitimate interest"), interest));
    }
    let (required, default_consequence) = match p.requirement {
        Requirement::None => (
            s("U bent niet verplicht deze gegevens te geven.", "You are not obliged to provide these data."),
            s(
                "Geeft u ze niet, dan gebruiken wij ze niet voor dit doel; andere diensten blijven u gewoon ter beschikking.",
                "If you do not, we do not use them for this purpose; our other services remain available to you.",
            ),
        ),
        Requirement::Contract => (
            s(
                "Deze gegevens zijn nodig om een overeenkomst met u te sluiten of uit te voeren.",
                "These data are needed to enter into or perform a contract with you.",
            ),
            s(
                "Zonder deze gegevens kunnen wij de overeenkomst niet sluiten of uitvoeren.",
                "Without these data we cannot enter into or perform the contract.",
            ),
        ),
        Requirement::Law => (
            s("De wet verplicht ons deze gegevens vast te leggen.", "The law obliges us to record these data."),
            s(
                "Zonder deze gegevens kunnen wij niet aan die plicht voldoen en de dienst niet leveren.",
                "Without these data we cannot meet that duty and cannot provide the service.",
            ),
        ),
    };
    let consequence =
        if p.consequence.is_empty() { default_consequence } else { p.consequence.clone() };
    rows.push((s("Verplicht", "Required"), format!("{required} {consequence}")));
    let source = if p.source.is_empty() { s("Van uzelf.", "From you.") } else { p.source.clone() };
    rows.push((s("Herkomst", "Where they come from"), source));
    let recipients: Vec<String> = processors
        .iter()
        .filter(|r| r.purposes.iter().any(|u| u.id == p.id))
        .map(|r| processor_label(r, language))
        .collect();
    rows.push((
        s("Ontvangers", "Recipients"),
        if recipients.is_empty() {
            s("Niemand buiten ons bedrijf.", "No one outside our business.")
        } else {
            recipients.join(", ")
        },
    ));
    let retention = match p.retention_rule.as_deref().and_then(|k| k.parse::<RuleKey>().ok()) {
        Some(key) => rule_text(conn, key, language)?,
        None => s("Zie \"Hoe lang wij gegevens bewaren\".", "See \"How long we keep data\"."),
    };
    rows.push((s("Bewaartermijn", "Retention"), retention));
    Ok(rows)
}

/// The statement's title and body, without the version line. Reads the purposes, processors,
/// retention rules and controller details as they are now.
pub fn body(conn: &Connection, ctx: &Ctx<'_>, language: Language) -> Result<(String, Vec<Block>)> {
    let nl = language.is_dutch();
    let s = |d: &str, e: &str| (if nl { d } else { e }).to_owned();
    let c = controller::get(conn)?;
    let business =
        if c.name.is_empty() { s("ons bedrijf", "our business") } else { c.name.clone() };
    let title = if c.name.is_empty() {
        s("Privacyverklaring", "Privacy statement")
    } else {
        format!("{} — {}", s("Privacyverklaring", "Privacy statement"), c.name)
    };
    let contact =
        if c.privacy_contact.is_empty() { business.clone() } else { c.privacy_contact.clone() };
    let purposes = purposes::list_in(conn, language)?;
    let processors = processors::list(conn, ctx)?;
    let mut b = vec![Block::Paragraph(format!(
        "{} {business} {}",
        s("In deze privacyverklaring leest u welke persoonsgegevens", "This privacy statement tells you which personal data"),
        s(
            "gebruikt, waarvoor en op welke grond, wie ze ontvangt, hoe lang wij ze bewaren en welke rechten u heeft (artikelen 13 en 14 AVG).",
            "uses, what for and on which basis, who receives them, how long we keep them and what your rights are (Articles 13 and 14 GDPR).",
        )
    ))];

    b.push(Block::Heading(s("Wie wij zijn", "Who we are")));
    let who = if c.name.is_empty() { s("Wij zijn", "We are") } else { format!("{} is", c.name) };
    b.push(Block::Paragraph(format!(
        "{who} {}",
        s(
            "verantwoordelijk voor het gebruik van uw persoonsgegevens (verwerkingsverantwoordelijke).",
            "responsible for the use of your personal data (the controller).",
        )
    )));
    b.push(Block::Fields(vec![
        (s("Naam", "Name"), c.name.clone()),
        (s("Adres", "Address"), c.address.replace('\n', ", ")),
        (s("KvK-nummer", "Chamber of Commerce number"), c.kvk.clone()),
        (s("Contactpersoon privacy", "Privacy contact"), contact.clone()),
    ]));

    b.push(Block::Heading(s(
        "Welke gegevens wij gebruiken, waarvoor en waarom",
        "Which data we use, what for and why",
    )));
    if purposes.is_empty() {
        b.push(Block::Paragraph(s(
            "Wij hebben nog geen doelen vastgelegd.",
            "We have not recorded any purposes yet.",
        )));
    }
    for p in &purposes {
        b.push(Block::Subheading(p.name.clone()));
        b.push(Block::Fields(purpose_fields(conn, p, &processors, language)?));
    }

    b.push(Block::Heading(s("Ontvangers en verwerkers", "Recipients and processors")));
    let receiving: Vec<&Processor> = processors.iter().filter(|p| !p.purposes.is_empty()).collect();
    if receiving.is_empty() {
        b.push(Block::Paragraph(s(
            "Wij geven uw gegevens aan niemand buiten ons bedrijf.",
            "We give your data to no one outside our business.",
        )));
    } else {
        b.push(Block::Paragraph(s(
            "Deze partijen ontvangen gegevens van u, elk alleen voor de genoemde doelen:",
            "These parties receive data of yours, each only for the purposes named:",
        )));
        let rows = receiving
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    processors::service_label(p.service, language).to_owned(),
                    p.purposes.iter().map(|u| u.name.as_str()).collect::<Vec<_>>().join(", "),
                    if p.location.is_empty() { String::new() } else { p.location.clone() },
                ]
            })
            .collect();
        b.push(Block::Table(
            vec![
                s("Naam", "Name"),
                s("Wat zij doen", "What they do"),
                s("Doelen", "Purposes"),
                s("Waar", "Where"),
            ],
            vec![2.5, 2.0, 3.0, 2.0],
            rows,
        ));
        if receiving.iter().all(|p| p.dpa_signed_on.is_some()) {
            b.push(Block::Paragraph(s(
                "Met elk van hen hebben wij een verwerkersovereenkomst gesloten.",
                "We have a processing agreement with each of them.",
            )));
        }
    }

    b.push(Block::Heading(s("Doorgifte buiten de EU", "Transfers outside the EU")));
    let transfers: Vec<String> = receiving
        .iter()
        .filter(|p| p.outside_eu)
        .map(|p| {
            let place =
                if p.location.is_empty() { String::new() } else { format!(" ({})", p.location) };
            format!(
                "{}{place}: {}",
                p.name,
                processors::safeguard_label(p.safeguard, &p.safeguard_note, language)
            )
        })
        .collect();
    if transfers.is_empty() {
        b.push(Block::Paragraph(s(
            "Wij geven uw gegevens niet door naar landen buiten de Europese Economische Ruimte.",
            "We do not transfer your data to countries outside the European Economic Area.",
        )));
    } else {
        b.push(Block::Paragraph(s(
            "Deze ontvangers zitten buiten de Europese Economische Ruimte of geven gegevens daarheen door; de waarborg staat erbij:",
            "These recipients are outside the European Economic Area or transfer data there; the safeguard is given:",
        )));
        b.push(Block::Items(transfers));
    }

    b.push(Block::Heading(s("Hoe lang wij gegevens bewaren", "How long we keep data")));
    b.push(Block::Paragraph(s(
        "Wij bewaren gegevens niet langer dan nodig. Kluis, het programma waarin wij ze bijhouden, past deze termijnen automatisch toe:",
        "We keep data no longer than needed. Kluis, the program we keep them in, applies these periods automatically:",
    )));
    let rows = rules::list(conn, language)?
        .into_iter()
        .map(|r| {
            let then = match (r.action, nl) {
                (Action::Delete, true) => "verwijderen",
                (Action::Delete, false) => "delete",
                (Action::Review, true) => "beoordelen",
                (Action::Review, false) => "review",
            };
            vec![r.category, r.period_text, then.to_owned(), r.note]
        })
        .collect();
    b.push(Block::Table(
        vec![
            s("Gegevens", "Data"),
            s("Bewaartermijn", "Retention period"),
            s("Daarna", "Then"),
            s("Toelichting", "Note"),
        ],
        vec![2.6, 1.4, 1.2, 4.8],
        rows,
    ));

    b.push(Block::Heading(s("Uw rechten", "Your rights")));
    b.push(Block::Items(vec![
        s("Inzage (art. 15 AVG): u kunt opvragen welke gegevens wij van u hebben.", "Access (Art. 15 GDPR): you can ask which data we hold about you."),
        s("Rectificatie (art. 16): kloppen gegevens niet, dan passen wij ze aan.", "Rectification (Art. 16): if data are wrong, we correct them."),
        s("Wissing (art. 17): u kunt vragen uw gegevens te wissen; wat wij wettelijk moeten bewaren, bewaren wij tot die termijn voorbij is.", "Erasure (Art. 17): you can ask us to erase your data; what we must keep by law is kept until that period ends."),
        s("Beperking (art. 18): u kunt vragen het gebruik van uw gegevens tijdelijk te beperken.", "Restriction (Art. 18): you can ask us to restrict the use of your data for a time."),
        s("Overdraagbaarheid (art. 20): u kunt uw gegevens in een gestructureerd, machineleesbaar bestand krijgen.", "Portability (Art. 20): you can receive your data in a structured, machine-readable file."),
        s("Bezwaar (art. 21): u kunt bezwaar maken tegen gebruik op grond van gerechtvaardigd belang; tegen direct marketing is uw bezwaar altijd doorslaggevend.", "Objection (Art. 21): you can object to use based on legitimate interest; an objection to direct marketing is always decisive."),
        s("Toestemming intrekken (art. 7 lid 3): gaf u toestemming, dan kunt u die op elk moment intrekken, net zo makkelijk als u die gaf. Dat geldt voor de toekomst; wat wij daarvoor met uw toestemming deden, blijft rechtmatig.", "Withdrawing consent (Art. 7(3)): where you gave consent, you can withdraw it at any time, as easily as you gave it. That applies from then on; what we did with your consent before remains lawful."),
    ]));
    b.push(Block::Paragraph(format!(
        "{} {contact}. {}",
        s("Om een recht uit te oefenen of met een vraag neemt u contact op met", "To exercise a right, or with a question, contact"),
        s(
            "Wij antwoorden binnen een maand; is een verzoek ingewikkeld, dan kan dat twee maanden langer duren en laten wij u dat binnen de eerste maand weten.",
            "We answer within one month; if a request is complex this can take two months longer, and we tell you so within the first month.",
        )
    )));

    b.push(Block::Heading(s("Klacht", "Complaint")));
    b.push(Block::Paragraph(s(
        "Bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).",
        "If you disagree with how we handle your data, you can lodge a complaint with the Dutch Data Protection Authority, the Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).",
    )));

    b.push(Block::Heading(s("Geautomatiseerde besluiten", "Automated decisions")));
    b.push(Block::Paragraph(s(
        "Wij nemen geen besluiten over u die alleen op geautomatiseerde verwerking berusten, en wij maken geen profielen van u (art. 22 AVG).",
        "We take no decisions about you based solely on automated processing, and we do not profile you (Art. 22 GDPR).",
    )));

    b.push(Block::Heading(s(
        "Wat wij bewaren nadat wij uw gegevens hebben gewist",
        "What we keep after erasing your data",
    )));
    let records = rule_text(conn, RuleKey::Records, language)?;
    let fiscal = rule_text(conn, RuleKey::FiscalRecords, language)?;
    b.push(Block::Items(vec![
        s(
            "Een intern nummer en het tijdstip van het wissen, zonder naam of andere gegevens, zodat het terugzetten van een oudere back-up uw gegevens niet terugbrengt. Dit wordt niet opgeruimd.",
            "An internal number and the time of the erasure, without your name or other data, so that restoring an older backup does not bring your data back. This is never pruned.",
        ),
        format!(
            "{} ({records}).",
            s(
                "In ons verwijderlogboek: wanneer en volgens welke regel gegevens zijn verwijderd, met dat interne nummer, zonder de gegevens zelf; en uw verzoek zelf (soort, data en afhandeling) zonder uw gegevens, als bewijs dat wij het hebben afgehandeld",
                "In our deletion log: when and under which rule data were deleted, with that internal number, without the data themselves; and your request itself (kind, dates and how it was handled) without your data, as evidence that we handled it",
            )
        ),
        s(
            "Maakte u bezwaar tegen direct marketing: een gezouten hash (een onomkeerbare vingerafdruk) van uw e-mailadres, zodat wij u ook na een nieuwe import niet opnieuw benaderen. Uw adres is daaruit niet terug te lezen.",
            "If you objected to direct marketing: a salted hash (an irreversible fingerprint) of your e-mail address, so that we do not approach you again, also after a new import. Your address cannot be read back from it.",
        ),
        format!(
            "{} ({fiscal}).",
            s(
                "Facturen en offertes die wij wettelijk moeten bewaren, tot die termijn voorbij is",
                "Invoices and quotes we must keep by law, until that period ends",
            )
        ),
    ]));

    b.push(Block::Heading(s("Over deze verklaring", "About this statement")));
    b.push(Block::Paragraph(s(
        "Deze verklaring is gemaakt uit ons verwerkingsregister. Veranderen onze verwerkingen, dan passen wij haar aan; elke versie heeft een nummer, een datum en een SHA-256-vingerafdruk van de tekst.",
        "This statement is made from our register of processing. When our processing changes we update it; every version has a number, a date and a SHA-256 fingerprint of its text.",
    )));
    Ok((title, b))
}

/// The version line: "Versie 3 van 2 december 2026 · SHA-256 …".
pub fn version_line(v: &StatementVersion, language: Language) -> String {
    let date = long_date(&v.created_at, language);
    if language.is_dutch() {
        format!("Versie {} van {date} · SHA-256 {}", v.version, v.sha256)
    } else {
        format!("Version {} of {date} · SHA-256 {}", v.version, v.sha256)
    }
}

/// Generates the statement in `language` and `format` and records its version (the same text
/// keeps its version; a changed text gets the next).
pub fn generate(
    conn: &Connection,
    ctx: &Ctx<'_>,
    language: Language,
    format: StatementFormat,
) -> Result<Generated> {
    let (title, blocks) = body(conn, ctx, language)?;
    let text = doc::markdown(&title, &blocks);
    let sha = hex::encode(Sha256::digest(text.as_bytes()));
    let version = versions::record(conn, ctx, language, &sha)?;
    let line = version_line(&version, language);
    let nl = language.is_dutch();
    let bytes = match format {
        StatementFormat::Markdown => {
            format!("{text}---\n\n{}\n", doc::markdown_escape(&line)).into_bytes()
        }
        StatementFormat::Html => {
            doc::html(if nl { "nl" } else { "en" }, &title, &blocks, &line).into_bytes()
        }
        StatementFormat::Pdf => {
            let c = controller::get(conn)?;
            let mut sender = vec![c.name.clone()];
            sender.extend(c.address.lines().map(str::to_owned));
            sender.retain(|l| !l.is_empty());
            let footer = if nl {
                format!("Privacyverklaring versie {}", version.version)
            } else {
                format!("Privacy statement version {}", version.version)
            };
            doc::pdf(&title, &sender, &line, &blocks, &footer, nl)?
        }
    };
    Ok(Generated { bytes, version })
}
