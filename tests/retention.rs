//! Retention: purge at open removes exactly what is due, keeps fiscal records under legal hold,
//! stops on a backwards clock or a mass deletion, logs without personal values, leaves no
//! trace of purged values in the decrypted pages, prunes the audit trail verifiably.

mod common;

use common::*;
use kluis::app::unlock::{open_without_purge, unlock, Unlocked};
use kluis::domain::consent::{self, ConsentInput, Method};
use kluis::domain::contacts::{
    self, privacy, ContactInput, InteractionInput, InteractionKind, Relationship,
};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::domain::retention::documents::{self, DocumentKind};
use kluis::domain::retention::purge::{self, Trigger};
use kluis::domain::retention::rules::{self, Action, RuleKey};
use kluis::domain::retention::{self as ret};
use kluis::kernel::language::Language;
use kluis::store::audit;
use kluis::vault::Secret;
use kluis::{Clock, Vault};

fn at(s: &str) -> Clock {
    Clock::fixed_from_rfc3339(s).unwrap()
}

/// Opens without the purge (to set things up at a given time).
fn setup_at(t: &TempVault, when: &str) -> Vault {
    open_without_purge(&t.dir(), Secret::Passphrase(PASS), at(when), "test").unwrap()
}

fn add(v: &mut Vault, name: &str, rel: Relationship, ended: Option<&str>) -> i64 {
    let mut c = ContactInput::new(name);
    c.emails = vec![format!("{}@example.nl", name.to_lowercase().replace(' ', "."))];
    c.relationship = rel;
    c.relationship_ended = ended.map(str::to_owned);
    contacts::create(v, &c, false).unwrap()
}

fn note(v: &mut Vault, id: i64, text: &str, when: Option<&str>) {
    let i = InteractionInput {
        kind: InteractionKind::Note,
        text: text.into(),
        at: when.map(str::to_owned),
    };
    contacts::add_interaction(v, id, &i, false).unwrap();
}

fn exists(v: &Vault, id: i64) -> bool {
    contacts::read::contact(v.conn(), id).is_ok()
}

