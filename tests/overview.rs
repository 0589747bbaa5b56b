//! The compliance overview (app::overview, issue 15 §5) at an explicitly given clock: each line
//! counts exactly what needs attention and names the place that fixes it; an empty vault is
//! "all in order"; the breach clock, the days left of a request, the last audit-trail check
//! and what the last purge did (or that it waits) come from the domains.

mod common;

use common::*;
use kluis::app::overview::{overview, Overview, Target};
use kluis::app::unlock::{open_without_purge, unlock};
use kluis::domain::breaches::{self, BreachInput};
use kluis::domain::contacts::{self, ContactInput, Relationship};
use kluis::domain::register::processors::{self, ProcessorInput, Service};
use kluis::domain::requests::{self, RequestKind};
use kluis::vault::Secret;
use kluis::{Clock, Vault};

fn at(s: &str) -> Clock {
    Clock::fixed_from_rfc3339(s).unwrap()
}

/// The vault opened without the purge at `when` (to set things up, or to look at that time).
fn open_at(t: &TempVault, when: &str) -> Vault {
    open_without_purge(&t.dir(), Secret::Passphrase(PASS), at(when), "test").unwrap()
}

fn contact(v: &mut Vault, name: &str, rel: Relationship) -> i64 {
    let mut c = ContactInput::new(name);
    c.relationship = rel;
    contacts::create(v, &c, false).unwrap()
}

fn all_zero(o: &Overview) -> bool {
    let c = &o.counts;
    [
        c.requests_due,
        c.requests_overdue,
        c.breaches_open,
        c.breaches_overdue,
        c.contacts_without_basis,
        c.repermission_due,
        c.review_queue,
        c.processors_without_agreement,
        c.processors_review_overdue,
    ] == [0; 9]
}

#[test]
fn an_empty_vault_is_all_in_order_at_the_clock_given() {
    let (t, v) = new_vault();
    v.lock();
    let v = open_at(&t, "2026-05-04T08:00:00Z");
    let o = overview(&v).unwrap();
    assert_eq!(o.now, "2026-05-04T08:00:00Z");
    assert!(all_zero(&o) && o.counts.all_in_order, "{o:?}");
    assert!(o.requests.is_empty() && o.breaches.is_empty() && o.processors.is_empty());
    assert_eq!((o.audit_check.clone(), o.purge.clone()), (None, None), "never checked nor purged");
    assert_eq!(o.contacts_without_basis.target, Target::Register { tab: "triage".into() });
    assert_eq!(o.repermission_due.target, Target::Register { tab: "repermission".into() });
    assert_eq!(o.review_queue.target, Target::Retention { tab: "review".into() });
    assert_eq!(o.backup_target, Target::Settings);
    v.lock();
    // The start-up purge of an unlock is what the overview then reports.
    let v = unlock(&t.dir(), PASS, at("2026-05-05T07:00:00Z"), "test").unwrap().vault;
    let o = overview(&v).unwrap();
    let p = o.purge.clone().unwrap();
    assert_eq!(
        (p.at.as_str(), p.trigger.as_str(), p.report.ran),
        ("2026-05-05T07:00:00Z", "startup", true)
    );
    assert_eq!(o.counts.last_purge_at.as_deref(), Some("2026-05-05T07:00:00Z"));
    assert!(o.counts.all_in_order);
    assert_eq!(o.purge_target, Target::Retention { tab: "log".into() });
}

#[test]
fn breaches_show_their_clock_from_the_domain_and_link_to_the_breach() {
    let (t, mut v) = new_vault();
    let id = v
        .write(|tx, c| {
            breaches::add(
                tx,
                c,
                &BreachInput {
                    aware_at: "2026-03-01T06:00:00Z".into(),
                    description: "USB-stick verloren".into(),
                    ..BreachInput::default()
                },
            )
        })
        .unwrap();
    v.lock();
    // 3 h 30 min after becoming aware: 68 h 30 min left.
    let o = overview(&open_at(&t, "2026-03-01T09:30:00Z")).unwrap();
    let b = &o.breaches[0];
    assert_eq!(
        (b.running, b.overdue, b.hours, b.minutes, b.minutes_left),
        (true, false, 68, 30, 4110)
    );
    assert_eq!(b.target, Target::Breaches { id });
    assert_eq!((o.counts.breaches_open, o.counts.breaches_overdue), (1, 0));
    assert!(!o.counts.all_in_order);
    // 76 h 15 min after: overdue by 4 h 15 min.
    let o = overview(&open_at(&t, "2026-03-04T10:15:00Z")).unwrap();
    let b = &o.breaches[0];
    assert_eq!((b.overdue, b.hours, b.minutes), (true, 4, 15));
    assert_eq!((o.counts.breaches_open, o.counts.breaches_overdue), (1, 1));
    assert_eq!(kluis::app::overview::clock_text(b), "4 h 15 min");
}

