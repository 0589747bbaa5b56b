//! Sending the access report safely (R6.4) and other people in it (Art. 15(4)): the protected
//! copy (PDF AES-256 V 5 R 6, ZIP entries AES-256) with a one-time password that is shown once
//! and never kept; lines about someone else withheld by id with a neutral marker; the request
//! records the address, the protection and the number of lines withheld — never the password,
//! never which lines.

mod common;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

use common::*;
use kluis::app::subject_access::{self, SubjectAccess, Written};
use kluis::domain::contacts::{self, ContactInput, InteractionInput, InteractionKind};
use kluis::domain::export::sar::{redaction_marker, Redactions};
use kluis::domain::requests::{self, RequestKind};
use kluis::kernel::crypto::{one_time_password, OTP_ALPHABET};
use kluis::kernel::language::Language;
use kluis::Vault;

const NAME: &str = "Anneke Zwartveld";
const ADDRESS: &str = "anneke@zwartveld.nl";
/// A note about someone else: it must not reach Anneke.
const ABOUT_OTHER: &str = "Collega Marieke Verhoeven is ziek thuis (burn-out)";
const ABOUT_HER: &str = "Offerte voor de verbouwing besproken";

struct Setup {
    dir: tempfile::TempDir,
    vault: Vault,
    _t: TempVault,
    contact: i64,
    other_note: i64,
    request: i64,
}

fn setup() -> Setup {
    let (t, mut v) = new_vault();
    v.write(|tx, c| kluis::domain::controller::set(tx, c, "name", "Bakker Bouw")).unwrap();
    let mut c = ContactInput::new(NAME);
    c.emails = vec![ADDRESS.into()];
    let contact = contacts::create(&mut v, &c, false).unwrap();
    let note =
        |text: &str| InteractionInput { kind: InteractionKind::Note, text: text.into(), at: None };
    contacts::add_interaction(&mut v, contact, &note(ABOUT_HER), false).unwrap();
    let other_note = contacts::add_interaction(&mut v, contact, &note(ABOUT_OTHER), false).unwrap();
    let request =
        v.write(|tx, c| requests::add(tx, c, contact, RequestKind::Access, "2026-02-27")).unwrap();
    Setup { dir: tempfile::tempdir().unwrap(), vault: v, _t: t, contact, other_note, request }
}

fn export(
    s: &mut Setup,
    protect: bool,
    redact: &[i64],
    send_to: Option<&str>,
    lang: Language,
) -> Written {
    let pdf = s.dir.path().join("inzage.pdf");
    let zip = s.dir.path().join("inzage.zip");
    subject_access::export(
        &mut s.vault,
        &SubjectAccess {
            contact_id: s.contact,
            request_id: Some(s.request),
            language: lang,
            pdf_path: &pdf,
            zip_path: Some(&zip),
            include_special: false,
            protect,
            redactions: Redactions { interactions: redact.iter().copied().collect() },
            send_to,
        },
    )
    .unwrap()
}

fn run(program: &str, args: &[&str], file: &Path) -> Output {
    Command::new(program).args(args).arg(file).output().unwrap_or_else(|e| panic!("{program}: {e}"))
}

fn pdftotext(file: &Path, password: Option<&str>) -> Output {
    let mut args = vec![];
    if let Some(pw) = password {
        args.extend(["-upw", pw]);
    }
    Command::new("pdftotext").args(&args).arg(file).arg("-").output().expect("pdftotext")
}