fn count(v: &Vault, sql: &str) -> i64 {
    v.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_purge_at_open_removes_exactly_the_due_items() {
    let (t, v) = new_vault(); // 2026-03-01
    v.lock();
    let mut v = setup_at(&t, "2026-03-01T09:30:00Z");
    let stale = add(&mut v, "Oude Prospect", Relationship::Prospect, None);
    let active = add(&mut v, "Actieve Prospect", Relationship::Prospect, None);
    // Its later activity is noted when it happens (a note is never dated ahead).
    v.lock();
    let mut v = setup_at(&t, "2027-11-01T10:00:00Z");
    note(&mut v, active, "Nog steeds geïnteresseerd", Some("2027-11-01T10:00:00Z"));
    v.lock();
    let mut v = setup_at(&t, "2026-03-01T09:30:00Z");
    let client = add(&mut v, "Vaste Klant", Relationship::Client, None);
    let former = add(&mut v, "Voormalige Klant", Relationship::FormerClient, Some("2026-03-01"));
    note(&mut v, former, "Projectnotitie met details", Some("2026-02-01T10:00:00Z"));
    note(&mut v, former, "Nog een notitie", Some("2026-02-10T10:00:00Z"));
    let rejected =
        add(&mut v, "Afgewezen Sollicitant", Relationship::Applicant, Some("2026-03-01"));
    let pool = add(&mut v, "Talentenpool", Relationship::Applicant, Some("2026-03-01"));
    let p = v
        .write(|tx, c| purposes::create(tx, c, &PurposeInput::new("Talentenpool", Basis::Consent)))
        .unwrap();
    let consent = ConsentInput {
        purpose_id: p,
        method: Method::Email,
        text: "Bewaar mijn cv een jaar.".into(),
        evidence: None,
    };
    v.write(|tx, c| consent::give(tx, c, pool, &consent)).unwrap();
    v.lock();

    // The dry run lists what is due and changes nothing.
    let v = setup_at(&t, "2028-04-01T08:00:00Z");
    let items = purge::plan(v.conn(), v.now()).unwrap();
    let mut due: Vec<(RuleKey, Option<i64>, Action)> =
        items.iter().map(|i| (i.rule, i.contact_id, i.action)).collect();
    due.retain(|(r, _, _)| *r != RuleKey::Audit);
    assert_eq!(
        due,
        vec![
            (RuleKey::Prospects, Some(stale), Action::Delete),
            (RuleKey::FormerClientNotes, Some(former), Action::Delete),
            (RuleKey::FormerClients, Some(former), Action::Review),
            (RuleKey::RejectedApplicants, Some(rejected), Action::Delete),
        ]
    );
    assert!(exists(&v, stale));
    v.lock();

    // Opening runs the purge.
    let Unlocked { vault: v, purge } =
        unlock(&t.dir(), PASS, at("2028-04-01T08:00:00Z"), "test").unwrap();
    let r = purge;
    assert!(r.ran);
    assert_eq!((r.contacts_deleted, r.interactions_deleted, r.queued_for_review), (2, 2, 1));
    assert!(!exists(&v, stale) && !exists(&v, rejected));
    for kept in [active, client, former, pool] {
        assert!(exists(&v, kept), "contact {kept} should be kept");
    }
    assert_eq!(
        count(&v, &format!("SELECT count(*) FROM interactions WHERE contact_id = {former}")),
        0
    );
    assert_eq!(
        count(&v, &format!("SELECT count(*) FROM interactions WHERE contact_id = {active}")),
        1
    );
    let queue = ret::review_queue(v.conn(), false).unwrap();
    assert_eq!(
        queue.iter().map(|q| (q.rule, q.contact_id)).collect::<Vec<_>>(),
        [(RuleKey::FormerClients, former)]
    );
    let log = ret::deletion_log(v.conn()).unwrap();
    let mut rules_logged: Vec<&str> = log.iter().map(|e| e.rule.as_str()).collect();
    rules_logged.sort();
    // Audit rows of the vault's first day are more than two years old too.
    assert_eq!(rules_logged, ["audit", "former-client-notes", "prospects", "rejected-applicants"]);
    assert!(log.iter().all(|e| e.trigger == "startup"));
    assert!(log.iter().any(|e| e.ids == [format!("contact:{stale}")]));
    // Search no longer finds the purged people.
    assert_eq!(contacts::list(&v, Some("Oude"), None, 0).unwrap().total, 0);
    assert!(audit::verify(v.conn()).unwrap().ok);
    v.lock();
    // A second open finds nothing more to do.
    let Unlocked { vault: _v, purge } =
        unlock(&t.dir(), PASS, at("2028-04-01T09:00:00Z"), "test").unwrap();
    assert_eq!(purge.removed(), 0);
}

#[test]
fn fiscal_records_outlive_their_contact_until_their_own_period() {
    let (t, mut v) = new_vault();
    let mut c = ContactInput::new("Hendrik Factuur");
    c.address = Some("Kerkstraat 1, 1234 AB Dorp".into());
    let h = contacts::create(&mut v, &c, false).unwrap();
    v.write(|tx, c| {
        documents::add(
            tx,
            c,
            h,
            &documents::NewDocument {
                kind: DocumentKind::Invoice,
                number: "2026-0042",
                date: "2026-02-15",
                amount_cents: 125_050,
                confirm_not_bsn: false,
            },
        )
    })
    .unwrap();
    v.lock();
    let v = unlock(&t.dir(), PASS, at("2028-04-01T08:00:00Z"), "test").unwrap().vault;
    assert!(!exists(&v, h), "the prospect is purged");
    let (contact, name, amount): (Option<i64>, String, i64) = v
        .conn()
        .query_row(
            "SELECT contact_id, counterparty_name, amount_cents FROM fiscal_documents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (contact, name.as_str(), amount),
        (None, "Hendrik Factuur", 125_050),
        "kept under legal hold"
    );
    v.lock();
    // 7 years from the end of financial year 2026 is 31 December 2033.
    let v = unlock(&t.dir(), PASS, at("2033-12-31T12:00:00Z"), "test").unwrap().vault;
    assert_eq!(count(&v, "SELECT count(*) FROM fiscal_documents"), 1);
    v.lock();
    let Unlocked { vault: v, purge } =
        unlock(&t.dir(), PASS, at("2034-01-01T12:00:00Z"), "test").unwrap();
    assert_eq!(count(&v, "SELECT count(*) FROM fiscal_documents"), 0);
    assert_eq!(purge.documents_deleted, 1);
}

#[test]
fn a_backwards_clock_stops_the_purge() {
    let (t, mut v) = new_vault();
    let p = add(&mut v, "Prospect Klok", Relationship::Prospect, None);
    v.lock();
    // A purge ran on 2027-01-01; then the clock is set back to 2026-12-01 and the old
    // prospect's data is also made to look due by a shorter rule.
    unlock(&t.dir(), PASS, at("2027-01-01T00:00:00Z"), "test").unwrap().vault.lock();
    let mut v = setup_at(&t, "2027-01-01T00:00:00Z");
    v.write(|tx, c| rules::set(tx, c, RuleKey::Prospects, "1m".parse().unwrap(), Action::Delete))
        .unwrap();
    v.lock();
    let Unlocked { vault: v, purge } =
        unlock(&t.dir(), PASS, at("2026-12-01T00:00:00Z"), "test").unwrap();
    let r = purge;
    assert_eq!(r.stopped.as_deref(), Some("clock"));
    assert!(!r.ran);
    assert!(exists(&v, p), "nothing is deleted while the clock is behind");
}

#[test]
fn a_mass_deletion_waits_for_confirmation() {
    let (t, mut v) = new_vault();
    for i in 0..60 {
        add(&mut v, &format!("Prospect {i}"), Relationship::Prospect, None);
    }
    for i in 0..10 {
        add(&mut v, &format!("Klant {i}"), Relationship::Client, None);
    }
    v.lock();
    let Unlocked { vault: mut v, purge } =
        unlock(&t.dir(), PASS, at("2028-06-01T00:00:00Z"), "test").unwrap();
    let r = purge;
    assert_eq!(r.stopped.as_deref(), Some("confirm"));
    assert_eq!((r.contacts_due, r.contacts_total), (60, 70));
    assert_eq!(contacts::list(&v, None, None, 0).unwrap().total, 70, "nothing deleted");
    let r = v.write(|tx, c| purge::run(tx, c, Trigger::Manual, true)).unwrap();
    assert_eq!(r.contacts_deleted, 60);
    assert_eq!(contacts::list(&v, None, None, 0).unwrap().total, 10);
}

#[test]
fn restricted_contacts_go_to_review_not_deletion() {
    let (t, mut v) = new_vault();
    let id = add(&mut v, "Beperkte Prospect", Relationship::Prospect, None);
    v.write(|tx, c| privacy::restrict(tx, c, id, "Bezwaar loopt")).unwrap();
    v.lock();
    let mut v = unlock(&t.dir(), PASS, at("2028-06-01T00:00:00Z"), "test").unwrap().vault;
    assert!(exists(&v, id));
    let q = ret::review_queue(v.conn(), false).unwrap();
    assert_eq!((q[0].contact_id, q[0].reason.as_str()), (id, "restricted"));
    // Deleting from review needs the restriction lifted first.
    let qid = q[0].id;
    assert!(v.write(|tx, c| ret::review_delete(tx, c, qid)).is_err());
    v.write(|tx, c| ret::review_keep(tx, c, qid, "Bezwaarprocedure loopt nog", "2028-12-01"))
        .unwrap();
    assert!(ret::review_queue(v.conn(), false).unwrap().is_empty());
    v.lock();
    // After the keep date it comes back.
    let v = unlock(&t.dir(), PASS, at("2028-12-02T00:00:00Z"), "test").unwrap().vault;
    assert_eq!(ret::review_queue(v.conn(), false).unwrap().len(), 1);
}

#[test]
fn review_delete_removes_the_contact_and_logs_it() {
    let (t, mut v) = new_vault();
    let id = add(&mut v, "Oud Klant", Relationship::FormerClient, Some("2026-01-31"));
    v.lock();
    let mut v = unlock(&t.dir(), PASS, at("2028-03-01T00:00:00Z"), "test").unwrap().vault;
    let qid = ret::review_queue(v.conn(), false).unwrap()[0].id;
    v.write(|tx, c| ret::review_delete(tx, c, qid)).unwrap();
    assert!(!exists(&v, id));
    let log = ret::deletion_log(v.conn()).unwrap();
    assert_eq!((log[0].trigger.as_str(), log[0].rule.as_str()), ("review", "former-clients"));
}

#[test]
fn the_deletion_log_holds_no_personal_values() {
    let (t, mut v) = new_vault();
    add(&mut v, "Zwartkruis Geheim", Relationship::Prospect, None);
    v.lock();
    let v = unlock(&t.dir(), PASS, at("2028-06-01T00:00:00Z"), "test").unwrap().vault;
    let all: String = v
        .conn()
        .query_row("SELECT group_concat(at || trigger || rule || category || count || ids, '|') FROM deletion_log", [], |r| r.get(0))
        .unwrap();
    assert!(!all.is_empty());
    for value in ["Zwartkruis", "Geheim", "example.nl"] {
        assert!(!all.contains(value), "deletion log holds {value}");
    }
    let audit_text: String = v
        .conn()
        .query_row(
            "SELECT group_concat(action || fields || coalesce(detail, ''), '|') FROM audit",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!audit_text.contains("Zwartkruis"));
}

#[test]
fn purged_values_are_gone_from_the_decrypted_pages_and_the_wal() {
    let (t, mut v) = new_vault();
    let id = add(&mut v, "Canarius Vergeetmij", Relationship::Prospect, None);
    note(&mut v, id, "Kanarienotitie Vergeetmij", Some("2026-02-01T10:00:00Z"));
    add(&mut v, "Blijvende Klant", Relationship::Client, None);
    v.checkpoint().unwrap();
    let key = data_key(&t.dir(), PASS);
    let before = decrypt_pages(&std::fs::read(t.dir().join("kluis.db")).unwrap(), &key);
    assert!(contains(&before, b"Canarius"), "the decryption works: the value is there before");
    v.lock();
    let Unlocked { vault: _v, purge } =
        unlock(&t.dir(), PASS, at("2028-06-01T00:00:00Z"), "test").unwrap();
    assert_eq!(purge.contacts_deleted, 1);
    let plain = decrypt_pages(&std::fs::read(t.dir().join("kluis.db")).unwrap(), &key);
    assert!(contains(&plain, b"Blijvende"), "other data is still readable");
    for needle in
        [&b"Canarius"[..], b"Vergeetmij", b"canarius.vergeetmij@example.nl", b"Kanarienotitie"]
    {
        assert!(
            !contains(&plain, needle),
            "{} lingers in the database pages",
            String::from_utf8_lossy(needle)
        );
    }
    let wal = std::fs::metadata(t.dir().join("kluis.db-wal")).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal, 0, "the WAL was checkpointed and truncated");
}

