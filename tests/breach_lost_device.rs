//! The lost-device helper of the breach register ("laptop or backup medium lost or stolen"):
//! the draft it pre-fills from the vault, its contacts, fields and backups, with and without a
//! remembered key, with and without a recent backup; and that it stores and decides nothing.

mod common;

use common::*;
use kluis::app::breaches::lost_device_draft;
use kluis::app::unlock::open_without_purge;
use kluis::domain::backup::auto::{self, BackupSettings, When};
use kluis::domain::breaches::{self, Exception, Nature, Risk};
use kluis::domain::consent::{self, ConsentInput, Method};
use kluis::domain::contacts::{self, ContactInput};
use kluis::domain::fields::{self, FieldDefInput, FieldKind};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::kernel::language::Language;
use kluis::vault::Secret;
use kluis::{Clock, Vault};

fn reopen(tv: &TempVault, v: Vault, when: &str) -> Vault {
    v.lock();
    let clock = Clock::fixed_from_rfc3339(when).unwrap();
    open_without_purge(&tv.dir(), Secret::Passphrase(PASS), clock, "test").unwrap()
}

/// A vault with `n` contacts and one purpose with two data categories.
fn vault_with(n: usize) -> (TempVault, Vault) {
    let (tv, mut v) = new_vault();
    for i in 0..n {
        contacts::create(&mut v, &ContactInput::new(&format!("Klant {i}")), false).unwrap();
    }
    v.write(|tx, c| {
        let mut p = PurposeInput::new("Klantadministratie", Basis::Contract);
        p.data_categories = vec!["naam".into(), "e-mail".into()];
        purposes::create(tx, c, &p)
    })
    .unwrap();
    (tv, v)
}

/// Automatic backups into a folder of the temp dir, every 24 hours, one made now.
fn backup_now(tv: &TempVault, v: &mut Vault) {
    let folder = tv.tmp.path().join("auto");
    std::fs::create_dir_all(&folder).unwrap();
    let settings =
        BackupSettings { dir: Some(folder.to_string_lossy().into()), keep: 3, every_hours: 24 };
    v.write(|tx, c| auto::set_settings(tx, c, &settings)).unwrap();
    assert!(auto::run(v, When::Due, &mut |_| {}).unwrap().is_some());
}

/// A special-category field (Art. 9) with a value for the first contact.
fn health_field(v: &mut Vault, with_value: bool) {
    let first = contacts::list(v, None, Some(1), 0).unwrap().items[0].id;
    let health = v
        .write(|tx, c| {
            let mut p = PurposeInput::new("Zorg op maat", Basis::Consent);
            p.data_categories = vec!["gezondheid".into()];
            purposes::create(tx, c, &p)
        })
        .unwrap();
    let consent = ConsentInput {
        purpose_id: health,
        method: Method::Paper,
        text: "Ik geef uitdrukkelijk toestemming.".into(),
        evidence: None,
    };
    v.write(|tx, c| consent::give(tx, c, first, &consent)).unwrap();
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
    if with_value {
        v.write(|tx, c| fields::set_value(tx, c, first, field, "pinda's", false)).unwrap();
    }
}