fn flat(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_protected_pdf_is_aes_256_and_opens_only_with_the_password() {
    let mut s = setup();
    let w = export(&mut s, true, &[], Some(ADDRESS), Language::Nl);
    let pw = w.password.clone().expect("a protected copy has a password");
    let pw = pw.expose();
    let pdf = Path::new(&w.pdf_path);

    let check = run("qpdf", &["--check", &format!("--password={pw}")], pdf);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let enc = run("qpdf", &["--show-encryption", &format!("--password={pw}")], pdf);
    let enc = String::from_utf8_lossy(&enc.stdout);
    assert!(enc.contains("R = 6"), "{enc}");
    assert!(enc.contains("stream encryption method: AESv3"), "{enc}");
    assert!(enc.contains("string encryption method: AESv3"), "{enc}");
    assert!(enc.contains("Supplied password is user password"), "{enc}");

    let text = pdftotext(pdf, Some(pw));
    assert!(text.status.success());
    assert!(flat(&text).contains(NAME), "{}", flat(&text));
    assert!(flat(&text).contains(ABOUT_OTHER), "nothing redacted here");

    let without = pdftotext(pdf, None);
    assert!(!without.status.success(), "opens without the password");
    assert!(!flat(&without).contains(NAME));
    let wrong = pdftotext(pdf, Some("aaaa-aaaa-aaaa-aaaa"));
    assert!(!wrong.status.success(), "opens with a wrong password");

    // The unprotected report carries the title in plain bytes (its metadata); the protected
    // one carries neither the title nor the name.
    let bytes = std::fs::read(pdf).unwrap();
    let plain = export(&mut s, false, &[], None, Language::Nl);
    assert!(plain.password.is_none());
    let plain = std::fs::read(&plain.pdf_path).unwrap();
    assert!(contains(&plain, b"Inzage in uw persoonsgegevens"), "control: the plain file shows it");
    assert!(!contains(&bytes, b"Inzage in uw persoonsgegevens"));
    assert!(!contains(&bytes, NAME.as_bytes()));
    assert!(!contains(&bytes, pw.as_bytes()), "the password is not in the file");
}

#[test]
fn the_protected_zip_entries_are_aes_and_open_only_with_the_password() {
    let mut s = setup();
    let w = export(&mut s, true, &[], None, Language::Nl);
    let pw = w.password.clone().unwrap();
    let bytes = std::fs::read(w.zip_path.as_ref().unwrap()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(zip.len(), 5);
    for i in 0..zip.len() {
        assert!(zip.by_index(i).is_err(), "entry {i} opens without the password");
        assert!(
            zip.by_index_decrypt(i, b"aaaa-aaaa-aaaa-aaaa").is_err(),
            "entry {i}: wrong password"
        );
        let file = zip.by_index_decrypt(i, pw.expose().as_bytes()).unwrap();
        assert!(file.encrypted(), "entry {i}");
    }
    // WinZip AES: the local header's compression method is 99 (AE-x) with the 0x9901 extra field,
    // strength 3 = AES-256.
    let header = &bytes[..30 + 64];
    assert_eq!(u16::from_le_bytes([header[8], header[9]]), 99);
    let aes_extra = bytes.windows(2).position(|w| w == [0x01, 0x99]).expect("AES extra field");
    assert_eq!(bytes[aes_extra + 8], 3, "AES strength 3 is 256 bits");
    let mut json = String::new();
    zip.by_name_decrypt("data.json", pw.expose().as_bytes())
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    assert!(json.contains(NAME));
    assert!(!contains(&bytes, NAME.as_bytes()));
}

#[test]
fn redacted_lines_are_absent_from_pdf_and_zip_and_the_marker_is_there() {
    for lang in [Language::Nl, Language::En] {
        let mut s = setup();
        let id = s.other_note;
        let w = export(&mut s, true, &[id], Some(ADDRESS), lang);
        assert_eq!(w.redactions, 1);
        let pw = w.password.clone().unwrap();
        let text = flat(&pdftotext(Path::new(&w.pdf_path), Some(pw.expose())));
        assert!(!text.contains("Marieke"), "{text}");
        assert!(text.contains(redaction_marker(lang)), "{text}");
        assert!(text.contains(ABOUT_HER), "the person's own note stays: {text}");

        let bytes = std::fs::read(w.zip_path.as_ref().unwrap()).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        for name in ["data.json", "interactions.csv"] {
            let mut t = String::new();
            zip.by_name_decrypt(name, pw.expose().as_bytes())
                .unwrap()
                .read_to_string(&mut t)
                .unwrap();
            assert!(!t.contains("Marieke"), "{name}: {t}");
            assert!(t.contains(redaction_marker(lang)), "{name}");
            assert!(t.contains(ABOUT_HER), "{name}");
        }
    }
}

#[test]
fn redaction_works_without_protection_too() {
    let mut s = setup();
    let id = s.other_note;
    let w = export(&mut s, false, &[id], None, Language::Nl);
    let text = flat(&pdftotext(Path::new(&w.pdf_path), None));
    assert!(
        !text.contains("Marieke") && text.contains("[weggelaten: betreft een ander]"),
        "{text}"
    );
}

/// Every text value in every table of the vault.
fn all_text(v: &Vault) -> String {
    let tables: Vec<String> = v
        .conn()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for t in tables {
        let mut stmt = v.conn().prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                if let Ok(Some(s)) = row.get::<_, Option<String>>(i) {
                    out.push_str(&s);
                    out.push('\n');
                }
            }
        }
    }
    out
}

