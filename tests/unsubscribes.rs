//! Unsubscribes from a newsletter tool (R3.4): Mailchimp's unsubscribed and cleaned exports, a
//! Laposta export in Dutch and English, a plain list; a withdrawal at the file's time with the
//! file and the campaign as evidence, bounces marked undeliverable with the consent untouched,
//! the mailing list without them, the suppression list only when asked, one transaction, a dry
//! run that writes nothing, the audit trail without values, the GDPR machinery for the mark
//! (access report, portability, erasure, restriction) and the migration of the ledger.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use common::*;
use kluis::app::import::{import_unsubscribes, PurposeRef, UnsubscribeImport};
use kluis::domain::consent::{self, ConsentInput, EventKind, Method, Source};
use kluis::domain::contacts::{self, undeliverable, ContactInput};
use kluis::domain::export::{mailing, sar};
use kluis::domain::import::csv::Options;
use kluis::domain::import::unsubscribes::UnsubscribeReport;
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::domain::suppression;
use kluis::kernel::language::Language;
use kluis::Vault;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unsubscribes").join(name)
}

const UNSUBSCRIBED: &str = "unsubscribed_members_export_8f3c2a1b.csv";
const CLEANED: &str = "cleaned_members_export_8f3c2a1b.csv";

struct People {
    newsletter: i64,
    jan: i64,
    piet: i64,
    anna: i64,
    kees: i64,
    fleur: i64,
    bram: i64,
}

fn person(v: &mut Vault, name: &str, emails: &[&str]) -> i64 {
    let mut c = ContactInput::new(name);
    c.emails = emails.iter().map(|e| e.to_string()).collect();
    contacts::create(v, &c, false).unwrap()
}

fn give(v: &mut Vault, id: i64, purpose: i64) {
    let input = ConsentInput {
        purpose_id: purpose,
        method: Method::Form,
        text: "Ja, stuur mij de nieuwsbrief.".into(),
        evidence: None,
    };
    v.write(|tx, c| consent::give(tx, c, id, &input)).unwrap();
}

/// A newsletter on consent; Jan, Anna, Fleur and Bram gave consent, Piet withdrew it, Kees is on
/// the newsletter tool's list without a consent record here. The vault's clock: 1 March 2026.
fn vault() -> (TempVault, Vault, People) {
    let (t, mut v) = new_vault();
    let newsletter = v
        .write(|tx, c| {
            let mut p = PurposeInput::new("Nieuwsbrief", Basis::Consent);
            p.direct_marketing = true;
            purposes::create(tx, c, &p)
        })
        .unwrap();
    let jan = person(&mut v, "Jan Jansen", &["Jan.Jansen@example.nl"]);
    let piet = person(&mut v, "Piet de Boer", &["piet@example.nl"]);
    let anna = person(&mut v, "Anna Smit", &["anna@example.nl"]);
    let kees = person(&mut v, "Kees Bakker", &["kees@example.nl"]);
    let fleur = person(&mut v, "Fleur Bakker", &["fleur@oud-adres.nl", "fleur@nieuw-adres.nl"]);
    let bram = person(&mut v, "Bram Weg", &["weg@example.com"]);
    for id in [jan, piet, anna, fleur, bram] {
        give(&mut v, id, newsletter);
    }
    v.write(|tx, c| consent::withdraw(tx, c, piet, newsletter, Method::Email, None)).unwrap();
    (t, v, People { newsletter, jan, piet, anna, kees, fleur, bram })
}

fn run(
    v: &mut Vault,
    path: &Path,
    purpose: i64,
    dry_run: bool,
    suppress: bool,
) -> UnsubscribeReport {
    try_run(v, path, purpose, dry_run, suppress).unwrap()
}

