//! Telling the recipients (Art. 19): a closed rectification request, an erasure and a
//! restriction list the processors of the person's purposes as a checklist on the request (or,
//! for a restriction without a request, on the contact); the date each was told is recorded
//! (not in the future); the checklist on a request survives the erasure of the person while a
//! contact's own goes with the contact; lines hold the processor's name, never the person's;
//! audit rows name ids and field names only; the lines are in the subject-access PDF and the
//! portability JSON; told contact lines go under the records' rule; and the CLI's
//! `request recipients` / `request told`.

mod common;

use std::io::Read;

use common::*;
use kluis::app;
use kluis::domain::consent;
use kluis::domain::contacts::{self, ContactInput};
use kluis::domain::export::sar;
use kluis::domain::register::processors::{self, ProcessorInput, Service};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::domain::requests::recipients::{self, NoticeAction, Target};
use kluis::domain::requests::{self, RequestKind};
use kluis::kernel::language::Language;
use kluis::Vault;

struct Setup {
    anna: i64,
    jansen: i64,
    mailer: i64,
}

/// Anna is linked to two purposes, each with its processor; a third processor has none of hers.
fn setup(v: &mut Vault) -> Setup {
    let mut purpose = |name: &str| {
        v.write(|tx, c| purposes::create(tx, c, &PurposeInput::new(name, Basis::Contract))).unwrap()
    };
    let admin = purpose("Klantadministratie");
    let news = purpose("Nieuwsbrief");
    let other = purpose("Sollicitaties");
    let mut add = |name: &str, service, purpose: i64| {
        let mut p = ProcessorInput::new(name, service);
        p.purposes = vec![purpose];
        v.write(|tx, c| processors::create(tx, c, &p)).unwrap()
    };
    let jansen = add("Boekhouder Jansen", Service::Accounting, admin);
    let mailer = add("Mailer Inc", Service::Newsletter, news);
    add("Werving BV", Service::Other, other);
    let anna = contacts::create(v, &ContactInput::new("Anna de Vries"), false).unwrap();
    for p in [admin, news] {
        v.write(|tx, c| {
            consent::link(tx, c, anna, p, Some(Basis::Contract), consent::Source::Other)
        })
        .unwrap();
    }
    Setup { anna, jansen, mailer }
}

fn names(list: &[recipients::RecipientNotice]) -> Vec<&str> {
    list.iter().map(|n| n.processor_name.as_str()).collect()
}

