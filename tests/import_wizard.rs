//! The core behind the app's import wizard: what a file holds before anything is decided
//! (format, encoding, delimiter, each column's automatic field with a sample, the first rows as
//! they will be stored), the preview as a dry run that lists the rows needing a decision, a
//! choice per duplicate row over the choice for all, and the purposes a batch may be linked to.

mod common;

use std::path::PathBuf;

use common::*;
use kluis::app::import::{
    self, guess_format, ColumnChoice, ImportChoice, PurposeRef, RowChoice, FIRST_ROWS,
};
use kluis::domain::contacts::Relationship;
use kluis::domain::import::csv::Options;
use kluis::domain::import::run::{Format, OnDuplicate, RowOutcome};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::kernel::language::Language;
use kluis::Vault;

/// A sheet as Dutch Excel saves it: semicolons, Windows-1252 (é, ë, €), Dutch headers, one
/// column no header maps.
fn dutch_sheet() -> Vec<u8> {
    let text = "Naam;E-mailadres;Telefoon;Bedrijf;Klantnummer\r\n\
                René Dijkstra;rene@example.nl;06-12345678;Café Ëlla;K-1\r\n\
                Noël Visser;noel@example.nl;;Bakkerij € en Zo;K-2\r\n";
    text.chars()
        .map(|c| match c {
            'é' => 0xE9,
            'ë' => 0xEB,
            'Ë' => 0xCB,
            '€' => 0x80,
            c => c as u8,
        })
        .collect()
}