fn try_run(
    v: &mut Vault,
    path: &Path,
    purpose: i64,
    dry_run: bool,
    suppress: bool,
) -> kluis::kernel::error::Result<UnsubscribeReport> {
    let f = UnsubscribeImport {
        path,
        purpose: PurposeRef::Id(purpose),
        csv: Options::default(),
        suppress_unmatched: suppress,
        dry_run,
    };
    import_unsubscribes(v, &f, Language::Nl)
}

fn recipients(v: &Vault, purpose: i64) -> Vec<String> {
    mailing::recipients(v.conn(), purpose).unwrap().into_iter().map(|r| r.email).collect()
}

fn count(v: &Vault, table: &str) -> i64 {
    v.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn mailchimp_unsubscribes_become_withdrawals_at_the_files_time_and_leave_the_mailing_list() {
    let (_t, mut v, p) = vault();
    assert!(recipients(&v, p.newsletter).contains(&"Jan.Jansen@example.nl".to_owned()));
    let events = count(&v, "consent_events");
    let r = run(&mut v, &fixture(UNSUBSCRIBED), p.newsletter, false, false);
    assert_eq!(
        (r.withdrawn, r.already_withdrawn, r.unmatched, r.undeliverable, r.consent_given_later),
        (2, 1, 1, 0, 1),
        "Jan and Kees withdrawn, Piet had withdrawn, one address unknown, Anna gave consent after"
    );
    assert_eq!(count(&v, "consent_events"), events + 2);

    let jan = consent::history(v.conn(), p.jan).unwrap();
    let last = jan.last().unwrap();
    assert_eq!(last.kind, EventKind::Withdrawn);
    assert_eq!(last.at, "2026-03-14T09:12:33Z", "the file's time, read as UTC");
    assert_eq!(last.method, Method::Import);
    let evidence = last.evidence.as_deref().unwrap();
    assert!(
        evidence.contains(UNSUBSCRIBED) && evidence.contains("Nieuwsbrief maart"),
        "{evidence}"
    );
    assert!(!evidence.contains("no longer"), "the reason is not kept: {evidence}");
    // Matched case-insensitively (the file has Jan.Jansen@Example.NL).
    assert!(consent::current_given(v.conn(), p.jan, p.newsletter).unwrap().is_none());

    // No consent record here: the unsubscribe is still recorded, as the person's "no".
    let kees = consent::history(v.conn(), p.kees).unwrap();
    assert_eq!(
        (kees.len(), kees[0].kind, kees[0].at.as_str()),
        (1, EventKind::Withdrawn, "2026-03-20T10:00:00Z")
    );
    // Consent given after the unsubscribe in the file is left as it is.
    assert!(consent::current_given(v.conn(), p.anna, p.newsletter).unwrap().is_some());
    assert_eq!(consent::history(v.conn(), p.piet).unwrap().len(), 2, "no second withdrawal");

    let list = recipients(&v, p.newsletter);
    assert!(!list.iter().any(|e| e.eq_ignore_ascii_case("jan.jansen@example.nl")), "{list:?}");
    assert!(list.contains(&"anna@example.nl".to_owned()));

    // Nothing from the file but the file name and the campaign is stored or audited.
    let all: String = v
        .conn()
        .query_row(
            "SELECT group_concat(action || entity || fields || coalesce(detail, ''), ' ') FROM audit",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(all.contains("import.unsubscribes"));
    for value in ["jansen", "example", "ziekte", "192.0.2", "Nieuwsbrief maart"] {
        assert!(!all.to_lowercase().contains(&value.to_lowercase()), "{value} in the audit trail");
    }
    let stored: String = v
        .conn()
        .query_row(
            "SELECT group_concat(coalesce(evidence, ''), ' ') FROM consent_events",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!stored.contains("ziekte") && !stored.contains("192.0.2"), "{stored}");

    // Again: nothing new.
    let again = run(&mut v, &fixture(UNSUBSCRIBED), p.newsletter, false, false);
    assert_eq!((again.withdrawn, again.already_withdrawn), (0, 3));
}

#[test]
fn a_dry_run_reports_the_same_counts_and_writes_nothing() {
    let (_t, mut v, p) = vault();
    let (events, audit) = (count(&v, "consent_events"), count(&v, "audit"));
    let dry = run(&mut v, &fixture(UNSUBSCRIBED), p.newsletter, true, true);
    let dry_cleaned = run(&mut v, &fixture(CLEANED), p.newsletter, true, false);
    assert_eq!((count(&v, "consent_events"), count(&v, "audit")), (events, audit));
    assert_eq!(count(&v, "undeliverable"), 0);
    assert_eq!(count(&v, "suppression"), 0);
    assert_eq!(run(&mut v, &fixture(UNSUBSCRIBED), p.newsletter, false, true), dry);
    assert_eq!(run(&mut v, &fixture(CLEANED), p.newsletter, false, false), dry_cleaned);
}

#[test]
fn cleaned_addresses_are_marked_undeliverable_and_their_consent_is_not_touched() {
    let (_t, mut v, p) = vault();
    let before = consent::history(v.conn(), p.fleur).unwrap();
    let r = run(&mut v, &fixture(CLEANED), p.newsletter, false, true);
    assert_eq!((r.undeliverable, r.withdrawn, r.unmatched, r.suppressed), (2, 0, 0, 0));
    assert_eq!(consent::history(v.conn(), p.fleur).unwrap(), before, "no withdrawal nobody made");
    assert!(consent::current_given(v.conn(), p.bram, p.newsletter).unwrap().is_some());
    let marks = undeliverable::of_contact(v.conn(), p.fleur).unwrap();
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].email, "fleur@oud-adres.nl");
    assert_eq!(marks[0].marked_at, "2026-03-14T09:40:00Z");
    assert!(marks[0].evidence.contains(CLEANED) && marks[0].evidence.contains("Nieuwsbrief maart"));
    // Fleur is mailed at her other address; Bram, with only the bounced one, is left off.
    let list = recipients(&v, p.newsletter);
    assert!(list.contains(&"fleur@nieuw-adres.nl".to_owned()), "{list:?}");
    assert!(
        !list.contains(&"fleur@oud-adres.nl".to_owned())
            && !list.contains(&"weg@example.com".to_owned())
    );
    assert!(
        !suppression::is_suppressed(v.conn(), "weg@example.com").unwrap(),
        "a bounce is no objection"
    );
    let again = run(&mut v, &fixture(CLEANED), p.newsletter, false, false);
    assert_eq!((again.undeliverable, again.already_undeliverable), (0, 2));
    // The address edited away takes its mark with it.
    let mut edited = ContactInput::new("Fleur Bakker");
    edited.emails = vec!["fleur@nieuw-adres.nl".into()];
    contacts::update(&mut v, p.fleur, &edited, false).unwrap();
    assert!(undeliverable::of_contact(v.conn(), p.fleur).unwrap().is_empty());
    assert_eq!(count(&v, "undeliverable"), 1);
}

