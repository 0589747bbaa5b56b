//! A vCard card as a row: `FN` is the name, else `N` in natural order; every `EMAIL` and `TEL`;
//! the preferred (else the first) `ADR` as lines; `ORG` with its units; `TITLE` (else `ROLE`);
//! `NOTE`. Photos and other binary values are skipped (data minimisation), and every other
//! property holding data is named in a warning, never kept.

use super::{
    address_lines, lines, name_fallback, one_line, push_unique, text, Row, Warning, WarningKind,
};
use crate::kernel::vcard::{self, Card, ParseError, Property};

/// Properties that describe the card itself, or that are read with another: never warned about.
const QUIET: &[&str] = &[
    "VERSION",
    "PRODID",
    "REV",
    "UID",
    "KIND",
    "X-ABLABEL",
    "X-ABUID",
    "X-ABSHOWAS",
    "X-ABADR",
    "CLASS",
    "SOURCE",
    "NAME",
    "PROFILE",
    "LABEL",
    "SORT-STRING",
    "X-PHONETIC-FIRST-NAME",
    "X-PHONETIC-LAST-NAME",
    "X-ANDROID-CUSTOM",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
    "X-WAB-GENDER",
    "X-MS-CARDPICTURE",
    "X-EVOLUTION-FILE-AS",
    "X-MOZILLA-HTML",
    "X-GOOGLE-TALK",
    "AGENT",
];

/// Every card of a vCard file as a row.
pub fn rows(bytes: &[u8]) -> Result<Vec<Row>, ParseError> {
    Ok(vcard::parse(bytes)?.iter().map(row).collect())
}

fn row(card: &Card) -> Row {
    let mut row = Row { line: card.line, ..Row::default() };
    let mut dropped: Vec<String> = Vec::new();
    let mut photo = false;
    let mut addresses: Vec<&Property> = Vec::new();
    for p in &card.properties {
        match p.name.as_str() {
            "FN" => {
                if row.name.is_empty() {
                    row.name = one_line(&p.text()).unwrap_or_default();
                }
            }
            "N" => {}
            "EMAIL" => push_unique(&mut row.emails, one_line(&p.text())),
            "TEL" => {
                let t = p.text();
                let t = t.strip_prefix("tel:").unwrap_or(&t);
                push_unique(&mut row.phones, one_line(t));
            }
            "ADR" => addresses.push(p),
            "ORG" => {
                let units: Vec<String> =
                    p.components().iter().filter_map(|c| one_line(c)).collect();
                if row.organisation.is_none() && !units.is_empty() {
                    row.organisation = Some(units.join(", "));
                }
            }
            "TITLE" => row.job_title = row.job_title.take().or_else(|| one_line(&p.text())),
            "ROLE" => {}
            "NOTE" => {
                if let Some(text) = text(&p.text()) {
                    row.notes = Some(match row.notes.take() {
                        Some(n) => format!("{n}\n\n{text}"),
                        None => text,
                    });
                }
            }
            "PHOTO" | "LOGO" | "SOUND" | "KEY" if p.is_binary() || p.name == "PHOTO" => {
                photo = true
            }
            name if QUIET.contains(&name) => {}
            name => {
                if !p.value.trim().is_empty() && !dropped.iter().any(|d| d == name) {
                    dropped.push(name.to_owned());
                }
            }
        }
    }
    if row.name.is_empty() {
        if let Some(n) = card.first("N") {
            row.name = natural_name(&n.components());
        }
    }
    if row.job_title.is_none() {
        row.job_title = card.first("ROLE").and_then(|r| one_line(&r.text()));
    }
    let preferred = addresses
        .iter()
        .position(|a| a.has_type("pref") || a.params.iter().any(|(k, _)| k == "PREF"));
    if let Some(a) = preferred.map(|i| addresses[i]).or(addresses.first().copied()) {
        row.address = address(a);
    }
    if addresses.len() > 1 {
        row.warnings.push(Warning::new(WarningKind::ExtraAddresses));
    }
    if row.address.is_none() {
        row.address = card.first("LABEL").and_then(|l| lines(&l.text()));
    }
    name_fallback(&mut row);
    if photo {
        row.warnings.push(Warning::new(WarningKind::PhotoSkipped));
    }
    if !dropped.is_empty() {
        row.warnings.push(Warning { kind: WarningKind::NotImported, properties: dropped });
    }
    row
}

