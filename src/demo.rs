//! Synthetic data for demos and benchmarks (`kluis demo --contacts N`). Names are made up from
//! short lists; nothing here is real personal data. Deterministic for a given seed.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::params;

use crate::domain::consent;
use crate::domain::contacts::{InteractionKind, Relationship};
use crate::domain::register::purposes::{self, Basis, PurposeInput};
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::vault::Vault;

const FIRST: &[&str] = &[
    "Jan", "Sanne", "Pieter", "Fleur", "Daan", "Lotte", "Bram", "Emma", "Sem", "Julia", "Lucas",
    "Tess", "Finn", "Noor", "Milan", "Zoë", "Thijs", "Eva", "Ruben", "Anouk", "Łukasz", "Ayşe",
];
const LAST: &[&str] = &[
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Zwartkruis",
    "Dąbrowski",
    "van Dijk",
    "Dekker",
    "Brouwer",
    "Kok",
];
const ORG_WORDS: &[&str] = &[
    "Bouw",
    "Tuin",
    "Advies",
    "Techniek",
    "Zorg",
    "Design",
    "Installatie",
    "Schilders",
    "Media",
    "Logistiek",
];
const NOTES: &[&str] = &[
    "Belde over de offerte voor het voorjaar.",
    "Wil graag een afspraak in de ochtend.",
    "Factuur besproken, betaalt binnen dertig dagen.",
    "Interesse in onderhoudscontract.",
    "Stuurde foto's van de situatie ter plaatse.",
    "Vroeg om een tweede offerte.",
];

pub const MAX_DEMO: u32 = 1_000_000;

const NEWSLETTER_TEXT: &str =
    "Ja, ik wil de nieuwsbrief ontvangen (maandelijks, afmelden kan altijd). Versie 1.";

/// The purpose with this name, created when it is not in the register yet.
fn purpose_id(
    tx: &rusqlite::Connection,
    ctx: &crate::kernel::clock::Ctx<'_>,
    input: PurposeInput,
) -> Result<i64> {
    match purposes::by_name(tx, &input.name) {
        Ok(p) => Ok(p.id),
        Err(_) => purposes::create(tx, ctx, &input),
    }
}

