//! Bulk actions on the triage list, the review queue and the re-permission list (issue 13,
//! item 10): one transaction each (an unknown id changes nothing), consent-based purposes
//! refused for a bulk link, the start-up purge's mass-deletion stop on a bulk delete, audit rows
//! per contact with ids and no values, restricted contacts skipped and reported; and a new
//! client proposed the contract-basis purpose instead of landing in triage.

mod common;

use common::*;
use kluis::app::bulk::{self, BulkList, LinkRef};
use kluis::domain::consent::{self, ConsentInput, Method};
use kluis::domain::contacts::{self, privacy, ContactInput, Relationship};
use kluis::domain::register::purposes;
use kluis::domain::retention::{self as ret};
use kluis::kernel::language::Language;
use kluis::{ErrorCode, Vault};

fn add(v: &mut Vault, name: &str) -> i64 {
    let mut c = ContactInput::new(name);
    c.emails = vec![format!("{}@example.nl", name.to_lowercase().replace(' ', "."))];
    contacts::create(v, &c, false).unwrap()
}

/// A vault with the proposed purposes and `n` contacts (none linked: all in triage).
fn vault_with(n: usize) -> (TempVault, Vault, Vec<i64>) {
    let (t, mut v) = new_vault();
    v.write(|tx, c| purposes::add_proposals(tx, c, Language::Nl)).unwrap();
    let ids = (0..n).map(|i| add(&mut v, &format!("Bulk Persoon {i:04}"))).collect();
    (t, v, ids)
}

fn purpose(v: &Vault, name: &str) -> i64 {
    purposes::by_name(v.conn(), name).unwrap().id
}

