//! The processor register (Art. 28, Art. 30(1)(d)): processors with their purposes, the
//! agreement's SHA-256, the flags computed at the clock, the safeguard rules for a transfer
//! outside the EU/EEA, audit rows without values; the free-text recipients of purposes moved
//! into the register by the schema-12 migration; purposes written with recipient names link
//! (or create) processors case-insensitively; and the subject-access PDF and portability JSON
//! naming only the processors of the person's purposes.

mod common;

use std::collections::BTreeSet;
use std::io::Read;
use std::process::Command;

use common::*;
use kluis::domain::consent;
use kluis::domain::contacts::{self, ContactInput};
use kluis::domain::export::sar;
use kluis::domain::register::processors::{
    self, Flag, ProcessorInput, ProcessorPatch, Safeguard, Service,
};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::kernel::language::Language;
use kluis::vault::Secret;
use kluis::{Clock, Vault};

fn purpose(v: &mut Vault, name: &str, recipients: &[&str]) -> i64 {
    v.write(|tx, c| {
        let mut p = PurposeInput::new(name, Basis::Contract);
        p.recipients = recipients.iter().map(|s| (*s).to_owned()).collect();
        purposes::create(tx, c, &p)
    })
    .unwrap()
}

fn add(v: &mut Vault, input: &ProcessorInput) -> i64 {
    v.write(|tx, c| processors::create(tx, c, input)).unwrap()
}

