//! Unsubscribes from a newsletter tool (R3.4): who unsubscribed, and which addresses bounced.
//!
//! Read from Mailchimp's `unsubscribed_members_export` (`Email Address`, …, `UNSUB_TIME` in
//! UTC, `UNSUB_CAMPAIGN_TITLE`, `UNSUB_REASON`) and `cleaned_members_export` (`CLEAN_TIME`,
//! `CLEAN_CAMPAIGN_TITLE`: hard bounces), a Laposta export (an e-mail column, a status column
//! and, where present, the date of the unsubscribe), or any CSV or text file with one e-mail
//! column or one address per line. The CSV reading (encoding, delimiter, line numbers) is the
//! address-book import's (`super::csv`).
//!
//! Applied in the caller's transaction: each contact with a listed address (case-insensitive)
//! gets a withdrawal for the purpose at the file's time (else the import's), method "import",
//! evidence naming the file and the campaign; a bounced address is marked undeliverable and its
//! consent records are left alone (a withdrawal nobody made would falsify the evidence).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Local, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::csv::{self, Options};
use crate::domain::consent::{self, EventKind};
use crate::domain::contacts::model::is_email;
use crate::domain::contacts::undeliverable;
use crate::domain::register::purposes::{self, Basis};
use crate::domain::suppression;
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

/// What a line of the file says about an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The person unsubscribed: a withdrawal.
    Unsubscribed,
    /// The address bounced: undeliverable, nothing about consent.
    Cleaned,
}

/// The layout the file was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum UnsubscribeLayout {
    MailchimpUnsubscribed,
    MailchimpCleaned,
    /// A file with a status column per address (Laposta and the like).
    Status,
    /// A file with an e-mail column: every address in it unsubscribed.
    Column,
    /// One address per line, no header.
    List,
}

/// One address read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub line: usize,
    /// As written in the file (trimmed).
    pub email: String,
    pub kind: Kind,
    /// When the tool recorded it, if the file says.
    pub at: Option<DateTime<Utc>>,
    pub campaign: Option<String>,
}

/// The file as read.
#[derive(Debug, Clone)]
pub struct File {
    pub layout: UnsubscribeLayout,
    pub entries: Vec<Entry>,
    /// Rows of a status file that are neither unsubscribed nor cleaned (active members).
    pub ignored: i64,
    /// Per line: an address that is not valid, a time that could not be read, a status not known.
    pub warnings: Vec<(usize, Warning)>,
}

/// What the reader noticed on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    NoAddress,
    BadTime,
    UnknownStatus,
    Repeated,
}

impl Warning {
    pub fn message(self, language: Language) -> String {
        let nl = language.is_dutch();
        match (self, nl) {
            (Warning::NoAddress, true) => "geen geldig e-mailadres; overgeslagen".into(),
            (Warning::NoAddress, false) => "no valid e-mail address; skipped".into(),
            (Warning::BadTime, true) => {
                "het tijdstip is niet leesbaar; het moment van importeren is gebruikt".into()
            }
            (Warning::BadTime, false) => {
                "the time is not readable; the time of the import is used".into()
            }
            (Warning::UnknownStatus, true) => "onbekende status; overgeslagen".into(),
            (Warning::UnknownStatus, false) => "unknown status; skipped".into(),
            (Warning::Repeated, true) => "dit adres stond al eerder in het bestand".into(),
            (Warning::Repeated, false) => "this address was listed before in the file".into(),
        }
    }
}

/// The longest campaign title kept in the evidence.
const MAX_CAMPAIGN: usize = 200;