#[test]
fn without_a_remembered_key_and_with_a_recent_backup_the_draft_points_to_the_encryption_exception()
{
    let (tv, mut v) = vault_with(3);
    backup_now(&tv, &mut v);
    let mut v = reopen(&tv, v, "2026-03-01T11:30:00Z");
    let d = lost_device_draft(&v, false, Language::Nl).unwrap();

    assert_eq!(d.facts.contacts, 3);
    assert!(!d.facts.remembered);
    assert!(d.facts.backup_recent);
    assert_eq!(d.facts.last_backup_at.as_deref(), Some("2026-03-01T09:30:00Z"));
    assert_eq!(d.facts.data_categories, ["naam", "e-mail"]);
    assert!(d.facts.special_fields.is_empty());

    assert_eq!(d.input.nature, [Nature::Confidentiality], "a recent backup: no availability");
    assert_eq!(d.input.approx_people, Some(3));
    assert_eq!(d.input.risk, Some(Risk::NoRisk));
    assert_eq!(d.suggested_exception, Some(Exception::Encrypted));
    assert_eq!(d.details.special_categories, Some(false));
    assert_eq!(d.details.bsn, Some(false));
    assert_eq!(d.details.data_categories.as_deref(), Some(&["naam".into(), "e-mail".into()][..]));
    let measures = d.details.measures_before.as_deref().unwrap();
    for needle in ["SQLCipher 4", "AES-256", "Elke back-up is versleuteld", "niet onthouden"] {
        assert!(measures.contains(needle), "{needle} in {measures}");
    }
    let explanation = d.explanation.join("\n");
    assert!(explanation.contains("Art. 34 lid 3 onder a"), "{explanation}");
    assert!(explanation.contains("waarschijnlijk van toepassing"), "{explanation}");
    assert!(d.details.consequences.as_deref().unwrap().contains("3 personen"));

    // The draft stores nothing; saved, it decides nothing either.
    assert!(breaches::list(v.conn(), v.now()).unwrap().is_empty());
    let id = v.write(|tx, c| breaches::add_with_details(tx, c, &d.input, &d.details)).unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!((b.ap_decision, b.people_decision, b.people_exception), (None, None, None));
    assert!(b.deadline.running);
    assert_eq!(b.approx_people, Some(3));
    assert_eq!(b.data_categories, ["naam", "e-mail"]);
    assert!(b.measures_before.contains("AES-256"));
}

#[test]
fn with_a_remembered_key_and_special_categories_the_draft_says_high_risk_and_no_exception() {
    let (tv, mut v) = vault_with(2);
    health_field(&mut v, true);
    backup_now(&tv, &mut v);
    let d = lost_device_draft(&v, true, Language::En).unwrap();

    assert!(d.facts.remembered);
    assert_eq!(d.facts.special_fields, ["Allergieën"]);
    assert!(d.facts.data_categories.contains(&"Allergieën".to_owned()));
    assert!(d.facts.data_categories.contains(&"gezondheid".to_owned()));
    assert_eq!(d.details.special_categories, Some(true));
    assert_eq!(d.input.risk, Some(Risk::High));
    assert_eq!(d.suggested_exception, None, "the device opened the vault by itself");
    assert_eq!(d.input.nature, [Nature::Confidentiality]);
    let measures = d.details.measures_before.as_deref().unwrap();
    assert!(measures.contains("remembered on this device"), "{measures}");
    let explanation = d.explanation.join("\n");
    assert!(explanation.contains("probably does not apply"), "{explanation}");
    assert!(d.details.consequences.as_deref().unwrap().contains("can read the data of 2 people"));

    // Without special-category values the same device is a risk, not a high risk.
    let (_tv, mut v) = vault_with(2);
    health_field(&mut v, false);
    let d = lost_device_draft(&v, true, Language::En).unwrap();
    assert!(d.facts.special_fields.is_empty(), "a field without values is no data");
    assert_eq!((d.input.risk, d.details.special_categories), (Some(Risk::Risk), Some(false)));
}

#[test]
fn without_a_recent_backup_the_loss_is_also_an_availability_breach() {
    // A backup older than the schedule's 24 hours.
    let (tv, mut v) = vault_with(4);
    backup_now(&tv, &mut v);
    let v = reopen(&tv, v, "2026-03-02T10:00:00Z");
    let d = lost_device_draft(&v, false, Language::Nl).unwrap();
    assert!(!d.facts.backup_recent);
    assert_eq!(d.input.nature, [Nature::Confidentiality, Nature::Availability]);
    assert_eq!(d.input.risk, Some(Risk::Risk));
    assert_eq!(d.suggested_exception, Some(Exception::Encrypted));
    assert!(d.details.consequences.as_deref().unwrap().contains("geen recente back-up"));
    assert!(d.details.measures_before.as_deref().unwrap().contains("langer dan 24 uur geleden"));

    // No backup ever made.
    let (_tv, v) = vault_with(1);
    let d = lost_device_draft(&v, false, Language::En).unwrap();
    assert_eq!((d.facts.last_backup_at.as_deref(), d.facts.backup_recent), (None, false));
    assert!(d.input.nature.contains(&Nature::Availability));
    assert!(d.details.measures_before.as_deref().unwrap().contains("Kluis has made no backup"));
    assert_eq!(d.input.approx_people, Some(1));
}
