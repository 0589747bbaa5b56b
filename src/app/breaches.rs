//! The breach report written to a file, with the export in the audit trail; and the helper for
//! the most likely breach of a sole trader, a laptop or backup medium lost or stolen, which
//! pre-fills a new breach from what Kluis knows of the vault, its contacts, its fields and its
//! backups.

use std::path::Path;

use chrono::{DateTime, Duration, Local, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::domain::backup::auto;
use crate::domain::breaches::{report, BreachEdit, BreachInput, Exception, Nature, Risk};
use crate::domain::register::purposes;
use crate::kernel::error::Result;
use crate::kernel::fs::write_file;
use crate::kernel::language::Language;
use crate::vault::Vault;

/// Writes the printable report of breach `id` to `path` (privately, atomically).
pub fn write_report(vault: &Vault, id: i64, language: Language, path: &Path) -> Result<()> {
    let bytes = report::pdf(vault.conn(), id, language, vault.now())?;
    write_file(path, &bytes)?;
    vault.audit("breach.report_export", "breach", Some(id), &[])
}

/// What Kluis knows that matters when a device holding the vault or a backup is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LostDeviceFacts {
    /// This device remembers the vault's key in the OS secret store: whoever can log in to
    /// the device's user account opens the vault without the passphrase.
    pub remembered: bool,
    #[ts(type = "number")]
    pub contacts: i64,
    /// The data categories of the processing register's purposes, in the language asked.
    pub data_categories: Vec<String>,
    /// The labels of the special-category fields (Art. 9) that hold a value for someone.
    pub special_fields: Vec<String>,
    /// The last backup made into the backup folder (RFC 3339), if any.
    pub last_backup_at: Option<String>,
    /// A backup was made within the schedule's interval (every 24 hours by default).
    pub backup_recent: bool,
}

/// A new breach pre-filled by the lost-device helper, with its explanation. Nothing is
/// stored: the user reads, changes and saves it (`add_with_details`); the decisions on
/// notifying the AP and informing the people stay theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LostDeviceDraft {
    pub input: BreachInput,
    pub details: BreachEdit,
    pub facts: LostDeviceFacts,
    /// The Art. 34(3) exception the facts point to: (a) encrypted when no key was remembered;
    /// none when the device opened the vault by itself. A suggestion only.
    pub suggested_exception: Option<Exception>,
    /// Paragraphs for the user: what Kluis found, Art. 34(3)(a), the decision left to them.
    pub explanation: Vec<String>,
}

/// The draft for "laptop or backup medium lost or stolen", as of the vault's `now`.
/// `remembered`: whether this device remembers the key ([`crate::vault::is_remembered`]; the
/// front end asks the OS secret store, which may be unreachable).
pub fn lost_device_draft(
    vault: &Vault,
    remembered: bool,
    language: Language,
) -> Result<LostDeviceDraft> {
    let conn = vault.conn();
    let now = vault.now();
    let contacts: i64 = conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
    let mut data_categories: Vec<String> = Vec::new();
    for p in purposes::list_in(conn, language)? {
        for c in p.data_categories {
            if !data_categories.iter().any(|d| d.eq_ignore_ascii_case(&c)) {
                data_categories.push(c);
            }
        }
    }
    let mut s = conn.prepare(
        "SELECT d.label FROM field_defs d WHERE d.special_category = 1
           AND EXISTS (SELECT 1 FROM field_values v WHERE v.field_id = d.id)
         ORDER BY d.label",
    )?;
    let special_fields: Vec<String> =
        s.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for f in &special_fields {
        if !data_categories.iter().any(|d| d.eq_ignore_ascii_case(f)) {
            data_categories.push(f.clone());
        }
    }
    let backups = auto::status(conn, now)?;
    let backup_recent = backups.last_backup_at.as_deref().is_some_and(|l| {
        DateTime::parse_from_rfc3339(l).is_ok_and(|t| {
            now - t.with_timezone(&Utc) < Duration::hours(i64::from(backups.settings.every_hours))
        })
    });
    let facts = LostDeviceFacts {
        remembered,
        contacts,
        data_categories,
        special_fields,
        last_backup_at: backups.last_backup_at,
        backup_recent,
    };
    Ok(draft(facts, now, backups.settings.every_hours, language))
}

/// A stored instant in local time, `31-03-2026 14:30`.
fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%d-%m-%Y %H:%M").to_string()
}