/// Reads an unsubscribe file. A file that cannot be read (not text, a record over the limit,
/// no e-mail column, Mailchimp's export of *subscribed* members) is an error naming the line.
pub fn read(bytes: &[u8], options: &Options) -> Result<File> {
    let table = csv::records(bytes, options)?;
    let (first_line, first) = &table.records[0];
    let mut file =
        File { layout: UnsubscribeLayout::List, entries: Vec::new(), ignored: 0, warnings: vec![] };
    // No header: the first row already holds an address.
    if first.iter().any(|c| is_email(c)) {
        for (line, cells) in &table.records {
            match cells.iter().find(|c| is_email(c)) {
                Some(e) => file.entries.push(entry(*line, e, Kind::Unsubscribed, None, None)),
                None => file.warnings.push((*line, Warning::NoAddress)),
            }
        }
        dedupe(&mut file);
        return Ok(file);
    }
    let headers: Vec<String> = first
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_lowercase().replace('_', " "))
        .collect();
    let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let email = find(&[
        "email address",
        "e-mail address",
        "email",
        "e-mail",
        "e-mailadres",
        "emailadres",
        "e-mail adres",
        "mail",
        "emailaddress",
    ])
    .or_else(|| (headers.len() == 1).then_some(0))
    .ok_or_else(|| {
        Error::invalid(
            "file",
            format!(
                "line {first_line}: no e-mail column (expected a column called Email Address, \
                 E-mailadres or Email, or one address per line)"
            ),
        )
    })?;
    let unsub_time = find(&["unsub time"]);
    let clean_time = find(&["clean time"]);
    let status = find(&["status", "state", "staat"]);
    if unsub_time.is_none()
        && clean_time.is_none()
        && status.is_none()
        && find(&["optin time", "confirm time", "last changed"]).is_some()
    {
        return Err(Error::invalid(
            "file",
            format!(
                "line {first_line}: this is a list of subscribed members (it has no UNSUB_TIME \
                 or CLEAN_TIME column): use the unsubscribed or cleaned members export"
            ),
        ));
    }
    let (layout, time, utc, campaign) = if let Some(t) = clean_time {
        (UnsubscribeLayout::MailchimpCleaned, Some(t), true, find(&["clean campaign title"]))
    } else if let Some(t) = unsub_time {
        (UnsubscribeLayout::MailchimpUnsubscribed, Some(t), true, find(&["unsub campaign title"]))
    } else {
        let layout =
            if status.is_some() { UnsubscribeLayout::Status } else { UnsubscribeLayout::Column };
        let time = find(&[
            "afgemeld op",
            "afgemeld",
            "afmelddatum",
            "datum afmelding",
            "uitgeschreven op",
            "unsubscribed",
            "unsubscribed at",
            "unsubscribed on",
            "unsubscribe date",
            "date unsubscribed",
            "opt-out date",
            "opgeschoond op",
            "cleaned at",
            "bounced at",
            "bounce date",
        ]);
        (layout, time, false, find(&["campaign", "campaign title", "campagne", "mailing"]))
    };
    file.layout = layout;
    for (line, cells) in &table.records[1..] {
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map(|c| c.trim());
        let kind = match layout {
            UnsubscribeLayout::MailchimpCleaned => Kind::Cleaned,
            UnsubscribeLayout::Status => match status_kind(cell(status).unwrap_or("")) {
                Some(Some(k)) => k,
                Some(None) => {
                    file.ignored += 1;
                    continue;
                }
                None => {
                    file.warnings.push((*line, Warning::UnknownStatus));
                    continue;
                }
            },
            _ => Kind::Unsubscribed,
        };
        let Some(address) = cell(Some(email)).filter(|e| is_email(e)) else {
            file.warnings.push((*line, Warning::NoAddress));
            continue;
        };
        let at = match cell(time).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => {
                let parsed = parse_time(t, utc);
                if parsed.is_none() {
                    file.warnings.push((*line, Warning::BadTime));
                }
                parsed
            }
        };
        file.entries.push(entry(*line, address, kind, at, cell(campaign)));
    }
    dedupe(&mut file);
    Ok(file)
}

fn entry(
    line: usize,
    email: &str,
    kind: Kind,
    at: Option<DateTime<Utc>>,
    c: Option<&str>,
) -> Entry {
    let campaign = c
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|c| !c.is_empty())
        .map(|c| c.chars().take(MAX_CAMPAIGN).collect());
    Entry { line, email: email.trim().to_owned(), kind, at, campaign }
}

/// An address listed twice counts once: its first line.
fn dedupe(file: &mut File) {
    let mut seen = HashSet::new();
    let mut repeated = Vec::new();
    file.entries.retain(|e| {
        let new = seen.insert(e.email.to_lowercase());
        if !new {
            repeated.push((e.line, Warning::Repeated));
        }
        new
    });
    file.warnings.extend(repeated);
    file.warnings.sort_by_key(|(line, _)| *line);
}

/// A status as Laposta (and other tools) write it, in Dutch or English: Some(Some(kind)) for an
/// unsubscribe or a bounce, Some(None) for a member still subscribed, None when not known.
fn status_kind(s: &str) -> Option<Option<Kind>> {
    Some(match s.trim().to_lowercase().as_str() {
        "unsubscribed" | "unsubscribe" | "afgemeld" | "uitgeschreven" | "opted out" | "opt-out" => {
            Some(Kind::Unsubscribed)
        }
        "cleaned" | "opgeschoond" | "bounced" | "gebounced" | "hard bounce" | "undeliverable"
        | "onbestelbaar" => Some(Kind::Cleaned),
        "active" | "actief" | "subscribed" | "aangemeld" | "ingeschreven" | "unconfirmed"
        | "onbevestigd" | "pending" | "deleted" | "verwijderd" => None,
        _ => return None,
    })
}