fn count(v: &Vault, sql: &str) -> i64 {
    v.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every text of every audit row, for looking for values.
fn audit_text(v: &Vault) -> String {
    let mut s = v
        .conn()
        .prepare(
            "SELECT action || ' ' || entity || ' ' || coalesce(entity_id, '') || ' ' ||
                    coalesce(fields, '') || ' ' || coalesce(detail, '') FROM audit",
        )
        .unwrap();
    let rows: Vec<String> =
        s.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    rows.join("\n")
}

fn restrict(v: &mut Vault, id: i64) {
    v.write(|tx, c| privacy::restrict(tx, c, id, "De persoon betwist de juistheid")).unwrap();
}

#[test]
fn a_bulk_link_with_an_unknown_id_changes_nothing() {
    let (_t, mut v, ids) = vault_with(3);
    let client = purpose(&v, "Klantadministratie");
    let audit_before = count(&v, "SELECT count(*) FROM audit");
    let mut with_bad = ids.clone();
    with_bad.insert(1, 999_999);
    let e = bulk::link(&mut v, &with_bad, client).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert_eq!(consent::triage(v.conn()).unwrap().len(), 3, "not one linked");
    assert_eq!(count(&v, "SELECT count(*) FROM contact_purposes"), 0);
    assert_eq!(count(&v, "SELECT count(*) FROM audit"), audit_before, "no audit row either");
    // The same list without the bad id links all three.
    let r = bulk::link(&mut v, &ids, client).unwrap();
    assert_eq!(r.done, ids);
    assert!(consent::triage(v.conn()).unwrap().is_empty());
}

#[test]
fn a_bulk_link_to_a_consent_purpose_is_refused() {
    let (_t, mut v, ids) = vault_with(2);
    let newsletter = purpose(&v, "Nieuwsbrief");
    let e = bulk::link(&mut v, &ids, newsletter).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert!(e.to_string().contains("consent"), "{e}");
    assert_eq!(count(&v, "SELECT count(*) FROM contact_purposes"), 0);
    // Other bases are fine: legal obligation, legitimate interest.
    for name in ["Facturatie", "Relatiebeheer"] {
        let p = purpose(&v, name);
        assert_eq!(bulk::link(&mut v, &ids, p).unwrap().done.len(), 2);
    }
}

#[test]
fn audit_rows_of_a_bulk_action_name_each_contact_by_id_only() {
    let (_t, mut v, ids) = vault_with(5);
    let client = purpose(&v, "Klantadministratie");
    bulk::link(&mut v, &ids, client).unwrap();
    for id in &ids {
        let n = count(
            &v,
            &format!(
                "SELECT count(*) FROM audit WHERE action = 'purpose.link' AND entity = 'contact'
                 AND entity_id = {id}"
            ),
        );
        assert_eq!(n, 1, "one audit row for contact {id}");
    }
    bulk::delete_contacts(&mut v, BulkList::Triage, &ids[..2], false).unwrap();
    let text = audit_text(&v);
    assert!(text.contains("bulk.link") && text.contains("bulk.delete"), "{text}");
    assert!(!text.contains("Bulk Persoon") && !text.contains("@example.nl"), "{text}");
    let log = ret::deletion_log(v.conn()).unwrap();
    assert_eq!(log[0].rule, "triage");
    assert_eq!(log[0].ids, vec![format!("contact:{}", ids[0]), format!("contact:{}", ids[1])]);
}

#[test]
fn a_bulk_delete_stops_at_the_purges_mass_deletion_rule_until_confirmed() {
    let (_t, mut v, ids) = vault_with(100);
    // 60 of 100: more than 50 and more than 20 % — the start-up purge's stop.
    let r = bulk::delete_contacts(&mut v, BulkList::Triage, &ids[..60], false).unwrap();
    assert_eq!(r.stopped.as_deref(), Some("confirm"));
    assert_eq!((r.contacts_due, r.contacts_total), (60, 100));
    assert!(r.done.is_empty());
    assert_eq!(count(&v, "SELECT count(*) FROM contacts"), 100, "nothing deleted");
    // Confirmed, it goes.
    let r = bulk::delete_contacts(&mut v, BulkList::Triage, &ids[..60], true).unwrap();
    assert_eq!((r.stopped, r.done.len()), (None, 60));
    assert_eq!(count(&v, "SELECT count(*) FROM contacts"), 40);
    // 30 of 40 is 75 %, but not more than 50: no question, as at start-up.
    let r = bulk::delete_contacts(&mut v, BulkList::Repermission, &ids[60..90], false).unwrap();
    assert_eq!((r.stopped, r.done.len()), (None, 30));
}

#[test]
fn a_bulk_delete_with_an_unknown_id_changes_nothing() {
    let (_t, mut v, ids) = vault_with(3);
    let e = bulk::delete_contacts(&mut v, BulkList::Triage, &[ids[0], 424_242], true).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert_eq!(count(&v, "SELECT count(*) FROM contacts"), 3);
    assert!(ret::deletion_log(v.conn()).unwrap().is_empty());
}

#[test]
fn restricted_contacts_are_skipped_and_reported() {
    let (_t, mut v, ids) = vault_with(3);
    let newsletter = purpose(&v, "Nieuwsbrief");
    for id in &ids {
        v.write(|tx, c| {
            consent::link(tx, c, *id, newsletter, None, consent::Source::Other)?;
            let input = ConsentInput {
                purpose_id: newsletter,
                method: Method::Form,
                text: "Ja, stuur mij de nieuwsbrief.".into(),
                evidence: None,
            };
            consent::give(tx, c, *id, &input)?;
            consent::withdraw(tx, c, *id, newsletter, Method::Email, None)
        })
        .unwrap();
    }
    restrict(&mut v, ids[1]);
    let links: Vec<LinkRef> =
        ids.iter().map(|id| LinkRef { contact_id: *id, purpose_id: newsletter }).collect();
    let r = bulk::mark_repermission(&mut v, &links).unwrap();
    assert_eq!((r.done, r.skipped_restricted), (vec![ids[0], ids[2]], vec![ids[1]]));

    let client = purpose(&v, "Klantadministratie");
    let r = bulk::link(&mut v, &ids, client).unwrap();
    assert_eq!((r.done, r.skipped_restricted), (vec![ids[0], ids[2]], vec![ids[1]]));
    let linked = consent::links(v.conn(), ids[1]).unwrap();
    assert!(linked.iter().all(|l| l.purpose.id != client), "the restricted one is not linked");

    let r = bulk::delete_contacts(&mut v, BulkList::Triage, &ids, false).unwrap();
    assert_eq!((r.done, r.skipped_restricted), (vec![ids[0], ids[2]], vec![ids[1]]));
    assert!(contacts::read::contact(v.conn(), ids[1]).is_ok(), "the restricted one stays");
}

#[test]
fn review_items_are_kept_or_deleted_in_bulk() {
    let (_t, mut v, ids) = vault_with(4);
    for id in &ids {
        v.conn()
            .execute(
                "INSERT INTO review_queue (rule, contact_id, reason, queued_at)
                 VALUES ('prospects', ?1, 'rule', '2026-03-01T09:00:00Z')",
                [id],
            )
            .unwrap();
    }
    restrict(&mut v, ids[3]);
    let items: Vec<i64> =
        ret::review_queue(v.conn(), false).unwrap().iter().map(|i| i.id).collect();
    assert_eq!(items.len(), 4);
    // An unknown id: nothing kept.
    let e = bulk::keep(&mut v, &[items[0], 777], "Lopende offerte", "2026-09-01").unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert_eq!(ret::review_queue(v.conn(), false).unwrap().len(), 4);
    // A date in the past: nothing kept.
    assert!(bulk::keep(&mut v, &items[..2], "Lopende offerte", "2026-01-01").is_err());
    assert_eq!(ret::review_queue(v.conn(), false).unwrap().len(), 4);
    // Keeping changes none of the person's data: the restricted one is kept too.
    let r = bulk::keep(&mut v, &[items[0], items[3]], "Lopende offerte", "2026-09-01").unwrap();
    assert_eq!(r.done, vec![ids[0], ids[3]]);
    let waiting = ret::review_queue(v.conn(), false).unwrap();
    assert_eq!(waiting.iter().map(|i| i.contact_id).collect::<Vec<_>>(), vec![ids[1], ids[2]]);
    // Deleting skips a restricted contact.
    let r = bulk::delete_reviewed(&mut v, &items, false).unwrap();
    assert_eq!(r.skipped_restricted, vec![ids[3]]);
    assert_eq!(r.done, vec![ids[0], ids[1], ids[2]]);
    assert_eq!(count(&v, "SELECT count(*) FROM contacts"), 1);
    let log = ret::deletion_log(v.conn()).unwrap();
    assert_eq!((log[0].trigger.as_str(), log[0].count), ("review", 3));
}

#[test]
fn a_mark_for_re_permission_is_shown_until_consent_is_given_again() {
    let (_t, mut v, ids) = vault_with(1);
    let newsletter = purpose(&v, "Nieuwsbrief");
    v.write(|tx, c| consent::link(tx, c, ids[0], newsletter, None, consent::Source::Other))
        .unwrap();
    let flags = consent::repermission(v.conn(), v.now(), 24).unwrap();
    assert_eq!((flags[0].purpose_id, flags[0].marked_at.clone()), (Some(newsletter), None));
    bulk::mark_repermission(&mut v, &[LinkRef { contact_id: ids[0], purpose_id: newsletter }])
        .unwrap();
    let flags = consent::repermission(v.conn(), v.now(), 24).unwrap();
    assert_eq!(flags[0].marked_at.as_deref(), Some("2026-03-01T09:30:00Z"));
    // The person's own copy (access and portability read the links) shows the mark too.
    let links = consent::links(v.conn(), ids[0]).unwrap();
    assert_eq!(links[0].repermission_marked_at.as_deref(), Some("2026-03-01T09:30:00Z"));
    // A purpose not based on consent is not asked again.
    let client = purpose(&v, "Klantadministratie");
    bulk::link(&mut v, &ids, client).unwrap();
    let e = bulk::mark_repermission(&mut v, &[LinkRef { contact_id: ids[0], purpose_id: client }])
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    let input = ConsentInput {
        purpose_id: newsletter,
        method: Method::Email,
        text: "Ja, graag.".into(),
        evidence: None,
    };
    v.write(|tx, c| consent::give(tx, c, ids[0], &input)).unwrap();
    let marked: Option<String> = v
        .conn()
        .query_row(
            "SELECT repermission_marked_at FROM contact_purposes WHERE purpose_id = ?1",
            [newsletter],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(marked, None, "consent given again clears the mark");
}

#[test]
fn a_new_client_is_proposed_the_contract_purpose_and_stays_out_of_triage() {
    let (_t, mut v, _) = vault_with(0);
    let proposal = consent::proposed_purpose(v.conn(), Relationship::Client).unwrap().unwrap();
    assert_eq!(proposal.name, "Klantadministratie");
    assert_eq!(proposal.basis, purposes::Basis::Contract);
    assert!(consent::proposed_purpose(v.conn(), Relationship::Prospect).unwrap().is_none());

    let mut input = ContactInput::new("Nieuwe Klant");
    input.relationship = Relationship::Client;
    let id = kluis::app::contacts::add(&mut v, &input, false, Some(proposal.id)).unwrap();
    assert!(consent::triage(v.conn()).unwrap().is_empty(), "not in triage");
    let links = consent::links(v.conn(), id).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].basis, Some(purposes::Basis::Contract));

    // Not on a consent purpose, and then the contact is not saved either.
    let newsletter = purpose(&v, "Nieuwsbrief");
    let mut other = ContactInput::new("Andere Klant");
    other.relationship = Relationship::Client;
    let e = kluis::app::contacts::add(&mut v, &other, false, Some(newsletter)).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert_eq!(count(&v, "SELECT count(*) FROM contacts"), 1);
}

