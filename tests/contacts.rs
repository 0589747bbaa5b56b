//! Contacts, interactions and search through the core, on temp vaults.

mod common;

use common::*;
use kluis::domain::contacts::{
    self, ContactInput, InteractionInput, InteractionKind, Relationship,
};
use kluis::Error;

fn person(name: &str, email: &str, org: &str) -> ContactInput {
    let mut c = ContactInput::new(name);
    c.emails = vec![email.into()];
    c.organisation = Some(org.into());
    c
}

#[test]
fn search_matches_word_prefixes_in_names_emails_organisations_and_notes() {
    let (_t, mut v) = new_vault();
    let a = contacts::create(
        &mut v,
        &person("Anna Zwartkruis", "anna@bouw.nl", "Bouwbedrijf Noord"),
        false,
    )
    .unwrap();
    let b =
        contacts::create(&mut v, &person("Bram de Vries", "bram@tuin.nl", "Tuinen Zuid"), false)
            .unwrap();
    let z = contacts::create(
        &mut v,
        &person("Zoë <b>de</b> Vries & \"Co\"", "zoe@example.nl", "Zoë & Co"),
        false,
    )
    .unwrap();
    contacts::add_interaction(
        &mut v,
        b,
        &InteractionInput {
            kind: InteractionKind::Call,
            text: "Offerte voor dakkapel".into(),
            at: None,
        },
        false,
    )
    .unwrap();
    let ids = |q: &str| -> Vec<i64> {
        let mut ids: Vec<i64> =
            contacts::list(&v, Some(q), None, 0).unwrap().items.iter().map(|c| c.id).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("Zwartk"), vec![a]);
    assert_eq!(ids("zwartkruis"), vec![a]);
    assert_eq!(ids("bram@tu"), vec![b]);
    assert_eq!(ids("bouwbedr"), vec![a]);
    assert_eq!(ids("dakkap"), vec![b]);
    assert_eq!(ids("vries"), vec![b, z]);
    assert_eq!(ids("zoe"), vec![z], "diacritics are folded");
    assert_eq!(ids("Zoë de"), vec![z]);
    assert_eq!(ids("niemand"), Vec::<i64>::new());
    // Characters that mean something to FTS5 are taken literally, not as syntax.
    assert_eq!(ids("\"de\" AND OR NEAR("), Vec::<i64>::new());
    assert_eq!(ids("<b>de"), vec![b, z]);
}

#[test]
fn list_pages_by_name_and_counts_all() {
    let (_t, mut v) = new_vault();
    for name in ["Cees", "anna", "Bert", "Dirk", "Eva"] {
        contacts::create(&mut v, &ContactInput::new(name), false).unwrap();
    }
    let page = contacts::list(&v, None, Some(2), 0).unwrap();
    assert_eq!(page.total, 5);
    let names: Vec<_> = page.items.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["anna", "Bert"]);
    let page = contacts::list(&v, None, Some(2), 4).unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].name, "Eva");
    assert!(contacts::list(&v, None, Some(0), 0).is_err());
    assert!(contacts::list(&v, None, Some(10), -1).is_err());
}

#[test]
fn update_changes_fields_and_keeps_search_in_step() {
    let (_t, mut v) = new_vault();
    let id =
        contacts::create(&mut v, &person("Jan Jansen", "jan@oud.nl", "Oud BV"), false).unwrap();
    let mut input = person("Jan Jansen", "jan@nieuw.nl", "Nieuw BV");
    input.relationship = Relationship::FormerClient;
    input.relationship_ended = Some("2026-02-28".into());
    contacts::update(&mut v, id, &input, false).unwrap();
    let c = contacts::show(&mut v, id).unwrap().contact;
    assert_eq!(c.emails, vec!["jan@nieuw.nl"]);
    assert_eq!(c.organisation.as_deref(), Some("Nieuw BV"));
    assert_eq!(c.relationship, Relationship::FormerClient);
    assert_eq!(c.relationship_ended.as_deref(), Some("2026-02-28"));
    assert!(contacts::list(&v, Some("oud"), None, 0).unwrap().items.is_empty());
    assert_eq!(contacts::list(&v, Some("nieuw"), None, 0).unwrap().total, 1);
}

#[test]
fn interactions_are_newest_first_and_move_last_activity() {
    let (_t, mut v) = new_vault();
    let id = contacts::create(&mut v, &ContactInput::new("Sanne"), false).unwrap();
    for (at, text) in [("2026-01-05T10:00:00Z", "eerste"), ("2026-02-10T10:00:00+01:00", "tweede")]
    {
        contacts::add_interaction(
            &mut v,
            id,
            &InteractionInput {
                kind: InteractionKind::Meeting,
                text: text.into(),
                at: Some(at.into()),
            },
            false,
        )
        .unwrap();
    }
    let d = contacts::show(&mut v, id).unwrap();
    let texts: Vec<_> = d.interactions.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["tweede", "eerste"]);
    assert_eq!(d.interactions[0].at, "2026-02-10T09:00:00Z");
    // Created at the clock's 2026-03-01, which is later than both interactions.
    assert_eq!(
        contacts::list(&v, None, None, 0).unwrap().items[0].last_activity_at,
        "2026-03-01T09:30:00Z"
    );
}

#[test]
fn malformed_input_is_refused_and_nothing_is_written() {
    let (_t, mut v) = new_vault();
    let bad = |e: Error| e.field().map(str::to_owned);
    assert_eq!(
        bad(contacts::create(&mut v, &ContactInput::new(""), false).unwrap_err()).as_deref(),
        Some("name")
    );
    let mut c = ContactInput::new("Jan");
    c.emails = vec!["jan(at)example.nl".into()];
    assert_eq!(bad(contacts::create(&mut v, &c, false).unwrap_err()).as_deref(), Some("emails"));
    let mut c = ContactInput::new("Jan");
    c.relationship_ended = Some("31-02-2026".into());
    assert_eq!(
        bad(contacts::create(&mut v, &c, false).unwrap_err()).as_deref(),
        Some("relationship_ended")
    );
    assert_eq!(contacts::list(&v, None, None, 0).unwrap().total, 0);

    let id = contacts::create(&mut v, &ContactInput::new("Jan"), false).unwrap();
    let huge = InteractionInput {
        kind: InteractionKind::Note,
        text: "x".repeat(10 * 1024 * 1024),
        at: None,
    };
    assert_eq!(
        bad(contacts::add_interaction(&mut v, id, &huge, false).unwrap_err()).as_deref(),
        Some("text")
    );
    let note = InteractionInput { kind: InteractionKind::Note, text: "ok".into(), at: None };
    assert!(matches!(
        contacts::add_interaction(&mut v, id + 100, &note, false).unwrap_err(),
        Error::NotFound(_)
    ));
    assert!(matches!(contacts::show(&mut v, id + 100).unwrap_err(), Error::NotFound(_)));
    assert!(contacts::show(&mut v, id).unwrap().interactions.is_empty());
}

#[test]
fn ids_are_never_reused() {
    let (_t, mut v) = new_vault();
    let a = contacts::create(&mut v, &ContactInput::new("A"), false).unwrap();
    v.conn().execute("DELETE FROM contacts WHERE id = ?1", [a]).unwrap();
    let b = contacts::create(&mut v, &ContactInput::new("B"), false).unwrap();
    assert!(b > a);
}