/// A time as the tools write it: RFC 3339, `2026-03-14 09:12:33`, `2026-03-14 09:12`,
/// `14-03-2026 09:12`, or a date alone (midnight). Mailchimp's times are UTC; other files' are
/// taken in the local time zone.
fn parse_time(s: &str, utc: bool) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    let naive = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%d-%m-%Y %H:%M:%S",
        "%d-%m-%Y %H:%M",
        "%d/%m/%Y %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    })?;
    if naive.and_utc().timestamp()
        < NaiveDate::from_ymd_opt(1900, 1, 1)?.and_hms_opt(0, 0, 0)?.and_utc().timestamp()
    {
        return None;
    }
    if utc {
        return Some(naive.and_utc());
    }
    match Local.from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// How to apply a file.
#[derive(Debug, Clone)]
pub struct Settings {
    pub purpose_id: i64,
    /// The file's name, named in the evidence.
    pub file_name: String,
    pub file_sha256: String,
    /// Put listed addresses that match no contact on the suppression list (unsubscribes only:
    /// a bounce is not an objection).
    pub suppress_unmatched: bool,
}

/// A warning on a line of the file, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnsubscribeWarning {
    #[ts(type = "number")]
    pub line: usize,
    pub message: String,
}

/// What an unsubscribe import did (or, in a dry run, would do). Contacts are counted once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct UnsubscribeReport {
    /// The file's name (no folder).
    pub file_name: String,
    pub layout: Option<UnsubscribeLayout>,
    /// Contacts that got a withdrawal for the purpose.
    #[ts(type = "number")]
    pub withdrawn: i64,
    /// Contacts whose newest event for the purpose was a withdrawal already.
    #[ts(type = "number")]
    pub already_withdrawn: i64,
    /// Listed addresses that match no contact.
    #[ts(type = "number")]
    pub unmatched: i64,
    /// Contacts with an address newly marked undeliverable.
    #[ts(type = "number")]
    pub undeliverable: i64,
    /// Contacts whose address was marked undeliverable before.
    #[ts(type = "number")]
    pub already_undeliverable: i64,
    /// Contacts who gave consent again after the unsubscribe in the file: left as they are.
    #[ts(type = "number")]
    pub consent_given_later: i64,
    /// Restricted contacts whose bounced address was not marked (they are read-only, and on no
    /// mailing list anyway).
    #[ts(type = "number")]
    pub restricted: i64,
    /// Unmatched addresses put on the suppression list.
    #[ts(type = "number")]
    pub suppressed: i64,
    /// Rows of members still subscribed (a status file).
    #[ts(type = "number")]
    pub ignored: i64,
    pub warnings: Vec<UnsubscribeWarning>,
}

/// Refuses a purpose an unsubscribe says nothing about: an unsubscribe withdraws consent or
/// objects to direct marketing.
pub fn check_purpose(conn: &Connection, purpose_id: i64) -> Result<purposes::Purpose> {
    let p = purposes::get(conn, purpose_id)?;
    if p.basis != Basis::Consent && !p.direct_marketing {
        return Err(Error::invalid(
            "purpose",
            "an unsubscribe withdraws consent or objects to direct marketing: choose a purpose \
             based on consent or a direct-marketing purpose",
        ));
    }
    Ok(p)
}

