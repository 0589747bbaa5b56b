//! The record of processing activities (Art. 30(1) GDPR), as a PDF and as a CSV: per purpose
//! the controller, the purpose, the categories of people (the relationships of the contacts
//! linked to it) and of data, the recipients, the transfers outside the EU/EEA, the retention,
//! and the security measures (Art. 32) as Kluis really applies them — every sentence of
//! [`security_measures`] follows from the code and docs/SECURITY.md, filled with the vault's
//! own settings (auto-lock, the backup schedule, the last backup).

use std::collections::BTreeSet;

use chrono::Local;
use rusqlite::Connection;

use super::doc::{self, Block};
use super::privacy::processor_label;
use crate::domain::backup::auto;
use crate::domain::contacts::Relationship;
use crate::domain::controller::{self, Controller};
use crate::domain::export::sar::relationship;
use crate::domain::register::processors::{self, Processor};
use crate::domain::register::purposes;
use crate::domain::retention::rules::{self, Action, RuleKey};
use crate::kernel::clock::Ctx;
use crate::kernel::csv::guard;
use crate::kernel::date::long_date;
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

/// One row of the record: a purpose with everything Art. 30(1) asks for.
struct Entry {
    purpose: String,
    description: String,
    basis: String,
    legitimate_interest: String,
    people: String,
    data: String,
    recipients: String,
    transfers: String,
    retention: String,
}

/// The categories of people of a purpose: the relationships of the contacts linked to it now.
fn people(conn: &Connection, purpose_id: i64, nl: bool) -> Result<String> {
    let mut s = conn.prepare_cached(
        "SELECT DISTINCT c.relationship FROM contact_purposes l JOIN contacts c ON c.id = l.contact_id
         WHERE l.purpose_id = ?1 AND l.ended_at IS NULL",
    )?;
    let found: BTreeSet<String> =
        s.query_map([purpose_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Relationship::ALL
        .iter()
        .filter(|r| found.contains(r.as_str()))
        .map(|r| relationship(*r, nl))
        .collect::<Vec<_>>()
        .join(", "))
}

fn entries(conn: &Connection, ctx: &Ctx<'_>, language: Language) -> Result<Vec<Entry>> {
    let nl = language.is_dutch();
    let s = |d: &str, e: &str| (if nl { d } else { e }).to_owned();
    let list = purposes::list_in(conn, language)?;
    let all: Vec<Processor> = processors::list(conn, ctx)?;
    let mut out = Vec::new();
    for p in &list {
        let mine: Vec<&Processor> =
            all.iter().filter(|r| r.purposes.iter().any(|u| u.id == p.id)).collect();
        let transfers: Vec<String> = mine
            .iter()
            .filter(|r| r.outside_eu)
            .map(|r| {
                let place = if r.location.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", r.location)
                };
                format!(
                    "{}{place}: {}",
                    r.name,
                    processors::safeguard_label(r.safeguard, &r.safeguard_note, language)
                )
            })
            .collect();
        let retention = match p.retention_rule.as_deref().and_then(|k| k.parse::<RuleKey>().ok()) {
            Some(key) => {
                let (period, _) = rules::current(conn, key)?;
                format!("{} ({})", period.describe(language), rules::category(key))
            }
            None => s("volgens de bewaartermijnen hieronder", "per the retention periods below"),
        };
        out.push(Entry {
            purpose: p.name.clone(),
            description: p.description.clone(),
            basis: purposes::basis_label(p.basis, language).to_owned(),
            legitimate_interest: p.legitimate_interest.clone(),
            people: people(conn, p.id, nl)?,
            data: p.data_categories.join(", "),
            recipients: mine
                .iter()
                .map(|r| processor_label(r, language))
                .collect::<Vec<_>>()
                .join(", "),
            transfers: if transfers.is_empty() { s("geen", "none") } else { transfers.join("; ") },
            retention,
        });
    }
    Ok(out)
}

