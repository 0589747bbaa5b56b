//! Retention rules: one per data category, with Dutch presets (R5.2), an editable period and
//! action, and a legal note shown to the user.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::period::Period;
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

crate::kernel::str_enum! {
    pub enum Action("action") {
        Delete => "delete",
        Review => "review",
    }
}

crate::kernel::str_enum! {
    /// The rules Kluis knows; each covers one category of data.
    pub enum RuleKey("rule") {
        Prospects => "prospects",
        FormerClientNotes => "former-client-notes",
        FormerClients => "former-clients",
        RejectedApplicants => "rejected-applicants",
        FiscalRecords => "fiscal-records",
        Records => "records",
        Audit => "audit",
        Breaches => "breaches",
    }
}

struct Preset {
    key: RuleKey,
    period: Period,
    action: Action,
    category_nl: &'static str,
    category_en: &'static str,
    note_nl: &'static str,
    note_en: &'static str,
}

const PRESETS: &[Preset] = &[
    Preset {
        key: RuleKey::Prospects,
        period: Period::Months(24),
        action: Action::Delete,
        category_nl: "Prospects zonder contact",
        category_en: "Prospects without contact",
        note_nl:
            "Geteld vanaf de laatste interactie, of vanaf het aanmaken als er geen is. Zonder \
                  relatie is er na twee jaar geen gerechtvaardigd belang meer (AVG art. 5(1)(e)).",
        note_en: "Counted from the last interaction, or from when the contact was added if there \
                  is none. Without a relationship there is no legitimate interest left after two \
                  years (GDPR Art. 5(1)(e)).",
    },
    Preset {
        key: RuleKey::FormerClientNotes,
        period: Period::Months(12),
        action: Action::Delete,
        category_nl: "Notities en interacties van voormalige klanten",
        category_en: "Notes and interactions of former clients",
        note_nl: "Na het einde van de relatie zijn gedetailleerde notities niet meer nodig; de \
                  basisgegevens blijven tot hun eigen regel.",
        note_en: "After the relationship ends detailed notes are no longer needed; the basic \
                  details stay until their own rule applies.",
    },
    Preset {
        key: RuleKey::FormerClients,
        period: Period::Months(24),
        action: Action::Review,
        category_nl: "Voormalige klanten",
        category_en: "Former clients",
        note_nl: "Twee jaar na het einde van de relatie: bewaar basisgegevens alleen met een \
                  reden (vastgelegd bij de beoordeling), anders verwijderen.",
        note_en: "Two years after the relationship ended: keep basic details only with a reason \
                  (recorded at review), otherwise delete.",
    },
    Preset {
        key: RuleKey::RejectedApplicants,
        period: Period::Weeks(4),
        action: Action::Delete,
        category_nl: "Afgewezen sollicitanten",
        category_en: "Rejected applicants",
        note_nl: "Vier weken na afwijzing, tenzij de sollicitant toestemming gaf om langer te \
                  bewaren (dan blijft het tot die toestemming wordt ingetrokken).",
        note_en: "Four weeks after rejection, unless the applicant consented to a longer period \
                  (then until that consent is withdrawn).",
    },
    Preset {
        key: RuleKey::FiscalRecords,
        period: Period::Years(7),
        action: Action::Delete,
        category_nl: "Fiscale gegevens (offertes, facturen)",
        category_en: "Fiscal records (quotes, invoices)",
        note_nl:
            "Fiscale bewaarplicht: zeven jaar vanaf het einde van het boekjaar (AWR art. 52). \
                  Deze gegevens blijven ook bewaard als het contact wordt gewist.",
        note_en: "Fiscal retention duty: seven years from the end of the financial year (Dutch \
                  AWR art. 52). Kept even when the contact is erased.",
    },
    Preset {
        key: RuleKey::Records,
        period: Period::Years(5),
        action: Action::Delete,
        category_nl: "Verzoeken van betrokkenen en het verwijderlogboek",
        category_en: "Data-subject requests and the deletion log",
        note_nl: "Verantwoording (AVG art. 5(2)): bewijs van afgehandelde verzoeken en van \
                  verwijderingen, zonder de verwijderde persoonsgegevens.",
        note_en: "Accountability (GDPR Art. 5(2)): evidence of handled requests and deletions, \
                  without the deleted personal data.",
    },
    Preset {
        key: RuleKey::Audit,
        period: Period::Years(2),
        action: Action::Delete,
        category_nl: "Audittrail",
        category_en: "Audit trail",
        note_nl: "Wie wat wanneer inzag of wijzigde. Oudere regels worden opgeruimd; een \
                  controlepunt houdt de keten controleerbaar.",
        note_en: "Who viewed or changed what, when. Older rows are pruned; a checkpoint keeps \
                  the chain verifiable.",
    },
    Preset {
        key: RuleKey::Breaches,
        period: Period::Years(5),
        action: Action::Delete,
        category_nl: "Datalekregister (afgesloten datalekken)",
        category_en: "Breach register (closed breaches)",
        note_nl: "Verantwoording (AVG art. 33(5)): elk datalek, gemeld of niet, met de feiten, \
                  de gevolgen en de maatregelen. Geteld vanaf het afsluiten van het datalek; \
                  open datalekken blijven staan.",
        note_en: "Accountability (GDPR Art. 33(5)): every breach, reported or not, with the \
                  facts, the effects and the measures taken. Counted from when the breach was \
                  closed; open breaches stay.",
    },
];

