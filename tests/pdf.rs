//! PDFs: fonts embedded (no base-14 fonts), text extractable (pdftotext from poppler-utils,
//! installed by `make deps`), accents and non-Latin-1 names intact, long content on several
//! numbered pages.

mod common;

use std::process::Command;

use common::*;
use kluis::domain::retention;
use kluis::kernel::language::Language;
use kluis::kernel::pdf::Doc;

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out =
        Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn fonts(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdffonts").arg(&path).output().expect("pdffonts (poppler-utils)");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_retention_policy_pdf_has_embedded_fonts_and_extractable_text() {
    let (_t, v) = new_vault();
    let pdf =
        retention::policy_pdf(v.conn(), Language::Nl, "Łukasz Dąbrowski Bouw", v.now()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdftotext(&pdf);
    assert!(text.contains("Łukasz Dąbrowski Bouw"), "{text}");
    assert!(text.contains("Fiscale gegevens"));
    assert!(text.contains("Pagina 1 van 1"));
    // A table header wraps between words, never inside one ("Bewaartermi/jn").
    assert!(text.contains("Bewaartermijn"), "{text}");
    let f = fonts(&pdf);
    let rows: Vec<&str> = f.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type ... emb sub uni: every font is embedded.
        assert!(row.contains("TrueType") && cols.iter().rev().nth(4) == Some(&"yes"), "{row}");
    }
}

#[test]
fn long_tables_break_across_numbered_pages_and_repeat_their_header() {
    let mut doc = Doc::new("Test", "Kluis test", ("Page", "of")).unwrap();
    doc.letterhead(&["Zoë de Vries & Co".into()], "Een heel lange titel voor een overzicht", "");
    let rows: Vec<Vec<String>> = (0..150)
        .map(|i| {
            vec![
                format!("2026-01-{:02}", i % 28 + 1),
                format!("Regel {i} met Ærøskøbing en ŁÓDŹ"),
                "x".repeat(i % 90),
            ]
        })
        .collect();
    doc.table(&["Datum", "Omschrijving", "Tekst"], &[1.0, 3.0, 4.0], &rows);
    let text = pdftotext(&doc.finish().unwrap());
    let pages = text.matches("Page ").count();
    assert!(pages >= 3, "{pages} pages");
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    assert_eq!(text.matches("Omschrijving").count(), pages, "the header repeats on every page");
    assert!(text.contains("Regel 149 met Ærøskøbing en ŁÓDŹ"));
}
