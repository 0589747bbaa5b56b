//! The processing register (Art. 30): purposes with their lawful basis, whether they are direct
//! marketing, the data categories and recipients, and the retention rule that applies. The
//! recipients live in the processor register (`processors`): a purpose's recipients are the
//! names of the processors linked to it, and writing a purpose with recipient names links them.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

use super::processors;

crate::kernel::str_enum! {
    /// The six lawful bases of Art. 6(1).
    pub enum Basis("basis") {
        Consent => "consent",
        Contract => "contract",
        LegitimateInterest => "legitimate-interest",
        LegalObligation => "legal-obligation",
        VitalInterest => "vital-interest",
        PublicTask => "public-task",
    }
}

crate::kernel::str_enum! {
    /// Whether providing the data is required (Art. 13(2)(e)): not at all, to enter into or
    /// perform a contract, or by law.
    pub enum Requirement("requirement") {
        None => "none",
        Contract => "contract",
        Law => "law",
    }
}

/// A lawful basis in words, with its article.
pub fn basis_label(basis: Basis, language: Language) -> &'static str {
    match (basis, language.is_dutch()) {
        (Basis::Consent, true) => "Toestemming (art. 6(1)(a))",
        (Basis::Consent, false) => "Consent (Art. 6(1)(a))",
        (Basis::Contract, true) => "Overeenkomst (art. 6(1)(b))",
        (Basis::Contract, false) => "Contract (Art. 6(1)(b))",
        (Basis::LegalObligation, true) => "Wettelijke verplichting (art. 6(1)(c))",
        (Basis::LegalObligation, false) => "Legal obligation (Art. 6(1)(c))",
        (Basis::VitalInterest, true) => "Vitaal belang (art. 6(1)(d))",
        (Basis::VitalInterest, false) => "Vital interest (Art. 6(1)(d))",
        (Basis::PublicTask, true) => "Algemeen belang (art. 6(1)(e))",
        (Basis::PublicTask, false) => "Public task (Art. 6(1)(e))",
        (Basis::LegitimateInterest, true) => "Gerechtvaardigd belang (art. 6(1)(f))",
        (Basis::LegitimateInterest, false) => "Legitimate interest (Art. 6(1)(f))",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Purpose {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub description: String,
    pub basis: Basis,
    pub direct_marketing: bool,
    pub data_categories: Vec<String>,
    // The names of the processors linked to the purpose (from the processor register).
    pub recipients: Vec<String>,
    pub retention_rule: Option<String>,
    /// The legitimate interests pursued, when that is the basis (Art. 13(1)(d)).
    pub legitimate_interest: String,
    /// Whether providing the data is a legal or contractual requirement (Art. 13(2)(e)).
    pub requirement: Requirement,
    /// What happens when the person does not provide the data; empty: the statement says it
    /// in general words for the requirement.
    pub consequence: String,
    /// Where the data come from (Art. 14(2)(f)); empty: from the person themselves.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PurposeInput {
    pub name: String,
    pub description: String,
    pub basis: Basis,
    pub direct_marketing: bool,
    pub data_categories: Vec<String>,
    // Processor names (case-insensitive): the purpose's recipients become exactly these, a
    // name not in the processor register yet is added to it (service "other", no agreement).
    pub recipients: Vec<String>,
    pub retention_rule: Option<String>,
    pub legitimate_interest: String,
    pub requirement: Requirement,
    pub consequence: String,
    pub source: String,
}

impl PurposeInput {
    pub fn new(name: &str, basis: Basis) -> PurposeInput {
        PurposeInput {
            name: name.to_owned(),
            description: String::new(),
            basis,
            direct_marketing: false,
            data_categories: Vec::new(),
            recipients: Vec::new(),
            retention_rule: None,
            legitimate_interest: String::new(),
            requirement: Requirement::None,
            consequence: String::new(),
            source: String::new(),
        }
    }

    /// The input as the current record holds it.
    pub fn from_purpose(p: &Purpose) -> PurposeInput {
        PurposeInput {
            name: p.name.clone(),
            description: p.description.clone(),
            basis: p.basis,
            direct_marketing: p.direct_marketing,
            data_categories: p.data_categories.clone(),
            recipients: p.recipients.clone(),
            retention_rule: p.retention_rule.clone(),
            legitimate_interest: p.legitimate_interest.clone(),
            requirement: p.requirement,
            consequence: p.consequence.clone(),
            source: p.source.clone(),
        }
    }

    fn validate(&self) -> Result<PurposeInput> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::invalid("name", "a purpose needs a name"));
        }
        if name.chars().count() > 120 {
            return Err(Error::invalid("name", "too long (at most 120 characters)"));
        }
        for (field, text) in [
            ("description", &self.description),
            ("legitimate_interest", &self.legitimate_interest),
            ("consequence", &self.consequence),
            ("source", &self.source),
        ] {
            if text.chars().count() > 2_000 {
                return Err(Error::invalid(field, "too long (at most 2000 characters)"));
            }
        }

        let list = |field: &'static str, v: &[String]| -> Result<Vec<String>> {
            let out: Vec<String> =
                v.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
            if out.len() > 50 || out.iter().any(|s| s.chars().count() > 200) {
                return Err(Error::invalid(field, "at most 50 entries of 200 characters"));
            }
            Ok(out)
        };
        Ok(PurposeInput {
            name: name.to_owned(),
            description: self.description.trim().to_owned(),
            basis: self.basis,
            direct_marketing: self.direct_marketing,
            data_categories: list("data_categories", &self.data_categories)?,
            recipients: list("recipients", &self.recipients)?,
            retention_rule: self
                .retention_rule
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            // Only a purpose on legitimate interest pursues one (a changed basis drops it).
            legitimate_interest: if self.basis == Basis::LegitimateInterest {
                self.legitimate_interest.trim().to_owned()
            } else {
                String::new()
            },
            requirement: self.requirement,
            consequence: self.consequence.trim().to_owned(),
            source: self.source.trim().to_owned(),
        })
    }
}