fn audit_text(v: &Vault) -> String {
    v.conn()
        .query_row(
            "SELECT group_concat(action || entity || fields || coalesce(detail, ''), '|') FROM audit",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_processor_is_stored_with_its_purposes_and_flagged_at_the_clock() {
    let (t, mut v) = new_vault();
    let admin = purpose(&mut v, "Klantadministratie", &[]);
    let invoices = purpose(&mut v, "Facturatie", &[]);
    let dpa = t.tmp.path().join("verwerkersovereenkomst-jansen.pdf");
    std::fs::write(&dpa, b"%PDF-1.4 signed agreement").unwrap();
    let mut jansen = ProcessorInput::new("Boekhouder Jansen", Service::Accounting);
    jansen.contact = "info@jansen-boekhouding.nl".into();
    jansen.purposes = vec![invoices, admin];
    jansen.data_categories = vec!["naam".into(), " facturen ".into(), "".into()];
    jansen.dpa_signed_on = Some("15-01-2025".into());
    jansen.dpa_file = Some(dpa.clone());
    // The clock of the tests is 1 March 2026: a review on 28 February is past.
    jansen.review_on = Some("2026-02-28".into());
    let id = add(&mut v, &jansen);

    let ctx = v.ctx();
    let p = processors::get(v.conn(), &ctx, id).unwrap();
    assert_eq!(p.name, "Boekhouder Jansen");
    assert_eq!(p.service, Service::Accounting);
    let names: Vec<&str> = p.purposes.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Facturatie", "Klantadministratie"]);
    assert_eq!(p.data_categories, ["naam", "facturen"]);
    assert_eq!(p.dpa_signed_on.as_deref(), Some("2025-01-15"));
    assert_eq!(p.dpa_reference.as_deref(), Some("verwerkersovereenkomst-jansen.pdf"));
    assert_eq!(
        p.dpa_sha256.as_deref(),
        Some(sar::sha256_hex(b"%PDF-1.4 signed agreement").as_str())
    );
    assert_eq!(p.flags, [Flag::ReviewOverdue]);
    // The purposes' recipients are read from the register.
    assert_eq!(purposes::get(v.conn(), admin).unwrap().recipients, ["Boekhouder Jansen"]);

    // The review date itself is not past; the day after it is.
    let on_the_day = Clock::fixed_from_rfc3339("2026-02-28T23:59:00Z").unwrap();
    let ctx = kluis::kernel::clock::Ctx { now: on_the_day.now(), actor: "t" };
    assert!(processors::get(v.conn(), &ctx, id).unwrap().flags.is_empty());

    // Without an agreement: flagged; without a review date: not overdue.
    let hosting = add(&mut v, &ProcessorInput::new("Hoster BV", Service::Hosting));
    let ctx = v.ctx();
    assert_eq!(processors::get(v.conn(), &ctx, hosting).unwrap().flags, [Flag::NoAgreement]);
    let list = processors::list(v.conn(), &ctx).unwrap();
    assert_eq!(list.iter().map(|p| p.id).collect::<Vec<_>>(), [id, hosting]);

    // The file itself is not stored: its bytes are in no decrypted page.
    v.checkpoint().unwrap();
    let key = data_key(&t.dir(), PASS);
    let pages = decrypt_pages(&std::fs::read(t.dir().join("kluis.db")).unwrap(), &key);
    assert!(!contains(&pages, b"signed agreement"));

    // Audit rows: ids and field names only, never the values.
    let audit = audit_text(&v);
    assert!(audit.contains("processor.create"), "{audit}");
    for value in ["Jansen", "jansen-boekhouding", "Hoster", "2025-01-15", "verwerkersovereenkomst"]
    {
        assert!(!audit.contains(value), "the audit trail holds {value:?}: {audit}");
    }
}

#[test]
fn edits_are_audited_by_field_name_and_keep_the_agreement_hash() {
    let (t, mut v) = new_vault();
    let dpa = t.tmp.path().join("dpa.pdf");
    std::fs::write(&dpa, b"agreement v1").unwrap();
    let mut input = ProcessorInput::new("Mailer", Service::Newsletter);
    input.dpa_signed_on = Some("2025-06-01".into());
    input.dpa_file = Some(dpa);
    let id = add(&mut v, &input);
    let ctx = v.ctx();
    let before = processors::get(v.conn(), &ctx, id).unwrap();

    let mut edit = ProcessorInput::from_processor(&before);
    edit.contact = "support@mailer.example".into();
    edit.review_on = Some("01-06-2027".into());
    v.write(|tx, c| processors::update(tx, c, id, &edit)).unwrap();
    let ctx = v.ctx();
    let after = processors::get(v.conn(), &ctx, id).unwrap();
    assert_eq!(after.dpa_sha256, before.dpa_sha256, "no new file: the hash stays");
    assert_eq!(after.review_on.as_deref(), Some("2027-06-01"));
    let fields: String = v
        .conn()
        .query_row(
            "SELECT fields FROM audit WHERE action = 'processor.update' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fields, r#"["contact","review_on"]"#);
    assert!(!audit_text(&v).contains("mailer.example"));

    // A new file replaces the hash; removing the agreement removes its hash and flags it.
    let dpa2 = t.tmp.path().join("dpa-2027.pdf");
    std::fs::write(&dpa2, b"agreement v2").unwrap();
    let patch = ProcessorPatch { dpa_file: Some(dpa2), ..ProcessorPatch::default() };
    v.write(|tx, c| processors::edit(tx, c, id, &patch)).unwrap();
    let p = processors::get(v.conn(), &v.ctx(), id).unwrap();
    assert_eq!(p.dpa_sha256.as_deref(), Some(sar::sha256_hex(b"agreement v2").as_str()));
    assert_eq!(p.dpa_reference.as_deref(), Some("dpa-2027.pdf"));
    assert_eq!(p.contact, "support@mailer.example", "what the patch does not name stays");
    let patch = ProcessorPatch { clear_dpa: true, ..ProcessorPatch::default() };
    v.write(|tx, c| processors::edit(tx, c, id, &patch)).unwrap();
    let p = processors::get(v.conn(), &v.ctx(), id).unwrap();
    assert_eq!((p.dpa_signed_on, p.dpa_reference, p.dpa_sha256), (None, None, None));
    assert_eq!(p.flags, [Flag::NoAgreement]);

    v.write(|tx, c| processors::remove(tx, c, id)).unwrap();
    let ctx = v.ctx();
    assert!(matches!(
        processors::get(v.conn(), &ctx, id),
        Err(kluis::kernel::error::Error::NotFound(_))
    ));
}

#[test]
fn a_transfer_outside_the_eu_needs_a_safeguard_and_names_are_unique() {
    let (_t, mut v) = new_vault();
    let mut input = ProcessorInput::new("Cloud Inc", Service::Hosting);
    input.outside_eu = true;
    let err = v.write(|tx, c| processors::create(tx, c, &input)).unwrap_err();
    assert!(err.to_string().contains("safeguard"), "{err}");
    input.safeguard = Some(Safeguard::Other);
    let err = v.write(|tx, c| processors::create(tx, c, &input)).unwrap_err();
    assert!(err.to_string().contains("describe"), "{err}");
    input.safeguard_note = "binding corporate rules".into();
    input.location = "Verenigde Staten".into();
    add(&mut v, &input);

    let mut inside = ProcessorInput::new("Hoster NL", Service::Hosting);
    inside.safeguard = Some(Safeguard::Scc);
    assert!(v.write(|tx, c| processors::create(tx, c, &inside)).is_err());

    let twin = ProcessorInput::new("cloud inc", Service::Other);
    let err = v.write(|tx, c| processors::create(tx, c, &twin)).unwrap_err();
    assert!(err.to_string().contains("exists already"), "{err}");
    let mut bad_date = ProcessorInput::new("X", Service::Other);
    bad_date.review_on = Some("31-02-2026".into());
    assert!(v.write(|tx, c| processors::create(tx, c, &bad_date)).is_err());
    let mut no_purpose = ProcessorInput::new("Y", Service::Other);
    no_purpose.purposes = vec![999];
    assert!(v.write(|tx, c| processors::create(tx, c, &no_purpose)).is_err());
}

#[test]
fn purposes_written_with_recipient_names_link_processors_case_insensitively() {
    let (_t, mut v) = new_vault();
    let a = purpose(&mut v, "Facturatie", &["Boekhouder Jansen"]);
    let b = purpose(&mut v, "Salaris", &["boekhouder jansen", "Loonbureau"]);
    let ctx = v.ctx();
    let list = processors::list(v.conn(), &ctx).unwrap();
    assert_eq!(list.len(), 2, "one processor per name, whatever the case: {list:?}");
    let jansen = &list[0];
    assert_eq!(jansen.name, "Boekhouder Jansen");
    assert_eq!(jansen.service, Service::Other);
    assert_eq!(jansen.flags, [Flag::NoAgreement]);
    let ids: BTreeSet<i64> = jansen.purposes.iter().map(|r| r.id).collect();
    assert_eq!(ids, BTreeSet::from([a, b]));
    // The purposes' own column is no longer written.
    let raw: String = v
        .conn()
        .query_row("SELECT group_concat(recipients) FROM purposes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(raw, "[],[]");

    // Updating a purpose with fewer names unlinks the others (the processor stays).
    let mut input = PurposeInput::new("Salaris", Basis::Contract);
    input.recipients = vec!["LOONBUREAU".into()];
    v.write(|tx, c| purposes::update(tx, c, b, &input)).unwrap();
    assert_eq!(purposes::get(v.conn(), b).unwrap().recipients, ["Loonbureau"]);
    let ctx = v.ctx();
    assert_eq!(processors::list(v.conn(), &ctx).unwrap().len(), 2);
}

#[test]
fn the_migration_moves_free_text_recipients_into_the_register() {
    let (t, mut v) = new_vault();
    let a = purpose(&mut v, "Facturatie", &[]);
    let b = purpose(&mut v, "Nieuwsbrief", &[]);
    let c = purpose(&mut v, "Relatiebeheer", &[]);
    // The vault as schema 12 left it: recipients as free text on the purposes, no register
    // (and none of what schemas 14 and 15 add).
    v.conn()
        .execute_batch(&format!(
            "DROP TABLE recipient_notices;
             DROP TABLE processor_purposes; DROP TABLE processors; DROP TABLE privacy_statements;
             ALTER TABLE purposes DROP COLUMN legitimate_interest;
             ALTER TABLE purposes DROP COLUMN requirement;
             ALTER TABLE purposes DROP COLUMN consequence;
             ALTER TABLE purposes DROP COLUMN source;
             UPDATE purposes SET recipients = '[\"Boekhouder Jansen\", \"Mailer\"]' WHERE id = {a};
             UPDATE purposes SET recipients = '[\"mailer\", \"  \"]' WHERE id = {b};
             UPDATE purposes SET recipients = 'not json' WHERE id = {c};
             PRAGMA user_version = 12;"
        ))
        .unwrap();
    v.lock();
    let v = Vault::open(&t.dir(), Secret::Passphrase(PASS), clock(), "t").unwrap();
    let ctx = v.ctx();
    let list = processors::list(v.conn(), &ctx).unwrap();
    let names: Vec<&str> = list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Boekhouder Jansen", "Mailer"]);
    for p in &list {
        assert_eq!(p.service, Service::Other);
        assert_eq!(p.flags, [Flag::NoAgreement], "no agreement: flagged");
    }
    let mailer: BTreeSet<i64> = list[1].purposes.iter().map(|r| r.id).collect();
    assert_eq!(mailer, BTreeSet::from([a, b]));
    assert_eq!(purposes::get(v.conn(), a).unwrap().recipients, ["Boekhouder Jansen", "Mailer"]);
    assert_eq!(purposes::get(v.conn(), b).unwrap().recipients, ["Mailer"]);
    assert!(purposes::get(v.conn(), c).unwrap().recipients.is_empty());
    let raw: i64 = v
        .conn()
        .query_row("SELECT count(*) FROM purposes WHERE recipients <> '[]'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(raw, 0, "one source: the free text is gone from the purposes");
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sar.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
    let t = String::from_utf8(out.stdout).unwrap();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn portability_json(v: &mut Vault, id: i64) -> serde_json::Value {
    let now = v.now();
    let zip = v.write(|tx, c| sar::portability_zip(tx, c, id, false, now)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut s = String::new();
    zip.by_name("data.json").unwrap().read_to_string(&mut s).unwrap();
    serde_json::from_str(&s).unwrap()
}

#[test]
fn the_access_report_names_only_the_processors_of_the_persons_purposes() {
    let (_t, mut v) = new_vault();
    let admin = purpose(&mut v, "Klantadministratie", &[]);
    let news = purpose(&mut v, "Nieuwsbrief", &[]);
    let mut jansen = ProcessorInput::new("Boekhouder Jansen", Service::Accounting);
    jansen.purposes = vec![admin];
    add(&mut v, &jansen);
    let mut mailer = ProcessorInput::new("Mailer Inc", Service::Newsletter);
    mailer.purposes = vec![news];
    mailer.outside_eu = true;
    mailer.location = "Verenigde Staten".into();
    mailer.safeguard = Some(Safeguard::Scc);
    add(&mut v, &mailer);
    add(&mut v, &ProcessorInput::new("Niemands Verwerker", Service::Other));

    let link = |v: &mut Vault, id: i64, purpose: i64| {
        v.write(|tx, c| {
            consent::link(tx, c, id, purpose, Some(Basis::Contract), consent::Source::Other)
        })
        .unwrap();
    };
    let anna = contacts::create(&mut v, &ContactInput::new("Anna de Vries"), false).unwrap();
    link(&mut v, anna, admin);
    let bram = contacts::create(&mut v, &ContactInput::new("Bram Bos"), false).unwrap();
    link(&mut v, bram, admin);
    link(&mut v, bram, news);
    let cor = contacts::create(&mut v, &ContactInput::new("Cor Claes"), false).unwrap();

    let report = |v: &mut Vault, id: i64, language| {
        pdf_text(&v.write(|tx, c| sar::pdf(tx, c, id, language, None)).unwrap())
    };
    let a = report(&mut v, anna, Language::Nl);
    assert!(a.contains("Boekhouder Jansen (boekhouding)"), "{a}");
    assert!(!a.contains("Mailer Inc"));
    assert!(!a.contains("Niemands Verwerker"));
    assert!(!a.contains("Wij delen uw gegevens met niemand."));
    assert!(a.contains("Geen. De gegevens staan versleuteld"), "no transfer for Anna");

    let b = report(&mut v, bram, Language::En);
    assert!(b.contains("Boekhouder Jansen (accounting)"), "{b}");
    assert!(b.contains("Mailer Inc (newsletter)"), "{b}");
    assert!(b.contains("Mailer Inc, Verenigde Staten: standard contractual clauses"), "{b}");
    assert!(!b.contains("Niemands Verwerker"));

    let c = report(&mut v, cor, Language::Nl);
    assert!(c.contains("Wij delen uw gegevens met niemand."), "no purposes, no recipients: {c}");

    let json = portability_json(&mut v, bram);
    let names: Vec<&str> = json["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Boekhouder Jansen", "Mailer Inc"]);
    assert_eq!(json["recipients"][1]["safeguard"], "scc");
    assert_eq!(json["recipients"][1]["purposes"], serde_json::json!(["Nieuwsbrief"]));
    assert_eq!(portability_json(&mut v, cor)["recipients"], serde_json::json!([]));
}