/// The technical and organisational measures (Art. 32) Kluis applies, with this vault's
/// settings: `auto_lock_minutes` from its settings, the backup schedule and last backup from
/// the database.
pub fn security_measures(
    conn: &Connection,
    ctx: &Ctx<'_>,
    language: Language,
    auto_lock_minutes: u32,
) -> Result<Vec<String>> {
    let nl = language.is_dutch();
    let s = |d: &str, e: &str| (if nl { d } else { e }).to_owned();
    let backup = auto::status(conn, ctx.now)?;
    let last = backup
        .last_backup_at
        .as_deref()
        .map_or_else(|| s("nog geen", "none yet"), |t| long_date(t, language));
    let backups = match &backup.settings.dir {
        Some(_) if nl => format!(
            "Automatische back-ups: elke {} uur naar een gekozen map, de nieuwste {} blijven bewaard; laatste back-up: {last}.",
            backup.settings.every_hours, backup.settings.keep
        ),
        Some(_) => format!(
            "Automatic backups: every {} hours into a chosen folder, keeping the newest {}; last backup: {last}.",
            backup.settings.every_hours, backup.settings.keep
        ),
        None if nl => format!("Automatische back-ups staan uit; back-ups worden met de hand gemaakt. Laatste back-up: {last}."),
        None => format!("Automatic backups are off; backups are made by hand. Last backup: {last}."),
    };
    Ok(vec![
        s(
            "Versleuteling in rust: de gegevens staan in een SQLCipher 4-database (AES-256, elke pagina met een HMAC-SHA512). De sleutel is 32 willekeurige bytes en wordt alleen versleuteld bewaard (XChaCha20-Poly1305), onder een sleutel afgeleid van het wachtwoord (Argon2id) en onder een herstelsleutel.",
            "Encryption at rest: the data are in a SQLCipher 4 database (AES-256, every page with an HMAC-SHA512). The key is 32 random bytes and is stored only wrapped (XChaCha20-Poly1305), under a key derived from the passphrase (Argon2id) and under a recovery key.",
        ),
        s(
            "Toegang: de kluis opent alleen met het wachtwoord (minstens 10 tekens en sterk genoeg volgens zxcvbn), met de herstelsleutel, of op een apparaat waar dat gekozen is met de sleutel in de sleutelbos van het besturingssysteem.",
            "Access control: the vault opens only with the passphrase (at least 10 characters and strong enough by zxcvbn), with the recovery key, or on a device where this was chosen with the key in the operating system's keyring.",
        ),
        if nl {
            format!("Automatisch vergrendelen: na {auto_lock_minutes} minuten zonder gebruik sluit de app de kluis en wist de sleutel uit het geheugen.")
        } else {
            format!("Auto-lock: after {auto_lock_minutes} minutes without use the app closes the vault and wipes the key from memory.")
        },
        s(
            "Audittrail: elke inzage van een contact en elke wijziging wordt vastgelegd (nummers, handelingen en veldnamen, nooit de waarden) in een met hashes geketende audittrail; een gewijzigde, verwijderde of verplaatste regel wordt bij de controle gemeld.",
            "Audit trail: every view of a contact and every change is recorded (ids, actions and field names, never the values) in a hash-chained audit trail; a changed, removed or reordered row is reported by the check.",
        ),
        s(
            "Back-ups zijn dubbel versleuteld (de SQLCipher-pagina's en een geauthenticeerde XChaCha20-Poly1305-stroom); elk gewijzigd byte wordt geweigerd. Een proefherstel zet de nieuwste back-up terug in een tijdelijke map en controleert die, zonder de kluis te raken; Kluis legt niet vast wanneer dat voor het laatst gebeurde.",
            "Backups are encrypted twice (the SQLCipher pages and an authenticated XChaCha20-Poly1305 stream); any changed byte is refused. A test restore restores the newest backup into a temporary folder and checks it without touching the vault; Kluis does not record when one was last run.",
        ),
        backups,
        s(
            "Bewaartermijnen worden bij elke start automatisch toegepast; verwijderde rijen worden overschreven (secure_delete) en elke verwijdering komt in het verwijderlogboek, zonder de gegevens zelf.",
            "Retention periods are applied automatically at every start; deleted rows are overwritten (secure_delete) and every deletion is entered in the deletion log, without the data themselves.",
        ),
        s(
            "Bestanden die Kluis wegschrijft (inzagerapporten, exports, back-ups) zijn alleen leesbaar voor de gebruiker en worden in één keer geschreven.",
            "Files Kluis writes (access reports, exports, backups) are readable by the user only and are written whole.",
        ),
    ])
}

fn controller_fields(c: &Controller, nl: bool) -> Vec<(String, String)> {
    let s = |d: &str, e: &str| (if nl { d } else { e }).to_owned();
    vec![
        (s("Naam", "Name"), c.name.clone()),
        (s("Adres", "Address"), c.address.replace('\n', ", ")),
        (s("KvK-nummer", "Chamber of Commerce number"), c.kvk.clone()),
        (s("Contactpersoon privacy", "Privacy contact"), c.privacy_contact.clone()),
    ]
}