#[test]
fn laposta_exports_in_dutch_and_english_and_plain_lists() {
    let (_t, mut v, p) = vault();
    let r = run(&mut v, &fixture("laposta_export_nl.csv"), p.newsletter, false, false);
    assert_eq!(
        (r.withdrawn, r.undeliverable, r.unmatched, r.ignored),
        (1, 1, 1, 1),
        "Jan afgemeld, Fleur opgeschoond, one unknown address, Sanne still actief"
    );
    let at = &consent::history(v.conn(), p.jan).unwrap().last().unwrap().at.clone();
    assert!(at.starts_with("2026-03-14T"), "the unsubscribe date of the file: {at}");
    let r = run(&mut v, &fixture("laposta_export_en.csv"), p.newsletter, false, false);
    assert_eq!(
        (r.withdrawn, r.already_withdrawn, r.already_undeliverable, r.ignored),
        (0, 1, 1, 1)
    );

    let r = run(&mut v, &fixture("addresses.txt"), p.newsletter, false, false);
    assert_eq!((r.withdrawn, r.already_withdrawn), (1, 1), "Kees (twice in the file) and Jan");
    assert_eq!(
        r.warnings.iter().map(|w| w.line).collect::<Vec<_>>(),
        [4, 5],
        "the line that is no address and the repeated one: {:?}",
        r.warnings
    );
    let kees = consent::history(v.conn(), p.kees).unwrap();
    assert_eq!(kees[0].at, "2026-03-01T09:30:00Z", "no time in the file: the import's");
    let r = run(&mut v, &fixture("one_column.csv"), p.newsletter, false, false);
    assert_eq!((r.withdrawn, r.already_withdrawn), (0, 2));
}

