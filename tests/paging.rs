//! The contacts list by initial letter (issue 13, item 11): the core says how many contacts
//! each letter has and lists one letter's contacts in its own order (name regardless of ASCII
//! case, then id), pages included; accents fold to the letter, a name is filed as written.

mod common;

use common::*;
use kluis::domain::contacts::{self, initial, ContactInput};

fn names(v: &kluis::Vault, letter: &str, limit: Option<i64>, offset: i64) -> Vec<String> {
    contacts::list_by_initial(v, None, Some(letter), limit, offset)
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.name)
        .collect()
}

#[test]
fn contacts_are_listed_by_initial_with_dutch_names_filed_predictably() {
    let (_t, mut v) = new_vault();
    for name in [
        "Ölmez",
        "Olsen",
        "van Dijk",
        "Anna de Wit",
        "'t Hart",
        "Émile",
        "ozturk",
        "Vos",
        "3D Print",
    ] {
        contacts::create(&mut v, &ContactInput::new(name), false).unwrap();
    }
    assert_eq!(names(&v, "O", None, 0), ["Olsen", "ozturk", "Ölmez"]);
    assert_eq!(names(&v, "v", None, 0), ["van Dijk", "Vos"]);
    assert_eq!(names(&v, "E", None, 0), ["Émile"]);
    assert_eq!(names(&v, "#", None, 0), ["'t Hart", "3D Print"]);
    assert!(names(&v, "Q", None, 0).is_empty());
    // Pages within a letter.
    assert_eq!(names(&v, "O", Some(2), 2), ["Ölmez"]);
    let page = contacts::list_by_initial(&v, None, Some("O"), Some(2), 0).unwrap();
    assert_eq!(page.total, 3);
    // The counts add up to every contact, one entry per letter and "#".
    let counts = initial::counts(v.conn()).unwrap();
    assert_eq!(counts.len(), 27);
    let of = |l: &str| counts.iter().find(|c| c.letter == l).unwrap().count;
    assert_eq!((of("O"), of("V"), of("#"), of("A"), of("Q")), (3, 2, 2, 1, 0));
    assert_eq!(counts.iter().map(|c| c.count).sum::<i64>(), 9);
    // With a search, the letter narrows the matches.
    let found = contacts::list_by_initial(&v, Some("dijk"), Some("V"), None, 0).unwrap();
    assert_eq!(found.items.len(), 1);
    assert!(contacts::list_by_initial(&v, Some("dijk"), Some("D"), None, 0)
        .unwrap()
        .items
        .is_empty());
    // Not a letter.
    assert!(contacts::list_by_initial(&v, None, Some("Ö"), None, 0).is_err());
}
