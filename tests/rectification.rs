//! Rectification (Art. 16) of interactions and fiscal records: an interaction is edited or
//! deleted (audited by its id and field names, never values; the old text gone from the
//! decrypted pages and the search index; a deleted one stays deleted after restoring an older
//! backup); a fiscal record under its legal hold (art. 52 AWR) is corrected by appending a
//! record, never overwritten, and cannot be deleted until its period ends; a restricted
//! contact is read-only.

mod common;

use std::process::Command;

use common::*;
use kluis::app::restore;
use kluis::domain::backup::{self, BackupSecret};
use kluis::domain::contacts::{
    self, ContactInput, InteractionChange, InteractionInput, InteractionKind, Relationship,
};
use kluis::domain::export::sar;
use kluis::domain::retention::documents::{self, Correction, DocumentKind, NewDocument};
use kluis::kernel::language::Language;
use kluis::vault::Secret;
use kluis::{Clock, Error, Vault};

fn client(v: &mut Vault, name: &str) -> i64 {
    let mut c = ContactInput::new(name);
    c.relationship = Relationship::Client;
    contacts::create(v, &c, false).unwrap()
}

fn note(v: &mut Vault, contact: i64, text: &str, at: &str) -> i64 {
    let input =
        InteractionInput { kind: InteractionKind::Note, text: text.into(), at: Some(at.into()) };
    contacts::add_interaction(v, contact, &input, false).unwrap()
}

fn text(s: &str) -> InteractionChange {
    InteractionChange { text: Some(s.into()), ..Default::default() }
}

/// The decrypted pages of the vault's database file (every write ends with a checkpoint).
fn pages(t: &TempVault) -> Vec<u8> {
    let key = data_key(&t.dir(), PASS);
    decrypt_pages(&std::fs::read(t.dir().join("kluis.db")).unwrap(), &key)
}