/// The purposes a first-run step proposes for a small business; the user edits them.
pub fn proposals(language: Language) -> Vec<PurposeInput> {
    let dutch = language.is_dutch();
    let p = |nl: &str, en: &str, d_nl: &str, d_en: &str, basis, dm, cats: &[&str]| PurposeInput {
        name: (if dutch { nl } else { en }).to_owned(),
        description: (if dutch { d_nl } else { d_en }).to_owned(),
        basis,
        direct_marketing: dm,
        data_categories: cats.iter().map(|c| category_label(c, language)).collect(),
        requirement: match basis {
            Basis::Contract => Requirement::Contract,
            Basis::LegalObligation => Requirement::Law,
            _ => Requirement::None,
        },
        ..PurposeInput::new("", basis)
    };
    let mut list = vec![
        p(
            "Klantadministratie",
            "Client administration",
            "Offertes, opdrachten en contact met klanten om de overeenkomst uit te voeren.",
            "Quotes, orders and contact with clients to perform the contract.",
            Basis::Contract,
            false,
            &["name", "e-mail", "phone", "address", "organisation"],
        ),
        p(
            "Facturatie",
            "Invoicing",
            "Facturen en de fiscale bewaarplicht (7 jaar).",
            "Invoices and the fiscal retention duty (7 years).",
            Basis::LegalObligation,
            false,
            &["name", "address", "invoices"],
        ),
        p(
            "Nieuwsbrief",
            "Newsletter",
            "De nieuwsbrief per e-mail, alleen met toestemming.",
            "The e-mail newsletter, only with consent.",
            Basis::Consent,
            true,
            &["name", "e-mail"],
        ),
        p(
            "Relatiebeheer",
            "Relationship management",
            "Contact onderhouden met relaties en bestaande klanten.",
            "Keeping in touch with business relations and existing clients.",
            Basis::LegitimateInterest,
            false,
            &["name", "e-mail", "phone", "organisation", "notes"],
        ),
    ];
    if let Some(relations) = list.last_mut() {
        relations.legitimate_interest = (if dutch {
            "Het onderhouden van zakelijke relaties en contact met bestaande klanten."
        } else {
            "Maintaining business relationships and keeping in touch with existing clients."
        })
        .to_owned();
    }
    list
}

/// The data categories Kluis proposes, in Dutch and English. Earlier versions stored the
/// English words in a Dutch register too; they are shown translated.
const CATEGORIES: &[(&str, &str)] = &[
    ("naam", "name"),
    ("e-mail", "e-mail"),
    ("telefoon", "phone"),
    ("adres", "address"),
    ("organisatie", "organisation"),
    ("facturen", "invoices"),
    ("notities", "notes"),
];

/// A data category as shown in `language`: a proposed one translated (whichever language it
/// was stored in), one the user wrote as written.
pub fn category_label(category: &str, language: Language) -> String {
    let known = CATEGORIES
        .iter()
        .find(|(nl, en)| category.eq_ignore_ascii_case(nl) || category.eq_ignore_ascii_case(en));
    match known {
        Some((nl, _)) if language.is_dutch() => (*nl).to_owned(),
        Some((_, en)) => (*en).to_owned(),
        None => category.to_owned(),
    }
}

fn json(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn row(r: &Row<'_>) -> rusqlite::Result<Purpose> {
    let basis: String = r.get(3)?;
    Ok(Purpose {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        basis: basis.parse().map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                "basis".into(),
            )
        })?,
        direct_marketing: r.get(4)?,
        data_categories: serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default(),
        recipients: Vec::new(),
        retention_rule: r.get(6)?,
        legitimate_interest: r.get(7)?,
        requirement: r.get::<_, String>(8)?.parse().map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                8,
                rusqlite::types::Type::Text,
                "requirement".into(),
            )
        })?,
        consequence: r.get(9)?,
        source: r.get(10)?,
    })
}