#[test]
fn unmatched_addresses_go_on_the_suppression_list_only_when_asked() {
    let (_t, mut v, p) = vault();
    run(&mut v, &fixture(UNSUBSCRIBED), p.newsletter, false, false);
    assert!(!suppression::is_suppressed(v.conn(), "onbekend@example.org").unwrap());
    let r = run(&mut v, &fixture(UNSUBSCRIBED), p.newsletter, false, true);
    assert_eq!((r.unmatched, r.suppressed), (1, 1));
    assert!(suppression::is_suppressed(v.conn(), "ONBEKEND@example.org").unwrap());
    // Added later by hand, the address cannot be linked to direct marketing.
    let id = person(&mut v, "Onbekend", &["onbekend@example.org"]);
    let e = v
        .write(|tx, c| consent::link(tx, c, id, p.newsletter, Some(Basis::Consent), Source::Form))
        .unwrap_err();
    assert!(matches!(e, kluis::Error::Suppressed), "{e:?}");
}

#[test]
fn the_purpose_must_be_one_an_unsubscribe_is_about_and_a_bad_file_changes_nothing() {
    let (t, mut v, p) = vault();
    let admin = v
        .write(|tx, c| {
            purposes::create(tx, c, &PurposeInput::new("Administratie", Basis::Contract))
        })
        .unwrap();
    let e = try_run(&mut v, &fixture(UNSUBSCRIBED), admin, false, false).unwrap_err();
    assert_eq!(e.field(), Some("purpose"), "{e}");
    let events = count(&v, "consent_events");
    let e = try_run(
        &mut v,
        &fixture("subscribed_members_export_8f3c2a1b.csv"),
        p.newsletter,
        false,
        false,
    )
    .unwrap_err();
    assert!(e.to_string().contains("line 1") && e.to_string().contains("subscribed"), "{e}");
    let ragged = t.tmp.path().join("big.csv");
    let mut big = b"Email Address,UNSUB_TIME\njan.jansen@example.nl,2026-03-14 09:12:33\n".to_vec();
    big.extend(vec![b'x'; 1024 * 1024 + 10]);
    std::fs::write(&ragged, &big).unwrap();
    let e = try_run(&mut v, &ragged, p.newsletter, false, false).unwrap_err();
    assert!(e.to_string().contains("line 3"), "{e}");
    assert_eq!(count(&v, "consent_events"), events, "the good lines before it are not written");
}

#[test]
fn a_newsletter_on_legitimate_interest_ends_the_link() {
    let (_t, mut v, p) = vault();
    let clients = v
        .write(|tx, c| {
            let mut input = PurposeInput::new("Klantnieuws", Basis::LegitimateInterest);
            input.direct_marketing = true;
            purposes::create(tx, c, &input)
        })
        .unwrap();
    v.write(|tx, c| {
        consent::link(tx, c, p.jan, clients, Some(Basis::LegitimateInterest), Source::InPerson)
    })
    .unwrap();
    assert_eq!(recipients(&v, clients).len(), 1);
    let r = run(&mut v, &fixture(UNSUBSCRIBED), clients, false, false);
    assert_eq!(r.withdrawn, 4, "Jan, Piet, Anna and Kees have no event for Klantnieuws yet");
    assert!(recipients(&v, clients).is_empty(), "the mailing list no longer has Jan");
    let link =
        consent::links(v.conn(), p.jan).unwrap().into_iter().find(|l| l.purpose.id == clients);
    assert_eq!(link.unwrap().ended_at.as_deref(), Some("2026-03-14T09:12:33Z"));
}