#[test]
fn the_request_records_protection_address_and_count_but_never_the_password_or_the_lines() {
    let mut s = setup();
    let id = s.other_note;
    let w = export(&mut s, true, &[id], Some(" Anneke@Zwartveld.nl "), Language::Nl);
    assert_eq!(w.address_known, Some(true), "case and spaces aside, it is hers");
    let pw = w.password.clone().unwrap();
    let today = s.vault.now().date_naive();
    let r = requests::list(s.vault.conn(), today)
        .unwrap()
        .into_iter()
        .find(|r| r.id == s.request)
        .unwrap();
    assert_eq!(r.deliveries.len(), 1);
    let d = &r.deliveries[0];
    assert_eq!(d.sent_to.as_deref(), Some("Anneke@Zwartveld.nl"));
    assert!(d.address_known && d.protected);
    assert_eq!(d.redactions, 1);
    assert_eq!(r.files.len(), 2, "both files by hash");

    let everything = all_text(&s.vault);
    assert!(!everything.contains(pw.expose()), "the password is stored somewhere");
    assert!(everything.contains(ABOUT_OTHER), "control: the note itself stays in the vault");
    // Audit rows: ids and field names only.
    let mut stmt = s
        .vault
        .conn()
        .prepare("SELECT action, entity, entity_id, fields, coalesce(detail, '') FROM audit")
        .unwrap();
    let rows: Vec<(String, String, Option<i64>, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let redact: Vec<_> = rows.iter().filter(|r| r.0 == "export.redact").collect();
    assert_eq!(redact.len(), 1);
    assert_eq!((redact[0].1.as_str(), redact[0].2), ("interaction", Some(id)));
    assert!(rows.iter().any(|r| r.0 == "request.delivery"));
    for (action, _, _, fields, detail) in &rows {
        let row = format!("{action} {fields} {detail}");
        assert!(!row.contains(pw.expose()) && !row.contains("Marieke"), "{row}");
        assert!(!row.to_lowercase().contains("zwartveld"), "{row}");
    }
    // Debug output (a log line, a panic message) shows no password.
    assert!(!format!("{w:?}").contains(pw.expose()));
}

#[test]
fn a_new_address_is_recorded_as_new() {
    let mut s = setup();
    let w = export(&mut s, true, &[], Some("anneke.privé@example.org"), Language::Nl);
    assert_eq!(w.address_known, Some(false));
    let today = s.vault.now().date_naive();
    let r = requests::list(s.vault.conn(), today)
        .unwrap()
        .into_iter()
        .find(|r| r.id == s.request)
        .unwrap();
    assert!(!r.deliveries[0].address_known);
    assert_eq!(r.deliveries[0].sent_to.as_deref(), Some("anneke.privé@example.org"));
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let mut s = setup();
    let pdf = s.dir.path().join("x.pdf");
    let mut a = SubjectAccess {
        contact_id: s.contact,
        request_id: Some(s.request),
        language: Language::Nl,
        pdf_path: &pdf,
        zip_path: None,
        include_special: false,
        protect: true,
        // Another person's interaction, or none at all.
        redactions: Redactions { interactions: BTreeSet::from([999_999]) },
        send_to: None,
    };
    let e = subject_access::export(&mut s.vault, &a).unwrap_err();
    assert!(e.to_string().contains("not one of this person's"), "{e}");
    a.redactions = Redactions::default();
    a.send_to = Some("geen adres");
    assert!(subject_access::export(&mut s.vault, &a).unwrap_err().to_string().contains("e-mail"));
    a.send_to = Some(ADDRESS);
    a.request_id = None;
    assert!(subject_access::export(&mut s.vault, &a).unwrap_err().to_string().contains("request"));
    assert!(!pdf.exists());
    let today = s.vault.now().date_naive();
    let r = requests::list(s.vault.conn(), today)
        .unwrap()
        .into_iter()
        .find(|r| r.id == s.request)
        .unwrap();
    assert!(r.deliveries.is_empty() && r.files.is_empty());
}

#[test]
fn erasure_removes_the_address_and_keeps_the_record() {
    let mut s = setup();
    export(&mut s, true, &[], Some(ADDRESS), Language::Nl);
    kluis::app::erase::erase(&mut s.vault, s.contact, Some(s.request), false).unwrap();
    let today = s.vault.now().date_naive();
    let r = requests::list(s.vault.conn(), today)
        .unwrap()
        .into_iter()
        .find(|r| r.id == s.request)
        .unwrap();
    assert_eq!(r.deliveries.len(), 1);
    assert_eq!(r.deliveries[0].sent_to, None);
    assert!(r.deliveries[0].protected);
    assert!(!all_text(&s.vault).contains(ADDRESS));
}

#[test]
fn one_time_passwords_are_four_groups_of_four_without_look_alikes() {
    let mut seen = BTreeSet::new();
    let mut used = BTreeSet::new();
    for _ in 0..2_000 {
        let pw = one_time_password();
        let groups: Vec<&str> = pw.split('-').collect();
        assert_eq!(groups.len(), 4, "{}", *pw);
        for g in &groups {
            assert_eq!(g.len(), 4, "{}", *pw);
            assert!(g.bytes().all(|b| OTP_ALPHABET.contains(&b)), "{}", *pw);
        }
        used.extend(pw.bytes().filter(|b| *b != b'-'));
        assert!(seen.insert(pw.to_string()), "a password came twice");
    }
    for look_alike in [b'0', b'o', b'O', b'1', b'l', b'I', b'i'] {
        assert!(!OTP_ALPHABET.contains(&look_alike));
    }
    assert_eq!(used.len(), OTP_ALPHABET.len(), "every character is used");
}

fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kluis"))
        .arg("--vault")
        .arg(dir)
        .args(args)
        .env("KLUIS_PASSPHRASE", PASS)
        .output()
        .unwrap()
}