/// Adds `n` synthetic contacts with interactions (one transaction, then a WAL checkpoint);
/// returns how many interactions were made.
pub fn generate(vault: &mut Vault, n: u32, seed: u64) -> Result<u64> {
    if n == 0 || n > MAX_DEMO {
        return Err(Error::invalid("contacts", format!("between 1 and {MAX_DEMO}")));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let interactions = vault.write(|tx, ctx| {
        let now = ctx.now;
        let orgs = (n / 20).max(1);
        let mut org_ids = Vec::with_capacity(orgs as usize);
        {
            let mut ins = tx.prepare(
                "INSERT OR IGNORE INTO organisations (name, created_at) VALUES (?1, ?2)",
            )?;
            let mut find = tx.prepare("SELECT id FROM organisations WHERE name = ?1")?;
            for i in 0..orgs {
                let name = format!(
                    "{} {} B.V. {}",
                    LAST[rng.gen_range(0..LAST.len())],
                    ORG_WORDS[rng.gen_range(0..ORG_WORDS.len())],
                    i + 1
                );
                ins.execute(params![name, format_instant(now)])?;
                org_ids.push(find.query_row([&name], |r| r.get::<_, i64>(0))?);
            }
        }
        let mut contact = tx.prepare(
            "INSERT INTO contacts (name, emails, phones, organisation_id, relationship,
                                   relationship_ended, created_at, updated_at, last_activity_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        )?;
        let mut interaction = tx.prepare(
            "INSERT INTO interactions (contact_id, kind, at, text, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut fts = tx.prepare(
            "INSERT INTO contact_fts (rowid, name, emails, organisation, notes)
             VALUES (?1, ?2, ?3, (SELECT name FROM organisations WHERE id = ?4), ?5)",
        )?;
        let mut newsletter = PurposeInput::new("Nieuwsbrief", Basis::Consent);
        newsletter.direct_marketing = true;
        let newsletter = purpose_id(tx, ctx, newsletter)?;
        let admin = purpose_id(tx, ctx, PurposeInput::new("Klantadministratie", Basis::Contract))?;
        let text_hash = consent::text_hash(NEWSLETTER_TEXT);
        tx.execute(
            "INSERT OR IGNORE INTO consent_texts (sha256, text, created_at) VALUES (?1, ?2, ?3)",
            params![text_hash, NEWSLETTER_TEXT, format_instant(now)],
        )?;
        let mut link = tx.prepare(
            "INSERT INTO contact_purposes (contact_id, purpose_id, basis, source, reviewed_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut event = tx.prepare(
            "INSERT INTO consent_events (contact_id, purpose_id, kind, at, method, text_sha256,
                                         recorded_by)
             VALUES (?1, ?2, ?3, ?4, 'form', ?5, ?6)",
        )?;
        let mut interactions = 0u64;
        for i in 0..n {
            let first = FIRST[rng.gen_range(0..FIRST.len())];
            let last = LAST[rng.gen_range(0..LAST.len())];
            let name = format!("{first} {last}");
            let email = format!(
                "{}.{}{}@example.nl",
                first.to_lowercase(),
                last.replace(' ', "").to_lowercase(),
                i
            );
            let phone = format!("+31 6 {:08}", rng.gen_range(0..100_000_000u32));
            let org = org_ids[rng.gen_range(0..org_ids.len())];
            let relationship = Relationship::ALL[rng.gen_range(0..Relationship::ALL.len())];
            let created = now - chrono::Duration::days(rng.gen_range(30..5 * 365));
            let ended =
                matches!(relationship, Relationship::FormerClient | Relationship::Applicant)
                    .then(|| (created + chrono::Duration::days(rng.gen_range(1..30))).date_naive());
            let k = rng.gen_range(0..=5);
            let mut last_activity = created;
            let mut notes = Vec::with_capacity(k);
            let mut rows = Vec::with_capacity(k);
            for _ in 0..k {
                let at = created + chrono::Duration::hours(rng.gen_range(1..24 * 700));
                let at = at.min(now);
                last_activity = last_activity.max(at);
                let note = NOTES[rng.gen_range(0..NOTES.len())];
                let kind = InteractionKind::ALL[rng.gen_range(0..InteractionKind::ALL.len())];
                notes.push(note);
                rows.push((kind, at, note));
            }
            contact.execute(params![
                name,
                serde_json::to_string(&[&email]).unwrap_or_default(),
                serde_json::to_string(&[&phone]).unwrap_or_default(),
                org,
                relationship.as_str(),
                ended.map(|d| d.to_string()),
                format_instant(created),
                format_instant(last_activity)
            ])?;
            let id = tx.last_insert_rowid();
            for (kind, at, note) in rows {
                interaction.execute(params![
                    id,
                    kind.as_str(),
                    format_instant(at),
                    note,
                    format_instant(now)
                ])?;
                interactions += 1;
            }
            fts.execute(params![id, name, email, org, notes.join(" ")])?;
            if matches!(relationship, Relationship::Client | Relationship::FormerClient) {
                link.execute(params![id, admin, "contract", "email", format_instant(created)])?;
            }
            if rng.gen_bool(0.4) {
                let given = format_instant(created);
                link.execute(params![id, newsletter, "consent", "form", given])?;
                event.execute(params![id, newsletter, "given", given, text_hash, ctx.actor])?;
                if rng.gen_bool(0.1) {
                    let at = format_instant(last_activity);
                    event.execute(params![
                        id,
                        newsletter,
                        "withdrawn",
                        at,
                        None::<String>,
                        ctx.actor
                    ])?;
                }
            }
        }
        let detail = format!("contacts={n} interactions={interactions}");
        ctx.audit_detail(tx, "demo.generate", "contact", None, &[], Some(&detail))?;
        Ok(interactions)
    })?;
    Ok(interactions)
}
