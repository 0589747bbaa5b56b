//! Every exporter the import issue names, read from a file written the way that program writes
//! it (tests/fixtures/import/, made from the published formats): iPhone and macOS Contacts,
//! Google (vCard, current and legacy CSV), Outlook 2003 and 2016 (vCard 2.1) and Outlook's CSV,
//! Android, Thunderbird, Evolution, BlackBerry, Lotus Notes, and a sheet saved by Dutch Excel.
//! Each row is checked as it will be stored.

use kluis::domain::import::{csv, vcard, Row, WarningKind};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn cards(name: &str) -> Vec<Row> {
    vcard::rows(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn sheet(name: &str) -> csv::Table {
    csv::read(&fixture(name), &csv::Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A row as it should be stored; empty strings and lists for what the file does not have.
#[derive(Default)]
struct Want<'a> {
    name: &'a str,
    emails: &'a [&'a str],
    phones: &'a [&'a str],
    organisation: &'a str,
    job_title: &'a str,
    address: &'a str,
    notes: &'a str,
    warnings: &'a [WarningKind],
    /// The names of what was left out (for a "not imported" warning).
    left_out: &'a [&'a str],
}

fn check(file: &str, row: &Row, want: &Want<'_>) {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let at = format!("{file}, line {}", row.line);
    assert_eq!(row.name, want.name, "{at}: name");
    assert_eq!(row.emails, want.emails, "{at}: e-mail");
    assert_eq!(row.phones, want.phones, "{at}: phone");
    assert_eq!(row.organisation, opt(want.organisation), "{at}: organisation");
    assert_eq!(row.job_title, opt(want.job_title), "{at}: job title");
    assert_eq!(row.address, opt(want.address), "{at}: address");
    assert_eq!(row.notes, opt(want.notes), "{at}: notes");
    let kinds: Vec<WarningKind> = row.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, want.warnings, "{at}: warnings");
    let left_out: Vec<&str> = row
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::NotImported)
        .flat_map(|w| w.properties.iter().map(String::as_str))
        .collect();
    assert_eq!(left_out, want.left_out, "{at}: left out");
}