#[test]
fn a_restricted_contact_gets_the_withdrawal_but_no_undeliverable_mark() {
    let (_t, mut v, p) = vault();
    for id in [p.jan, p.fleur] {
        v.write(|tx, c| contacts::privacy::restrict(tx, c, id, "Betwist de gegevens")).unwrap();
    }
    let r = run(&mut v, &fixture(UNSUBSCRIBED), p.newsletter, false, false);
    assert_eq!(r.withdrawn, 2, "a withdrawal limits processing: recorded on a restricted contact");
    assert_eq!(
        consent::history(v.conn(), p.jan).unwrap().last().unwrap().kind,
        EventKind::Withdrawn
    );
    let r = run(&mut v, &fixture(CLEANED), p.newsletter, false, false);
    assert_eq!((r.undeliverable, r.restricted), (1, 1));
    assert!(undeliverable::of_contact(v.conn(), p.fleur).unwrap().is_empty(), "read-only");
}

#[test]
fn the_mark_is_in_the_access_report_and_the_portability_zip_and_goes_with_the_contact() {
    let (t, mut v, p) = vault();
    run(&mut v, &fixture(CLEANED), p.newsletter, false, false);
    for (language, label) in
        [(Language::Nl, "Adres onbestelbaar"), (Language::En, "Address undeliverable")]
    {
        let pdf = v.write(|tx, c| sar::pdf(tx, c, p.fleur, language, None)).unwrap();
        let text = pdf_text(&pdf);
        assert!(
            text.contains(label) && text.contains("fleur@oud-adres.nl"),
            "{language:?}: {text}"
        );
    }
    let zip = v.write(|tx, c| sar::portability_zip(tx, c, p.fleur, false, c.now)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut json = String::new();
    zip.by_name("data.json").unwrap().read_to_string(&mut json).unwrap();
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["undeliverable"][0]["email"], "fleur@oud-adres.nl");
    assert_eq!(data["undeliverable"][0]["marked_at"], "2026-03-14T09:40:00Z");
    let mut csv = String::new();
    zip.by_name("contact.csv").unwrap().read_to_string(&mut csv).unwrap();
    assert!(csv.contains("undeliverable,fleur@oud-adres.nl"), "{csv}");

    // Erasure takes the mark with the person, also from the pages of the file.
    kluis::app::erase::erase(&mut v, p.fleur, None, false).unwrap();
    assert_eq!(count(&v, "undeliverable"), 1, "Bram's mark stays");
    let key = data_key(&t.dir(), PASS);
    let plain = decrypt_pages(&std::fs::read(t.dir().join("kluis.db")).unwrap(), &key);
    assert!(!contains(&plain, b"oud-adres"), "the erased address lingers in the pages");
    // A purge (retention) removes it like the contact's other rows.
    v.write(|tx, _| kluis::domain::retention::purge::delete_contact(tx, p.bram)).unwrap();
    assert_eq!(count(&v, "undeliverable"), 0);
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sar.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out =
        std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
    String::from_utf8(out.stdout).unwrap()
}

