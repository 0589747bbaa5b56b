//! The subject-access report (Art. 15): everything held about a person — details, extra fields
//! (special categories included: the person is entitled to them), interactions, purposes and
//! bases, the consent history with texts, fiscal records, their requests — and the Art. 15(1)
//! (a)–(h) and 15(2) information, as a PDF letter in Dutch or English; and the portability ZIP
//! (Art. 20): JSON (schema `kluis-portability/1`), CSV and vCard 4.0.

use std::collections::BTreeSet;
use std::io::Write;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::domain::consent::{self, ConsentEvent, EventKind, PurposeLink};
use crate::domain::contacts::{read, Contact, Interaction};
use crate::domain::controller::{self, Controller};
use crate::domain::fields::{self, FieldValue};
use crate::domain::register::processors::{self, Safeguard, Service};
use crate::domain::register::purposes::{self, Basis};
use crate::domain::requests::recipients::{self as notices, NoticeAction, RecipientNotice};
use crate::domain::requests::{self, Request};
use crate::domain::retention::documents::{self, FiscalDocument};
use crate::domain::retention::rules;
use crate::kernel::clock::Ctx;
use crate::kernel::csv;
use crate::kernel::date::{long_date, short_date};
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;
use crate::kernel::pdf::Doc;
use crate::kernel::vcard::{content_line, escape, param_escape};

/// Everything held about one person.
#[derive(Debug, Clone, Serialize)]
pub struct SubjectData {
    pub contact: Contact,
    pub fields: Vec<FieldValue>,
    pub interactions: Vec<Interaction>,
    pub purposes: Vec<PurposeLink>,
    pub consent: Vec<ConsentEvent>,
    pub fiscal_records: Vec<FiscalDocument>,
    pub requests: Vec<Request>,
    /// The import the contact came in with, if any (Art. 15(1)(g): where the data came from).
    pub imported: Option<crate::domain::import::run::ImportSource>,
    /// Addresses a newsletter tool found undeliverable.
    pub undeliverable: Vec<crate::domain::contacts::undeliverable::UndeliverableAddress>,
    /// The data breaches in the breach register linked to the person.
    pub breaches: Vec<crate::domain::breaches::Mention>,
    /// The recipients and processors of the person's purposes (Art. 15(1)(c)), from the
    /// processor register; empty when no one receives their data.
    pub recipients: Vec<RecipientInfo>,
    /// The recipients told (or still to tell) of a rectification, erasure or restriction of
    /// the person's data (Art. 19).
    pub recipients_told: Vec<RecipientNotice>,
}

/// A recipient of the person's data: who, what they do, for which of the person's purposes,
/// and a transfer outside the EU/EEA with its safeguard.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientInfo {
    pub name: String,
    pub service: Service,
    pub purposes: Vec<String>,
    pub location: String,
    pub outside_eu: bool,
    pub safeguard: Option<Safeguard>,
    pub safeguard_note: String,
}

/// The processors of the purposes the person is linked to (also ended links: Art. 15(1)(c)
/// asks for the recipients the data have been disclosed to as well).
fn recipients_of(
    conn: &Connection,
    ctx: &Ctx<'_>,
    links: &[PurposeLink],
) -> Result<Vec<RecipientInfo>> {
    let linked: BTreeSet<i64> = links.iter().map(|l| l.purpose.id).collect();
    Ok(processors::for_purposes(conn, ctx, &linked)?
        .into_iter()
        .map(|p| RecipientInfo {
            purposes: p
                .purposes
                .iter()
                .filter(|r| linked.contains(&r.id))
                .map(|r| r.name.clone())
                .collect(),
            name: p.name,
            service: p.service,
            location: p.location,
            outside_eu: p.outside_eu,
            safeguard: p.safeguard,
            safeguard_note: p.safeguard_note,
        })
        .collect())
}

/// Lines of the report left out because they concern someone else (Art. 15(4)): the
/// interactions whose text is replaced by a neutral marker, by their ids (never by text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Redactions {
    pub interactions: BTreeSet<i64>,
}

impl Redactions {
    pub fn count(&self) -> usize {
        self.interactions.len()
    }
}

