//! The printable breach report (PDF, Dutch or English): everything the AP's notification form
//! asks for, in its order, to copy from — the controller, the breach and its timeline, what and
//! whom it concerns, the consequences, the measures, the risk assessment, the decision on
//! notifying the AP and informing the people affected, and the follow-ups.

use chrono::{DateTime, Local, Utc};
use rusqlite::Connection;

use super::{get, ApDecision, Exception, Risk};
use crate::domain::controller;
use crate::kernel::date::{long_date, parse_instant};
use crate::kernel::error::Result;
use crate::kernel::language::Language;
use crate::kernel::pdf::Doc;

/// A stored instant in local time, in words: `27 maart 2026 12:00 (+01:00)`.
fn moment(stored: &str, language: Language) -> String {
    match parse_instant(stored, "at") {
        Ok(t) => {
            let l = t.with_timezone(&Local);
            format!(
                "{} {}",
                long_date(&l.date_naive().to_string(), language),
                l.format("%H:%M (%:z)")
            )
        }
        Err(_) => stored.to_owned(),
    }
}

pub fn pdf(conn: &Connection, id: i64, language: Language, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let b = get(conn, id, now)?;
    let c = controller::get(conn)?;
    let nl = language.is_dutch();
    let s = |d: &'static str, e: &'static str| if nl { d } else { e };
    let or_dash = |v: &str| if v.trim().is_empty() { "—".to_owned() } else { v.to_owned() };
    let yes_no = |v: bool| s(if v { "ja" } else { "nee" }, if v { "yes" } else { "no" }).to_owned();
    let title = s("Melding datalek", "Data breach report");
    let heading = format!("{title} {}", b.reference);
    let footer = format!("{} · {heading}", if c.name.is_empty() { "Kluis" } else { &c.name });
    let mut doc = Doc::new(&heading, &footer, if nl { ("Pagina", "van") } else { ("Page", "of") })?;
    let mut sender = vec![c.name.clone()];
    sender.extend(c.address.lines().map(str::to_owned));
    sender.retain(|l| !l.is_empty());
    let drawn = format!(
        "{} {}",
        s("Opgesteld op", "Drawn up on"),
        long_date(&now.with_timezone(&Local).date_naive().to_string(), language)
    );
    doc.letterhead(&sender, &heading, &drawn);
    doc.paragraph(s(
        "Dit overzicht bevat wat het meldformulier datalekken van de Autoriteit Persoonsgegevens \
         vraagt, om over te nemen. Het is ook de vastlegging van het datalek in het \
         datalekregister (art. 33 lid 5 AVG).",
        "This summary holds what the data breach notification form of the Autoriteit \
         Persoonsgegevens (the Dutch DPA) asks for, to copy from. It is also the record of the \
         breach in the breach register (Art. 33(5) GDPR).",
    ));

    doc.heading(s("1. Verwerkingsverantwoordelijke", "1. Controller"));
    doc.key_values(&[
        (s("Naam", "Name").to_owned(), or_dash(&c.name)),
        (s("Adres", "Address").to_owned(), or_dash(&c.address)),
        (s("KvK-nummer", "Chamber of Commerce number").to_owned(), or_dash(&c.kvk)),
        (s("Contactpersoon privacy", "Privacy contact").to_owned(), or_dash(&c.privacy_contact)),
        (
            s("Privacyfunctionaris betrokken", "Privacy officer involved").to_owned(),
            yes_no(b.privacy_officer),
        ),
    ]);

    doc.heading(s("2. Het datalek", "2. The breach"));
    let unknown = s("onbekend", "unknown");
    doc.key_values(&[
        (s("Kenmerk", "Reference").to_owned(), b.reference.clone()),
        (s("Omschrijving", "Description").to_owned(), b.description.clone()),
        (
            s("Ontstaan op", "Occurred at").to_owned(),
            b.occurred_at.as_deref().map_or(unknown.to_owned(), |t| moment(t, language)),
        ),
        (s("Ontdekt op", "Became aware at").to_owned(), moment(&b.aware_at, language)),
        (
            s("Melden uiterlijk (72 uur)", "Notify by (72 hours)").to_owned(),
            moment(&b.deadline.notify_by, language),
        ),
        (
            s("Aard", "Nature").to_owned(),
            or_dash(&b.nature.iter().map(|n| n.label(language)).collect::<Vec<_>>().join(", ")),
        ),
    ]);

    doc.heading(s("3. Betrokken gegevens en personen", "3. Data and people concerned"));
    let about =
        |n: Option<i64>| n.map_or("—".to_owned(), |n| format!("{} {n}", s("ongeveer", "about")));
    doc.key_values(&[
        (
            s("Soorten gegevens", "Categories of data").to_owned(),
            or_dash(&b.data_categories.join(", ")),
        ),
        (
            s("Bijzondere persoonsgegevens", "Special categories of data").to_owned(),
            yes_no(b.special_categories),
        ),
        (
            s("Burgerservicenummers (BSN)", "Citizen service numbers (BSN)").to_owned(),
            yes_no(b.bsn),
        ),
        (s("Aantal personen", "Number of people").to_owned(), about(b.approx_people)),
        (s("Aantal records", "Number of records").to_owned(), about(b.approx_records)),
    ]);

    doc.heading(s("4. Gevolgen en maatregelen", "4. Consequences and measures"));
    doc.key_values(&[
        (s("Waarschijnlijke gevolgen", "Likely consequences").to_owned(), or_dash(&b.consequences)),
        (
            s("Maatregelen vooraf", "Measures in place before").to_owned(),
            or_dash(&b.measures_before),
        ),
        (
            s(
                "Maatregelen om het lek te dichten en de gevolgen te beperken",
                "Corrective measures",
            )
            .to_owned(),
            or_dash(&b.corrective_measures),
        ),
        (
            s("Maatregelen om herhaling te voorkomen", "Preventive measures").to_owned(),
            or_dash(&b.preventive_measures),
        ),
    ]);

    doc.heading(s("5. Risico en melding aan de AP", "5. Risk and notification to the AP"));
    let risk = match b.risk {
        None => s("nog niet beoordeeld", "not yet assessed"),
        Some(Risk::NoRisk) => s("geen risico", "no risk"),
        Some(Risk::Risk) => s("risico", "risk"),
        Some(Risk::High) => s("hoog risico", "high risk"),
    };
    let decision = match b.ap_decision {
        None => s("nog niet besloten", "not yet decided").to_owned(),
        Some(ApDecision::Notify) => s("gemeld", "notified").to_owned(),
        Some(ApDecision::NoNotify) => format!(
            "{}: {}",
            s("niet gemeld", "not notified"),
            b.ap_decision_reason.clone().unwrap_or_default()
        ),
    };
    let mut rows = vec![
        (s("Risico voor betrokkenen", "Risk to the people concerned").to_owned(), risk.to_owned()),
        (s("Onderbouwing", "Reasoning").to_owned(), or_dash(&b.risk_reasoning)),
        (s("Besluit melding AP", "Decision on notifying the AP").to_owned(), decision),
    ];
    if let Some(at) = &b.notified_at {
        rows.push((s("Gemeld op", "Notified at").to_owned(), moment(at, language)));
        rows.push((
            s("Zaaknummer AP", "AP case number").to_owned(),
            or_dash(b.ap_case_number.as_deref().unwrap_or("")),
        ));
    }
    if let Some(r) = &b.late_reason {
        rows.push((
            s("Reden melding na 72 uur", "Reason for notifying after 72 hours").to_owned(),
            r.clone(),
        ));
    }
    doc.key_values(&rows);

    doc.heading(s("6. Informeren van betrokkenen", "6. Informing the people concerned"));
    let people = match (b.people_decision.as_deref(), b.people_exception) {
        (Some("informed"), _) => format!(
            "{} {}: {}",
            s("geïnformeerd op", "informed on"),
            b.people_informed_at.as_deref().map_or("—".to_owned(), |t| moment(t, language)),
            b.people_informed_how.clone().unwrap_or_default()
        ),
        (_, Some(Exception::Encrypted)) => s(
            "niet geïnformeerd: de gegevens zijn onbegrijpelijk voor anderen, zoals door versleuteling (art. 34 lid 3 sub a AVG)",
            "not informed: the data are unintelligible to others, such as by encryption (Art. 34(3)(a) GDPR)",
        )
        .to_owned(),
        (_, Some(Exception::Mitigated)) => s(
            "niet geïnformeerd: het hoge risico is door latere maatregelen weggenomen (art. 34 lid 3 sub b AVG)",
            "not informed: later measures removed the high risk (Art. 34(3)(b) GDPR)",
        )
        .to_owned(),
        (_, Some(Exception::Disproportionate)) => s(
            "niet ieder afzonderlijk: dat vergt onevenredige inspanning; een openbare mededeling in plaats daarvan (art. 34 lid 3 sub c AVG)",
            "not each in person: that would take disproportionate effort; a public notice instead (Art. 34(3)(c) GDPR)",
        )
        .to_owned(),
        _ => s("nog niet besloten", "not yet decided").to_owned(),
    };
    doc.paragraph(&people);

    if !b.follow_ups.is_empty() {
        doc.heading(s("7. Vervolgmeldingen", "7. Follow-up notifications"));
        let rows: Vec<Vec<String>> =
            b.follow_ups.iter().map(|f| vec![moment(&f.at, language), f.text.clone()]).collect();
        doc.table(&[s("Datum", "Date"), s("Aanvulling", "Addition")], &[2.5, 6.0], &rows);
    }
    doc.finish()
}
