//! A large address book in one file: 10,000 cards import in one transaction, with progress for
//! every row, and the duplicates inside the file are still found at that size (each lookup
//! costs the same however many contacts came before it).

mod common;

use common::*;
use kluis::app::import::{import_file, FileImport};
use kluis::domain::contacts::Relationship;
use kluis::domain::import::{csv, run};
use kluis::kernel::language::Language;

#[test]
fn ten_thousand_cards_import_in_one_go_with_progress_and_their_duplicates_found() {
    let (t, mut vault) = new_vault();
    let mut file = String::new();
    for i in 0..10_000 {
        file.push_str(&format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Klant {i}\r\nEMAIL:klant{i}@voorbeeld.nl\r\n\
             TEL:06 {:08}\r\nEND:VCARD\r\n",
            10_000_000 + i
        ));
    }
    // 500 cards again, written as another program would: other case, other phone notation.
    for i in (0..10_000).step_by(20) {
        file.push_str(&format!(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:{i};Klant\r\nTEL;CELL:+31-6-{:08}\r\nEND:VCARD\r\n",
            10_000_000 + i
        ));
    }
    let path = t.tmp.path().join("groot.vcf");
    std::fs::write(&path, file).unwrap();
    let f = FileImport {
        path: &path,
        format: run::Format::Vcard,
        csv: csv::Options::default(),
        on_duplicate: run::OnDuplicate::Skip,
        purpose: None,
        relationship: Relationship::Prospect,
        confirm_not_bsn: false,
        dry_run: false,
        per_row: Vec::new(),
        detail: false,
    };
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let report = import_file(&mut vault, &f, Language::Nl, &mut |d, n| seen.push((d, n))).unwrap();
    assert_eq!((report.added, report.skipped, report.duplicates), (10_000, 500, 500));
    assert_eq!(seen.len(), 10_500, "progress after every row");
    assert!(seen.iter().enumerate().all(|(i, &(d, n))| d == i + 1 && n == 10_500));
    let stored: i64 =
        vault.conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, 10_000);
}