/// Every audit row as one line of text: action, entity, id, fields and detail.
fn audit_rows(v: &Vault) -> Vec<String> {
    let mut s = v
        .conn()
        .prepare("SELECT action, entity, entity_id, fields, coalesce(detail, '') FROM audit")
        .unwrap();
    s.query_map([], |r| {
        Ok(format!(
            "{} {} {} {} {}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<i64>>(2)?.map_or(String::new(), |i| i.to_string()),
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn found(v: &Vault, query: &str) -> i64 {
    contacts::list(v, Some(query), None, 0).unwrap().total
}

fn last_activity(v: &Vault, id: i64) -> String {
    v.conn()
        .query_row("SELECT last_activity_at FROM contacts WHERE id = ?1", [id], |r| r.get(0))
        .unwrap()
}

fn reopen(t: &TempVault, v: Vault, now: &str) -> Vault {
    drop(v);
    Vault::open(&t.dir(), Secret::Passphrase(PASS), Clock::fixed_from_rfc3339(now).unwrap(), "t")
        .unwrap()
}

#[test]
fn an_edited_interaction_leaves_no_old_text_in_the_pages_or_the_index_and_is_audited_by_id() {
    let (t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let i = note(&mut v, id, "Verkeerd genoteerd: Vlinderhoeve allergisch", "2026-02-01T10:00:00Z");
    assert!(contains(&pages(&t), b"Vlinderhoeve"), "the decryption works: the text is there");
    assert_eq!(found(&v, "Vlinderhoeve"), 1);

    let change = InteractionChange {
        kind: Some(InteractionKind::Call),
        text: Some("Belde over de offerte voor de Zonnebloemweg".into()),
        at: Some("2026-02-02T11:00:00Z".into()),
    };
    contacts::edit_interaction(&mut v, i, &change, false).unwrap();

    let shown = contacts::show(&mut v, id).unwrap();
    assert_eq!(shown.interactions.len(), 1);
    assert_eq!(shown.interactions[0].kind, InteractionKind::Call);
    assert_eq!(shown.interactions[0].at, "2026-02-02T11:00:00Z");
    assert_eq!(found(&v, "Vlinderhoeve"), 0, "the index forgot the old text");
    assert_eq!(found(&v, "Zonnebloemweg"), 1, "and holds the new one");
    let plain = pages(&t);
    assert!(contains(&plain, b"Zonnebloemweg"));
    assert!(!contains(&plain, b"Vlinderhoeve"), "the old text lingers in the decrypted pages");
    assert!(!contains(&plain, b"allergisch"), "the old text lingers in the decrypted pages");

    let rows = audit_rows(&v);
    let edit = rows.iter().find(|r| r.starts_with("interaction.update")).expect("audited");
    assert_eq!(
        edit,
        &format!("interaction.update interaction {i} [\"kind\",\"at\",\"text\"] contact={id}")
    );
    assert!(rows.iter().all(|r| !r.contains("Zonnebloemweg") && !r.contains("Vlinderhoeve")));
}

#[test]
fn a_deleted_interaction_leaves_no_text_and_a_tombstone_and_is_audited_by_id() {
    let (t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let keep = note(&mut v, id, "Offerte Tulpenlaan verstuurd", "2026-02-01T10:00:00Z");
    // A BSN saved by mistake (the user wrongly confirmed it was none).
    let input = InteractionInput {
        kind: InteractionKind::Note,
        text: "BSN per ongeluk: Kievitsbloem 123456782".into(),
        at: None,
    };
    let gone = contacts::add_interaction(&mut v, id, &input, true).unwrap();
    assert!(contains(&pages(&t), b"Kievitsbloem"), "the decryption works");
    contacts::delete_interaction(&mut v, gone).unwrap();

    let shown = contacts::show(&mut v, id).unwrap();
    assert_eq!(shown.interactions.iter().map(|i| i.id).collect::<Vec<_>>(), [keep]);
    assert_eq!(found(&v, "Kievitsbloem"), 0);
    assert_eq!(found(&v, "Tulpenlaan"), 1);
    let plain = pages(&t);
    assert!(!contains(&plain, b"Kievitsbloem"), "the deleted text lingers in the decrypted pages");
    assert!(!contains(&plain, b"123456782"), "the deleted text lingers in the decrypted pages");
    assert!(contains(&plain, b"Tulpenlaan"));
    let tombstone: i64 = v
        .conn()
        .query_row(
            "SELECT count(*) FROM interaction_tombstones WHERE interaction_id = ?1",
            [gone],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tombstone, 1, "a tombstone by interaction id");
    let rows = audit_rows(&v);
    assert!(
        rows.contains(&format!("interaction.delete interaction {gone} [] contact={id}")),
        "{rows:?}"
    );
    assert!(matches!(contacts::delete_interaction(&mut v, gone), Err(Error::NotFound(_))));
}

#[test]
fn last_activity_is_recomputed_after_an_edit_and_a_delete_and_never_lies_after_now() {
    let (t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let created = last_activity(&v, id);
    assert_eq!(created, "2026-03-01T09:30:00Z");
    let mut v = reopen(&t, v, "2026-03-10T09:00:00Z");
    let early = note(&mut v, id, "Eerste gesprek", "2026-03-05T10:00:00Z");
    let late = note(&mut v, id, "Tweede gesprek", "2026-03-10T20:00:00Z");
    assert_eq!(last_activity(&v, id), "2026-03-10T09:00:00Z", "a note ahead counts as now");
    contacts::delete_interaction(&mut v, late).unwrap();
    assert_eq!(last_activity(&v, id), "2026-03-05T10:00:00Z", "the newest that is left");
    let back = InteractionChange { at: Some("2026-01-01T10:00:00Z".into()), ..Default::default() };
    contacts::edit_interaction(&mut v, early, &back, false).unwrap();
    assert_eq!(last_activity(&v, id), created, "no later activity than the contact's creation");
    // An edit moving a note into the permitted day ahead still never lies after now.
    let ahead = InteractionChange { at: Some("2026-03-11T01:00:00Z".into()), ..Default::default() };
    contacts::edit_interaction(&mut v, early, &ahead, false).unwrap();
    assert_eq!(last_activity(&v, id), "2026-03-10T09:00:00Z");
    contacts::delete_interaction(&mut v, early).unwrap();
    assert_eq!(last_activity(&v, id), created);
}

#[test]
fn an_edit_is_checked_like_an_add_dates_and_the_bsn_guard() {
    let (_t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let i = note(&mut v, id, "Belde over de offerte", "2026-02-01T10:00:00Z");
    for bad in ["2026-03-03T10:00:00Z", "1899-12-31T10:00:00Z", "0026-02-01T10:00:00Z", "morgen"] {
        let change = InteractionChange { at: Some(bad.into()), ..Default::default() };
        let e = contacts::edit_interaction(&mut v, i, &change, false).unwrap_err();
        assert_eq!(e.field(), Some("at"), "{bad}: {e}");
    }
    let e = contacts::edit_interaction(&mut v, i, &text("BSN 123456782"), false).unwrap_err();
    assert!(matches!(e, Error::BsnSuspected { field: "text" }), "{e}");
    contacts::edit_interaction(&mut v, i, &text("Nummer 123456782 is een ordernummer"), true)
        .unwrap();
    // An unchanged text confirmed before is not asked about again.
    let kind = InteractionChange { kind: Some(InteractionKind::Call), ..Default::default() };
    contacts::edit_interaction(&mut v, i, &kind, false).unwrap();
    let e = contacts::edit_interaction(&mut v, i, &text(&"x".repeat(20_001)), false).unwrap_err();
    assert_eq!(e.field(), Some("text"));
    let shown = contacts::show(&mut v, id).unwrap();
    assert_eq!(shown.interactions[0].at, "2026-02-01T10:00:00Z", "nothing refused was written");
    assert_eq!(shown.interactions[0].text, "Nummer 123456782 is een ordernummer");
}

#[test]
fn a_deleted_interaction_stays_deleted_after_restoring_an_older_backup() {
    let (t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let keep = note(&mut v, id, "Offerte Tulpenlaan verstuurd", "2026-02-01T10:00:00Z");
    let gone = note(&mut v, id, "Per ongeluk: Kievitsbloem", "2026-02-03T10:00:00Z");
    let old = t.tmp.path().join("backups/old.kluisbackup");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    backup::create(&mut v, &old, &mut |_| {}).unwrap();
    contacts::delete_interaction(&mut v, gone).unwrap();
    v.lock();
    let options = restore::Options {
        current: Some(restore::Current::Passphrase(PASS)),
        ..Default::default()
    };
    let secret = BackupSecret::Passphrase(PASS);
    let r = restore::restore(&old, &t.dir(), &secret, &options, clock(), "t", &mut |_| {}).unwrap();
    assert_eq!(r.interaction_deletions_reapplied, 1);
    assert_eq!(r.erasures_reapplied, 0);
    assert_eq!(r.interactions, 1, "the report counts what is left after the re-applied deletion");

    let mut v = kluis::app::unlock::unlock(&t.dir(), PASS, clock(), "t").unwrap().vault;
    let shown = contacts::show(&mut v, id).unwrap();
    assert_eq!(shown.interactions.iter().map(|i| i.id).collect::<Vec<_>>(), [keep]);
    assert_eq!(found(&v, "Kievitsbloem"), 0);
    assert!(!contains(&pages(&t), b"Kievitsbloem"), "the restored text lingers in the pages");
    note(&mut v, id, "Nieuw gesprek", "2026-02-20T10:00:00Z");
    // Restoring the old backup once more deletes it again; nothing else goes.
    v.lock();
    let r = restore::restore(&old, &t.dir(), &secret, &options, clock(), "t", &mut |_| {}).unwrap();
    assert_eq!(r.interaction_deletions_reapplied, 1);
    assert_eq!(r.interactions, 1);
}

#[test]
fn a_new_interaction_never_takes_the_id_of_one_deleted_after_the_restored_backup() {
    let (t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    note(&mut v, id, "Offerte Tulpenlaan verstuurd", "2026-02-01T10:00:00Z");
    let old = t.tmp.path().join("backups/old.kluisbackup");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    backup::create(&mut v, &old, &mut |_| {}).unwrap();
    // Added and deleted after the backup: the backup never held it.
    let gone = note(&mut v, id, "Per ongeluk: Kievitsbloem", "2026-02-03T10:00:00Z");
    contacts::delete_interaction(&mut v, gone).unwrap();
    v.lock();
    let options = restore::Options {
        current: Some(restore::Current::Passphrase(PASS)),
        ..Default::default()
    };
    let secret = BackupSecret::Passphrase(PASS);
    let r = restore::restore(&old, &t.dir(), &secret, &options, clock(), "t", &mut |_| {}).unwrap();
    assert_eq!(r.interaction_deletions_reapplied, 0, "nothing to delete, the tombstone is kept");
    let mut v = kluis::app::unlock::unlock(&t.dir(), PASS, clock(), "t").unwrap().vault;
    // Its id is not handed out again: a later restore would delete the new note under it.
    let new = note(&mut v, id, "Nieuw gesprek", "2026-02-20T10:00:00Z");
    assert!(new > gone, "the new interaction {new} takes the deleted id {gone}");
    v.lock();
    restore::restore(&old, &t.dir(), &secret, &options, clock(), "t", &mut |_| {}).unwrap();
    let mut v = kluis::app::unlock::unlock(&t.dir(), PASS, clock(), "t").unwrap().vault;
    assert_eq!(contacts::show(&mut v, id).unwrap().interactions.len(), 1);
}

#[test]
fn a_restricted_contacts_interactions_and_documents_cannot_be_changed_or_deleted() {
    let (_t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let i = note(&mut v, id, "Belde over de offerte", "2026-02-01T10:00:00Z");
    let doc = add_invoice(&mut v, id, "2026-001", "2026-02-01");
    v.write(|tx, c| contacts::privacy::restrict(tx, c, id, "Betwist de gegevens")).unwrap();
    assert!(matches!(
        contacts::edit_interaction(&mut v, i, &text("Anders"), false),
        Err(Error::Restricted)
    ));
    assert!(matches!(contacts::delete_interaction(&mut v, i), Err(Error::Restricted)));
    let change = Correction { amount_cents: Some(100), ..Default::default() };
    assert!(matches!(
        v.write(|tx, c| documents::correct(tx, c, doc, &change)),
        Err(Error::Restricted)
    ));
    let mut v = reopen(&_t, v, "2034-01-02T10:00:00Z");
    assert!(matches!(v.write(|tx, c| documents::delete(tx, c, doc)), Err(Error::Restricted)));
    let shown = contacts::show(&mut v, id).unwrap();
    assert_eq!(shown.interactions[0].text, "Belde over de offerte");
    assert_eq!(documents::for_contact(v.conn(), id, v.now().date_naive()).unwrap().len(), 1);
}

fn add_invoice(v: &mut Vault, contact: i64, number: &str, date: &str) -> i64 {
    let doc = NewDocument {
        kind: DocumentKind::Invoice,
        number,
        date,
        amount_cents: 125_050,
        confirm_not_bsn: false,
    };
    v.write(|tx, c| documents::add(tx, c, contact, &doc)).unwrap()
}

fn row_of(conn: &rusqlite::Connection, id: i64) -> String {
    conn.query_row(
        "SELECT kind || number || date || amount_cents || counterparty_name || created_at
         FROM fiscal_documents WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_fiscal_record_is_corrected_by_appending_and_the_original_stays_unaltered_and_marked() {
    let (_t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let original = add_invoice(&mut v, id, "2026-001", "2026-02-01");
    let before = row_of(v.conn(), original);
    let change =
        Correction { amount_cents: Some(99_900), date: Some("2026-02-02"), ..Default::default() };
    let fix = v.write(|tx, c| documents::correct(tx, c, original, &change)).unwrap();
    assert_ne!(fix, original);
    assert_eq!(row_of(v.conn(), original), before, "the original is never overwritten");

    let today = v.now().date_naive();
    let docs = documents::for_contact(v.conn(), id, today).unwrap();
    assert_eq!(docs.len(), 2);
    let o = docs.iter().find(|d| d.id == original).unwrap();
    let f = docs.iter().find(|d| d.id == fix).unwrap();
    assert_eq!((o.corrected_by, o.corrects), (Some(fix), None));
    assert_eq!((f.corrects, f.corrected_by), (Some(original), None));
    assert_eq!(
        (f.number.as_str(), f.date.as_str(), f.amount_cents),
        ("2026-001", "2026-02-02", 99_900)
    );
    assert!(o.under_hold, "the original stays under its hold");
    assert_eq!(o.held_until.as_deref(), Some("2033-12-31"));

    // The original was corrected: a second correction goes through the correction.
    let again = Correction { amount_cents: Some(1), ..Default::default() };
    let e = v.write(|tx, c| documents::correct(tx, c, original, &again)).unwrap_err();
    assert_eq!(e.field(), Some("id"), "{e}");
    // A correction that changes nothing, a bad date and a BSN-like number are refused.
    let same = Correction { number: Some("2026-001"), ..Default::default() };
    let e = v.write(|tx, c| documents::correct(tx, c, fix, &same)).unwrap_err();
    assert_eq!(e.field(), Some("correction"), "{e}");
    let bad = Correction { date: Some("2099-01-01"), ..Default::default() };
    assert_eq!(
        v.write(|tx, c| documents::correct(tx, c, fix, &bad)).unwrap_err().field(),
        Some("date")
    );
    let bsn = Correction { number: Some("123456782"), ..Default::default() };
    assert!(matches!(
        v.write(|tx, c| documents::correct(tx, c, fix, &bsn)),
        Err(Error::BsnSuspected { field: "number" })
    ));

    let rows = audit_rows(&v);
    assert!(
        rows.contains(&format!(
            "document.correct document {fix} [\"date\",\"amount\"] corrects={original} contact={id}"
        )),
        "{rows:?}"
    );
}

#[test]
fn a_fiscal_record_cannot_be_deleted_under_its_hold_and_can_after_it() {
    let (t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let doc = add_invoice(&mut v, id, "2026-001", "2026-02-01");
    let e = v.write(|tx, c| documents::delete(tx, c, doc)).unwrap_err();
    assert!(matches!(e, Error::LegalHold { .. }), "{e}");
    let said = e.to_string();
    assert!(said.contains("until 2033-12-31") && said.contains("art. 52 AWR"), "{said}");
    assert!(said.contains("add a correction instead"), "{said}");
    // On the last day of the hold it is still kept; the day after it may go.
    let mut v = reopen(&t, v, "2033-12-31T12:00:00Z");
    assert!(matches!(v.write(|tx, c| documents::delete(tx, c, doc)), Err(Error::LegalHold { .. })));
    let mut v = reopen(&t, v, "2034-01-01T12:00:00Z");
    let listed = documents::for_contact(v.conn(), id, v.now().date_naive()).unwrap();
    assert!(!listed[0].under_hold);
    v.write(|tx, c| documents::delete(tx, c, doc)).unwrap();
    assert!(documents::for_contact(v.conn(), id, v.now().date_naive()).unwrap().is_empty());
    assert!(audit_rows(&v).contains(&format!("document.delete document {doc} [] contact={id}")));
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sar.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_subject_access_report_shows_corrections_in_dutch_and_english() {
    let (_t, mut v) = new_vault();
    let id = client(&mut v, "Jan Klant");
    let original = add_invoice(&mut v, id, "2026-001", "2026-02-01");
    let change = Correction { number: Some("2026-001C"), ..Default::default() };
    let fix = v.write(|tx, c| documents::correct(tx, c, original, &change)).unwrap();
    let nl = pdftotext(&v.write(|tx, c| sar::pdf(tx, c, id, Language::Nl, None)).unwrap());
    let flat = nl.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("gecorrigeerd, zie nr. 2026-001C"), "{nl}");
    assert!(flat.contains("correctie van nr. 2026-001"), "{nl}");
    let en = pdftotext(&v.write(|tx, c| sar::pdf(tx, c, id, Language::En, None)).unwrap());
    let flat = en.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("corrected, see no. 2026-001C"), "{en}");
    assert!(flat.contains("correction of no. 2026-001"), "{en}");
    let zip = v.write(|tx, c| sar::portability_zip(tx, c, id, true, c.now)).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut json = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("data.json").unwrap(), &mut json).unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = data["fiscal_records"].as_array().unwrap();
    let by_id = |n: i64| records.iter().find(|r| r["id"] == n).unwrap();
    assert_eq!(by_id(original)["corrected_by"], fix);
    assert_eq!(by_id(fix)["corrects"], original);
}