fn check_all(file: &str, rows: &[Row], wants: &[Want<'_>]) {
    assert_eq!(rows.len(), wants.len(), "{file}: number of rows");
    for (row, want) in rows.iter().zip(wants) {
        check(file, row, want);
    }
}

use WarningKind::{Empty, NotImported, PhotoSkipped};

#[test]
fn iphone_contacts_grouped_properties_labels_and_a_folded_photo() {
    check_all(
        "apple-iphone.vcf",
        &cards("apple-iphone.vcf"),
        &[Want {
            name: "Sanne de Vries",
            emails: &["sanne@devries-advies.nl", "sanne.devries@icloud.com"],
            phones: &["+31 6 1234 5678", "030 765 4321"],
            organisation: "De Vries Advies, Administratie",
            job_title: "Eigenaar",
            address: "Oudegracht 1\n3511 AA Utrecht\nNederland",
            notes: "Klant sinds 2019, komt via Jan.\nBelt liever dan mailt.",
            warnings: &[PhotoSkipped, NotImported],
            left_out: &["URL", "BDAY"],
        }],
    );
}

#[test]
fn macos_contacts_a_person_and_a_company_card_with_a_folded_address() {
    check_all(
        "apple-macos.vcf",
        &cards("apple-macos.vcf"),
        &[
            Want {
                name: "Pieter Jansen",
                emails: &["pieter@jansenbouw.nl"],
                phones: &["06-87654321"],
                organisation: "Jansen Bouw",
                address: "Lange Voorhout 10\n2514 EA Den Haag\nZuid-Holland\nNederland",
                ..Want::default()
            },
            Want {
                name: "Bakkerij Jansen",
                emails: &["info@bakkerijjansen.nl"],
                organisation: "Bakkerij Jansen",
                ..Want::default()
            },
        ],
    );
}

#[test]
fn google_contacts_vcard_categories_and_a_card_without_fn() {
    check_all(
        "google.vcf",
        &cards("google.vcf"),
        &[
            Want {
                name: "Fleur Bakker",
                emails: &["fleur.bakker@gmail.com", "fleur@bakkertuin.nl"],
                phones: &["06 98 76 54 32"],
                organisation: "Bakker Tuinontwerp",
                job_title: "Ontwerper",
                address: "Kerkstraat 5\n3511 AB Utrecht\nNederland",
                notes: "Offerte verstuurd in maart.\nTerugbellen na de zomer.",
                warnings: &[NotImported],
                left_out: &["BDAY", "URL", "CATEGORIES"],
            },
            Want {
                name: "dr. Jan Dijk",
                emails: &["jan@vandijk.example"],
                warnings: &[NotImported],
                left_out: &["CATEGORIES"],
                ..Want::default()
            },
        ],
    );
}

#[test]
fn outlook_2003_vcard_2_1_in_windows_1252_quoted_printable() {
    check_all(
        "outlook-2003.vcf",
        &cards("outlook-2003.vcf"),
        &[Want {
            name: "Jörg Müller",
            emails: &["jorg@mullertechniek.nl"],
            phones: &["(030) 123 45 67", "06 55 44 33 22"],
            organisation: "Müller Techniek",
            job_title: "Monteur",
            address: "Stationsplein 3\n3818 LE Amersfoort\nNederland",
            ..Want::default()
        }],
    );
}

#[test]
fn outlook_2016_soft_line_breaks_and_a_photo_ended_by_a_blank_line() {
    check_all(
        "outlook-2016.vcf",
        &cards("outlook-2016.vcf"),
        &[Want {
            name: "Anna Smit",
            emails: &["anna@smitenzn.nl", "anna.smit@outlook.com"],
            phones: &["+31 20 123 4567", "06 11 22 33 44"],
            organisation: "Smit & Zn.",
            job_title: "Directeur",
            address: "Damrak 1\n1012 LG Amsterdam\nNederland",
            notes: "Kent ons via de beurs in Utrecht. Wil een offerte voor het onderhoud van \
                    twee panden.\nContact via de secretaresse.",
            warnings: &[PhotoSkipped],
            ..Want::default()
        }],
    );
}

#[test]
fn android_vcard_2_1_utf_8_quoted_printable_and_a_card_with_only_a_number() {
    check_all(
        "android.vcf",
        &cards("android.vcf"),
        &[
            Want {
                name: "Ayşe Öztürk",
                emails: &["ayse@example.com"],
                phones: &["+31612340000", "020-2345678"],
                address: "Stationsweg 1\n7201 AA Zütphen\nNederland",
                notes: "Lange notitie die over meerdere regels loopt en daarom zacht wordt \
                        afgebroken. Café op de hoek.",
                warnings: &[PhotoSkipped],
                ..Want::default()
            },
            Want { phones: &["0687654321"], warnings: &[Empty], ..Want::default() },
        ],
    );
}

#[test]
fn thunderbird_vcard_4_0() {
    check_all(
        "thunderbird.vcf",
        &cards("thunderbird.vcf"),
        &[Want {
            name: "Mark Visser",
            emails: &["mark@vissertransport.nl", "mark.visser@gmail.com"],
            phones: &["+31 10 555 1234", "06 55 51 99 88"],
            organisation: "Visser Transport, Planning",
            job_title: "Planner",
            address: "Havenweg 12\n3011 AB Rotterdam\nZuid-Holland\nNederland",
            notes: "Levert op dinsdag en donderdag.",
            ..Want::default()
        }],
    );
}

#[test]
fn evolution_empty_placeholders_are_not_data() {
    check_all(
        "evolution.vcf",
        &cards("evolution.vcf"),
        &[Want {
            name: "Kees de Boer",
            emails: &["kees@deboer.nl"],
            phones: &["06-24681357"],
            address: "Markt 3\n2801 JJ Gouda\nNederland",
            ..Want::default()
        }],
    );
}

#[test]
fn blackberry_vcard_2_1_with_an_iso_8859_1_note() {
    check_all(
        "blackberry.vcf",
        &cards("blackberry.vcf"),
        &[Want {
            name: "Ellen Hendriks",
            emails: &["ellen@hja.nl"],
            phones: &["+31401234567", "+31655512345"],
            organisation: "Hendriks Juridisch Advies",
            job_title: "Advocaat",
            address: "Stratumseind 20\n5611 ET Eindhoven\nNetherlands",
            notes: "Vaste klant, één factuur per maand.",
            ..Want::default()
        }],
    );
}

#[test]
fn lotus_notes_type_lists_and_a_line_folded_with_a_tab() {
    check_all(
        "lotus-notes.vcf",
        &cards("lotus-notes.vcf"),
        &[Want {
            name: "ing. Willem Dekker",
            emails: &["w.dekker@dekkerinstallaties.nl"],
            phones: &["+31 70 345 6789"],
            organisation: "Dekker Installaties",
            job_title: "Projectleider",
            address: "Binckhorstlaan 100\n2516 BE Den Haag\nNederland",
            notes: "Onderhoudscontract loopt tot eind 2027.",
            ..Want::default()
        }],
    );
}

#[test]
fn google_csv_current_export_bom_joined_values_and_a_multi_line_note() {
    let t = sheet("google-current.csv");
    assert_eq!((t.encoding, t.delimiter), ("UTF-8", ','));
    check_all(
        "google-current.csv",
        &t.rows,
        &[
            Want {
                name: "Fleur Bakker",
                emails: &["fleur.bakker@gmail.com", "fleur@bakkertuin.nl"],
                phones: &["06 98 76 54 32"],
                organisation: "Bakker Tuinontwerp",
                job_title: "Ontwerper",
                address: "Kerkstraat 5\n3511 AB Utrecht\nNederland",
                notes: "Offerte verstuurd in maart.\nTerugbellen na de zomer.",
                warnings: &[NotImported],
                left_out: &["Birthday", "Website 1 - Value"],
            },
            Want { name: "dr. Jan Dijk", emails: &["jan@vandijk.example"], ..Want::default() },
        ],
    );
}

#[test]
fn google_csv_legacy_layout() {
    check_all(
        "google-legacy.csv",
        &sheet("google-legacy.csv").rows,
        &[Want {
            name: "Pieter Jansen",
            emails: &["pieter@jansenbouw.nl"],
            phones: &["06-87654321", "070 123 4567"],
            organisation: "Jansen Bouw",
            job_title: "Aannemer",
            address: "Lange Voorhout 10\n2514 EA Den Haag\nZuid-Holland\nNederland",
            notes: "Wil elk voorjaar een controle.",
            ..Want::default()
        }],
    );
}

#[test]
fn outlook_csv_in_windows_1252_with_its_empty_dates() {
    let t = sheet("outlook.csv");
    assert_eq!((t.encoding, t.delimiter), ("windows-1252", ','));
    check_all(
        "outlook.csv",
        &t.rows,
        &[Want {
            name: "Jörg Müller",
            emails: &["jorg@mullertechniek.nl", "j.muller@gmail.com"],
            phones: &["(030) 123 45 67", "06 55 44 33 22"],
            organisation: "Müller Techniek",
            job_title: "Monteur",
            address: "Stationsplein 3\n3818 LE Amersfoort\nNederland",
            notes: "Onderhoud € 450 per jaar.",
            ..Want::default()
        }],
    );
}

#[test]
fn a_sheet_saved_by_dutch_excel() {
    let t = sheet("dutch-excel.csv");
    assert_eq!((t.encoding, t.delimiter), ("windows-1252", ';'));
    check_all(
        "dutch-excel.csv",
        &t.rows,
        &[
            Want {
                name: "Chloë van den Berg",
                emails: &["chloe@vdberg.nl"],
                phones: &["020-7654321", "06-13579246"],
                organisation: "Café de Hoek",
                job_title: "Eigenaar",
                address: "Dorpsstraat 12, 1234 AB Ergenshuizen",
                notes: "Borg € 250 betaald",
                ..Want::default()
            },
            Want {
                name: "René Dubois",
                emails: &["rene@dubois.be"],
                phones: &["+32 470 12 34 56"],
                organisation: "Dubois & Fils",
                notes: "Spreekt Frans; \"liever per brief\"",
                ..Want::default()
            },
        ],
    );
}