/// A rule as the user sees and edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Rule {
    pub key: RuleKey,
    pub category: String,
    /// "24m", "4w", "7y", "30d".
    pub period: String,
    /// The period in words.
    pub period_text: String,
    pub action: Action,
    pub note: String,
    /// Differs from the Dutch preset.
    pub changed: bool,
}

fn preset(key: RuleKey) -> &'static Preset {
    PRESETS.iter().find(|p| p.key == key).unwrap_or(&PRESETS[0])
}

/// The period and action in force for a rule.
pub fn current(conn: &Connection, key: RuleKey) -> Result<(Period, Action)> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT period, action FROM retention_rules WHERE key = ?1",
            [key.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let p = preset(key);
    Ok(match row {
        Some((period, action)) => {
            (period.parse().unwrap_or(p.period), action.parse().unwrap_or(p.action))
        }
        None => (p.period, p.action),
    })
}

pub fn list(conn: &Connection, language: Language) -> Result<Vec<Rule>> {
    let dutch = language.is_dutch();
    PRESETS
        .iter()
        .map(|p| {
            let (period, action) = current(conn, p.key)?;
            Ok(Rule {
                key: p.key,
                category: (if dutch { p.category_nl } else { p.category_en }).to_owned(),
                period: period.to_string(),
                period_text: period.describe(language),
                action,
                note: (if dutch { p.note_nl } else { p.note_en }).to_owned(),
                changed: period != p.period || action != p.action,
            })
        })
        .collect()
}

/// The category name of a rule, in English (for logs and the CLI's JSON).
pub fn category(key: RuleKey) -> &'static str {
    preset(key).category_en
}

pub fn set(
    conn: &Connection,
    ctx: &Ctx<'_>,
    key: RuleKey,
    period: Period,
    action: Action,
) -> Result<()> {
    // The fiscal duty is a legal minimum: a shorter period (or deleting on review only after
    // a person looks) must not be set for it.
    let base = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    if key == RuleKey::FiscalRecords && period.after_date(base) < Period::Years(7).after_date(base)
    {
        return Err(Error::invalid("period", "fiscal records must be kept at least 7 years"));
    }
    conn.execute(
        "INSERT INTO retention_rules (key, period, action, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET period = excluded.period, action = excluded.action,
             updated_at = excluded.updated_at",
        params![key.as_str(), period.to_string(), action.as_str(), format_instant(ctx.now)],
    )?;
    ctx.audit(conn, "retention.rule_set", "retention_rule", None, &["period", "action"])
}