#[test]
fn two_thousand_contacts_are_linked_and_deleted_in_one_go() {
    let (_t, mut v, ids) = vault_with(2_000);
    let client = purpose(&v, "Klantadministratie");
    let started = std::time::Instant::now();
    assert_eq!(bulk::link(&mut v, &ids, client).unwrap().done.len(), 2_000);
    let linked = started.elapsed();
    let started = std::time::Instant::now();
    let r = bulk::delete_contacts(&mut v, BulkList::Triage, &ids, true).unwrap();
    assert_eq!(r.done.len(), 2_000);
    eprintln!("2000 linked in {linked:?}, deleted in {:?}", started.elapsed());
    assert_eq!(count(&v, "SELECT count(*) FROM contacts"), 0);
}

// --- the command line ----------------------------------------------------------------

const NOW: &str = "2026-12-01T10:00:00Z";

fn cli_with_purposes() -> Cli {
    let cli = Cli::at(NOW);
    cli.ok(&["init"]);
    cli.ok(&["purpose", "propose", "--lang", "nl"]);
    cli
}

fn add_cli(cli: &Cli, args: &[&str]) -> (i64, String) {
    let out = cli.run(&[&["--json", "contact", "add"], args].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (json["id"].as_i64().unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn triage_ids(cli: &Cli) -> Vec<i64> {
    let list = cli.json(&["triage"]);
    list.as_array().unwrap().iter().map(|f| f["contact_id"].as_i64().unwrap()).collect()
}

#[test]
fn the_cli_proposes_the_contract_purpose_for_a_client_and_links_with_a_flag() {
    let cli = cli_with_purposes();
    let (noted, stderr) =
        add_cli(&cli, &["--name", "Klant Zonder Vlag", "--relationship", "client"]);
    assert!(
        stderr.contains("Klantadministratie") && stderr.contains("--link-proposed"),
        "{stderr}"
    );
    let (linked, _) =
        add_cli(&cli, &["--name", "Klant Met Vlag", "--relationship", "client", "--link-proposed"]);
    let (prospect, stderr) = add_cli(&cli, &["--name", "Een Prospect"]);
    assert!(!stderr.contains("Klantadministratie"), "{stderr}");
    let waiting = triage_ids(&cli);
    assert!(waiting.contains(&noted) && waiting.contains(&prospect), "{waiting:?}");
    assert!(!waiting.contains(&linked), "the linked client is not in triage");
}

#[test]
fn the_cli_links_and_deletes_the_triage_list_in_bulk() {
    let cli = cli_with_purposes();
    let ids: Vec<i64> =
        (0..4).map(|i| add_cli(&cli, &["--name", &format!("Triage {i}")]).0).collect();
    let refused = cli.run(&["triage", "link", "--purpose", "Nieuwsbrief", "--all"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).starts_with("error: "));
    assert_eq!(triage_ids(&cli).len(), 4, "nothing linked");
    let two = [ids[0].to_string(), ids[1].to_string()];
    let out = cli.ok(&["triage", "link", "--purpose", "Relatiebeheer", &two[0], &two[1]]);
    assert!(out.contains("Linked 2 contact(s)"), "{out}");
    assert_eq!(triage_ids(&cli), vec![ids[2], ids[3]]);
    let out = cli.ok(&["triage", "delete", "--all", "--yes"]);
    assert!(out.contains("Deleted 2 contact(s)"), "{out}");
    assert!(triage_ids(&cli).is_empty());
}
