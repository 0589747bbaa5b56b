//! Processing register, contact ↔ purpose links, the consent ledger, flexible fields,
//! restriction, objection and the mailing list (issue 4's rules), on temp vaults.

mod common;

use common::*;
use kluis::app::unlock::unlock;
use kluis::domain::consent::objection;
use kluis::domain::consent::{self, ConsentInput, EventKind, Method, Source};
use kluis::domain::contacts::{self, privacy, ContactInput, InteractionInput, InteractionKind};
use kluis::domain::export::mailing;
use kluis::domain::fields::{self, FieldDefInput, FieldKind};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::kernel::language::Language;
use kluis::{Error, Vault};

struct Setup {
    _t: TempVault,
    v: Vault,
    newsletter: i64,
    admin: i64,
    events: i64,
}

fn setup() -> Setup {
    let (t, mut v) = new_vault();
    let (newsletter, admin, events) = v
        .write(|tx, c| {
            let mut n = PurposeInput::new("Nieuwsbrief", Basis::Consent);
            n.direct_marketing = true;
            let newsletter = purposes::create(tx, c, &n)?;
            let admin =
                purposes::create(tx, c, &PurposeInput::new("Klantadministratie", Basis::Contract))?;
            let mut e = PurposeInput::new("Klantevents", Basis::LegitimateInterest);
            e.direct_marketing = true;
            let events = purposes::create(tx, c, &e)?;
            Ok((newsletter, admin, events))
        })
        .unwrap();
    Setup { _t: t, v, newsletter, admin, events }
}

fn person(v: &mut Vault, name: &str, email: &str) -> i64 {
    let mut c = ContactInput::new(name);
    c.emails = vec![email.into()];
    contacts::create(v, &c, false).unwrap()
}

/// A client: kept by the retention rules however old the test's clock makes it.
fn client(v: &mut Vault, name: &str, email: &str) -> i64 {
    let mut c = ContactInput::new(name);
    c.emails = vec![email.into()];
    c.relationship = kluis::domain::contacts::Relationship::Client;
    contacts::create(v, &c, false).unwrap()
}

fn give(v: &mut Vault, contact: i64, purpose: i64, text: &str) -> Result<i64, Error> {
    let input = ConsentInput {
        purpose_id: purpose,
        method: Method::Form,
        text: text.into(),
        evidence: None,
    };
    v.write(|tx, c| consent::give(tx, c, contact, &input))
}

fn withdraw(v: &mut Vault, contact: i64, purpose: i64) -> Result<i64, Error> {
    v.write(|tx, c| consent::withdraw(tx, c, contact, purpose, Method::Email, None))
}

fn link_usable(v: &Vault, contact: i64, purpose: i64) -> bool {
    consent::links(v.conn(), contact).unwrap().iter().any(|l| l.purpose.id == purpose && l.usable)
}

#[test]
fn purpose_names_are_unique_and_bases_are_checked() {
    let mut s = setup();
    let e = s
        .v
        .write(|tx, c| purposes::create(tx, c, &PurposeInput::new("nieuwsbrief", Basis::Contract)));
    assert_eq!(e.unwrap_err().field(), Some("name"));
    assert!("toestemming".parse::<Basis>().is_err());
    assert_eq!("legal-obligation".parse::<Basis>().unwrap(), Basis::LegalObligation);
    let names: Vec<_> = purposes::list(s.v.conn()).unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["Klantadministratie", "Klantevents", "Nieuwsbrief"]);
    assert_eq!(purposes::proposals(Language::Nl).len(), 4);
}

#[test]
fn consent_state_is_derived_from_the_ledger() {
    let mut s = setup();
    let id = person(&mut s.v, "Jan", "jan@example.nl");
    assert!(!link_usable(&s.v, id, s.newsletter), "no link, not usable");
    assert!(withdraw(&mut s.v, id, s.newsletter).is_err(), "nothing to withdraw");
    give(&mut s.v, id, s.newsletter, "Ja, stuur mij de nieuwsbrief.").unwrap();
    assert!(link_usable(&s.v, id, s.newsletter));
    withdraw(&mut s.v, id, s.newsletter).unwrap();
    assert!(!link_usable(&s.v, id, s.newsletter), "a consent purpose without a current given");
    give(&mut s.v, id, s.newsletter, "Ja, stuur mij de nieuwsbrief.").unwrap();
    assert!(link_usable(&s.v, id, s.newsletter));
    let h = consent::history(s.v.conn(), id).unwrap();
    let kinds: Vec<_> = h.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::Given, EventKind::Withdrawn, EventKind::Given]);
    // The same text is stored once.
    let texts: i64 =
        s.v.conn().query_row("SELECT count(*) FROM consent_texts", [], |r| r.get(0)).unwrap();
    assert_eq!(texts, 1);
}