/// What the report says instead of a redacted line.
pub fn redaction_marker(language: Language) -> &'static str {
    if language.is_dutch() {
        "[weggelaten: betreft een ander]"
    } else {
        "[withheld: concerns someone else]"
    }
}

/// Replaces the redacted lines by the marker; an id that is not one of the person's
/// interactions is refused (nothing is produced).
fn redact(d: &mut SubjectData, r: &Redactions, language: Language) -> Result<()> {
    if let Some(id) = r.interactions.iter().find(|id| !d.interactions.iter().any(|i| i.id == **id))
    {
        return Err(Error::invalid(
            "redact",
            format!("interaction {id} is not one of this person's interactions"),
        ));
    }
    for i in &mut d.interactions {
        if r.interactions.contains(&i.id) {
            redaction_marker(language).clone_into(&mut i.text);
        }
    }
    Ok(())
}

/// Collects the person's data (revealing special categories, which is audited).
pub fn collect(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<SubjectData> {
    let today = ctx.now.date_naive();
    let links = consent::links(conn, id)?;
    Ok(SubjectData {
        contact: read::contact(conn, id)?,
        fields: fields::values(conn, ctx, id, true)?.into_iter().filter(|f| f.filled).collect(),
        interactions: read::interactions(conn, id)?,
        recipients: recipients_of(conn, ctx, &links)?,
        purposes: links,
        consent: consent::history(conn, id)?,
        fiscal_records: documents::for_contact(conn, id, today)?,
        requests: requests::list(conn, today)?
            .into_iter()
            .filter(|r| r.contact_id == Some(id))
            .collect(),
        imported: crate::domain::import::run::source_of(conn, id)?,
        undeliverable: crate::domain::contacts::undeliverable::of_contact(conn, id)?,
        breaches: crate::domain::breaches::for_contact(conn, id)?,
        recipients_told: notices::of_person(conn, id)?,
    })
}

/// What the letter says of a record's corrections: the record it corrects, or that it was
/// corrected (and by which), by their numbers.
fn correction_note(t: &T, all: &[FiscalDocument], f: &FiscalDocument) -> String {
    let number = |id: i64| {
        all.iter().find(|o| o.id == id).map_or_else(|| format!("#{id}"), |o| o.number.clone())
    };
    let mut note = Vec::new();
    if let Some(of) = f.corrects {
        note.push(format!("{} {}", t.s("correctie van nr.", "correction of no."), number(of)));
    }
    if let Some(by) = f.corrected_by {
        note.push(format!("{} {}", t.s("gecorrigeerd, zie nr.", "corrected, see no."), number(by)));
    }
    note.join("; ")
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

struct T {
    nl: bool,
}

impl T {
    fn s<'a>(&self, nl: &'a str, en: &'a str) -> &'a str {
        if self.nl {
            nl
        } else {
            en
        }
    }

    fn basis(&self, b: Option<Basis>) -> &'static str {
        match b {
            None if self.nl => "Onbekend",
            None => "Unknown",
            Some(b) => purposes::basis_label(b, if self.nl { Language::Nl } else { Language::En }),
        }
    }
}

/// "3. Title", counting the sections actually printed.
fn numbered(n: &mut u32, title: &str) -> String {
    *n += 1;
    format!("{n}. {title}")
}

/// A relationship in words (Dutch when `nl`).
pub fn relationship(r: crate::domain::contacts::Relationship, nl: bool) -> &'static str {
    use crate::domain::contacts::Relationship as R;
    match (r, nl) {
        (R::Prospect, _) => "Prospect",
        (R::Client, true) => "Klant",
        (R::Client, false) => "Client",
        (R::FormerClient, true) => "Voormalig klant",
        (R::FormerClient, false) => "Former client",
        (R::Supplier, true) => "Leverancier",
        (R::Supplier, false) => "Supplier",
        (R::Applicant, true) => "Sollicitant",
        (R::Applicant, false) => "Applicant",
    }
}

fn euros(cents: i64) -> String {
    format!("€ {}.{:02}", cents / 100, (cents % 100).abs())
}

/// The subject-access report as a PDF.
pub fn pdf(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    language: Language,
    request_id: Option<i64>,
) -> Result<Vec<u8>> {
    pdf_redacted(conn, ctx, id, language, request_id, &Redactions::default())
}