/// The purposes' own column `recipients` is no longer read or written (schema 12 moved its
/// texts into the processor register).
const COLUMNS: &str = "id, name, description, basis, direct_marketing, data_categories, \
     retention_rule, legitimate_interest, requirement, consequence, source";

fn with_recipients(conn: &Connection, mut p: Purpose) -> Result<Purpose> {
    p.recipients = processors::names_for_purpose(conn, p.id)?;
    Ok(p)
}

/// The purposes as a screen in `language` shows them: the proposed data categories translated
/// (see [`category_label`]), the user's own as written.
pub fn list_in(conn: &Connection, language: Language) -> Result<Vec<Purpose>> {
    let mut list = list(conn)?;
    for p in &mut list {
        for c in &mut p.data_categories {
            *c = category_label(c, language);
        }
    }
    Ok(list)
}

pub fn list(conn: &Connection) -> Result<Vec<Purpose>> {
    let mut s =
        conn.prepare(&format!("SELECT {COLUMNS} FROM purposes ORDER BY name COLLATE NOCASE"))?;
    let v: Vec<Purpose> = s.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    v.into_iter().map(|p| with_recipients(conn, p)).collect()
}

pub fn get(conn: &Connection, id: i64) -> Result<Purpose> {
    let p = conn
        .query_row(&format!("SELECT {COLUMNS} FROM purposes WHERE id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("purpose {id}")))?;
    with_recipients(conn, p)
}

/// A purpose by its name (case-insensitive), as the CLI names them.
pub fn by_name(conn: &Connection, name: &str) -> Result<Purpose> {
    let p = conn
        .query_row(&format!("SELECT {COLUMNS} FROM purposes WHERE name = ?1"), [name.trim()], row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("purpose \"{}\"", name.trim())))?;
    with_recipients(conn, p)
}

fn name_taken(conn: &Connection, name: &str, except: Option<i64>) -> Result<bool> {
    Ok(conn
        .query_row("SELECT id FROM purposes WHERE name = ?1", [name], |r| r.get::<_, i64>(0))
        .optional()?
        .is_some_and(|id| Some(id) != except))
}

pub fn create(conn: &Connection, ctx: &Ctx<'_>, input: &PurposeInput) -> Result<i64> {
    let p = input.validate()?;
    if name_taken(conn, &p.name, None)? {
        return Err(Error::invalid("name", "a purpose with this name exists already"));
    }
    let now = format_instant(ctx.now);
    conn.execute(
        "INSERT INTO purposes (name, description, basis, direct_marketing, data_categories,
                               retention_rule, legitimate_interest, requirement, consequence,
                               source, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            p.name,
            p.description,
            p.basis.as_str(),
            p.direct_marketing,
            json(&p.data_categories),
            p.retention_rule,
            p.legitimate_interest,
            p.requirement.as_str(),
            p.consequence,
            p.source,
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    ctx.audit(conn, "purpose.create", "purpose", Some(id), &["name", "basis"])?;
    processors::link_names(conn, ctx, id, &p.recipients)?;
    Ok(id)
}

pub fn update(conn: &Connection, ctx: &Ctx<'_>, id: i64, input: &PurposeInput) -> Result<()> {
    get(conn, id)?;
    let p = input.validate()?;
    if name_taken(conn, &p.name, Some(id))? {
        return Err(Error::invalid("name", "a purpose with this name exists already"));
    }
    conn.execute(
        "UPDATE purposes SET name = ?2, description = ?3, basis = ?4, direct_marketing = ?5,
                data_categories = ?6, retention_rule = ?7, legitimate_interest = ?8,
                requirement = ?9, consequence = ?10, source = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
            id,
            p.name,
            p.description,
            p.basis.as_str(),
            p.direct_marketing,
            json(&p.data_categories),
            p.retention_rule,
            p.legitimate_interest,
            p.requirement.as_str(),
            p.consequence,
            p.source,
            format_instant(ctx.now)
        ],
    )?;
    ctx.audit(conn, "purpose.update", "purpose", Some(id), &[])?;
    processors::link_names(conn, ctx, id, &p.recipients)
}

/// Adds the proposed purposes that are not in the register yet (by name); returns how many.
pub fn add_proposals(conn: &Connection, ctx: &Ctx<'_>, language: Language) -> Result<usize> {
    let mut added = 0;
    for p in proposals(language) {
        if by_name(conn, &p.name).is_err() {
            create(conn, ctx, &p)?;
            added += 1;
        }
    }
    Ok(added)
}
