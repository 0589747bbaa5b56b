//! The audit trail: written by every write and every read of one contact, values never in it,
//! and a changed, removed or reordered row is reported by verify.

mod common;

use common::*;
use kluis::app::unlock::unlock;
use kluis::domain::contacts::{self, ContactInput};
use kluis::store::audit;
use kluis::Vault;

fn vault_with_history() -> (TempVault, Vault, i64) {
    let (t, mut v) = new_vault();
    let mut c = ContactInput::new("Geheime Naam");
    c.emails = vec!["geheim@example.nl".into()];
    let id = contacts::create(&mut v, &c, false).unwrap();
    c.name = "Andere Naam".into();
    contacts::update(&mut v, id, &c, false).unwrap();
    contacts::show(&mut v, id).unwrap();
    (t, v, id)
}

fn actions(v: &Vault) -> Vec<(String, Option<i64>, String)> {
    let mut s =
        v.conn().prepare("SELECT action, entity_id, fields FROM audit ORDER BY id").unwrap();
    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn writes_and_reads_are_audited_with_field_names_only() {
    let (_t, v, id) = vault_with_history();
    let rows = actions(&v);
    let names: Vec<_> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(names, ["vault.create", "contact.create", "contact.update", "contact.read"]);
    assert_eq!(rows[2], ("contact.update".into(), Some(id), "[\"name\"]".into()));
    let all: String = v
        .conn()
        .query_row("SELECT group_concat(actor || action || entity || fields || coalesce(detail, ''), '|') FROM audit", [], |r| r.get(0))
        .unwrap();
    for value in ["Geheime", "Andere", "geheim@example.nl"] {
        assert!(!all.contains(value), "audit holds the value {value}");
    }
    assert!(audit::verify(v.conn()).unwrap().ok);
}

fn drop_guards(v: &Vault) {
    v.conn().execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;").unwrap();
}

#[test]
fn audit_rows_cannot_be_updated_or_deleted_through_sql() {
    let (_t, v, _) = vault_with_history();
    assert!(v.conn().execute("UPDATE audit SET action = 'x' WHERE id = 2", []).is_err());
    assert!(v.conn().execute("DELETE FROM audit WHERE id = 2", []).is_err());
}

#[test]
fn a_changed_row_is_reported() {
    let (_t, v, _) = vault_with_history();
    drop_guards(&v);
    v.conn().execute("UPDATE audit SET fields = '[\"emails\"]' WHERE id = 3", []).unwrap();
    let r = audit::verify(v.conn()).unwrap();
    assert!(!r.ok);
    assert_eq!(r.first_broken, Some(3));
}

#[test]
fn a_deleted_middle_row_is_reported() {
    let (_t, v, _) = vault_with_history();
    drop_guards(&v);
    v.conn().execute("DELETE FROM audit WHERE id = 2", []).unwrap();
    let r = audit::verify(v.conn()).unwrap();
    assert_eq!(r.first_broken, Some(3));
}

#[test]
fn a_deleted_newest_row_is_reported() {
    let (_t, v, _) = vault_with_history();
    drop_guards(&v);
    v.conn().execute("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)", []).unwrap();
    let r = audit::verify(v.conn()).unwrap();
    assert!(!r.ok);
    assert_eq!(r.first_broken, Some(4));
}

#[test]
fn the_trail_survives_lock_and_unlock() {
    let (t, v, _) = vault_with_history();
    v.lock();
    let v = unlock(&t.dir(), PASS, clock(), "test").unwrap().vault;
    let r = audit::verify(v.conn()).unwrap();
    assert!(r.ok, "{r:?}");
    // create, contact create, update, read, unlock, and the retention purge at unlock.
    assert_eq!(r.rows, 6);
}

#[test]
fn an_audit_row_written_on_its_own_comes_with_its_head_or_not_at_all() {
    // A row written outside an action's transaction (an unlock, a backup) and the head that
    // anchors it are one write: when the second part fails (as when the process is killed in
    // between) the first is not left behind, so the chain still verifies.
    let (_t, v, _) = vault_with_history();
    v.conn()
        .execute_batch(
            "CREATE TEMP TRIGGER fail_head BEFORE UPDATE ON main.meta
             WHEN NEW.key = 'audit_head' BEGIN SELECT RAISE(ABORT, 'interrupted'); END;",
        )
        .unwrap();
    assert!(v.audit("vault.remember", "vault", None, &[]).is_err());
    v.conn().execute_batch("DROP TRIGGER fail_head;").unwrap();
    let r = audit::verify(v.conn()).unwrap();
    assert!(r.ok, "{r:?}");
}