#[test]
fn requests_carry_their_days_left_overdue_first() {
    let (t, mut v) = new_vault();
    let c = contact(&mut v, "Anna Verzoek", Relationship::Client);
    let add = |v: &mut Vault, kind, received: &str| {
        v.write(|tx, ctx| requests::add(tx, ctx, c, kind, received)).unwrap()
    };
    let soon = add(&mut v, RequestKind::Access, "2026-02-12"); // due Thu 12 March
    let late = add(&mut v, RequestKind::Erasure, "2026-02-05"); // due Thu 5 March
    add(&mut v, RequestKind::Access, "2026-03-01"); // due 1 April: not on the overview
    v.lock();
    let o = overview(&open_at(&t, "2026-03-10T12:00:00Z")).unwrap();
    let lines: Vec<(i64, i64, bool)> =
        o.requests.iter().map(|r| (r.id, r.days_left, r.overdue)).collect();
    assert_eq!(lines, [(late, -5, true), (soon, 2, false)]);
    assert_eq!((o.counts.requests_due, o.counts.requests_overdue), (1, 1));
    assert!(o.requests.iter().all(|r| r.target == Target::Requests));
}

#[test]
fn processors_are_listed_with_their_flags_and_link_to_the_processor_register() {
    let (t, mut v) = new_vault();
    let none = v
        .write(|tx, c| {
            processors::create(tx, c, &ProcessorInput::new("Boekhouder", Service::Accounting))
        })
        .unwrap();
    let mut signed = ProcessorInput::new("Host", Service::Hosting);
    signed.dpa_signed_on = Some("2025-01-01".into());
    signed.review_on = Some("2026-03-01".into());
    let old = v.write(|tx, c| processors::create(tx, c, &signed)).unwrap();
    v.lock();
    let o = overview(&open_at(&t, "2026-03-10T12:00:00Z")).unwrap();
    let flagged: Vec<(i64, bool, bool)> =
        o.processors.iter().map(|p| (p.id, p.no_agreement, p.review_overdue)).collect();
    assert_eq!(flagged, [(none, true, false), (old, false, true)]);
    assert_eq!((o.counts.processors_without_agreement, o.counts.processors_review_overdue), (1, 1));
    assert!(o.processors.iter().all(|p| p.target == Target::Register { tab: "processors".into() }));
    // On 1 March the review date had not passed yet.
    let o = overview(&open_at(&t, "2026-03-01T12:00:00Z")).unwrap();
    assert_eq!(o.counts.processors_review_overdue, 0);
}

#[test]
fn a_failed_audit_check_needs_attention() {
    let (t, v) = new_vault();
    v.lock();
    let v = open_at(&t, "2026-03-02T10:00:00Z");
    assert!(kluis::app::check::check(&v).unwrap().ok);
    let o = overview(&v).unwrap();
    let check = o.audit_check.clone().unwrap();
    assert_eq!((check.at.as_str(), check.ok), ("2026-03-02T10:00:00Z", true));
    assert!(o.counts.all_in_order);
    // A changed audit row: the chain check fails, and the overview says so.
    v.conn().execute_batch("DROP TRIGGER audit_no_update;").unwrap();
    v.conn().execute("UPDATE audit SET action = 'contact.read' WHERE id = 1", []).unwrap();
    assert!(!kluis::app::check::verify_audit(&v).unwrap().ok);
    let o = overview(&v).unwrap();
    assert!(o.counts.audit_check_failed && !o.counts.all_in_order, "{:?}", o.counts);
    assert_eq!(o.audit_target, Target::Settings);
}

#[test]
fn a_purge_waiting_for_confirmation_needs_attention_and_links_to_the_plan() {
    let (t, mut v) = new_vault();
    for i in 0..60 {
        contact(&mut v, &format!("Prospect {i}"), Relationship::Prospect);
    }
    v.lock();
    let v = unlock(&t.dir(), PASS, at("2028-06-01T00:00:00Z"), "test").unwrap().vault;
    let o = overview(&v).unwrap();
    assert_eq!(o.counts.purge_stopped.as_deref(), Some("confirm"));
    assert_eq!(o.counts.last_purge_at, None, "no purge ran to its end");
    let p = o.purge.unwrap();
    assert_eq!((p.report.contacts_due, p.report.contacts_total), (60, 60));
    assert!(!o.counts.all_in_order);
    assert_eq!(o.purge_target, Target::Retention { tab: "plan".into() });
}