/// The record as a PDF.
pub fn pdf(
    conn: &Connection,
    ctx: &Ctx<'_>,
    language: Language,
    auto_lock_minutes: u32,
) -> Result<Vec<u8>> {
    let nl = language.is_dutch();
    let s = |d: &str, e: &str| (if nl { d } else { e }).to_owned();
    let c = controller::get(conn)?;
    let entries = entries(conn, ctx, language)?;
    let title = s("Register van verwerkingsactiviteiten", "Record of processing activities");
    let mut b = vec![Block::Paragraph(s(
        "Het register van verwerkingsactiviteiten (art. 30 lid 1 AVG), gemaakt uit het verwerkingsregister in Kluis.",
        "The record of processing activities (Art. 30(1) GDPR), made from the processing register in Kluis.",
    ))];
    b.push(Block::Heading(s("Verwerkingsverantwoordelijke", "Controller")));
    b.push(Block::Fields(controller_fields(&c, nl)));
    b.push(Block::Heading(s("Verwerkingen", "Processing activities")));
    if entries.is_empty() {
        b.push(Block::Paragraph(s("Nog geen doelen vastgelegd.", "No purposes recorded yet.")));
    }
    for e in entries {
        b.push(Block::Subheading(e.purpose));
        let mut rows =
            vec![(s("Doel", "Purpose"), e.description), (s("Grondslag", "Legal basis"), e.basis)];
        if !e.legitimate_interest.is_empty() {
            rows.push((s("Gerechtvaardigd belang", "Legitimate interest"), e.legitimate_interest));
        }
        rows.extend([
            (s("Categorieën betrokkenen", "Categories of people"), e.people),
            (s("Categorieën gegevens", "Categories of data"), e.data),
            (s("Ontvangers", "Recipients"), e.recipients),
            (s("Doorgifte buiten de EER", "Transfers outside the EEA"), e.transfers),
            (s("Bewaartermijn", "Retention"), e.retention),
        ]);
        b.push(Block::Fields(rows));
    }
    b.push(Block::Heading(s("Bewaartermijnen", "Retention periods")));
    let rows = rules::list(conn, language)?
        .into_iter()
        .map(|r| {
            let then = match (r.action, nl) {
                (Action::Delete, true) => "verwijderen",
                (Action::Delete, false) => "delete",
                (Action::Review, true) => "beoordelen",
                (Action::Review, false) => "review",
            };
            vec![r.category, r.period_text, then.to_owned()]
        })
        .collect();
    b.push(Block::Table(
        vec![s("Gegevens", "Data"), s("Bewaartermijn", "Retention period"), s("Daarna", "Then")],
        vec![5.0, 2.0, 1.5],
        rows,
    ));
    b.push(Block::Heading(s(
        "Beveiligingsmaatregelen (art. 32 AVG)",
        "Security measures (Art. 32 GDPR)",
    )));
    b.push(Block::Items(security_measures(conn, ctx, language, auto_lock_minutes)?));
    let mut sender = vec![c.name.clone()];
    sender.extend(c.address.lines().map(str::to_owned));
    sender.retain(|l| !l.is_empty());
    let drawn = format!(
        "{} {}",
        s("Opgesteld op", "Drawn up on"),
        long_date(&ctx.now.with_timezone(&Local).date_naive().to_string(), language)
    );
    let footer = format!("{} · {title}", if c.name.is_empty() { "Kluis" } else { &c.name });
    doc::pdf(&title, &sender, &drawn, &b, &footer, nl)
}

/// The record as CSV: a header and one row per purpose; the controller and the security
/// measures repeat on every row so each row stands on its own. Cells a spreadsheet would run
/// as a formula start with an apostrophe.
pub fn csv(
    conn: &Connection,
    ctx: &Ctx<'_>,
    language: Language,
    auto_lock_minutes: u32,
) -> Result<Vec<u8>> {
    let nl = language.is_dutch();
    let c = controller::get(conn)?;
    let entries = entries(conn, ctx, language)?;
    let security = security_measures(conn, ctx, language, auto_lock_minutes)?.join(" ");
    let headers: [&str; 13] = if nl {
        [
            "Verwerkingsverantwoordelijke",
            "KvK-nummer",
            "Contactpersoon privacy",
            "Doel",
            "Omschrijving",
            "Grondslag",
            "Gerechtvaardigd belang",
            "Categorieën betrokkenen",
            "Categorieën gegevens",
            "Ontvangers",
            "Doorgifte buiten de EER",
            "Bewaartermijn",
            "Beveiligingsmaatregelen",
        ]
    } else {
        [
            "Controller",
            "Chamber of Commerce number",
            "Privacy contact",
            "Purpose",
            "Description",
            "Legal basis",
            "Legitimate interest",
            "Categories of people",
            "Categories of data",
            "Recipients",
            "Transfers outside the EEA",
            "Retention",
            "Security measures",
        ]
    };
    let mut w =
        ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    let err = |e: ::csv::Error| Error::Internal(format!("csv: {e}"));
    w.write_record(headers).map_err(err)?;
    for e in entries {
        let cells = [
            &c.name,
            &c.kvk,
            &c.privacy_contact,
            &e.purpose,
            &e.description,
            &e.basis,
            &e.legitimate_interest,
            &e.people,
            &e.data,
            &e.recipients,
            &e.transfers,
            &e.retention,
            &security,
        ];
        w.write_record(cells.iter().map(|v| guard(v))).map_err(err)?;
    }
    w.into_inner().map_err(|e| Error::Internal(format!("csv: {e}")))
}