#[test]
fn pruning_old_audit_rows_keeps_the_chain_verifiable() {
    let (t, mut v) = new_vault(); // 2026-03-01
    add(&mut v, "Klant Audit", Relationship::Client, None);
    v.lock();
    let Unlocked { vault: v, purge } =
        unlock(&t.dir(), PASS, at("2028-06-01T00:00:00Z"), "test").unwrap();
    let r = purge;
    assert!(r.audit_rows_pruned >= 2, "{r:?}");
    // Counted apart from the contacts, with the age they were pruned at.
    assert_eq!((r.contacts_deleted, r.audit_older_than.as_deref()), (0, Some("2y")), "{r:?}");
    let first: String = v.conn().query_row("SELECT min(at) FROM audit", [], |r| r.get(0)).unwrap();
    assert!(first.as_str() >= "2026-06-01", "only rows younger than two years remain: {first}");
    let report = audit::verify(v.conn()).unwrap();
    assert!(report.ok, "{report:?}");
    v.lock();
    let v = unlock(&t.dir(), PASS, at("2028-06-02T00:00:00Z"), "test").unwrap().vault;
    assert!(audit::verify(v.conn()).unwrap().ok);
    // A forged checkpoint does not anchor the chain.
    v.conn().execute_batch("DROP TRIGGER audit_no_update;").unwrap();
    v.conn()
        .execute("UPDATE audit SET detail = 'through=1 hash=00' WHERE action = 'audit.pruned'", [])
        .unwrap();
    assert!(!audit::verify(v.conn()).unwrap().ok);
}