/// Applies a file in the caller's transaction (an error leaves nothing). Audited by the
/// purpose's id, the counts and the file's SHA-256; each withdrawal and mark by the contact's
/// id and field names.
pub fn apply(
    conn: &Connection,
    ctx: &Ctx<'_>,
    file: &File,
    s: &Settings,
    language: Language,
) -> Result<UnsubscribeReport> {
    let purpose = check_purpose(conn, s.purpose_id)?;
    let mut report = UnsubscribeReport {
        file_name: s.file_name.clone(),
        layout: Some(file.layout),
        ignored: file.ignored,
        warnings: file
            .warnings
            .iter()
            .map(|(line, w)| UnsubscribeWarning { line: *line, message: w.message(language) })
            .collect(),
        ..UnsubscribeReport::default()
    };
    let by_email = addresses(conn)?;
    let restricted = restricted(conn)?;
    let now = format_instant(ctx.now);
    let mut withdrawn_done: HashSet<i64> = HashSet::new();
    let mut marked_done: HashSet<i64> = HashSet::new();
    for e in &file.entries {
        let Some(matches) = by_email.get(&e.email.to_lowercase()) else {
            report.unmatched += 1;
            if s.suppress_unmatched && e.kind == Kind::Unsubscribed {
                suppression::add(conn, ctx, &e.email)?;
                report.suppressed += 1;
            }
            continue;
        };
        let at = e.at.map_or_else(|| now.clone(), format_instant);
        let evidence = evidence(language, e, &s.file_name);
        for (id, stored) in matches {
            match e.kind {
                Kind::Unsubscribed => {
                    if !withdrawn_done.insert(*id) {
                        continue;
                    }
                    match consent::newest(conn, *id, purpose.id)? {
                        Some((EventKind::Withdrawn, _)) => report.already_withdrawn += 1,
                        Some((EventKind::Given, given)) if given > at => {
                            report.consent_given_later += 1;
                            continue;
                        }
                        _ => {
                            consent::record_imported_withdrawal(
                                conn, ctx, *id, purpose.id, &at, &evidence,
                            )?;
                            report.withdrawn += 1;
                        }
                    }
                    // On another basis (a newsletter to one's own clients on legitimate
                    // interest) the unsubscribe is an objection to it: the link ends.
                    if purpose.basis != Basis::Consent {
                        end_link(conn, *id, purpose.id, &at)?;
                    }
                }
                Kind::Cleaned => {
                    if !marked_done.insert(*id) {
                        continue;
                    }
                    if restricted.contains(id) {
                        report.restricted += 1;
                    } else if undeliverable::mark(conn, ctx, *id, stored, &at, &evidence)? {
                        report.undeliverable += 1;
                    } else {
                        report.already_undeliverable += 1;
                    }
                }
            }
        }
    }
    let detail = format!(
        "sha256={} withdrawn={} already_withdrawn={} unmatched={} undeliverable={} suppressed={}",
        s.file_sha256,
        report.withdrawn,
        report.already_withdrawn,
        report.unmatched,
        report.undeliverable,
        report.suppressed
    );
    ctx.audit_detail(
        conn,
        "import.unsubscribes",
        "purpose",
        Some(purpose.id),
        &["withdrawn", "undeliverable", "suppression"],
        Some(&detail),
    )?;
    Ok(report)
}

/// The evidence of one line: the file and the campaign, no other value from the file.
fn evidence(language: Language, e: &Entry, file_name: &str) -> String {
    let nl = language.is_dutch();
    let what = match (e.kind, nl) {
        (Kind::Unsubscribed, true) => "Afgemeld volgens",
        (Kind::Unsubscribed, false) => "Unsubscribed according to",
        (Kind::Cleaned, true) => "Onbestelbaar volgens",
        (Kind::Cleaned, false) => "Undeliverable according to",
    };
    let file_name: String = file_name.chars().take(300).collect();
    match &e.campaign {
        Some(c) if nl => format!("{what} {file_name} (campagne \u{201c}{c}\u{201d})"),
        Some(c) => format!("{what} {file_name} (campaign \u{201c}{c}\u{201d})"),
        None => format!("{what} {file_name}"),
    }
}

/// Every contact's addresses, lowercased, with the contact's id and its own spelling.
fn addresses(conn: &Connection) -> Result<HashMap<String, Vec<(i64, String)>>> {
    let mut s = conn.prepare("SELECT id, emails FROM contacts ORDER BY id")?;
    let rows = s.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut out: HashMap<String, Vec<(i64, String)>> = HashMap::new();
    for row in rows {
        let (id, json) = row?;
        let emails: Vec<String> = serde_json::from_str(&json).unwrap_or_default();
        for e in emails {
            let list = out.entry(e.trim().to_lowercase()).or_default();
            if !list.iter().any(|(i, _)| *i == id) {
                list.push((id, e));
            }
        }
    }
    Ok(out)
}

