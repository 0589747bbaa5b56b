//! Contacts and the interactions on their timeline.

use clap::{Args, Subcommand};
use kluis::app;
use kluis::domain::consent::{self, objection};
use kluis::domain::contacts::duplicates::MatchReason;
use kluis::domain::contacts::{self, privacy, ContactInput, InteractionChange, InteractionInput};
use kluis::domain::register::purposes::{self, Basis};

use super::common::{
    confirm_destroy, done, one_line, open, print_id, print_json, print_rows, print_rows_then, Ctx,
    Failure, Out,
};

#[derive(Subcommand)]
pub enum Cmd {
    /// Contacts.
    #[command(subcommand, display_order = 1)]
    Contact(ContactCmd),
    /// Interactions on a contact's timeline.
    #[command(subcommand, display_order = 2)]
    Interaction(InteractionCmd),
}

#[derive(Subcommand)]
pub enum ContactCmd {
    /// Add a contact; prints its id. A client is proposed a link to the contract-basis purpose
    /// (a note on stderr); --link-proposed makes that link in the same transaction.
    Add {
        #[command(flatten)]
        fields: ContactFields,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
        /// Link the contact to the purpose proposed for it (a client: the contract purpose,
        /// e.g. Klantadministratie), so it does not wait in the triage list.
        #[arg(long)]
        link_proposed: bool,
    },
    /// List contacts, by name or matching a search.
    List {
        #[arg(long)]
        search: Option<String>,
        /// Only the names listed under this letter (A-Z, or # for the others; accents fold:
        /// Ölmez is under O, van Dijk under V).
        #[arg(long)]
        initial: Option<String>,
        #[arg(long)]
        limit: Option<i64>,
        #[arg(long, default_value_t = 0)]
        offset: i64,
    },
    /// Show one contact with its interactions.
    Show { id: i64 },
    /// Change fields of a contact (only the ones given).
    Edit {
        id: i64,
        #[command(flatten)]
        fields: ContactFields,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
    },
    /// Link a contact to a purpose, with the basis relied on and the source of the data.
    Link {
        id: i64,
        #[arg(long)]
        purpose: String,
        /// The basis (default: the purpose's own); "unknown" puts it in the triage list.
        #[arg(long)]
        basis: Option<String>,
        /// form, email, phone, in-person, imported or other.
        #[arg(long, default_value = "other")]
        source: String,
    },
    /// The purposes, bases and consent state of a contact.
    Purposes { id: i64 },
    /// Restrict processing (read-only, out of mailing lists and exports, no automatic purge).
    Restrict {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Lift a restriction.
    Unrestrict { id: i64 },
    /// Record an objection to direct marketing: every direct-marketing purpose stops.
    Object { id: i64 },
    /// Erase a contact at their request (fiscal records stay under their legal hold).
    Erase {
        id: i64,
        /// The request this erasure carries out.
        #[arg(long)]
        request: Option<i64>,
        /// Keep the contact's organisation even when no one else links to it (by default it
        /// goes with the person: for a one-person business it is often their name).
        #[arg(long)]
        keep_organisation: bool,
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Args)]
pub struct ContactFields {
    #[arg(long)]
    name: Option<String>,
    /// E-mail address (repeat for more).
    #[arg(long)]
    email: Vec<String>,
    /// Phone number (repeat for more).
    #[arg(long)]
    phone: Vec<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    job_title: Option<String>,
    /// prospect, client, former-client, supplier or applicant.
    #[arg(long)]
    relationship: Option<String>,
    /// When the relationship ended, or when an applicant was rejected (31-03-2026 or
    /// 2026-03-31; a four-digit year).
    #[arg(long, value_name = "DD-MM-YYYY")]
    ended: Option<String>,
}

#[derive(Subcommand)]
pub enum InteractionCmd {
    /// Add a call, e-mail, meeting or note; prints its id.
    Add {
        #[arg(long)]
        contact: i64,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        text: String,
        /// When: `31-03-2026 14:30` in the local time zone (or RFC 3339); now when left out.
        #[arg(long, value_name = "DD-MM-YYYY HH:MM")]
        at: Option<String>,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
    },
    /// Correct an interaction (its id is in `kluis contact show`); only the fields given change.
    Edit {
        id: i64,
        #[arg(long)]
        text: Option<String>,
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// call, email, meeting or note.
        #[arg(long)]
        kind: Option<String>,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
    },
    /// Delete an interaction; it stays deleted when an older backup is restored.
    Delete {
        id: i64,
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Contact(c) => contact(ctx, c),
        Cmd::Interaction(InteractionCmd::Add { contact, kind, text, at, yes }) => {
            let input = InteractionInput { kind: kind.parse()?, text, at };
            let mut v = open(ctx)?;
            let id = contacts::add_interaction(&mut v, contact, &input, yes)?;
            print_id(ctx, id)
        }
        Cmd::Interaction(InteractionCmd::Edit { id, text, at, kind, yes }) => {
            let change = InteractionChange { kind: kind.map(|k| k.parse()).transpose()?, text, at };
            contacts::edit_interaction(&mut open(ctx)?, id, &change, yes)?;
            done(ctx, "Interaction corrected.")
        }
        Cmd::Interaction(InteractionCmd::Delete { id, yes }) => {
            confirm_destroy(yes, &format!("delete interaction {id}"))?;
            contacts::delete_interaction(&mut open(ctx)?, id)?;
            done(ctx, "Interaction deleted.")
        }
    }
}

fn contact(ctx: &Ctx, cmd: ContactCmd) -> Out {
    match cmd {
        ContactCmd::Add { fields: f, yes, link_proposed } => {
            let name =
                f.name.clone().ok_or_else(|| Failure::Usage("contact add needs --name".into()))?;
            let mut input = ContactInput::new(&name);
            apply(&mut input, f)?;
            let mut v = open(ctx)?;
            let twins = contacts::likely_duplicates(&v, &input, None)?;
            let proposal = consent::proposed_purpose(v.conn(), input.relationship)?;
            let link = proposal.as_ref().filter(|_| link_proposed).map(|p| p.id);
            let id = app::contacts::add(&mut v, &input, yes, link)?;
            match (&proposal, link_proposed) {
                (Some(p), false) => eprintln!(
                    "note: proposed for a client: link contact {id} to \"{}\" ({}): kluis contact link {id} --purpose \"{}\" (or add with --link-proposed)",
                    p.name,
                    p.basis.as_str(),
                    p.name
                ),
                (Some(p), true) => eprintln!("Linked to \"{}\" ({}).", p.name, p.basis.as_str()),
                (None, true) => eprintln!(
                    "note: no link is proposed for a {}; the contact waits in the triage list",
                    input.relationship.as_str()
                ),
                (None, false) => {}
            }
            for t in twins {
                let why: Vec<&str> = t
                    .reasons
                    .iter()
                    .map(|r| match r {
                        MatchReason::Email => "the same e-mail address",
                        MatchReason::Phone => "the same phone number",
                        MatchReason::NameAndOrganisation => {
                            "the same name at the same organisation"
                        }
                    })
                    .collect();
                eprintln!(
                    "warning: contact {id} looks like contact {} ({}): {}",
                    t.contact.id,
                    t.contact.name,
                    why.join(", ")
                );
            }
            print_id(ctx, id)
        }
        ContactCmd::List { search, initial, limit, offset } => {
            let v = open(ctx)?;
            let page = contacts::list_by_initial(
                &v,
                search.as_deref(),
                initial.as_deref(),
                limit,
                offset,
            )?;
            let total = format!("{} of {} contacts", page.items.len(), page.total);
            print_rows_then(
                ctx,
                &page.items,
                |c| {
                    format!(
                        "{:>6}  {:<32}  {:<32}  {}{}",
                        c.id,
                        c.name,
                        c.email.as_deref().unwrap_or("-"),
                        c.organisation.as_deref().unwrap_or("-"),
                        if c.restricted { "  [restricted]" } else { "" }
                    )
                },
                &total,
            )
        }
        ContactCmd::Show { id } => {
            let mut v = open(ctx)?;
            let d = contacts::show(&mut v, id)?;
            if ctx.json {
                return print_json(&d);
            }
            let c = &d.contact;
            println!("{} (#{})", c.name, c.id);
            let line = |label: &str, value: &str| println!("  {label:<14} {value}");
            line("E-mail", &c.emails.join(", "));
            line("Phone", &c.phones.join(", "));
            line("Address", c.address.as_deref().unwrap_or(""));
            line("Organisation", c.organisation.as_deref().unwrap_or(""));
            line("Job title", c.job_title.as_deref().unwrap_or(""));
            line("Relationship", c.relationship.as_str());
            line("Ended", c.relationship_ended.as_deref().unwrap_or(""));
            line("Added", &c.created_at);
            println!("Interactions ({}):", d.interactions.len());
            for i in &d.interactions {
                println!("  #{:<6} {}  {:<8} {}", i.id, i.at, i.kind.as_str(), one_line(&i.text));
            }
            Ok(())
        }
        ContactCmd::Edit { id, fields, yes } => {
            let mut v = open(ctx)?;
            let c = kluis::domain::contacts::read::contact(v.conn(), id)?;
            let mut input = ContactInput {
                name: c.name,
                emails: c.emails,
                phones: c.phones,
                address: c.address,
                organisation: c.organisation,
                job_title: c.job_title,
                relationship: c.relationship,
                relationship_ended: c.relationship_ended,
            };
            if let Some(name) = fields.name.clone() {
                input.name = name;
            }
            apply(&mut input, fields)?;
            contacts::update(&mut v, id, &input, yes)?;
            print_id(ctx, id)
        }
        ContactCmd::Link { id, purpose, basis, source } => {
            let basis = match basis.as_deref() {
                None => None,
                Some("unknown") => Some(None),
                Some(b) => Some(Some(b.parse::<Basis>()?)),
            };
            let source = source.parse()?;
            let mut v = open(ctx)?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            v.write(|tx, c| {
                consent::link(tx, c, id, p.id, basis.unwrap_or(Some(p.basis)), source)
            })?;
            done(ctx, "Linked.")
        }
        ContactCmd::Purposes { id } => {
            let v = open(ctx)?;
            let links = consent::links(v.conn(), id)?;
            print_rows(ctx, &links, |l| {
                format!(
                    "{:<28} {:<20} {:<10} {}",
                    l.purpose.name,
                    l.basis.map_or("unknown", Basis::as_str),
                    if l.usable { "usable" } else { "not usable" },
                    l.consent_given_at
                        .as_deref()
                        .map_or(String::new(), |at| format!("consent since {at}"))
                )
            })
        }
        ContactCmd::Erase { id, request, keep_organisation, yes } => {
            let mut v = open(ctx)?;
            let p = app::erase::preview(v.conn(), id)?;
            if !ctx.json {
                eprintln!(
                    "Erasing contact {id}: {} interactions, {} consent records ({} consent texts), {} purpose links, {} field values.",
                    p.interactions, p.consent_events, p.consent_texts, p.purpose_links, p.field_values
                );
                if p.organisation_orphaned {
                    eprintln!(
                        "{}",
                        if keep_organisation {
                            "The organisation, linked to no one else, is kept (--keep-organisation)."
                        } else {
                            "The organisation, linked to no one else, is removed too (--keep-organisation keeps it)."
                        }
                    );
                }
                if p.requests_redacted > 0 {
                    eprintln!(
                        "{} requests stay, their free text replaced by a note without personal data.",
                        p.requests_redacted
                    );
                }
                if p.fiscal_records_kept > 0 {
                    eprintln!(
                        "Kept under the fiscal retention duty: {} fiscal records, until {}.",
                        p.fiscal_records_kept,
                        p.kept_until.as_deref().unwrap_or("?")
                    );
                }
                print_stays(&p);
            }
            confirm_destroy(yes, &format!("erase contact {id}"))?;
            let p = app::erase::erase(&mut v, id, request, keep_organisation)?;
            if ctx.json {
                return print_json(&p);
            }
            println!("Contact {id} erased.");
            println!(
                "Kept: the tombstone {} ({}).",
                p.tombstone,
                p.erased_at.as_deref().unwrap_or("?")
            );
            if p.suppression_kept {
                println!("Kept: the salted hash of the e-mail addresses on the suppression list.");
            }
            Ok(())
        }
        ContactCmd::Restrict { id, reason } => {
            let listed = app::privacy::restrict(&mut open(ctx)?, id, &reason)?;
            if listed > 0 && !ctx.json {
                println!("Tell the recipients: kluis request recipients --contact {id}");
            }
            done(ctx, "Processing restricted.")
        }
        ContactCmd::Unrestrict { id } => {
            open(ctx)?.write(|tx, c| privacy::unrestrict(tx, c, id))?;
            done(ctx, "Restriction lifted.")
        }
        ContactCmd::Object { id } => {
            let report = open(ctx)?.write(|tx, c| objection::object(tx, c, id))?;
            if ctx.json {
                return print_json(&report);
            }
            println!(
                "Objection recorded: {} consents withdrawn, {} direct-marketing purposes ended, {} addresses suppressed.",
                report.withdrawn, report.ended, report.suppressed
            );
            Ok(())
        }
    }
}

/// Copies the flags that were given onto `input` (lists replace, when given).
fn apply(input: &mut ContactInput, f: ContactFields) -> Result<(), Failure> {
    if !f.email.is_empty() {
        input.emails = f.email;
    }
    if !f.phone.is_empty() {
        input.phones = f.phone;
    }
    if f.address.is_some() {
        input.address = f.address;
    }
    if f.org.is_some() {
        input.organisation = f.org;
    }
    if f.job_title.is_some() {
        input.job_title = f.job_title;
    }
    if let Some(r) = f.relationship {
        input.relationship = r.parse()?;
    }
    if f.ended.is_some() {
        input.relationship_ended = f.ended;
    }
    Ok(())
}

/// What an erasure keeps besides fiscal records, said before the user confirms.
fn print_stays(p: &app::erase::ErasurePreview) {
    eprintln!("Kept: a tombstone {} with the time of the erasure (no personal data).", p.tombstone);
    if p.suppression_kept {
        eprintln!(
            "Kept: the salted hash of the e-mail addresses on the suppression list (the person objected to direct marketing)."
        );
    }
}