/// The subject-access report as a PDF, with the lines in `redactions` replaced by the marker.
pub fn pdf_redacted(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    language: Language,
    request_id: Option<i64>,
    redactions: &Redactions,
) -> Result<Vec<u8>> {
    let mut d = collect(conn, ctx, id)?;
    redact(&mut d, redactions, language)?;
    let c = controller::get(conn)?;
    let request = match request_id {
        Some(r) => Some(requests::get(conn, r, ctx.now.date_naive())?),
        None => None,
    };
    let dutch = language.is_dutch();
    let t = T { nl: dutch };
    let today = long_date(&ctx.now.date_naive().to_string(), language);
    let business = if c.name.is_empty() {
        t.s("(naam van het bedrijf niet ingesteld)", "(business name not set)").to_owned()
    } else {
        c.name.clone()
    };
    let title = t.s("Inzage in uw persoonsgegevens", "Access to your personal data");
    let footer =
        format!("{business} · {} {}", t.s("Inzage voor", "Access report for"), d.contact.name);
    let mut doc = Doc::new(title, &footer, if dutch { ("Pagina", "van") } else { ("Page", "of") })?;
    let mut sender = vec![business.clone()];
    sender.extend(c.address.lines().map(str::to_owned));
    if !c.kvk.is_empty() {
        sender.push(format!("KvK {}", c.kvk));
    }
    if !c.privacy_contact.is_empty() {
        sender.push(c.privacy_contact.clone());
    }
    let mut sub = format!(
        "{} {} · {} {today}",
        t.s("Voor", "For"),
        d.contact.name,
        t.s("opgesteld op", "drawn up on")
    );
    if let Some(r) = &request {
        sub.push_str(&format!(
            " · {} #{} {} {}, {} {}",
            t.s("verzoek", "request"),
            r.id,
            t.s("ontvangen op", "received on"),
            long_date(&r.received, language),
            t.s("antwoord uiterlijk", "answer due"),
            long_date(&r.due, language)
        ));
    }
    doc.letterhead(&sender, title, &sub);
    doc.paragraph(t.s(
        "U heeft gevraagd welke persoonsgegevens wij van u verwerken (artikel 15 AVG). Hieronder \
         staan alle gegevens die wij over u hebben, waarvoor en op welke grondslag wij ze \
         gebruiken, hoe lang wij ze bewaren, en welke rechten u heeft.",
        "You asked which personal data we process about you (Article 15 GDPR). Below are all the \
         data we hold about you, what we use them for and on which basis, how long we keep them, \
         and which rights you have.",
    ));

    let mut section = 0;
    let k = &d.contact;
    doc.heading(&numbered(&mut section, t.s("Uw gegevens", "Your details")));
    let mut rows = vec![
        (t.s("Naam", "Name").to_owned(), k.name.clone()),
        (t.s("E-mail", "E-mail").to_owned(), k.emails.join(", ")),
        (t.s("Telefoon", "Phone").to_owned(), k.phones.join(", ")),
        (t.s("Adres", "Address").to_owned(), k.address.clone().unwrap_or_default()),
        (t.s("Organisatie", "Organisation").to_owned(), k.organisation.clone().unwrap_or_default()),
        (t.s("Functie", "Job title").to_owned(), k.job_title.clone().unwrap_or_default()),
        (t.s("Relatie", "Relationship").to_owned(), relationship(k.relationship, dutch).to_owned()),
        (t.s("Vastgelegd op", "Recorded on").to_owned(), short_date(&k.created_at, language)),
        (t.s("Laatst gewijzigd", "Last changed").to_owned(), short_date(&k.updated_at, language)),
    ];
    if let Some(e) = &k.relationship_ended {
        rows.push((t.s("Einde relatie", "Relationship ended").to_owned(), short_date(e, language)));
    }
    if let Some(r) = &k.restricted_reason {
        rows.push((t.s("Verwerking beperkt", "Processing restricted").to_owned(), r.clone()));
    }
    if let Some(o) = &k.objected_at {
        rows.push((
            t.s("Bezwaar direct marketing", "Objection to direct marketing").to_owned(),
            short_date(o, language),
        ));
    }
    for u in &d.undeliverable {
        rows.push((
            t.s("Adres onbestelbaar", "Address undeliverable").to_owned(),
            format!("{} ({}; {})", u.email, short_date(&u.marked_at, language), u.evidence),
        ));
    }
    doc.key_values(&rows);
    if !d.fields.is_empty() {
        doc.heading(&numbered(&mut section, t.s("Aanvullende gegevens", "Additional data")));
        let rows: Vec<Vec<String>> = d
            .fields
            .iter()
            .map(|f| {
                vec![
                    f.field.label.clone(),
                    f.value.clone().unwrap_or_default(),
                    f.field.purpose.clone(),
                    if f.field.special_category {
                        t.s("bijzonder persoonsgegeven", "special category").to_owned()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect();
        doc.table(
            &[t.s("Veld", "Field"), t.s("Waarde", "Value"), t.s("Doel", "Purpose"), ""],
            &[2.0, 3.0, 2.0, 1.6],
            &rows,
        );
    }
    doc.heading(&numbered(&mut section, t.s("Contactmomenten en notities", "Contacts and notes")));
    let kind = |k: &str| -> String {
        match (k, dutch) {
            ("call", true) => "Telefoongesprek",
            ("email", true) => "E-mail",
            ("meeting", true) => "Afspraak",
            ("note", true) => "Notitie",
            ("call", false) => "Call",
            ("email", false) => "E-mail",
            ("meeting", false) => "Meeting",
            _ => "Note",
        }
        .to_owned()
    };
    let rows: Vec<Vec<String>> = d
        .interactions
        .iter()
        .map(|i| vec![short_date(&i.at, language), kind(i.kind.as_str()), i.text.clone()])
        .collect();
    doc.table(
        &[t.s("Datum", "Date"), t.s("Soort", "Kind"), t.s("Inhoud", "Content")],
        &[1.2, 1.3, 6.0],
        &rows,
    );

    doc.heading(&numbered(&mut section, t.s("Doelen en grondslagen", "Purposes and lawful bases")));
    let rows: Vec<Vec<String>> = d
        .purposes
        .iter()
        .map(|l| {
            vec![
                l.purpose.name.clone(),
                l.purpose.description.clone(),
                t.basis(l.basis).to_owned(),
                l.source.label(language).to_owned(),
                l.ended_at
                    .as_deref()
                    .map(|e| format!("{} {}", t.s("beëindigd", "ended"), short_date(e, language)))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    doc.table(
        &[
            t.s("Doel", "Purpose"),
            t.s("Omschrijving", "Description"),
            t.s("Grondslag", "Basis"),
            t.s("Bron", "Source"),
            t.s("Einde", "Ended"),
        ],
        &[1.8, 3.0, 2.2, 1.2, 1.3],
        &rows,
    );

    doc.heading(&numbered(&mut section, t.s("Toestemmingen", "Consent")));
    let rows: Vec<Vec<String>> = d
        .consent
        .iter()
        .map(|e| {
            vec![
                short_date(&e.at, language),
                if e.kind == EventKind::Given {
                    t.s("gegeven", "given")
                } else {
                    t.s("ingetrokken", "withdrawn")
                }
                .to_owned(),
                e.purpose.clone(),
                e.method.label(language).to_owned(),
                e.text.clone().unwrap_or_default(),
            ]
        })
        .collect();
    doc.table(
        &[
            t.s("Datum", "Date"),
            t.s("Wat", "What"),
            t.s("Doel", "Purpose"),
            t.s("Hoe", "How"),
            t.s("Tekst waarmee u instemde", "Text you agreed to"),
        ],
        &[1.2, 1.2, 1.6, 1.1, 4.5],
        &rows,
    );

    if !d.fiscal_records.is_empty() {
        doc.heading(&numbered(&mut section, t.s("Fiscale gegevens", "Fiscal records")));
        let rows: Vec<Vec<String>> = d
            .fiscal_records
            .iter()
            .map(|f| {
                vec![
                    short_date(&f.date, language),
                    f.kind.label(language).to_owned(),
                    f.number.clone(),
                    euros(f.amount_cents),
                    f.counterparty_name.clone(),
                    correction_note(&t, &d.fiscal_records, f),
                ]
            })
            .collect();
        doc.table(
            &[
                t.s("Datum", "Date"),
                t.s("Soort", "Kind"),
                t.s("Nummer", "Number"),
                t.s("Bedrag", "Amount"),
                t.s("Op naam van", "In the name of"),
                t.s("Correctie", "Correction"),
            ],
            &[1.1, 1.0, 1.3, 1.2, 2.2, 2.4],
            &rows,
        );
    }

    if !d.breaches.is_empty() {
        doc.heading(&numbered(&mut section, t.s("Datalekken", "Data breaches")));
        doc.paragraph(t.s(
            "Deze datalekken uit ons datalekregister (art. 33(5) AVG) betreffen ook uw gegevens.",
            "These data breaches in our breach register (Art. 33(5) GDPR) also concern your data.",
        ));
        let rows: Vec<Vec<String>> = d
            .breaches
            .iter()
            .map(|b| {
                let nature: Vec<&str> = b.nature.iter().map(|n| n.label(language)).collect();
                vec![
                    b.reference.clone(),
                    short_date(b.occurred_at.as_deref().unwrap_or(&b.aware_at), language),
                    nature.join(", "),
                ]
            })
            .collect();
        doc.table(
            &[t.s("Kenmerk", "Reference"), t.s("Datum", "Date"), t.s("Aard", "Nature")],
            &[1.6, 1.4, 4.0],
            &rows,
        );
    }

    if !d.recipients_told.is_empty() {
        doc.heading(&numbered(
            &mut section,
            t.s("Ontvangers ingelicht over wijzigingen", "Recipients told of changes"),
        ));
        doc.paragraph(t.s(
            "Na een correctie, wissing of beperking van uw gegevens lichten wij de ontvangers \
             in (art. 19 AVG).",
            "After a rectification, erasure or restriction of your data we tell the recipients \
             (Art. 19 GDPR).",
        ));
        let rows: Vec<Vec<String>> = d
            .recipients_told
            .iter()
            .map(|n| {
                vec![
                    n.processor_name.clone(),
                    match n.action {
                        NoticeAction::Rectification => t.s("Correctie", "Rectification"),
                        NoticeAction::Erasure => t.s("Wissing", "Erasure"),
                        NoticeAction::Restriction => t.s("Beperking", "Restriction"),
                    }
                    .to_owned(),
                    n.told_at.as_deref().map_or_else(
                        || t.s("Nog niet", "Not yet").to_owned(),
                        |d| short_date(d, language),
                    ),
                ]
            })
            .collect();
        doc.table(
            &[
                t.s("Ontvanger", "Recipient"),
                t.s("Wijziging", "Change"),
                t.s("Ingelicht op", "Told on"),
            ],
            &[3.0, 1.6, 1.6],
            &rows,
        );
    }

    doc.heading(&numbered(
        &mut section,
        t.s("Wat de wet u nog meer laat weten", "What the law also tells you"),
    ));
    let all_purposes = purposes::list(conn)?;
    let linked: BTreeSet<i64> = d.purposes.iter().map(|l| l.purpose.id).collect();
    let relevant: Vec<_> = all_purposes.iter().filter(|p| linked.contains(&p.id)).collect();
    let categories: BTreeSet<String> = relevant
        .iter()
        .flat_map(|p| p.data_categories.iter())
        .map(|c| purposes::category_label(c, language))
        .collect();
    let recipients: BTreeSet<String> =
        d.recipients.iter().map(|r| recipient_label(r, language)).collect();
    let transfers: Vec<String> =
        d.recipients.iter().filter(|r| r.outside_eu).map(|r| transfer_label(r, language)).collect();
    let transfers = if transfers.is_empty() {
        t.s(
            "Geen. De gegevens staan versleuteld op onze eigen computer.",
            "None. The data are stored encrypted on our own computer.",
        )
        .to_owned()
    } else {
        transfers.join("; ")
    };
    let join = |s: &BTreeSet<String>, none: &str| {
        if s.is_empty() {
            none.to_owned()
        } else {
            s.iter().cloned().collect::<Vec<_>>().join(", ")
        }
    };
    let sources: BTreeSet<String> =
        d.purposes.iter().map(|l| l.source.label(language).to_owned()).collect();
    doc.key_values(&[
        (t.s("Categorieën van gegevens", "Categories of data").to_owned(), join(&categories, t.s("zie hierboven", "see above"))),
        (t.s("Ontvangers en verwerkers", "Recipients and processors").to_owned(), join(&recipients, t.s("Wij delen uw gegevens met niemand.", "We share your data with no one."))),
        (t.s("Herkomst", "Source").to_owned(), source_line(&d, &join(&sources, "—"), language)),
        (t.s("Geautomatiseerde besluiten", "Automated decisions").to_owned(), t.s("Wij nemen geen besluiten die uitsluitend op geautomatiseerde verwerking berusten, ook geen profilering (art. 22 AVG).", "We take no decisions based solely on automated processing, including profiling (Art. 22 GDPR).").to_owned()),
        (t.s("Doorgifte buiten de EU", "Transfers outside the EU").to_owned(), transfers),
    ]);
    doc.paragraph(t.s("Bewaartermijnen:", "Retention periods:"));
    let rule_rows: Vec<Vec<String>> =
        rules::list(conn, language)?.into_iter().map(|r| vec![r.category, r.period_text]).collect();
    doc.table(&[t.s("Gegevens", "Data"), t.s("Termijn", "Period")], &[4.0, 1.5], &rule_rows);
    doc.heading(&numbered(&mut section, t.s("Uw rechten", "Your rights")));
    for (nl, en) in RIGHTS {
        doc.paragraph(t.s(nl, en));
    }
    let contact =
        if c.privacy_contact.is_empty() { business.clone() } else { c.privacy_contact.clone() };
    doc.paragraph(&format!(
        "{} {contact}.",
        t.s(
            "Voor vragen of om een recht uit te oefenen, neem contact op met",
            "For questions or to exercise a right, contact"
        )
    ));
    doc.finish()
}

const RIGHTS: &[(&str, &str)] = &[
    ("Rectificatie (art. 16): kloppen gegevens niet, dan passen wij ze aan.", "Rectification (Art. 16): if data are wrong, we correct them."),
    ("Wissing (art. 17): u kunt vragen uw gegevens te wissen; gegevens die wij wettelijk moeten bewaren (zoals facturen, 7 jaar) bewaren wij tot die termijn voorbij is.", "Erasure (Art. 17): you can ask us to erase your data; data we must keep by law (such as invoices, 7 years) are kept until that period ends."),
    ("Beperking (art. 18): u kunt vragen het gebruik van uw gegevens tijdelijk te beperken.", "Restriction (Art. 18): you can ask us to restrict the use of your data for a time."),
    ("Overdraagbaarheid (art. 20): u kunt uw gegevens in een gestructureerd, machineleesbaar bestand krijgen.", "Portability (Art. 20): you can receive your data in a structured, machine-readable file."),
    ("Bezwaar (art. 21): u kunt bezwaar maken tegen gebruik op grond van gerechtvaardigd belang; tegen direct marketing is uw bezwaar altijd doorslaggevend.", "Objection (Art. 21): you can object to use based on legitimate interest; an objection to direct marketing is always decisive."),
    ("Toestemming intrekken (art. 7(3)): dat kan altijd, net zo makkelijk als u die gaf.", "Withdrawing consent (Art. 7(3)): always possible, as easily as you gave it."),
    ("Klacht: u kunt een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).", "Complaint: you can lodge a complaint with the Dutch Data Protection Authority, the Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl)."),
];

/// A recipient as the letter names it: the name, and what they do unless "other".
fn recipient_label(r: &RecipientInfo, language: Language) -> String {
    match r.service {
        Service::Other => r.name.clone(),
        s => format!("{} ({})", r.name, processors::service_label(s, language)),
    }
}

/// A transfer outside the EU/EEA: the recipient, where, and the safeguard.
fn transfer_label(r: &RecipientInfo, language: Language) -> String {
    let safeguard = processors::safeguard_label(r.safeguard, &r.safeguard_note, language);
    let place = if r.location.is_empty() { String::new() } else { format!(", {}", r.location) };
    format!("{}{place}: {safeguard}", r.name)
}

/// Where the data came from: the person, through the channels of the links, and the address
/// book file an import read it from.
fn source_line(d: &SubjectData, channels: &str, language: Language) -> String {
    let nl = language.is_dutch();
    let own = format!("{} {channels}", if nl { "U zelf, via:" } else { "Yourself, through:" });
    match &d.imported {
        None => own,
        Some(i) if nl => format!(
            "{own}. Overgenomen uit ons eerdere adresboek (bestand \"{}\", {}).",
            i.file_name,
            long_date(&i.imported_at, language)
        ),
        Some(i) => format!(
            "{own}. Taken over from our earlier address book (file \"{}\", {}).",
            i.file_name,
            long_date(&i.imported_at, language)
        ),
    }
}

/// The contact as one vCard 4.0 card.
pub fn vcard(c: &Contact) -> String {
    let mut v = String::from("BEGIN:VCARD\r\nVERSION:4.0\r\n");
    v.push_str(&content_line(&format!("FN:{}", escape(&c.name))));
    for e in &c.emails {
        v.push_str(&content_line(&format!("EMAIL:{}", escape(e))));
    }
    for p in &c.phones {
        v.push_str(&content_line(&format!("TEL;VALUE=text:{}", escape(p))));
    }
    if let Some(a) = &c.address {
        v.push_str(&content_line(&format!("ADR;LABEL=\"{}\":;;;;;;", param_escape(a))));
    }
    if let Some(o) = &c.organisation {
        v.push_str(&content_line(&format!("ORG:{}", escape(o))));
    }
    if let Some(j) = &c.job_title {
        v.push_str(&content_line(&format!("TITLE:{}", escape(j))));
    }
    v.push_str("END:VCARD\r\n");
    v
}

#[derive(Serialize)]
struct Portability<'a> {
    schema: &'static str,
    generated_at: String,
    controller: &'a Controller,
    #[serde(flatten)]
    data: &'a SubjectData,
}

/// The portability ZIP: data.json, contact.csv, interactions.csv, contact.vcf and README.txt.
/// Special-category fields only with `include_special`.
pub fn portability_zip(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    include_special: bool,
    now: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let plain = ZipOptions {
        include_special,
        redactions: Redactions::default(),
        language: Language::Nl,
        password: None,
    };
    portability_zip_with(conn, ctx, id, now, &plain)
}

/// How the portability ZIP is made beyond the defaults.
pub struct ZipOptions<'a> {
    /// Special-category fields too.
    pub include_special: bool,
    /// Lines replaced by the marker (in `language`).
    pub redactions: Redactions,
    pub language: Language,
    /// Every entry AES-256 encrypted (WinZip AE-2) with this password.
    pub password: Option<&'a str>,
}

/// The portability ZIP with redactions and, with a password, AES-256 encrypted entries.
pub fn portability_zip_with(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    now: DateTime<Utc>,
    o: &ZipOptions<'_>,
) -> Result<Vec<u8>> {
    let include_special = o.include_special;
    let mut d = collect(conn, ctx, id)?;
    redact(&mut d, &o.redactions, o.language)?;
    if !include_special {
        d.fields.retain(|f| !f.field.special_category);
    }
    let c = controller::get(conn)?;
    let json = serde_json::to_vec_pretty(&Portability {
        schema: "kluis-portability/1",
        generated_at: crate::kernel::date::format_instant(now),
        controller: &c,
        data: &d,
    })
    .map_err(|e| Error::Internal(e.to_string()))?;
    let k = &d.contact;
    let mut contact_csv = csv::row(&["field", "value"]);
    for (f, v) in [
        ("name", k.name.clone()),
        ("emails", k.emails.join(" ")),
        ("phones", k.phones.join(" ")),
        ("address", k.address.clone().unwrap_or_default()),
        ("organisation", k.organisation.clone().unwrap_or_default()),
        ("job_title", k.job_title.clone().unwrap_or_default()),
        ("relationship", k.relationship.as_str().to_owned()),
        ("relationship_ended", k.relationship_ended.clone().unwrap_or_default()),
        ("created_at", k.created_at.clone()),
    ] {
        contact_csv.push_str(&csv::row(&[f, &v]));
    }
    for u in &d.undeliverable {
        let v = format!("{} ({} {})", u.email, u.marked_at, u.evidence);
        contact_csv.push_str(&csv::row(&["undeliverable", &v]));
    }
    for f in &d.fields {
        contact_csv.push_str(&csv::row(&[&f.field.label, f.value.as_deref().unwrap_or("")]));
    }
    let mut inter_csv = csv::row(&["at", "kind", "text"]);
    for i in &d.interactions {
        inter_csv.push_str(&csv::row(&[&i.at, i.kind.as_str(), &i.text]));
    }
    let readme = "Kluis portability export (GDPR Art. 20)\r\n\r\n\
        data.json         everything held about you; schema kluis-portability/1: controller,\r\n\
        \u{20}                 contact, fields, interactions, purposes, consent, fiscal_records,\r\n\
        \u{20}                 requests, imported, undeliverable, recipients, breaches (times in\r\n\
        \u{20}                 RFC 3339 UTC, dates YYYY-MM-DD, amounts in cents; a corrected\r\n\
        \u{20}                 fiscal record names its correction in corrected_by, a correction\r\n\
        \u{20}                 the record it corrects in corrects; undeliverable: addresses a\r\n\
        \u{20}                 newsletter tool could not deliver to; recipients: the processors\r\n\
        \u{20}                 and other recipients of your purposes, and a transfer outside\r\n\
        \u{20}                 the EU/EEA with its safeguard; breaches: entries of the breach\r\n\
        \u{20}                 register that concern you: reference, dates, nature;\r\n\
        \u{20}                 recipients_told: the recipients told of a rectification,\r\n\
        \u{20}                 erasure or restriction of your data, and when)\r\n\
        contact.csv       your details, one field per row\r\n\
        interactions.csv  calls, e-mails, meetings and notes\r\n\
        contact.vcf       your contact details as a vCard 4.0\r\n";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let plain = zip::write::FileOptions::<()>::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let opts = match o.password {
        Some(pw) => plain.with_aes_encryption(zip::AesMode::Aes256, pw),
        None => plain,
    };
    let zerr = |e: zip::result::ZipError| Error::Internal(format!("zip: {e}"));
    for (name, bytes) in [
        ("data.json", json.as_slice()),
        ("contact.csv", contact_csv.as_bytes()),
        ("interactions.csv", inter_csv.as_bytes()),
        ("contact.vcf", vcard(k).as_bytes()),
        ("README.txt", readme.as_bytes()),
    ] {
        zip.start_file(name, opts).map_err(zerr)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(zerr)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contacts::Relationship;
    use crate::kernel::vcard;

    #[test]
    fn the_card_in_the_zip_reads_back_as_written() {
        let c = Contact {
            id: 1,
            name: "Bakker, Zoë; ".repeat(8),
            emails: vec!["zoe@example.nl".into(), "z.bakker@example.com".into()],
            phones: vec!["+31 6 1234 5678".into()],
            address: Some("Dorpsstraat 1\n1234 AB Ergens".into()),
            organisation: Some("Bakker \\ Zonen".into()),
            job_title: Some("Eigenaar".into()),
            relationship: Relationship::Client,
            relationship_ended: None,
            created_at: String::new(),
            updated_at: String::new(),
            restricted_reason: None,
            objected_at: None,
        };
        let text = vcard(&c);
        assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
        let card = vcard::parse(text.as_bytes()).unwrap().remove(0);
        assert_eq!(card.version(), Some("4.0"));
        assert_eq!(card.first("FN").unwrap().text(), c.name);
        let emails: Vec<String> = card.all("EMAIL").map(vcard::Property::text).collect();
        assert_eq!(emails, c.emails);
        assert_eq!(card.first("TEL").unwrap().text(), "+31 6 1234 5678");
        assert_eq!(card.first("ORG").unwrap().components(), ["Bakker \\ Zonen"]);
        assert_eq!(card.first("TITLE").unwrap().text(), "Eigenaar");
    }
}