/// The schema-11 migration rebuilds the ledger to accept the method "import": every row and id
/// survives, the id counter does not go back, and the append-only triggers still refuse.
#[test]
fn the_migration_keeps_the_ledger_and_its_append_only_triggers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let (before, after): (Vec<_>, Vec<_>) =
        files.iter().partition(|f| f.file_name().unwrap().to_str().unwrap() < "0011");
    assert_eq!(before.len(), 10);
    assert!(after[0].ends_with("0011_unsubscribes.sql"));
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    for f in &before {
        conn.execute_batch(&std::fs::read_to_string(f).unwrap()).unwrap();
    }
    conn.execute_batch(
        "INSERT INTO contacts (id, name, emails, phones, relationship, created_at, updated_at,
                               last_activity_at)
             VALUES (1, 'Jan', '[]', '[]', 'client', 't', 't', 't'),
                    (2, 'Piet', '[]', '[]', 'client', 't', 't', 't');
         INSERT INTO purposes (id, name, basis, created_at, updated_at)
             VALUES (1, 'Nieuwsbrief', 'consent', 't', 't');
         INSERT INTO consent_events (contact_id, purpose_id, kind, at, method, evidence, recorded_by)
             VALUES (1, 1, 'given', '2026-01-01T10:00:00Z', 'form', 'formulier', 'cli'),
                    (2, 1, 'given', '2026-01-02T10:00:00Z', 'paper', NULL, 'cli'),
                    (2, 1, 'withdrawn', '2026-01-03T10:00:00Z', 'email', NULL, 'cli'),
                    (1, 1, 'withdrawn', '2026-01-04T10:00:00Z', 'other', NULL, 'cli');
         DELETE FROM contacts WHERE id = 2;",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let refused = conn.execute(
        "INSERT INTO consent_events (contact_id, purpose_id, kind, at, method, recorded_by)
         VALUES (1, 1, 'withdrawn', 'x', 'import', 'cli')",
        [],
    );
    assert!(refused.is_err(), "schema 10 refuses the method import");
    let rows = |conn: &rusqlite::Connection| -> Vec<(i64, String, String, Option<String>)> {
        conn.prepare("SELECT id, kind, method, evidence FROM consent_events ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let old = rows(&conn);
    assert_eq!(old.iter().map(|r| r.0).collect::<Vec<_>>(), [1, 4], "2 and 3 went with Piet");

    conn.execute_batch(&std::fs::read_to_string(after[0]).unwrap()).unwrap();
    assert_eq!(rows(&conn), old, "every row survives with its id");
    conn.execute(
        "INSERT INTO consent_events (contact_id, purpose_id, kind, at, method, recorded_by)
         VALUES (1, 1, 'withdrawn', '2026-03-14T09:12:33Z', 'import', 'cli')",
        [],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    assert_eq!(id, 5, "an id once used (by Piet's rows) is not handed out again");
    let e = conn.execute("UPDATE consent_events SET kind = 'given' WHERE id = 1", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    let e = conn.execute("DELETE FROM consent_events WHERE id = 1", []).unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    assert!(conn
        .execute(
            "INSERT INTO consent_events (contact_id, purpose_id, kind, at, method, recorded_by)
             VALUES (1, 1, 'withdrawn', 'x', 'fax', 'cli')",
            [],
        )
        .is_err());
    // Rows still go with their contact (erasure, purge).
    conn.execute("DELETE FROM contacts WHERE id = 1", []).unwrap();
    assert!(rows(&conn).is_empty());
    let idx: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('consent_events_by_contact',
             'consent_events_no_update', 'consent_events_no_delete')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(idx, 3);
}

#[test]
fn import_is_not_a_method_typed_by_hand() {
    let (_t, mut v, p) = vault();
    let input = ConsentInput {
        purpose_id: p.newsletter,
        method: Method::Import,
        text: "Ja".into(),
        evidence: None,
    };
    let e = v.write(|tx, c| consent::give(tx, c, p.kees, &input)).unwrap_err();
    assert_eq!(e.field(), Some("method"));
    let e = v
        .write(|tx, c| consent::withdraw(tx, c, p.jan, p.newsletter, Method::Import, None))
        .unwrap_err();
    assert_eq!(e.field(), Some("method"));
}
