//! Data-subject requests (deadlines, extension, identity, closing) and erasure with legal hold.

mod common;

use common::*;
use kluis::app::erase;
use kluis::domain::consent::objection;
use kluis::domain::consent::{self, ConsentInput, Method};
use kluis::domain::contacts::{self, privacy, ContactInput, InteractionInput, InteractionKind};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::domain::requests::{self, IdentityMethod, RequestKind};
use kluis::domain::retention::{
    self as ret,
    documents::{self, DocumentKind},
};
use kluis::domain::suppression;
use kluis::{Error, Vault};

fn person(v: &mut Vault, name: &str, email: &str) -> i64 {
    let mut c = ContactInput::new(name);
    c.emails = vec![email.into()];
    c.relationship = kluis::domain::contacts::Relationship::Client;
    contacts::create(v, &c, false).unwrap()
}

#[test]
fn a_request_gets_its_deadline_and_can_be_extended_once_within_the_month() {
    let (_t, mut v) = new_vault(); // today 2026-03-01
    let id = person(&mut v, "Vrager", "vrager@example.nl");
    let today = v.now().date_naive();
    let r = v.write(|tx, c| requests::add(tx, c, id, RequestKind::Access, "2026-01-31")).unwrap();
    let req = requests::get(v.conn(), r, today).unwrap();
    assert_eq!(req.due, "2026-03-02", "28 February 2026 is a Saturday");
    assert!(!req.overdue && req.due_soon);
    assert!(
        v.write(|tx, c| requests::add(tx, c, id, RequestKind::Access, "2026-03-02")).is_err(),
        "future date"
    );
    // Day-month-year is read as written (issue 13); a two-digit year is never a year.
    assert!(v.write(|tx, c| requests::add(tx, c, id, RequestKind::Access, "31-01-26")).is_err());
    // Telling the person after the first month is too late.
    let late =
        v.write(|tx, c| requests::extend(tx, c, r, "Veel gegevens in oude systemen", "2026-03-03"));
    assert_eq!(late.unwrap_err().field(), Some("notified"));
    v.write(|tx, c| requests::extend(tx, c, r, "Veel gegevens in oude systemen", "2026-02-20"))
        .unwrap();
    let req = requests::get(v.conn(), r, today).unwrap();
    assert_eq!(
        (req.due.as_str(), req.original_due.as_str(), req.extended),
        ("2026-04-30", "2026-03-02", true)
    );
    assert!(
        v.write(|tx, c| requests::extend(tx, c, r, "nog eens", "2026-02-21")).is_err(),
        "only once"
    );
    v.write(|tx, c| {
        requests::record_identity(
            tx,
            c,
            r,
            IdentityMethod::KnownEmail,
            Some("Mail vanaf bekend adres"),
        )
    })
    .unwrap();
    let bsn = v.write(|tx, c| {
        requests::record_identity(
            tx,
            c,
            r,
            IdentityMethod::IdDocumentBsnMasked,
            Some("BSN 111222333"),
        )
    });
    assert!(matches!(bsn, Err(Error::BsnSuspected { .. })), "an ID copy's number is never stored");
    v.write(|tx, c| requests::close(tx, c, r, "Inzageverzoek beantwoord met overzicht")).unwrap();
    let req = requests::get(v.conn(), r, today).unwrap();
    assert!(!req.open && !req.overdue);
    assert!(v.write(|tx, c| requests::close(tx, c, r, "nogmaals")).is_err());
}

#[test]
fn overdue_requests_are_flagged() {
    let (_t, mut v) = new_vault();
    let id = person(&mut v, "Laat", "laat@example.nl");
    let r = v.write(|tx, c| requests::add(tx, c, id, RequestKind::Erasure, "2026-01-15")).unwrap();
    let req = requests::get(v.conn(), r, v.now().date_naive()).unwrap();
    assert_eq!(req.due, "2026-02-16", "15 February 2026 is a Sunday");
    assert!(req.overdue);
    assert_eq!(requests::list(v.conn(), v.now().date_naive()).unwrap()[0].id, r);
}

#[test]
fn erasure_removes_everything_but_the_legal_hold_and_leaves_a_tombstone() {
    let (t, mut v) = new_vault();
    let id = person(&mut v, "Wis Mij", "wis.mij@example.nl");
    let keep = person(&mut v, "Blijf Ik", "blijf@example.nl");
    let news = v
        .write(|tx, c| {
            let mut p = PurposeInput::new("Nieuwsbrief", Basis::Consent);
            p.direct_marketing = true;
            purposes::create(tx, c, &p)
        })
        .unwrap();
    let input =
        ConsentInput { purpose_id: news, method: Method::Form, text: "ja".into(), evidence: None };
    v.write(|tx, c| consent::give(tx, c, id, &input)).unwrap();
    contacts::add_interaction(
        &mut v,
        id,
        &InteractionInput { kind: InteractionKind::Call, text: "Wisnotitie".into(), at: None },
        false,
    )
    .unwrap();
    v.write(|tx, c| {
        documents::add(
            tx,
            c,
            id,
            &documents::NewDocument {
                kind: DocumentKind::Invoice,
                number: "2026-7",
                date: "2026-02-01",
                amount_cents: 9900,
                confirm_not_bsn: false,
            },
        )
    })
    .unwrap();
    v.write(|tx, c| objection::object(tx, c, id)).unwrap();
    v.write(|tx, c| privacy::restrict(tx, c, id, "Wacht op wissing")).unwrap();
    let r = v.write(|tx, c| requests::add(tx, c, id, RequestKind::Erasure, "2026-02-20")).unwrap();

    let p = erase::preview(v.conn(), id).unwrap();
    assert_eq!(
        (p.interactions, p.consent_events, p.purpose_links, p.fiscal_records_kept),
        (1, 2, 1, 1)
    );
    assert_eq!(p.kept_until.as_deref(), Some("2033-12-31"));
    assert!(p.suppression_kept);
    // Erasure works on a restricted contact: it is the person's own request.
    erase::erase(&mut v, id, Some(r), false).unwrap();
    v.checkpoint().unwrap();
    assert!(matches!(contacts::read::contact(v.conn(), id), Err(Error::NotFound(_))));
    assert!(contacts::read::contact(v.conn(), keep).is_ok());
    for table in ["interactions", "consent_events", "contact_purposes", "field_values"] {
        let n: i64 = v
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table} WHERE contact_id = {id}"), [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert_eq!(contacts::list(&v, Some("Wisnotitie"), None, 0).unwrap().total, 0);
    let (contact, name): (Option<i64>, String) = v
        .conn()
        .query_row("SELECT contact_id, counterparty_name FROM fiscal_documents", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (contact, name.as_str()),
        (None, "Wis Mij"),
        "the invoice stays, with the name it needs"
    );
    let log = ret::deletion_log(v.conn()).unwrap();
    assert_eq!(log[0].trigger, "erasure");
    assert_eq!(log[0].ids, [format!("contact:{id}"), format!("request:{r}")]);
    assert!(suppression::is_suppressed(v.conn(), "wis.mij@example.nl").unwrap());
    v.lock();
    // The erased person's values are gone from the decrypted pages.
    let key = data_key(&t.dir(), PASS);
    let plain = decrypt_pages(&std::fs::read(t.dir().join("kluis.db")).unwrap(), &key);
    assert!(contains(&plain, b"Blijf Ik"));
    for needle in [&b"wis.mij@example.nl"[..], b"Wisnotitie", b"Wacht op wissing"] {
        assert!(!contains(&plain, needle), "{} lingers", String::from_utf8_lossy(needle));
    }
}