fn draft(
    facts: LostDeviceFacts,
    now: DateTime<Utc>,
    every_hours: u32,
    language: Language,
) -> LostDeviceDraft {
    let nl = language.is_dutch();
    let s = |d: String, e: String| if nl { d } else { e };
    let special = !facts.special_fields.is_empty();
    let last = facts
        .last_backup_at
        .as_deref()
        .and_then(|l| DateTime::parse_from_rfc3339(l).ok())
        .map(|t| local(t.with_timezone(&Utc)));

    let mut nature = vec![Nature::Confidentiality];
    if !facts.backup_recent {
        nature.push(Nature::Availability);
    }
    let risk = match (facts.remembered, special, facts.backup_recent) {
        (false, _, true) => Risk::NoRisk,
        (false, _, false) | (true, false, _) => Risk::Risk,
        (true, true, _) => Risk::High,
    };

    let encrypted = s(
        "De kluis (kluis.db) is versleuteld met SQLCipher 4 (AES-256, met een HMAC per pagina); \
         de sleutel is beveiligd met de wachtwoordzin (Argon2id) en de herstelsleutel. Elke \
         back-up is versleuteld: de SQLCipher-pagina's en daaroverheen een geauthenticeerde \
         XChaCha20-Poly1305-stroom."
            .into(),
        "The vault (kluis.db) is encrypted with SQLCipher 4 (AES-256, with an HMAC per page); \
         its key is protected by the passphrase (Argon2id) and the recovery key. Every backup \
         is encrypted: the SQLCipher pages, and over them an authenticated XChaCha20-Poly1305 \
         stream."
            .into(),
    );
    let key = if facts.remembered {
        s(
            "De sleutel was op dit apparaat onthouden in de sleutelbos van het \
             besturingssysteem: wie op het gebruikersaccount van het apparaat kan inloggen, \
             opent de kluis zonder wachtwoordzin."
                .into(),
            "The key was remembered on this device in the operating system's secret store: \
             whoever can log in to the device's user account opens the vault without the \
             passphrase."
                .into(),
        )
    } else {
        s(
            "De sleutel was op dit apparaat niet onthouden: de kluis opent alleen met de \
             wachtwoordzin of de herstelsleutel."
                .into(),
            "The key was not remembered on this device: the vault opens only with the \
             passphrase or the recovery key."
                .into(),
        )
    };
    let backup = match (&last, facts.backup_recent) {
        (Some(l), true) => s(
            format!("De laatste back-up is gemaakt op {l} (binnen het schema)."),
            format!("The last backup was made on {l} (within the schedule)."),
        ),
        (Some(l), false) => s(
            format!(
                "De laatste back-up is gemaakt op {l}, langer dan {every_hours} uur geleden: \
                 wat daarna is vastgelegd, is met het apparaat verloren."
            ),
            format!(
                "The last backup was made on {l}, more than {every_hours} hours ago: what was \
                 recorded since is lost with the device."
            ),
        ),
        (None, _) => s(
            "Kluis heeft geen back-up gemaakt: de gegevens zijn met het apparaat verloren.".into(),
            "Kluis has made no backup: the data are lost with the device.".into(),
        ),
    };

    let people = facts.contacts;
    let categories = if facts.data_categories.is_empty() {
        s("(geen in het verwerkingsregister)".into(), "(none in the processing register)".into())
    } else {
        facts.data_categories.join(", ")
    };
    let mut consequences = vec![if facts.remembered {
        s(
            format!(
                "Wie het gebruikersaccount van het apparaat opent, kan de gegevens van \
                 {people} personen lezen ({categories})."
            ),
            format!(
                "Whoever opens the device's user account can read the data of {people} people \
                 ({categories})."
            ),
        )
    } else {
        s(
            format!(
                "Zonder de wachtwoordzin of de herstelsleutel zijn de gegevens van {people} \
                 personen ({categories}) onleesbaar."
            ),
            format!(
                "Without the passphrase or the recovery key the data of {people} people \
                 ({categories}) are unintelligible."
            ),
        )
    }];
    if !facts.backup_recent {
        consequences.push(s(
            "De gegevens zijn niet (volledig) beschikbaar: er is geen recente back-up.".into(),
            "The data are not (fully) available: there is no recent backup.".into(),
        ));
    }
    let reasoning = match risk {
        Risk::NoRisk => s(
            "De gegevens zijn versleuteld en de sleutel stond niet op het apparaat; een recente \
             back-up houdt ze beschikbaar."
                .into(),
            "The data are encrypted and the key was not on the device; a recent backup keeps \
             them available."
                .into(),
        ),
        Risk::Risk if !facts.remembered => s(
            "De gegevens zijn versleuteld, maar zonder recente back-up zijn ze niet \
             beschikbaar."
                .into(),
            "The data are encrypted, but without a recent backup they are not available.".into(),
        ),
        Risk::Risk => s(
            "De sleutel was op het apparaat onthouden; er zijn geen bijzondere persoonsgegevens \
             geregistreerd."
                .into(),
            "The key was remembered on the device; no special categories of data are recorded."
                .into(),
        ),
        Risk::High => s(
            format!(
                "De sleutel was op het apparaat onthouden en er zijn bijzondere \
                 persoonsgegevens geregistreerd ({}).",
                facts.special_fields.join(", ")
            ),
            format!(
                "The key was remembered on the device and special categories of data are \
                 recorded ({}).",
                facts.special_fields.join(", ")
            ),
        ),
    };

    let mut explanation = vec![[encrypted.as_str(), &key, &backup].join(" ")];
    explanation.push(s(
        "Art. 34 lid 3 onder a AVG: je hoeft de betrokkenen niet in te lichten als de gegevens \
         onbegrijpelijk zijn voor iedereen die geen toegang mag hebben, zoals door versleuteling. \
         Dat geldt alleen als de sleutel niet op het apparaat stond en de wachtwoordzin sterk is \
         en er niet bij lag."
            .into(),
        "Art. 34(3)(a) GDPR: you need not inform the people affected when the data are \
         unintelligible to anyone not authorised to access them, such as by encryption. That \
         holds only when the key was not on the device and the passphrase is strong and was not \
         kept with it."
            .into(),
    ));
    explanation.push(if facts.remembered {
        s(
            "Omdat de sleutel op het apparaat onthouden was, is de uitzondering waarschijnlijk \
             niet van toepassing: wie inlogt, leest de gegevens. Vervang de sleutel (Instellingen) \
             en wijzig het wachtwoord van het gebruikersaccount."
                .into(),
            "Because the key was remembered on the device, the exception probably does not \
             apply: whoever logs in reads the data. Replace the key (Settings) and change the \
             password of the user account."
                .into(),
        )
    } else {
        s(
            "Omdat de sleutel niet op het apparaat onthouden was, is de uitzondering \
             waarschijnlijk van toepassing."
                .into(),
            "Because the key was not remembered on the device, the exception probably applies."
                .into(),
        )
    });
    explanation.push(s(
        "Kluis stelt voor, jij beslist: of je het datalek binnen 72 uur bij de Autoriteit \
         Persoonsgegevens meldt en of je de betrokkenen inlicht, leg je zelf vast op de pagina van \
         het datalek. Ook een lek dat je niet meldt, blijft in het register (art. 33 lid 5)."
            .into(),
        "Kluis suggests, you decide: whether you notify the Autoriteit Persoonsgegevens within \
         72 hours and whether you inform the people affected, you record yourself on the \
         breach's page. A breach you do not notify stays in the register too (Art. 33(5))."
            .into(),
    ));

    LostDeviceDraft {
        input: BreachInput {
            reference: None,
            aware_at: local(now),
            occurred_at: None,
            description: s(
                "Laptop of back-upschijf met de Kluis-gegevens verloren of gestolen. (Vul aan: \
                 welk apparaat, waar en wanneer.)"
                    .into(),
                "Laptop or backup medium holding the Kluis data lost or stolen. (Add: which \
                 device, where and when.)"
                    .into(),
            ),
            nature,
            approx_people: Some(facts.contacts),
            risk: Some(risk),
        },
        details: BreachEdit {
            data_categories: Some(facts.data_categories.clone()),
            special_categories: Some(special),
            // Kluis refuses a number that looks like a BSN unless the user confirms it is not
            // one, so none is stored as such.
            bsn: Some(false),
            consequences: Some(consequences.join(" ")),
            measures_before: Some([encrypted, key, backup].join(" ")),
            risk_reasoning: Some(reasoning),
            ..BreachEdit::default()
        },
        suggested_exception: (!facts.remembered).then_some(Exception::Encrypted),
        explanation,
        facts,
    }
}