fn restricted(conn: &Connection) -> Result<HashSet<i64>> {
    let mut s = conn.prepare("SELECT id FROM contacts WHERE restricted_reason IS NOT NULL")?;
    let out = s.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Ends the contact's link to the purpose at `at`, if it is linked and not ended.
fn end_link(conn: &Connection, contact_id: i64, purpose_id: i64, at: &str) -> Result<()> {
    conn.execute(
        "UPDATE contact_purposes SET ended_at = ?3
         WHERE contact_id = ?1 AND purpose_id = ?2 AND ended_at IS NULL",
        params![contact_id, purpose_id, at],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn file(text: &str) -> File {
        read(text.as_bytes(), &Options::default()).unwrap()
    }

    #[test]
    fn mailchimp_unsubscribed_export_with_utc_times_and_campaigns() {
        let f = file(
            "Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,UNSUB_REASON,UNSUB_REASON_OTHER,LEID,EUID,NOTES\n\
             Jan@Example.nl,Jan,Jansen,2,\"2025-01-02 10:00:00\",,,,,,,,,,,\"2026-03-14 09:12:33\",\"Nieuwsbrief maart\",abc123,\"I no longer want to receive these emails\",,1,x1,\n",
        );
        assert_eq!(f.layout, UnsubscribeLayout::MailchimpUnsubscribed);
        let e = &f.entries[0];
        assert_eq!((e.line, e.email.as_str(), e.kind), (2, "Jan@Example.nl", Kind::Unsubscribed));
        assert_eq!(format_instant(e.at.unwrap()), "2026-03-14T09:12:33Z");
        assert_eq!(e.campaign.as_deref(), Some("Nieuwsbrief maart"));
    }

    #[test]
    fn mailchimp_cleaned_export_is_bounces() {
        let f = file("Email Address,CLEAN_TIME,CLEAN_CAMPAIGN_TITLE\npiet@example.nl,2026-02-01 08:00:00,Winter\n");
        assert_eq!(f.layout, UnsubscribeLayout::MailchimpCleaned);
        assert_eq!(f.entries[0].kind, Kind::Cleaned);
        assert_eq!(format_instant(f.entries[0].at.unwrap()), "2026-02-01T08:00:00Z");
    }

    #[test]
    fn a_subscribed_members_export_is_refused() {
        let e = read(
            b"Email Address,OPTIN_TIME,LAST_CHANGED\njan@example.nl,x,y\n",
            &Options::default(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    #[test]
    fn status_files_plain_lists_and_single_columns() {
        let f = file("E-mailadres;Naam;Status;Afgemeld op\njan@example.nl;Jan;afgemeld;14-03-2026 10:12\npiet@example.nl;Piet;actief;\nkees@example.nl;Kees;opgeschoond;\nx;X;afgemeld;\nanna@example.nl;Anna;raar;\n");
        assert_eq!(f.layout, UnsubscribeLayout::Status);
        assert_eq!(f.entries.len(), 2);
        assert_eq!(f.entries[1].kind, Kind::Cleaned);
        assert_eq!(f.ignored, 1);
        assert_eq!(f.warnings, [(5, Warning::NoAddress), (6, Warning::UnknownStatus)]);
        let f = file("jan@example.nl\r\nPIET@example.nl\r\nniet-een-adres\r\njan@EXAMPLE.nl\r\n");
        assert_eq!(f.layout, UnsubscribeLayout::List);
        assert_eq!(f.entries.len(), 2);
        assert_eq!(f.warnings, [(3, Warning::NoAddress), (4, Warning::Repeated)]);
        let f = file("Subscriber\njan@example.nl\n");
        assert_eq!((f.layout, f.entries.len()), (UnsubscribeLayout::Column, 1));
        let e = read(b"Naam,Plaats\nJan,Zwolle\n", &Options::default()).unwrap_err();
        assert!(e.to_string().contains("line 1") && e.to_string().contains("e-mail"), "{e}");
    }

    #[test]
    fn times_as_the_tools_write_them() {
        assert_eq!(
            format_instant(parse_time("2026-03-14 09:12:33", true).unwrap()),
            "2026-03-14T09:12:33Z"
        );
        assert_eq!(
            format_instant(parse_time("2026-03-14T09:12:33+01:00", false).unwrap()),
            "2026-03-14T08:12:33Z"
        );
        assert!(parse_time("14-03-2026", false).is_some());
        assert!(parse_time("gisteren", false).is_none());
        assert!(parse_time("0026-03-14 09:12:33", true).is_none());
    }

    proptest! {
        #[test]
        fn any_bytes_give_addresses_or_an_error_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read(&bytes, &Options::default());
            let mut f = b"Email Address,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE\n".to_vec();
            f.extend_from_slice(&bytes);
            let _ = read(&f, &Options::default());
            let mut f = b"E-mailadres;Status;Afgemeld op\r\n".to_vec();
            f.extend_from_slice(&bytes);
            let _ = read(&f, &Options::default());
        }
    }
}