#[test]
fn the_cli_prints_the_password_once_and_the_files_open_with_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    let ok = |args: &[&str]| {
        let out = cli(&dir, args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    ok(&["init"]);
    let id = ok(&["contact", "add", "--name", NAME, "--email", ADDRESS]).trim().to_owned();
    let note =
        ok(&["interaction", "add", "--contact", &id, "--kind", "note", "--text", ABOUT_OTHER])
            .trim()
            .to_owned();
    let today = chrono::Utc::now().date_naive().to_string();
    let r: serde_json::Value = serde_json::from_str(&ok(&[
        "--json",
        "request",
        "add",
        "--contact",
        &id,
        "--type",
        "access",
        "--received",
        &today,
    ]))
    .unwrap();
    let rid = r["id"].as_i64().unwrap().to_string();
    let pdf = tmp.path().join("inzage.pdf");
    let zip = tmp.path().join("inzage.zip");
    let (pdf_s, zip_s) = (pdf.to_str().unwrap(), zip.to_str().unwrap());
    let out = cli(
        &dir,
        &[
            "sar",
            "--contact",
            &id,
            "--protect",
            "--out",
            pdf_s,
            "--zip",
            zip_s,
            "--request",
            &rid,
            "--send-to",
            "nieuw@example.org",
            "--redact",
            &format!("note:{note}"),
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("Password: ")).collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let pw = lines[0].trim_start_matches("Password: ");
    assert_eq!(stdout.matches(pw).count(), 1, "printed once: {stdout}");
    assert!(stdout.contains("by phone or SMS"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not one of the contact's"));
    let text = flat(&pdftotext(&pdf, Some(pw)));
    assert!(text.contains(NAME) && text.contains("[weggelaten: betreft een ander]"), "{text}");
    assert!(!text.contains("Marieke"));
    assert!(!pdftotext(&pdf, None).status.success());
    let mut z = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    assert!(z.by_name("data.json").is_err());
    assert!(z.by_name_decrypt("data.json", pw.as_bytes()).is_ok());

    let shown: serde_json::Value =
        serde_json::from_str(&ok(&["--json", "request", "list"])).unwrap();
    let text = shown.to_string();
    assert!(text.contains("\"protected\":true") && text.contains("\"redactions\":1"), "{text}");
    assert!(!text.contains(pw));

    // --json gives the password as a field, for a script to pass on.
    let j: serde_json::Value = serde_json::from_str(&ok(&[
        "--json",
        "sar",
        "--contact",
        &id,
        "--protect",
        "--out",
        pdf_s,
    ]))
    .unwrap();
    let pw2 = j["password"].as_str().unwrap();
    assert_ne!(pw2, pw, "a new password every time");
    assert!(pdftotext(&pdf, Some(pw2)).status.success());
}

#[test]
fn the_cli_refuses_a_bad_redact_value_and_an_address_without_a_request() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    assert!(cli(&dir, &["init"]).status.success());
    let pdf = tmp.path().join("x.pdf");
    let out = cli(
        &dir,
        &["sar", "--contact", "1", "--out", pdf.to_str().unwrap(), "--redact", "Marieke"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("interaction:ID"));
    let out =
        cli(&dir, &["sar", "--contact", "1", "--out", pdf.to_str().unwrap(), "--send-to", ADDRESS]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--request"));
    assert!(!pdf.exists());
}