fn write(vault: &TempVault, name: &str, bytes: &[u8]) -> PathBuf {
    let path = vault.tmp.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn choice(format: Format) -> ImportChoice {
    ImportChoice {
        format,
        encoding: None,
        delimiter: None,
        map: Vec::new(),
        on_duplicate: OnDuplicate::Skip,
        per_row: Vec::new(),
        purpose_id: None,
        relationship: Relationship::Prospect,
        confirm_not_bsn: false,
    }
}

fn names(vault: &Vault) -> Vec<String> {
    let page = kluis::domain::contacts::read::list(vault.conn(), None, None, 0).unwrap();
    let mut n: Vec<String> = page.items.into_iter().map(|c| c.name).collect();
    n.sort();
    n
}

#[test]
fn inspecting_a_dutch_excel_sheet_shows_what_was_detected_with_a_sample_per_column() {
    let (t, _vault) = new_vault();
    let path = write(&t, "klanten.csv", &dutch_sheet());
    let i = import::inspect(&path, None, &Options::default(), Language::Nl).unwrap();
    assert_eq!(i.file_name, "klanten.csv");
    assert_eq!(i.format, Format::Csv);
    assert_eq!(i.encoding.as_deref(), Some("windows-1252"));
    assert_eq!(i.delimiter.as_deref(), Some(";"));
    assert_eq!(i.rows, 2);
    let fields: Vec<(&str, Option<&str>)> =
        i.columns.iter().map(|c| (c.header.as_str(), c.field.as_deref())).collect();
    assert_eq!(
        fields,
        [
            ("Naam", Some("name")),
            ("E-mailadres", Some("email")),
            ("Telefoon", Some("phone")),
            ("Bedrijf", Some("organisation")),
            ("Klantnummer", None),
        ]
    );
    assert_eq!(i.columns[0].sample, ["René Dijkstra", "Noël Visser"]);
    assert_eq!(i.columns[3].sample, ["Café Ëlla", "Bakkerij € en Zo"]);
    assert_eq!(i.columns[2].sample, ["06-12345678", ""]);
    let first = &i.first_rows[0];
    assert_eq!(first.name, "René Dijkstra");
    assert_eq!(first.emails, ["rene@example.nl"]);
    assert_eq!(first.warnings, ["niet overgenomen: Klantnummer"]);
}

#[test]
fn a_forced_encoding_delimiter_and_mapping_change_what_inspect_reads() {
    let (t, mut vault) = new_vault();
    let path = write(&t, "klanten.csv", &dutch_sheet());
    vault
        .write(|tx, c| {
            let purpose =
                purposes::create(tx, c, &PurposeInput::new("Administratie", Basis::Contract))?;
            kluis::domain::fields::define(
                tx,
                c,
                &kluis::domain::fields::FieldDefInput {
                    label: "Klantnummer".into(),
                    kind: kluis::domain::fields::FieldKind::Text,
                    purpose_id: purpose,
                    required: false,
                    special_category: false,
                },
            )
        })
        .unwrap();
    let mut ch = choice(Format::Csv);
    ch.map = vec![
        ColumnChoice { header: "Klantnummer".into(), field: "field:Klantnummer".into() },
        ColumnChoice { header: "Telefoon".into(), field: "skip".into() },
    ];
    let i = import::inspect(&path, Some(Format::Csv), &ch.csv_options().unwrap(), Language::En)
        .unwrap();
    assert_eq!(i.columns[4].field.as_deref(), Some("field:Klantnummer"));
    assert_eq!(i.columns[2].field.as_deref(), Some("skip"));
    assert_eq!(i.first_rows[0].fields, [("Klantnummer".to_owned(), "K-1".to_owned())]);
    assert!(i.first_rows[0].phones.is_empty());
    assert!(i.first_rows[0].warnings.is_empty(), "{:?}", i.first_rows[0].warnings);

    // Read as UTF-8 on purpose, the Windows-1252 bytes are refused with the way out.
    ch.encoding = Some("UTF-8".into());
    let e = import::inspect(&path, Some(Format::Csv), &ch.csv_options().unwrap(), Language::En)
        .unwrap_err();
    assert!(e.to_string().contains("windows-1252"), "{e}");
    // A comma as the delimiter: one column, named in full.
    ch.encoding = None;
    ch.delimiter = Some(",".into());
    ch.map.clear();
    let i = import::inspect(&path, Some(Format::Csv), &ch.csv_options().unwrap(), Language::En)
        .unwrap();
    assert_eq!(i.columns.len(), 1);
    ch.delimiter = Some("|".into());
    assert!(ch.csv_options().is_err());
    ch.delimiter = None;
    ch.map = vec![ColumnChoice { header: "Naam".into(), field: "telefax".into() }];
    assert!(ch.csv_options().is_err(), "an unknown field is refused");
}

#[test]
fn the_format_is_guessed_from_the_name_else_from_the_first_line() {
    assert_eq!(guess_format("adresboek.VCF", b""), Format::Vcard);
    assert_eq!(guess_format("contacts.csv", b"BEGIN:VCARD"), Format::Csv);
    assert_eq!(guess_format("export", b"\xEF\xBB\xBF\r\n begin:vcard\r\n"), Format::Vcard);
    assert_eq!(guess_format("export", b"Naam;E-mail\r\n"), Format::Csv);
}

#[test]
fn inspecting_a_vcard_file_counts_the_photos_left_out_and_shows_the_first_rows() {
    let (t, _vault) = new_vault();
    let mut vcf = String::new();
    for n in 0..12 {
        vcf.push_str(&format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Persoon {n:02}\r\nEMAIL:p{n}@example.nl\r\n{}END:VCARD\r\n",
            if n < 2 { "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==\r\n" } else { "" }
        ));
    }
    let path = write(&t, "iphone.vcf", vcf.as_bytes());
    let i = import::inspect(&path, None, &Options::default(), Language::Nl).unwrap();
    assert_eq!((i.format, i.rows, i.photos_skipped), (Format::Vcard, 12, 2));
    assert_eq!((i.encoding, i.delimiter), (None, None));
    assert!(i.columns.is_empty());
    assert_eq!(i.first_rows.len(), FIRST_ROWS);
    assert_eq!(i.first_rows[0].warnings, ["foto niet overgenomen (alleen wat nodig is)"]);
    let bad = write(&t, "kapot.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half\r\n");
    let e = import::inspect(&bad, None, &Options::default(), Language::Nl).unwrap_err();
    assert!(e.to_string().contains("line"), "{e}");
}

