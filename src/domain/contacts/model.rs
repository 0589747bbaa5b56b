//! Contact and interaction types, as stored and as the UI sees them, and input validation.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::date::{parse_date, parse_instant};
use crate::kernel::error::{Error, Result};

pub const MAX_NAME: usize = 200;
pub const MAX_SHORT: usize = 200;
pub const MAX_ADDRESS: usize = 1_000;
pub const MAX_EMAIL: usize = 254;
pub const MAX_PHONE: usize = 32;
pub const MAX_LIST: usize = 10;
pub const MAX_TEXT: usize = 20_000;

crate::kernel::str_enum! {
    /// The relationship with a contact; retention rules depend on it.
    pub enum Relationship("relationship") {
        Prospect => "prospect",
        Client => "client",
        FormerClient => "former-client",
        Supplier => "supplier",
        Applicant => "applicant",
    }
}

crate::kernel::str_enum! {
    pub enum InteractionKind("kind") {
        Call => "call",
        Email => "email",
        Meeting => "meeting",
        Note => "note",
    }
}

/// One row of the contact list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContactSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub organisation: Option<String>,
    pub relationship: Relationship,
    pub last_activity_at: String,
    /// Processing is restricted (Art. 18): read-only, marked in the list.
    pub restricted: bool,
}

/// A page of the contact list and the number of all matching contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContactPage {
    pub items: Vec<ContactSummary>,
    #[ts(type = "number")]
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Contact {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub address: Option<String>,
    pub organisation: Option<String>,
    pub job_title: Option<String>,
    pub relationship: Relationship,
    pub relationship_ended: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Processing is restricted (Art. 18), with the reason: the contact is read-only.
    pub restricted_reason: Option<String>,
    /// When the person objected to direct marketing.
    pub objected_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Interaction {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub contact_id: i64,
    pub kind: InteractionKind,
    pub at: String,
    pub text: String,
}

/// A contact with its interactions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ContactDetail {
    pub contact: Contact,
    pub interactions: Vec<Interaction>,
}

/// What a person enters to create or edit a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContactInput {
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub address: Option<String>,
    pub organisation: Option<String>,
    pub job_title: Option<String>,
    pub relationship: Relationship,
    pub relationship_ended: Option<String>,
}

/// A contact input after validation: trimmed, checked, empty optionals removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub address: Option<String>,
    pub organisation: Option<String>,
    pub job_title: Option<String>,
    pub relationship: Relationship,
    pub relationship_ended: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InteractionInput {
    pub kind: InteractionKind,
    pub text: String,
    pub at: Option<String>,
}

/// A rectification of an interaction (Art. 16): the fields given (not null, not empty)
/// replace the stored ones; the result is checked as a new interaction would be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InteractionChange {
    pub kind: Option<InteractionKind>,
    pub text: Option<String>,
    pub at: Option<String>,
}

fn check_len(field: &'static str, value: &str, max: usize) -> Result<()> {
    if value.chars().count() > max {
        return Err(Error::invalid(field, format!("too long (at most {max} characters)")));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(Error::invalid(field, "contains control characters"));
    }
    Ok(())
}

fn optional(field: &'static str, value: &Option<String>, max: usize) -> Result<Option<String>> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => {
            check_len(field, v, max)?;
            Ok(Some(v.to_owned()))
        }
    }
}

/// A plain e-mail address check: one `@`, a local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let labels_ok = domain.split('.').count() >= 2
        && domain.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    !local.is_empty()
        && local.len() <= 64
        && !local.contains(char::is_whitespace)
        && !local.contains(['@', '<', '>', '(', ')', ',', ';', ':', '"', '[', ']'])
        && labels_ok
}

fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits) && s.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c))
}

fn list(
    field: &'static str,
    values: &[String],
    max_len: usize,
    ok: fn(&str) -> bool,
    what: &str,
) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        check_len(field, v, max_len)?;
        if !ok(v) {
            return Err(Error::invalid(field, format!("not a valid {what}")));
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(v)) {
            out.push(v.to_owned());
        }
    }
    if out.len() > MAX_LIST {
        return Err(Error::invalid(field, format!("at most {MAX_LIST} per contact")));
    }
    Ok(out)
}

impl ContactInput {
    /// A prospect with only a name.
    pub fn new(name: &str) -> ContactInput {
        ContactInput {
            name: name.to_owned(),
            emails: Vec::new(),
            phones: Vec::new(),
            address: None,
            organisation: None,
            job_title: None,
            relationship: Relationship::Prospect,
            relationship_ended: None,
        }
    }

