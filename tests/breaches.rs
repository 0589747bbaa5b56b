//! The breach register (issue 15, part 1) in the core: the record and its rules, the 72-hour
//! clock in absolute time (property tests over any instant and any offset), the notification
//! refused after 72 hours without a reason, links to contacts that go with an erasure or a
//! purge while the counts stay, the retention rule of its own, and audit rows without values.

mod common;

use chrono::{DateTime, Duration, FixedOffset, Utc};
use common::*;
use kluis::app::unlock::{open_without_purge, unlock};
use kluis::domain::breaches::{
    self, deadline, BreachEdit, BreachInput, Exception, Nature, People, Risk,
};
use kluis::domain::contacts::{self, privacy, ContactInput};
use kluis::domain::retention::rules::RuleKey;
use kluis::vault::Secret;
use kluis::{Clock, Vault};
use proptest::prelude::*;

fn at(s: &str) -> Clock {
    Clock::fixed_from_rfc3339(s).unwrap()
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn reopen(tv: &TempVault, v: Vault, when: &str) -> Vault {
    v.lock();
    open_without_purge(&tv.dir(), Secret::Passphrase(PASS), at(when), "test").unwrap()
}

fn input(aware: &str, description: &str) -> BreachInput {
    BreachInput {
        aware_at: aware.into(),
        description: description.into(),
        ..BreachInput::default()
    }
}

fn person(v: &mut Vault, name: &str) -> i64 {
    let mut c = ContactInput::new(name);
    c.emails = vec![format!("{}@example.nl", name.to_lowercase().replace(' ', "."))];
    contacts::create(v, &c, false).unwrap()
}

#[test]
fn a_breach_is_registered_with_its_clock_and_every_field_of_the_register() {
    let (tv, v) = new_vault();
    let mut v = reopen(&tv, v, "2026-03-28T12:30:00Z");
    let id = v
        .write(|tx, c| {
            breaches::add(
                tx,
                c,
                &BreachInput {
                    occurred_at: Some("2026-03-26T20:00:00+01:00".into()),
                    nature: vec![
                        Nature::Availability,
                        Nature::Confidentiality,
                        Nature::Availability,
                    ],
                    approx_people: Some(120),
                    risk: Some(Risk::Risk),
                    ..input("2026-03-27T12:00:00+01:00", "Laptop gestolen uit de auto")
                },
            )
        })
        .unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!(b.reference, format!("2026-{id:03}"));
    assert_eq!(b.aware_at, "2026-03-27T11:00:00Z");
    assert_eq!(b.occurred_at.as_deref(), Some("2026-03-26T19:00:00Z"));
    assert_eq!(
        b.nature,
        [Nature::Confidentiality, Nature::Availability],
        "a set, in a fixed order"
    );
    assert_eq!(b.approx_people, Some(120));
    assert!(b.deadline.running && !b.deadline.overdue);
    assert_eq!(t(&b.deadline.notify_by), t("2026-03-30T11:00:00Z"));
    assert_eq!(b.deadline.text, "46 h 30 min left");
    v.write(|tx, c| {
        breaches::edit(
            tx,
            c,
            id,
            &BreachEdit {
                data_categories: Some(vec!["contactgegevens".into(), "notities".into()]),
                special_categories: Some(true),
                bsn: Some(false),
                approx_records: Some(480),
                consequences: Some("Misbruik van adresgegevens".into()),
                measures_before: Some("Kluis versleuteld (SQLCipher)".into()),
                corrective_measures: Some("Sleutel op afstand gewist".into()),
                preventive_measures: Some("Schijfversleuteling aangezet".into()),
                risk: Some(Risk::High),
                risk_reasoning: Some("Notities bevatten gezondheidsgegevens".into()),
                privacy_officer: Some(true),
                ..BreachEdit::default()
            },
        )
    })
    .unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!(b.data_categories, ["contactgegevens", "notities"]);
    assert!(b.special_categories && !b.bsn && b.privacy_officer);
    assert_eq!(b.approx_records, Some(480));
    assert_eq!(
        (b.corrective_measures.as_str(), b.preventive_measures.as_str()),
        ("Sleutel op afstand gewist", "Schijfversleuteling aangezet")
    );
    assert_eq!(b.risk, Some(Risk::High));
    // Wrong input is refused, naming the field.
    let e = v.write(|tx, c| breaches::add(tx, c, &input("2026-03-29T10:00:00Z", "x"))).unwrap_err();
    assert_eq!(e.field(), Some("aware_at"), "in the future");
    let e = v
        .write(|tx, c| {
            breaches::add(
                tx,
                c,
                &BreachInput {
                    occurred_at: Some("2026-03-28T10:00:00Z".into()),
                    ..input("2026-03-27T10:00:00Z", "x")
                },
            )
        })
        .unwrap_err();
    assert_eq!(e.field(), Some("occurred_at"), "after becoming aware");
    let e =
        v.write(|tx, c| breaches::add(tx, c, &input("2026-03-27T10:00:00Z", "  "))).unwrap_err();
    assert_eq!(e.field(), Some("description"));
    assert!(v.write(|tx, c| breaches::edit(tx, c, id, &BreachEdit::default())).is_err());
    assert!(breaches::get(v.conn(), 999, v.now()).is_err());
}

#[test]
fn notifying_after_72_hours_needs_the_reason_for_the_delay() {
    let (tv, v) = new_vault();
    let mut v = reopen(&tv, v, "2026-04-02T09:00:00Z");
    let id = v
        .write(|tx, c| breaches::add(tx, c, &input("2026-03-27T12:00:00+01:00", "USB-stick kwijt")))
        .unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert!(b.deadline.overdue);
    assert_eq!(b.deadline.text, "overdue by 70 h");
    // One minute late, no reason: refused, and nothing is recorded.
    let e = v
        .write(|tx, c| breaches::notify(tx, c, id, "2026-03-30T11:01:00Z", Some("AP-1"), None))
        .unwrap_err();
    assert_eq!(e.field(), Some("late_reason"));
    assert!(breaches::get(v.conn(), id, v.now()).unwrap().notified_at.is_none());
    // Exactly at 72 hours is in time.
    let on_time = v
        .write(|tx, c| breaches::add(tx, c, &input("2026-03-27T12:00:00+01:00", "tweede")))
        .unwrap();
    v.write(|tx, c| breaches::notify(tx, c, on_time, "2026-03-30T13:00:00+02:00", None, None))
        .unwrap();
    // Before becoming aware, or in the future: refused.
    assert!(v
        .write(|tx, c| breaches::notify(tx, c, id, "2026-03-27T10:00:00Z", None, None))
        .is_err());
    assert!(v
        .write(|tx, c| breaches::notify(tx, c, id, "2026-04-03T10:00:00Z", None, Some("x")))
        .is_err());
    v.write(|tx, c| {
        breaches::notify(
            tx,
            c,
            id,
            "2026-03-31T09:00:00Z",
            Some("AP-2026-0042"),
            Some("Pas na de vakantie ontdekt hoe ernstig"),
        )
    })
    .unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!(b.ap_decision, Some(breaches::ApDecision::Notify));
    assert_eq!(b.ap_case_number.as_deref(), Some("AP-2026-0042"));
    assert!(!b.deadline.running && !b.deadline.overdue, "the clock stops at the decision");
    // Deciding not to notify after a notification is refused.
    assert!(v.write(|tx, c| breaches::decide_no_notify(tx, c, id, "toch niet")).is_err());
    // Follow-ups append, after the first notification only.
    v.write(|tx, c| {
        breaches::follow_up(tx, c, id, "2026-04-01T10:00:00Z", "Aantal betrokkenen bijgesteld")
    })
    .unwrap();
    v.write(|tx, c| breaches::follow_up(tx, c, id, "2026-04-02T08:00:00Z", "Laptop teruggevonden"))
        .unwrap();
    let other =
        v.write(|tx, c| breaches::add(tx, c, &input("2026-04-01T12:00:00Z", "derde"))).unwrap();
    assert!(v
        .write(|tx, c| breaches::follow_up(tx, c, other, "2026-04-01T13:00:00Z", "x"))
        .is_err());
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!(
        b.follow_ups.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(),
        ["Aantal betrokkenen bijgesteld", "Laptop teruggevonden"]
    );
}

#[test]
fn not_notifying_is_recorded_with_the_reason_and_the_people_decision_with_its_exception() {
    let (tv, v) = new_vault();
    let mut v = reopen(&tv, v, "2026-03-28T12:00:00Z");
    let id = v
        .write(|tx, c| breaches::add(tx, c, &input("2026-03-28T09:00:00Z", "Back-upschijf kwijt")))
        .unwrap();
    assert!(
        v.write(|tx, c| breaches::close(tx, c, id)).is_err(),
        "no closing while the AP decision is open"
    );
    assert_eq!(
        v.write(|tx, c| breaches::decide_no_notify(tx, c, id, " ")).unwrap_err().field(),
        Some("reason")
    );
    v.write(|tx, c| {
        breaches::decide_no_notify(
            tx,
            c,
            id,
            "Back-up versleuteld met AES-256; sleutel niet op de schijf",
        )
    })
    .unwrap();
    v.write(|tx, c| breaches::inform(tx, c, id, &People::Exception(Exception::Encrypted))).unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!(b.ap_decision, Some(breaches::ApDecision::NoNotify));
    assert_eq!(
        (b.people_decision.as_deref(), b.people_exception),
        (Some("exception"), Some(Exception::Encrypted))
    );
    v.write(|tx, c| {
        breaches::inform(
            tx,
            c,
            id,
            &People::Informed {
                at: "2026-03-28T11:00:00Z".into(),
                how: "E-mail aan elke klant".into(),
            },
        )
    })
    .unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!(
        (b.people_decision.as_deref(), b.people_exception, b.people_informed_how.as_deref()),
        (Some("informed"), None, Some("E-mail aan elke klant"))
    );
    v.write(|tx, c| breaches::close(tx, c, id)).unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!(
        (b.status, b.closed_at.as_deref()),
        (breaches::Status::Closed, Some("2026-03-28T12:00:00Z"))
    );
}

#[test]
fn a_link_goes_with_an_erasure_or_a_purge_and_the_counts_stay() {
    let (tv, v) = new_vault();
    let mut v = reopen(&tv, v, "2026-03-28T12:00:00Z");
    let anna = person(&mut v, "Anna Lek");
    let bert = person(&mut v, "Bert Lek");
    // A restricted contact can be linked: the register is a legal obligation.
    v.write(|tx, c| privacy::restrict(tx, c, bert, "betwist de juistheid")).unwrap();
    let id = v
        .write(|tx, c| {
            breaches::add(
                tx,
                c,
                &BreachInput {
                    approx_people: Some(2),
                    ..input("2026-03-28T09:00:00Z", "Mail aan verkeerde ontvanger")
                },
            )
        })
        .unwrap();
    v.write(|tx, c| breaches::link(tx, c, id, anna)).unwrap();
    v.write(|tx, c| breaches::link(tx, c, id, bert)).unwrap();
    v.write(|tx, c| breaches::link(tx, c, id, anna)).unwrap(); // twice is once
    assert!(v.write(|tx, c| breaches::link(tx, c, id, 9999)).is_err());
    assert_eq!(breaches::get(v.conn(), id, v.now()).unwrap().contacts, [anna, bert]);
    assert_eq!(
        breaches::for_contact(v.conn(), anna).unwrap()[0].reference,
        format!("2026-{id:03}")
    );
    kluis::app::erase::erase(&mut v, anna, None, false).unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert_eq!(b.contacts, [bert]);
    assert_eq!(b.approx_people, Some(2), "the count stays");
    assert!(breaches::for_contact(v.conn(), anna).unwrap().is_empty());
    v.write(|tx, c| breaches::unlink(tx, c, id, bert)).unwrap();
    assert!(breaches::get(v.conn(), id, v.now()).unwrap().contacts.is_empty());
}

#[test]
fn closed_breaches_are_purged_after_five_years_and_open_ones_stay() {
    let (tv, v) = new_vault();
    let mut v = reopen(&tv, v, "2026-03-28T12:00:00Z");
    let rule =
        kluis::domain::retention::rules::list(v.conn(), kluis::kernel::language::Language::En)
            .unwrap()
            .into_iter()
            .find(|r| r.key == RuleKey::Breaches)
            .unwrap();
    assert_eq!(rule.period, "5y");
    let closed = v
        .write(|tx, c| breaches::add(tx, c, &input("2026-03-28T09:00:00Z", "afgesloten")))
        .unwrap();
    let open =
        v.write(|tx, c| breaches::add(tx, c, &input("2026-03-28T09:00:00Z", "open"))).unwrap();
    v.write(|tx, c| breaches::notify(tx, c, closed, "2026-03-28T10:00:00Z", None, None)).unwrap();
    v.write(|tx, c| breaches::follow_up(tx, c, closed, "2026-03-28T11:00:00Z", "aanvulling"))
        .unwrap();
    v.write(|tx, c| breaches::close(tx, c, closed)).unwrap();
    v.lock();
    // One day short of five years: nothing goes.
    let u = unlock(&tv.dir(), PASS, at("2031-03-27T12:00:00Z"), "test").unwrap();
    assert_eq!(breaches::list(u.vault.conn(), u.vault.now()).unwrap().len(), 2);
    u.vault.lock();
    let u = unlock(&tv.dir(), PASS, at("2031-03-29T12:00:00Z"), "test").unwrap();
    assert_eq!(u.purge.records_deleted, 1);
    let left: Vec<i64> =
        breaches::list(u.vault.conn(), u.vault.now()).unwrap().iter().map(|b| b.id).collect();
    assert_eq!(left, [open]);
    let follow_ups: i64 = u
        .vault
        .conn()
        .query_row("SELECT count(*) FROM breach_followups", [], |r| r.get(0))
        .unwrap();
    assert_eq!(follow_ups, 0, "the follow-ups went with the record");
    let log = kluis::domain::retention::deletion_log(u.vault.conn()).unwrap();
    assert!(log.iter().any(|e| e.rule == "breaches" && e.count == 1), "{log:?}");
}

/// action, entity, entity id, fields, detail.
type AuditRow = (String, String, Option<i64>, String, Option<String>);

#[test]
fn audit_rows_name_the_breach_and_the_fields_never_the_values() {
    let (tv, v) = new_vault();
    let mut v = reopen(&tv, v, "2026-03-28T12:00:00Z");
    let id = v
        .write(|tx, c| {
            breaches::add(tx, c, &input("2026-03-28T09:00:00Z", "Geheime-omschrijving-xyz"))
        })
        .unwrap();
    v.write(|tx, c| breaches::decide_no_notify(tx, c, id, "Geheime-reden-xyz")).unwrap();
    let rows: Vec<AuditRow> = {
        let mut s = v.conn().prepare("SELECT action, entity, entity_id, fields, detail FROM audit WHERE action LIKE 'breach.%' ORDER BY id").unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1.as_str(), rows[0].2),
        ("breach.add", "breach", Some(id))
    );
    assert_eq!(rows[1].3, r#"["ap_decision","ap_decision_reason"]"#);
    for r in &rows {
        let all = format!("{r:?}");
        assert!(!all.contains("xyz"), "a value in an audit row: {all}");
    }
}

fn offset() -> impl Strategy<Value = FixedOffset> {
    // Every offset in use, and more: UTC−14:00 to UTC+14:00 by the minute.
    (-14 * 60..=14 * 60i32).prop_map(|m| FixedOffset::east_opt(m * 60).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any instant (1970–2100), written with any offset: the deadline is exactly 72 hours
    /// later, and written back with that offset it reads as the same moment.
    #[test]
    fn notify_by_is_exactly_72_hours_after_becoming_aware(secs in 0i64..4_102_444_800, off in offset()) {
        let typed = DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&off).to_rfc3339();
        let aware = kluis::kernel::date::parse_instant(&typed, "aware_at").unwrap();
        let by = deadline::notify_by(aware);
        prop_assert_eq!(by - aware, Duration::hours(72));
        let shown = deadline::in_zone(by, &off);
        prop_assert!(shown.ends_with(&off.to_string()), "{} with {}", shown, off);
        prop_assert_eq!(DateTime::parse_from_rfc3339(&shown).unwrap(), by);
        // Seen at any moment, the minutes left and the time passed add up to 72 hours.
        let d = deadline::at(aware, aware + Duration::minutes(secs % 10_000), false);
        prop_assert_eq!(d.minutes_left, 72 * 60 - secs % 10_000);
        prop_assert_eq!(d.overdue, secs % 10_000 > 72 * 60);
    }
}

/// The same through the register: a breach typed with any offset shows a `notify_by` 72
/// hours after the stored moment of becoming aware.
#[test]
fn the_register_shows_notify_by_72_hours_after_aware_for_any_offset() {
    let (tv, v) = new_vault();
    let v = std::cell::RefCell::new(reopen(&tv, v, "2099-12-31T00:00:00Z"));
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(48));
    runner
        .run(&(0i64..4_000_000_000, offset()), |(secs, off)| {
            let typed = DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&off).to_rfc3339();
            let mut v = v.borrow_mut();
            let id = v.write(|tx, c| breaches::add(tx, c, &input(&typed, "prop"))).unwrap();
            let b = breaches::get(v.conn(), id, v.now()).unwrap();
            prop_assert_eq!(t(&b.deadline.notify_by) - t(&b.aware_at), Duration::hours(72));
            prop_assert_eq!(t(&b.aware_at), t(&typed));
            Ok(())
        })
        .unwrap();
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The person a breach concerns finds it in their access report (reference, date, nature, in
/// Dutch and English) and in the portability JSON; a person it does not concern does not; after
/// the erasure the link is gone and the person's values are in no decrypted page, while the
/// breach record and its count stay.
#[test]
fn the_access_report_and_the_portability_export_name_the_breaches_that_concern_a_person() {
    use kluis::domain::export::sar;
    use kluis::kernel::language::Language;
    use std::io::Read;
    let (tv, v) = new_vault();
    let mut v = reopen(&tv, v, "2026-03-28T12:00:00Z");
    let anna = person(&mut v, "Annabel Lekkerkerker");
    let other = person(&mut v, "Ongemoeid Persoon");
    let id = v
        .write(|tx, c| {
            breaches::add(
                tx,
                c,
                &BreachInput {
                    reference: Some("DL-7".into()),
                    occurred_at: Some("2026-03-26T20:00:00Z".into()),
                    nature: vec![Nature::Confidentiality, Nature::Integrity],
                    approx_people: Some(1),
                    ..input("2026-03-27T12:00:00+01:00", "Mail met bijlage aan verkeerde ontvanger")
                },
            )
        })
        .unwrap();
    v.write(|tx, c| breaches::link(tx, c, id, anna)).unwrap();
    let nl = pdftotext(&v.write(|tx, c| sar::pdf(tx, c, anna, Language::Nl, None)).unwrap());
    assert!(nl.contains("Datalekken"), "{nl}");
    assert!(nl.contains("DL-7") && nl.contains("26-03-2026"), "{nl}");
    assert!(nl.contains("vertrouwelijkheid, integriteit"), "{nl}");
    let en = pdftotext(&v.write(|tx, c| sar::pdf(tx, c, anna, Language::En, None)).unwrap());
    assert!(en.contains("Data breaches") && en.contains("confidentiality, integrity"), "{en}");
    let none = pdftotext(&v.write(|tx, c| sar::pdf(tx, c, other, Language::Nl, None)).unwrap());
    assert!(!none.contains("DL-7") && !none.contains("Datalekken"), "{none}");
    let zip = v.write(|tx, c| sar::portability_zip(tx, c, anna, false, c.now)).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut json = String::new();
    archive.by_name("data.json").unwrap().read_to_string(&mut json).unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["breaches"][0]["reference"], "DL-7");
    assert_eq!(data["breaches"][0]["nature"], serde_json::json!(["confidentiality", "integrity"]));
    assert_eq!(data["breaches"][0]["aware_at"], "2026-03-27T11:00:00Z");

    kluis::app::erase::erase(&mut v, anna, None, false).unwrap();
    let b = breaches::get(v.conn(), id, v.now()).unwrap();
    assert!(b.contacts.is_empty());
    assert_eq!(b.approx_people, Some(1));
    let links: i64 = v
        .conn()
        .query_row("SELECT count(*) FROM breach_contacts WHERE contact_id = ?1", [anna], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(links, 0);
    v.lock();
    let key = data_key(&tv.dir(), PASS);
    let pages = decrypt_pages(&std::fs::read(tv.dir().join("kluis.db")).unwrap(), &key);
    for gone in ["Annabel Lekkerkerker", "annabel.lekkerkerker@example.nl"] {
        assert!(!contains(&pages, gone.as_bytes()), "{gone} lingers in the decrypted pages");
    }
    assert!(contains(&pages, b"Mail met bijlage aan verkeerde ontvanger"), "the record stays");
}

/// The EU summer-time rule as the Netherlands follows it since 1996 (+01:00, and +02:00 from
/// the last Sunday of March to the last Sunday of October, both at 01:00 UTC): a time zone with
/// daylight-saving changes for the property tests, written from the rule itself since the
/// time-zone database is not a dependency of the core.
#[derive(Debug, Clone, Copy)]
struct EuNl;

#[derive(Debug, Clone, Copy)]
struct EuNlOffset(FixedOffset);

impl chrono::Offset for EuNlOffset {
    fn fix(&self) -> FixedOffset {
        self.0
    }
}

impl std::fmt::Display for EuNlOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// 01:00 UTC on the last Sunday of `month` in `year`.
fn last_sunday_1am(year: i32, month: u32) -> chrono::NaiveDateTime {
    use chrono::Datelike;
    let mut d = chrono::NaiveDate::from_ymd_opt(year, month + 1, 1).unwrap().pred_opt().unwrap();
    while d.weekday() != chrono::Weekday::Sun {
        d = d.pred_opt().unwrap();
    }
    d.and_hms_opt(1, 0, 0).unwrap()
}

impl chrono::TimeZone for EuNl {
    type Offset = EuNlOffset;

    fn from_offset(_: &EuNlOffset) -> Self {
        EuNl
    }

    fn offset_from_utc_date(&self, utc: &chrono::NaiveDate) -> EuNlOffset {
        self.offset_from_utc_datetime(&utc.and_hms_opt(0, 0, 0).unwrap())
    }

    fn offset_from_utc_datetime(&self, utc: &chrono::NaiveDateTime) -> EuNlOffset {
        use chrono::Datelike;
        let summer =
            *utc >= last_sunday_1am(utc.year(), 3) && *utc < last_sunday_1am(utc.year(), 10);
        EuNlOffset(FixedOffset::east_opt(if summer { 7200 } else { 3600 }).unwrap())
    }

    fn offset_from_local_date(&self, local: &chrono::NaiveDate) -> chrono::LocalResult<EuNlOffset> {
        self.offset_from_local_datetime(&local.and_hms_opt(0, 0, 0).unwrap())
    }

    fn offset_from_local_datetime(
        &self,
        local: &chrono::NaiveDateTime,
    ) -> chrono::LocalResult<EuNlOffset> {
        // The offsets under which this wall-clock time exists, the earlier instant first.
        let fits: Vec<EuNlOffset> = [7200, 3600]
            .into_iter()
            .map(|s| FixedOffset::east_opt(s).unwrap())
            .filter(|o| {
                let utc = *local - Duration::seconds(i64::from(o.local_minus_utc()));
                self.offset_from_utc_datetime(&utc).0 == *o
            })
            .map(EuNlOffset)
            .collect();
        match fits[..] {
            [one] => chrono::LocalResult::Single(one),
            [first, second] => chrono::LocalResult::Ambiguous(first, second),
            _ => chrono::LocalResult::None,
        }
    }
}

#[test]
fn the_summer_time_model_knows_the_dutch_changes_of_2026() {
    let by = deadline::notify_by(t("2026-03-27T12:00:00+01:00"));
    assert_eq!(deadline::in_zone(by, &EuNl), "2026-03-30T13:00:00+02:00");
    assert_eq!(deadline::in_zone(t("2026-10-25T00:59:59Z"), &EuNl), "2026-10-25T02:59:59+02:00");
    assert_eq!(deadline::in_zone(t("2026-10-25T01:00:00Z"), &EuNl), "2026-10-25T02:00:00+01:00");
    // 02:30 on 29 March 2026 does not exist; 02:30 on 25 October 2026 happens twice.
    let typed = |s: &str| kluis::kernel::date::parse_instant_in(s, "aware_at", &EuNl);
    assert!(typed("29-03-2026 02:30").is_err());
    assert_eq!(typed("25-10-2026 02:30").unwrap(), t("2026-10-25T00:30:00Z"), "the first one");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Across the daylight-saving changes: for any moment of becoming aware (1996–2099, typed as
    /// a Dutch wall-clock time or as an instant), notify_by is 72 real hours later; on the wall
    /// clock that is 73 hours across the change to summer time, 71 across the change back, and
    /// 72 otherwise — never 72 wall-clock hours.
    #[test]
    fn notify_by_is_72_real_hours_across_daylight_saving_changes(secs in 820_454_400i64..4_102_444_800) {
        let aware = DateTime::from_timestamp(secs - secs % 60, 0).unwrap();
        let by = deadline::notify_by(aware);
        prop_assert_eq!(by - aware, Duration::hours(72));
        let (wall_aware, wall_by) = (aware.with_timezone(&EuNl), by.with_timezone(&EuNl));
        let wall = wall_by.naive_local() - wall_aware.naive_local();
        let shift = i64::from(wall_by.offset().0.local_minus_utc() - wall_aware.offset().0.local_minus_utc());
        prop_assert_eq!(wall, Duration::hours(72) + Duration::seconds(shift));
        prop_assert!(shift == 0 || shift == 3600 || shift == -3600);
        let shown = deadline::in_zone(by, &EuNl);
        prop_assert_eq!(DateTime::parse_from_rfc3339(&shown).unwrap(), by);
        // Typed as the wall-clock time a Dutch user reads (the first of a doubled hour).
        let typed = wall_aware.format("%d-%m-%Y %H:%M").to_string();
        let parsed = kluis::kernel::date::parse_instant_in(&typed, "aware_at", &EuNl).unwrap();
        prop_assert!(parsed == aware || parsed == aware - Duration::hours(1), "{} → {}", typed, parsed);
        prop_assert_eq!(deadline::notify_by(parsed) - parsed, Duration::hours(72));
    }
}