#[test]
fn rules_are_editable_with_a_floor_for_fiscal_records() {
    let (_t, mut v) = new_vault();
    let list = rules::list(v.conn(), Language::Nl).unwrap();
    assert_eq!(list.len(), 8);
    assert!(list.iter().all(|r| !r.changed && !r.note.is_empty()));
    let prospects = &list[0];
    assert_eq!((prospects.period.as_str(), prospects.action), ("24m", Action::Delete));
    v.write(|tx, c| rules::set(tx, c, RuleKey::Prospects, "12m".parse().unwrap(), Action::Review))
        .unwrap();
    let p = &rules::list(v.conn(), Language::En).unwrap()[0];
    assert_eq!(
        (p.period.as_str(), p.action, p.changed, p.period_text.as_str()),
        ("12m", Action::Review, true, "12 months")
    );
    let e = v.write(|tx, c| {
        rules::set(tx, c, RuleKey::FiscalRecords, "5y".parse().unwrap(), Action::Delete)
    });
    assert!(e.is_err());
    let md = ret::policy_markdown(v.conn(), Language::Nl, "Bakker Bouw", v.now()).unwrap();
    assert!(md.contains("# Bewaarbeleid — Bakker Bouw"));
    assert!(md.contains("| Prospects zonder contact | 12 maanden | beoordelen |"));
    let en = ret::policy_markdown(v.conn(), Language::En, "", v.now()).unwrap();
    assert!(en.contains("| Fiscal records (quotes, invoices) | 7 years | delete |"));
}