/// `N` (family; given; additional; prefixes; suffixes) in natural order: "dr. Jan Piet van Dijk jr.".
fn natural_name(n: &[String]) -> String {
    let part = |i: usize| n.get(i).map(|s| s.replace(',', " ")).unwrap_or_default();
    [part(3), part(1), part(2), part(0), part(4)]
        .iter()
        .filter_map(|p| one_line(p))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `ADR` (post box; extended; street; locality; region; postal code; country) as Dutch address
/// lines: street and extended, postal code and locality, region, country.
fn address(adr: &Property) -> Option<String> {
    let c = adr.components();
    let get = |i: usize| c.get(i).and_then(|s| one_line(s));
    let street = [get(2), get(1), get(0)].into_iter().flatten().collect::<Vec<_>>().join(" ");
    address_lines((!street.is_empty()).then_some(street), get(5), get(3), get(4), get(6)).or_else(
        || {
            let label = adr.params.iter().find(|(k, _)| k == "LABEL")?;
            lines(label.1.trim_matches('"'))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Row {
        let mut r = rows(text.as_bytes()).unwrap();
        assert_eq!(r.len(), 1);
        r.remove(0)
    }

    fn kinds(r: &Row) -> Vec<WarningKind> {
        r.warnings.iter().map(|w| w.kind).collect()
    }

    #[test]
    fn fn_is_the_name_else_n_in_natural_order() {
        let r =
            one("BEGIN:VCARD\nVERSION:3.0\nN:Dijk;Jan;Piet;dr.;jr.\nFN:Jan van Dijk\nEND:VCARD\n");
        assert_eq!(r.name, "Jan van Dijk");
        let r = one("BEGIN:VCARD\nVERSION:2.1\nN:van Dijk;Jan;;;\nEND:VCARD\n");
        assert_eq!(r.name, "Jan van Dijk");
        let r = one("BEGIN:VCARD\nVERSION:3.0\nN:Dijk;Jan;Piet;dr.;jr.\nEND:VCARD\n");
        assert_eq!(r.name, "dr. Jan Piet Dijk jr.");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn a_card_without_a_name_takes_its_organisation_or_e_mail_with_a_warning() {
        let r = one("BEGIN:VCARD\nVERSION:3.0\nORG:Bakker Tuinontwerp;Verkoop\nEMAIL:info@bakker.nl\nEND:VCARD\n");
        assert_eq!(r.name, "Bakker Tuinontwerp, Verkoop");
        assert_eq!(r.organisation.as_deref(), Some("Bakker Tuinontwerp, Verkoop"));
        assert_eq!(kinds(&r), [WarningKind::NameFromOrganisation]);
        let r = one("BEGIN:VCARD\nVERSION:3.0\nEMAIL:info@bakker.nl\nEND:VCARD\n");
        assert_eq!(
            (r.name.as_str(), kinds(&r)),
            ("info@bakker.nl", vec![WarningKind::NameFromEmail])
        );
        let r = one("BEGIN:VCARD\nVERSION:3.0\nTEL:0612345678\nEND:VCARD\n");
        assert!(r.is_empty());
        assert_eq!(kinds(&r), [WarningKind::Empty]);
    }

    #[test]
    fn several_e_mails_phones_and_the_preferred_address() {
        let r = one(concat!(
            "BEGIN:VCARD\nVERSION:4.0\nFN:Sanne\n",
            "EMAIL;TYPE=work:sanne@devries.nl\nEMAIL;TYPE=home:Sanne@DeVries.nl\nEMAIL:s@example.com\n",
            "TEL;VALUE=uri;TYPE=cell:tel:+31-6-1234-5678\nTEL:020 123 4567\n",
            "ADR;TYPE=work:;;Kantoorweg 1;Utrecht;;3500 AA;Nederland\n",
            "ADR;TYPE=home,pref:;;Dorpsstraat 12;Ergenshuizen;;1234 AB;\n",
            "END:VCARD\n"
        ));
        assert_eq!(r.emails, ["sanne@devries.nl", "s@example.com"]);
        assert_eq!(r.phones, ["+31-6-1234-5678", "020 123 4567"]);
        assert_eq!(r.address.as_deref(), Some("Dorpsstraat 12\n1234 AB Ergenshuizen"));
        assert_eq!(kinds(&r), [WarningKind::ExtraAddresses]);
    }

    #[test]
    fn photos_are_skipped_and_other_data_is_named_not_kept() {
        let r = one(concat!(
            "BEGIN:VCARD\nVERSION:3.0\nFN:Foto\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg\n",
            "BDAY:1980-04-01\nURL:https\\://example.nl\nURL:https\\://example.com\nREV:2020-01-01T00:00:00Z\n",
            "NOTE:Klant sinds 2019\\, via Jan\nTITLE:Eigenaar\nEND:VCARD\n"
        ));
        assert_eq!(kinds(&r), [WarningKind::PhotoSkipped, WarningKind::NotImported]);
        assert_eq!(r.warnings[1].properties, ["BDAY", "URL"]);
        assert_eq!(r.notes.as_deref(), Some("Klant sinds 2019, via Jan"));
        assert_eq!(r.job_title.as_deref(), Some("Eigenaar"));
        let nl = r.warnings[1].message(crate::kernel::language::Language::Nl);
        assert_eq!(nl, "niet overgenomen: BDAY, URL");
        assert!(!nl.contains("1980"));
    }

    #[test]
    fn an_address_from_a_label_when_adr_is_empty() {
        let r = one("BEGIN:VCARD\nVERSION:2.1\nFN:Label\nLABEL;ENCODING=QUOTED-PRINTABLE:Dorpsstraat 1=0D=0A1234 AB Ergens\nEND:VCARD\n");
        assert_eq!(r.address.as_deref(), Some("Dorpsstraat 1\n1234 AB Ergens"));
    }
}