#[test]
fn consent_text_is_kept_byte_for_byte_under_its_hash() {
    let mut s = setup();
    let id = person(&mut s.v, "Jan", "jan@example.nl");
    let text = "  Ik ga akkoord met de nieuwsbrief.\r\nVersie 3 — één keer per maand.\n";
    give(&mut s.v, id, s.newsletter, text).unwrap();
    let e = &consent::history(s.v.conn(), id).unwrap()[0];
    assert_eq!(e.text.as_deref(), Some(text));
    assert_eq!(e.text_sha256.as_deref(), Some(consent::text_hash(text).as_str()));
    assert_ne!(consent::text_hash(text), consent::text_hash(text.trim()));
    assert_eq!(e.recorded_by, "test");
    assert!(give(&mut s.v, id, s.newsletter, "   ").is_err(), "an empty text is no evidence");
}

#[test]
fn the_ledger_is_append_only() {
    let mut s = setup();
    let id = person(&mut s.v, "Jan", "jan@example.nl");
    give(&mut s.v, id, s.newsletter, "tekst").unwrap();
    let c = s.v.conn();
    assert!(c.execute("UPDATE consent_events SET kind = 'withdrawn'", []).is_err());
    assert!(c.execute("UPDATE consent_events SET at = '2000-01-01T00:00:00Z'", []).is_err());
    assert!(c.execute("DELETE FROM consent_events", []).is_err());
    assert_eq!(consent::history(c, id).unwrap().len(), 1);
    // Rows go with their contact (erasure and purge delete the contact).
    c.execute("DELETE FROM contacts WHERE id = ?1", [id]).unwrap();
    let left: i64 = c.query_row("SELECT count(*) FROM consent_events", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 0);
}

#[test]
fn links_have_a_basis_source_and_review_date_and_unknown_goes_to_triage() {
    let mut s = setup();
    let a = person(&mut s.v, "Anna", "anna@example.nl");
    let b = person(&mut s.v, "Bram", "bram@example.nl");
    let c = person(&mut s.v, "Cees", "cees@example.nl");
    let admin = s.admin;
    s.v.write(|tx, x| consent::link(tx, x, a, admin, Some(Basis::Contract), Source::Email))
        .unwrap();
    s.v.write(|tx, x| consent::link(tx, x, b, admin, None, Source::Imported)).unwrap();
    let l = &consent::links(s.v.conn(), a).unwrap()[0];
    assert_eq!(l.basis, Some(Basis::Contract));
    assert_eq!(l.source, Source::Email);
    assert_eq!(l.reviewed_at, "2026-03-01T09:30:00Z");
    assert!(l.usable);
    assert!(!consent::links(s.v.conn(), b).unwrap()[0].usable);
    let triage: Vec<_> = consent::triage(s.v.conn())
        .unwrap()
        .into_iter()
        .map(|f| (f.contact_id, f.purpose))
        .collect();
    assert_eq!(triage, [(b, Some("Klantadministratie".to_owned())), (c, None)]);
}

#[test]
fn repermission_lists_old_or_missing_consent() {
    let (t, mut v) = new_vault();
    let p = v
        .write(|tx, c| purposes::create(tx, c, &PurposeInput::new("Nieuwsbrief", Basis::Consent)))
        .unwrap();
    let old = client(&mut v, "Oud", "oud@example.nl");
    let fresh = client(&mut v, "Vers", "vers@example.nl");
    let none = client(&mut v, "Geen", "geen@example.nl");
    give(&mut v, old, p, "ja").unwrap(); // 2026-03-01
    v.write(|tx, c| consent::link(tx, c, none, p, Some(Basis::Consent), Source::Form)).unwrap();
    v.lock();
    // Two years and a day later.
    let later = kluis::Clock::fixed_from_rfc3339("2028-03-02T10:00:00Z").unwrap();
    let mut v = unlock(&t.dir(), PASS, later, "test").unwrap().vault;
    give(&mut v, fresh, p, "ja").unwrap();
    let ids: Vec<_> = consent::repermission(v.conn(), v.now(), 24)
        .unwrap()
        .into_iter()
        .map(|f| f.contact_id)
        .collect();
    assert_eq!(ids, [none, old]);
    let ids: Vec<_> = consent::repermission(v.conn(), v.now(), 36)
        .unwrap()
        .into_iter()
        .map(|f| f.contact_id)
        .collect();
    assert_eq!(ids, [none]);
}