#[test]
fn the_preview_lists_duplicates_and_a_choice_per_row_overrides_the_choice_for_all() {
    let (t, mut vault) = new_vault();
    let first = write(
        &t,
        "eerst.vcf",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Smit\r\nEMAIL:anna@example.nl\r\nEND:VCARD\r\n\
          BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bram Boer\r\nEMAIL:bram@example.nl\r\nEND:VCARD\r\n",
    );
    import::import_file(
        &mut vault,
        &choice(Format::Vcard).file_import(&first, false).unwrap(),
        Language::Nl,
        &mut |_, _| {},
    )
    .unwrap();
    let again = write(
        &t,
        "weer.vcf",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Smit\r\nEMAIL:anna@example.nl\r\nTEL:0301234567\r\nEND:VCARD\r\n\
          BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bram Boer\r\nEMAIL:bram@example.nl\r\nEND:VCARD\r\n\
          BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cor Nieuw\r\nEMAIL:cor@example.nl\r\nEND:VCARD\r\n",
    );
    let mut ch = choice(Format::Vcard);
    let preview = import::import_file(
        &mut vault,
        &ch.file_import(&again, true).unwrap(),
        Language::Nl,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((preview.added, preview.skipped, preview.duplicates), (1, 2, 2));
    let rows: Vec<(usize, &str, bool, RowOutcome)> =
        preview.rows.iter().map(|r| (r.line, r.name.as_str(), r.duplicate, r.outcome)).collect();
    assert_eq!(
        rows,
        [(1, "Anna Smit", true, RowOutcome::Skipped), (7, "Bram Boer", true, RowOutcome::Skipped)]
    );
    assert_eq!(names(&vault), ["Anna Smit", "Bram Boer"], "the preview wrote nothing");

    // Anna's row fills her empty fields, Bram's is still skipped (the choice for all).
    ch.per_row = vec![RowChoice { line: 1, on_duplicate: OnDuplicate::Update }];
    let preview = import::import_file(
        &mut vault,
        &ch.file_import(&again, true).unwrap(),
        Language::Nl,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((preview.added, preview.updated, preview.skipped), (1, 1, 1));
    let report = import::import_file(
        &mut vault,
        &ch.file_import(&again, false).unwrap(),
        Language::Nl,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((report.added, report.updated, report.skipped), (1, 1, 1));
    assert!(report.rows.is_empty(), "only the preview lists the rows");
    assert_eq!(names(&vault), ["Anna Smit", "Bram Boer", "Cor Nieuw"]);
    let anna = kluis::domain::contacts::read::list(vault.conn(), Some("Anna"), None, 0).unwrap();
    let anna = kluis::domain::contacts::read::contact(vault.conn(), anna.items[0].id).unwrap();
    assert_eq!(anna.phones, ["0301234567"]);

    // Add anyway for all, skip for one row: the row's choice wins.
    ch.on_duplicate = OnDuplicate::Add;
    ch.per_row = vec![RowChoice { line: 7, on_duplicate: OnDuplicate::Skip }];
    let preview = import::import_file(
        &mut vault,
        &ch.file_import(&again, true).unwrap(),
        Language::Nl,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((preview.added, preview.skipped), (2, 1));
}

#[test]
fn the_preview_flags_a_bsn_like_row_until_confirmed() {
    let (t, mut vault) = new_vault();
    let path =
        write(&t, "bsn.csv", b"Naam,Opmerking\nAnna Smit,BSN 111222333\nBram Boer,belt vaak\n");
    let mut ch = choice(Format::Csv);
    let preview = import::import_file(
        &mut vault,
        &ch.file_import(&path, true).unwrap(),
        Language::Nl,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((preview.added, preview.skipped), (1, 1));
    assert_eq!(preview.rows.len(), 1);
    assert!(preview.rows[0].looks_like_bsn && preview.rows[0].name == "Anna Smit");
    ch.confirm_not_bsn = true;
    let preview = import::import_file(
        &mut vault,
        &ch.file_import(&path, true).unwrap(),
        Language::Nl,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((preview.added, preview.skipped), (2, 0));
}

#[test]
fn only_purposes_a_file_may_be_linked_to_are_offered_for_a_batch() {
    let (t, mut vault) = new_vault();
    let (newsletter, contract) = vault
        .write(|tx, c| {
            let mut n = PurposeInput::new("Nieuwsbrief", Basis::LegitimateInterest);
            n.direct_marketing = true;
            let newsletter = purposes::create(tx, c, &n)?;
            purposes::create(tx, c, &PurposeInput::new("Toestemming foto's", Basis::Consent))?;
            let contract =
                purposes::create(tx, c, &PurposeInput::new("Klantadministratie", Basis::Contract))?;
            Ok((newsletter, contract))
        })
        .unwrap();
    let offered: Vec<String> =
        import::batch_purposes(&vault, Language::Nl).unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(offered, ["Klantadministratie"]);
    // Asked for anyway (by id, as the app sends it), the core refuses with its reason.
    let path = write(&t, "a.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\n");
    let mut ch = choice(Format::Vcard);
    ch.purpose_id = Some(newsletter);
    let e = import::import_file(
        &mut vault,
        &ch.file_import(&path, false).unwrap(),
        Language::Nl,
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(e.to_string().contains("11.7"), "{e}");
    ch.purpose_id = Some(contract);
    let f = ch.file_import(&path, false).unwrap();
    assert!(matches!(f.purpose, Some(PurposeRef::Id(id)) if id == contract));
    let report = import::import_file(&mut vault, &f, Language::Nl, &mut |_, _| {}).unwrap();
    assert_eq!(report.added, 1);
}