fn audit_text(v: &Vault) -> String {
    v.conn()
        .query_row(
            "SELECT group_concat(action || entity || coalesce(entity_id, '') || fields, '|')
             FROM audit",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn closing_a_rectification_request_lists_the_recipients_of_the_persons_purposes() {
    let (_t, mut v) = new_vault();
    let s = setup(&mut v);
    let r = app::requests::add_request(&mut v, s.anna, RequestKind::Rectification, "2026-02-20")
        .unwrap();
    assert!(recipients::of_request(v.conn(), r.id).unwrap().is_empty(), "not before it is done");
    v.write(|tx, c| requests::close(tx, c, r.id, "Adres gecorrigeerd")).unwrap();
    let list = recipients::of_request(v.conn(), r.id).unwrap();
    assert_eq!(names(&list), ["Boekhouder Jansen", "Mailer Inc"], "not Werving BV");
    assert!(list.iter().all(|n| n.action == NoticeAction::Rectification && n.told_at.is_none()));
    assert_eq!(list[0].processor_id, Some(s.jansen));

    // Told on a day; a day in the future or a wrong date is refused, nothing changes.
    let first = list[0].id;
    v.write(|tx, c| recipients::told(tx, c, first, "27-02-2026")).unwrap();
    let future = v.write(|tx, c| recipients::told(tx, c, first, "2026-03-02"));
    assert!(future.is_err(), "the test clock is 1 March 2026");
    assert!(v.write(|tx, c| recipients::told(tx, c, first, "gisteren")).is_err());
    assert!(v.write(|tx, c| recipients::told(tx, c, 9999, "2026-02-27")).is_err());
    let list = recipients::of_request(v.conn(), r.id).unwrap();
    assert_eq!(list[0].told_at.as_deref(), Some("2026-02-27"));
    assert_eq!(list[1].told_at, None);

    // The audit trail names ids and field names, never the names or the date.
    let audit = audit_text(&v);
    assert!(audit.contains(&format!("recipients.listrequest{}", r.id)), "{audit}");
    assert!(audit.contains(&format!("recipient.toldrecipient_notice{first}")), "{audit}");
    for value in ["Jansen", "Mailer", "Anna", "2026-02-27"] {
        assert!(!audit.contains(value), "the audit trail holds {value:?}: {audit}");
    }

    // Other requests list no one.
    let access =
        app::requests::add_request(&mut v, s.anna, RequestKind::Access, "2026-02-20").unwrap();
    v.write(|tx, c| requests::close(tx, c, access.id, "Inzage gestuurd")).unwrap();
    assert!(recipients::of_request(v.conn(), access.id).unwrap().is_empty());
}

#[test]
fn the_erasure_checklist_stays_on_the_request_after_the_person_is_gone() {
    let (t, mut v) = new_vault();
    let s = setup(&mut v);
    let r = app::requests::add_request(&mut v, s.anna, RequestKind::Erasure, "2026-02-20").unwrap();
    app::erase::erase(&mut v, s.anna, Some(r.id), false).unwrap();
    let list = recipients::of_request(v.conn(), r.id).unwrap();
    assert_eq!(names(&list), ["Boekhouder Jansen", "Mailer Inc"]);
    assert!(list.iter().all(|n| n.action == NoticeAction::Erasure && n.contact_id.is_none()));
    v.write(|tx, c| recipients::told(tx, c, list[1].id, "2026-03-01")).unwrap();

    // A processor removed from the register since: its name stays on the line.
    v.write(|tx, c| processors::remove(tx, c, s.mailer)).unwrap();
    let list = recipients::of_request(v.conn(), r.id).unwrap();
    assert_eq!(list[1].processor_id, None);
    assert_eq!(list[1].processor_name, "Mailer Inc");
    assert_eq!(list[1].told_at.as_deref(), Some("2026-03-01"));

    // The lines hold nothing of the person: her name is in no decrypted page.
    v.checkpoint().unwrap();
    let key = data_key(&t.dir(), PASS);
    let pages = decrypt_pages(&std::fs::read(t.dir().join("kluis.db")).unwrap(), &key);
    assert!(!contains(&pages, b"Anna de Vries"));
}

#[test]
fn an_erasure_without_a_request_uses_the_open_erasure_request_and_else_lists_no_one() {
    let (_t, mut v) = new_vault();
    let s = setup(&mut v);
    let r = app::requests::add_request(&mut v, s.anna, RequestKind::Erasure, "2026-02-20").unwrap();
    app::erase::erase(&mut v, s.anna, None, false).unwrap();
    assert_eq!(recipients::of_request(v.conn(), r.id).unwrap().len(), 2);

    // Without any request there is nothing to hang the list on once the person is gone.
    let bob = contacts::create(&mut v, &ContactInput::new("Bob"), false).unwrap();
    app::erase::erase(&mut v, bob, None, false).unwrap();
    let n: i64 =
        v.conn().query_row("SELECT count(*) FROM recipient_notices", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 2);
}

#[test]
fn a_restriction_lists_on_its_request_or_else_on_the_contact_which_erasure_removes() {
    let (_t, mut v) = new_vault();
    let s = setup(&mut v);
    assert_eq!(app::privacy::restrict(&mut v, s.anna, "Betwist juistheid").unwrap(), 2);
    let own = recipients::of_contact(v.conn(), s.anna).unwrap();
    assert_eq!(names(&own), ["Boekhouder Jansen", "Mailer Inc"]);
    assert!(own.iter().all(|n| n.action == NoticeAction::Restriction && n.request_id.is_none()));
    // On the Privacy tab.
    let tab = app::privacy::contact_privacy(&mut v, s.anna, false).unwrap();
    assert_eq!(tab.recipient_notices, own);

    // Lifted and restricted again: the lines are not doubled.
    v.write(|tx, c| contacts::privacy::unrestrict(tx, c, s.anna)).unwrap();
    assert_eq!(app::privacy::restrict(&mut v, s.anna, "Opnieuw").unwrap(), 0);
    v.write(|tx, c| contacts::privacy::unrestrict(tx, c, s.anna)).unwrap();

    // With an open restriction request the list goes on the request.
    let r =
        app::requests::add_request(&mut v, s.anna, RequestKind::Restriction, "2026-02-25").unwrap();
    app::privacy::restrict(&mut v, s.anna, "Op verzoek").unwrap();
    assert_eq!(recipients::of_request(v.conn(), r.id).unwrap().len(), 2);
    assert_eq!(recipients::of_contact(v.conn(), s.anna).unwrap().len(), 2, "unchanged");

    // Both are in the subject-access PDF and the portability JSON while she exists.
    v.write(|tx, c| recipients::told(tx, c, own[0].id, "2026-02-28")).unwrap();
    let pdf = v.write(|tx, c| sar::pdf(tx, c, s.anna, Language::En, None)).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("Recipients told of changes"), "{text}");
    let told_on = kluis::kernel::date::short_date("2026-02-28", Language::En);
    let section = text.split("Recipients told of changes").nth(1).expect("the section");
    let section = section.split("What the law also tells you").next().unwrap();
    for want in ["Boekhouder Jansen", "Mailer Inc", "Restriction", told_on.as_str(), "Not yet"] {
        assert!(section.contains(want), "{want:?} in {section}");
    }
    assert!(text.contains("Not yet"), "{text}");
    let now = v.now();
    let zip = v.write(|tx, c| sar::portability_zip(tx, c, s.anna, false, now)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut json = String::new();
    zip.by_name("data.json").unwrap().read_to_string(&mut json).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["recipients_told"].as_array().unwrap().len(), 4);
    assert_eq!(json["recipients_told"][0]["told_at"], "2026-02-28");

    // The erasure removes the contact's own list; the request's stays.
    let e = app::requests::add_request(&mut v, s.anna, RequestKind::Erasure, "2026-02-28").unwrap();
    app::erase::erase(&mut v, s.anna, Some(e.id), false).unwrap();
    assert!(recipients::of_contact(v.conn(), s.anna).unwrap().is_empty());
    assert_eq!(recipients::of_request(v.conn(), r.id).unwrap().len(), 2);
    assert_eq!(recipients::of_request(v.conn(), e.id).unwrap().len(), 2);
}