#[test]
fn restriction_makes_a_contact_read_only_and_keeps_it_out_of_mailings() {
    let mut s = setup();
    let id = person(&mut s.v, "Beperkt", "beperkt@example.nl");
    give(&mut s.v, id, s.newsletter, "ja").unwrap();
    s.v.write(|tx, c| privacy::restrict(tx, c, id, "Betwist de juistheid van de gegevens"))
        .unwrap();
    let c = contacts::show(&mut s.v, id).unwrap().contact;
    assert_eq!(c.restricted_reason.as_deref(), Some("Betwist de juistheid van de gegevens"));
    let mut input = ContactInput::new("Nieuwe Naam");
    input.emails = vec!["beperkt@example.nl".into()];
    assert!(matches!(contacts::update(&mut s.v, id, &input, false), Err(Error::Restricted)));
    let note = InteractionInput { kind: InteractionKind::Note, text: "x".into(), at: None };
    assert!(matches!(
        contacts::add_interaction(&mut s.v, id, &note, false),
        Err(Error::Restricted)
    ));
    assert!(matches!(give(&mut s.v, id, s.newsletter, "ja"), Err(Error::Restricted)));
    assert!(mailing::recipients(s.v.conn(), s.newsletter).unwrap().is_empty());
    // The person's own requests still work: withdrawing is allowed.
    withdraw(&mut s.v, id, s.newsletter).unwrap();
    s.v.write(|tx, c| privacy::unrestrict(tx, c, id)).unwrap();
    contacts::update(&mut s.v, id, &input, false).unwrap();
}

#[test]
fn objection_stops_direct_marketing_whatever_the_basis_and_suppresses_the_address() {
    let mut s = setup();
    let id = person(&mut s.v, "Bezwaar", "Bezwaar@Example.nl");
    let (newsletter, events, admin) = (s.newsletter, s.events, s.admin);
    give(&mut s.v, id, newsletter, "ja").unwrap();
    s.v.write(|tx, c| {
        consent::link(tx, c, id, events, Some(Basis::LegitimateInterest), Source::InPerson)
    })
    .unwrap();
    s.v.write(|tx, c| consent::link(tx, c, id, admin, Some(Basis::Contract), Source::Email))
        .unwrap();
    let r = s.v.write(|tx, c| objection::object(tx, c, id)).unwrap();
    assert_eq!((r.withdrawn, r.ended, r.suppressed), (1, 2, 1));
    assert!(!link_usable(&s.v, id, newsletter));
    assert!(!link_usable(&s.v, id, events), "legitimate interest ended too");
    assert!(link_usable(&s.v, id, admin), "the contract purpose is not direct marketing");
    assert!(matches!(give(&mut s.v, id, newsletter, "ja"), Err(Error::Suppressed)));

    // Erase the person (delete the contact) and add the same address again: still blocked.
    s.v.conn().execute("DELETE FROM contacts WHERE id = ?1", [id]).unwrap();
    let again = person(&mut s.v, "Opnieuw", " bezwaar@example.NL ");
    assert!(matches!(give(&mut s.v, again, newsletter, "ja"), Err(Error::Suppressed)));
    let e = s.v.write(|tx, c| {
        consent::link(tx, c, again, events, Some(Basis::LegitimateInterest), Source::Imported)
    });
    assert!(matches!(e, Err(Error::Suppressed)));
    // Not direct marketing: fine.
    s.v.write(|tx, c| consent::link(tx, c, again, admin, Some(Basis::Contract), Source::Email))
        .unwrap();
    // The suppression list holds no address.
    let all: String =
        s.v.conn()
            .query_row("SELECT group_concat(hash) FROM suppression", [], |r| r.get(0))
            .unwrap();
    assert!(!all.contains("bezwaar"));
}

#[test]
fn mailing_list_holds_only_people_with_a_valid_basis() {
    let mut s = setup();
    let yes = person(&mut s.v, "Ja Zeker", "ja@example.nl");
    let withdrawn = person(&mut s.v, "Ingetrokken", "weg@example.nl");
    let never = person(&mut s.v, "Nooit", "nooit@example.nl");
    let objected = person(&mut s.v, "Bezwaar", "bezwaar@example.nl");
    let n = s.newsletter;
    give(&mut s.v, yes, n, "ja").unwrap();
    give(&mut s.v, withdrawn, n, "ja").unwrap();
    withdraw(&mut s.v, withdrawn, n).unwrap();
    s.v.write(|tx, c| consent::link(tx, c, never, n, Some(Basis::Consent), Source::Form)).unwrap();
    give(&mut s.v, objected, n, "ja").unwrap();
    s.v.write(|tx, c| objection::object(tx, c, objected)).unwrap();
    let list = mailing::recipients(s.v.conn(), n).unwrap();
    let names: Vec<_> = list.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ja Zeker"]);
    let (csv, rows) = s.v.write(|tx, c| mailing::csv(tx, c, n)).unwrap();
    assert_eq!(rows, 1);
    assert_eq!(csv, "name,email\r\nJa Zeker,ja@example.nl\r\n");
    let audited: i64 = s
        .v
        .conn()
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'export.mailing_list' AND detail = 'rows=1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
}