    pub fn validate(&self) -> Result<ValidContact> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::invalid("name", "a name is required"));
        }
        check_len("name", name, MAX_NAME)?;
        if name.contains(['\n', '\r', '\t']) {
            return Err(Error::invalid("name", "must be on one line"));
        }
        let relationship_ended = match self.relationship_ended.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(parse_date(d, "relationship_ended")?),
        };
        // Without the date the relationship ended, no retention rule ever reaches a former
        // client: the data would be kept forever.
        if self.relationship == Relationship::FormerClient && relationship_ended.is_none() {
            return Err(Error::invalid(
                "relationship_ended",
                "a former client needs the date the relationship ended",
            ));
        }
        Ok(ValidContact {
            name: name.to_owned(),
            emails: list("emails", &self.emails, MAX_EMAIL, is_email, "e-mail address")?,
            phones: list("phones", &self.phones, MAX_PHONE, is_phone, "phone number")?,
            address: optional("address", &self.address, MAX_ADDRESS)?,
            organisation: optional("organisation", &self.organisation, MAX_SHORT)?,
            job_title: optional("job_title", &self.job_title, MAX_SHORT)?,
            relationship: self.relationship,
            relationship_ended,
        })
    }
}

/// A validated interaction: its text and when it happened.
pub struct ValidInteraction {
    pub kind: InteractionKind,
    pub text: String,
    pub at: DateTime<Utc>,
}

impl InteractionInput {
    pub fn validate(&self, now: DateTime<Utc>) -> Result<ValidInteraction> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(Error::invalid("text", "the text is empty"));
        }
        check_len("text", text, MAX_TEXT)?;
        let at = match self.at.as_deref().map(str::trim) {
            None | Some("") => now,
            Some(s) => parse_instant(s, "at")?,
        };
        // A day of slack for time zones and clocks a little off; a planned meeting is a
        // follow-up, not an interaction.
        if at > now + chrono::Duration::days(1) {
            return Err(Error::invalid(
                "at",
                "at most a day ahead (a planned meeting is a follow-up)",
            ));
        }
        Ok(ValidInteraction { kind: self.kind, text: text.to_owned(), at })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str) -> ContactInput {
        ContactInput::new(name)
    }

    #[test]
    fn email_shapes() {
        for ok in ["jan@example.nl", "a.b+c@sub.example.co.uk", "zoë@bücher.de"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "jan",
            "jan@",
            "@example.nl",
            "jan@example",
            "jan @example.nl",
            "a@b..nl",
            "a@@b.nl",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn validation_trims_dedupes_and_names_the_field() {
        let mut i = input("  Jan Jansen ");
        i.emails = vec!["jan@example.nl".into(), " JAN@example.nl ".into(), "".into()];
        i.phones = vec!["+31 6 1234 5678".into()];
        i.organisation = Some("  ".into());
        let v = i.validate().unwrap();
        assert_eq!(v.name, "Jan Jansen");
        assert_eq!(v.emails, vec!["jan@example.nl"]);
        assert_eq!(v.organisation, None);
        assert_eq!(v.relationship, Relationship::Prospect);

        assert_eq!(input(" ").validate().unwrap_err().field(), Some("name"));
        let mut bad = input("Jan");
        bad.emails = vec!["geen-adres".into()];
        assert_eq!(bad.validate().unwrap_err().field(), Some("emails"));
        let mut bad = input("Jan");
        bad.phones = vec!["bel me".into()];
        assert_eq!(bad.validate().unwrap_err().field(), Some("phones"));
        let mut bad = input("Jan");
        bad.relationship_ended = Some("2026-02-30".into());
        assert_eq!(bad.validate().unwrap_err().field(), Some("relationship_ended"));
        assert_eq!(input(&"x".repeat(MAX_NAME + 1)).validate().unwrap_err().field(), Some("name"));
    }

    #[test]
    fn interaction_validation() {
        let now = Utc::now();
        let big = InteractionInput {
            kind: InteractionKind::Note,
            text: "x".repeat(10 * 1024 * 1024),
            at: None,
        };
        assert_eq!(big.validate(now).err().unwrap().field(), Some("text"));
        let bad_at = InteractionInput {
            kind: InteractionKind::Call,
            text: "belde".into(),
            at: Some("gisteren".into()),
        };
        assert_eq!(bad_at.validate(now).err().unwrap().field(), Some("at"));
        assert!("fax".parse::<InteractionKind>().is_err());
        assert_eq!("former-client".parse::<Relationship>().unwrap(), Relationship::FormerClient);
    }
}