#[test]
fn told_contact_lines_go_after_the_records_period_with_the_requests() {
    let (_t, mut v) = new_vault();
    let s = setup(&mut v);
    app::privacy::restrict(&mut v, s.anna, "Betwist").unwrap();
    let own = recipients::of_contact(v.conn(), s.anna).unwrap();
    v.write(|tx, c| recipients::told(tx, c, own[0].id, "2026-01-10")).unwrap();
    // The records' rule: the cut-off date decides; untold lines stay whatever their age.
    assert_eq!(recipients::count_told_before(v.conn(), "2026-01-11T00:00:00Z").unwrap(), 1);
    assert_eq!(recipients::count_told_before(v.conn(), "2026-01-10T00:00:00Z").unwrap(), 0);
    let gone = v.write(|tx, _| recipients::purge_told(tx, "2026-01-11T00:00:00Z")).unwrap();
    assert_eq!(gone, 1);
    assert_eq!(names(&recipients::of_contact(v.conn(), s.anna).unwrap()), ["Mailer Inc"]);
    assert_eq!(recipients::find(v.conn(), Target::Contact(s.anna), s.mailer).unwrap(), own[1].id);
    assert!(recipients::find(v.conn(), Target::Contact(s.anna), s.jansen).is_err());
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sar.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn cli_lists_the_recipients_and_records_when_each_was_told() {
    let cli = Cli::at("2026-03-01T10:00:00Z");
    cli.ok(&["init"]);
    cli.ok(&["purpose", "add", "--name", "Facturatie", "--basis", "legal-obligation"]);
    let p = cli.json(&[
        "processor",
        "add",
        "--name",
        "Boekhouder Jansen",
        "--service",
        "accounting",
        "--purpose",
        "Facturatie",
    ])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let c = cli.json(&["contact", "add", "--name", "Anna de Vries"])["id"].as_i64().unwrap();
    let c = c.to_string();
    cli.ok(&["contact", "link", &c, "--purpose", "Facturatie", "--basis", "contract"]);
    let r = cli.json(&[
        "request",
        "add",
        "--contact",
        &c,
        "--type",
        "rectification",
        "--received",
        "20-02-2026",
    ])["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let closed = cli.ok(&["request", "close", &r, "--outcome", "Adres gecorrigeerd"]);
    assert!(closed.contains(&format!("kluis request recipients {r}")), "{closed}");
    let list = cli.ok(&["request", "recipients", &r]);
    assert!(list.contains("Boekhouder Jansen") && list.contains("NOT TOLD"), "{list}");

    cli.ok(&["request", "told", &r, "--processor", &p, "--at", "2026-02-27"]);
    let json = cli.json(&["request", "recipients", &r]);
    assert_eq!(json[0]["told_at"], "2026-02-27");
    assert_eq!(json[0]["action"], "rectification");
    // Without --at: today by the clock.
    cli.ok(&["request", "told", &r, "--processor", &p]);
    assert_eq!(cli.json(&["request", "recipients", &r])[0]["told_at"], "2026-03-01");

    // A processor not on the list, a date in the future: one error line, exit 1.
    let out = cli.run(&["request", "told", &r, "--processor", "999"]);
    assert_eq!(out.status.code(), Some(1));
    let out = cli.run(&["request", "told", &r, "--processor", &p, "--at", "2026-03-05"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("future"));

    // A restriction without a request: the list is on the contact.
    let restricted = cli.ok(&["contact", "restrict", &c, "--reason", "Betwist"]);
    assert!(
        restricted.contains(&format!("kluis request recipients --contact {c}")),
        "{restricted}"
    );
    let own = cli.ok(&["request", "recipients", "--contact", &c]);
    assert!(own.contains("restriction") && own.contains("NOT TOLD"), "{own}");
    cli.ok(&["request", "told", "--contact", &c, "--processor", &p, "--at", "28-02-2026"]);
    assert_eq!(cli.json(&["request", "recipients", "--contact", &c])[0]["told_at"], "2026-02-28");
}