#[test]
fn special_category_fields_need_consent_and_stay_hidden_until_revealed() {
    let mut s = setup();
    let id = person(&mut s.v, "Gezond", "g@example.nl");
    let health = s
        .v
        .write(|tx, c| purposes::create(tx, c, &PurposeInput::new("Zorg op maat", Basis::Consent)))
        .unwrap();
    let field =
        s.v.write(|tx, c| {
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
    let set = |v: &mut Vault, value: &str| {
        v.write(|tx, c| fields::set_value(tx, c, id, field, value, false))
    };
    assert_eq!(set(&mut s.v, "noten").unwrap_err().field(), Some("value"), "no consent yet");
    give(
        &mut s.v,
        id,
        health,
        "Ik geef uitdrukkelijk toestemming voor het vastleggen van mijn allergieën.",
    )
    .unwrap();
    set(&mut s.v, "noten").unwrap();
    let hidden = s.v.write(|tx, c| fields::values(tx, c, id, false)).unwrap();
    assert_eq!((hidden[0].value.as_deref(), hidden[0].filled), (None, true));
    let before: i64 = s
        .v
        .conn()
        .query_row("SELECT count(*) FROM audit WHERE action = 'contact.reveal_special'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let shown = s.v.write(|tx, c| fields::values(tx, c, id, true)).unwrap();
    assert_eq!(shown[0].value.as_deref(), Some("noten"));
    let after: i64 = s
        .v
        .conn()
        .query_row("SELECT count(*) FROM audit WHERE action = 'contact.reveal_special'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(after, before + 1, "revealing is audited");
    // Withdrawing the consent makes the field unusable for new values.
    withdraw(&mut s.v, id, health).unwrap();
    assert!(set(&mut s.v, "pinda's").is_err());
}

#[test]
fn field_values_are_checked_by_kind() {
    let mut s = setup();
    let id = person(&mut s.v, "Veld", "veld@example.nl");
    let admin = s.admin;
    let def = |v: &mut Vault, label: &str, kind| {
        v.write(|tx, c| {
            fields::define(
                tx,
                c,
                &FieldDefInput {
                    label: label.into(),
                    kind,
                    purpose_id: admin,
                    required: false,
                    special_category: false,
                },
            )
        })
        .unwrap()
    };
    let date = def(&mut s.v, "Klant sinds", FieldKind::Date);
    let num = def(&mut s.v, "Aantal medewerkers", FieldKind::Number);
    let set = |v: &mut Vault, f: i64, value: &str| {
        v.write(|tx, c| fields::set_value(tx, c, id, f, value, false))
    };
    // Day-month-year is read as written (issue 13); a two-digit year is not a year.
    assert!(set(&mut s.v, date, "31-12-25").is_err());
    set(&mut s.v, date, "31-12-2025").unwrap();
    set(&mut s.v, date, "2025-12-31").unwrap();
    assert!(set(&mut s.v, num, "veel").is_err());
    set(&mut s.v, num, "12").unwrap();
    assert!(s
        .v
        .write(|tx, c| fields::define(
            tx,
            c,
            &FieldDefInput {
                label: "klant SINDS".into(),
                kind: FieldKind::Text,
                purpose_id: admin,
                required: false,
                special_category: false
            }
        ))
        .is_err());
}

#[test]
fn bsn_like_numbers_need_confirmation() {
    let mut s = setup();
    let mut c = ContactInput::new("Piet");
    c.address = Some("BSN 111222333".into());
    let e = contacts::create(&mut s.v, &c, false).unwrap_err();
    assert!(matches!(e, Error::BsnSuspected { field: "address" }), "{e:?}");
    assert_eq!(contacts::list(&s.v, None, None, 0).unwrap().total, 0, "nothing saved");
    let id = contacts::create(&mut s.v, &c, true).unwrap();
    let note = InteractionInput {
        kind: InteractionKind::Note,
        text: "Zijn nummer is 1112.22.333".into(),
        at: None,
    };
    assert!(matches!(
        contacts::add_interaction(&mut s.v, id, &note, false),
        Err(Error::BsnSuspected { field: "text" })
    ));
    contacts::add_interaction(&mut s.v, id, &note, true).unwrap();
    let phone = InteractionInput {
        kind: InteractionKind::Call,
        text: "Belde vanaf 0612345678".into(),
        at: None,
    };
    contacts::add_interaction(&mut s.v, id, &phone, false).unwrap();
}
