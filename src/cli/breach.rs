//! The breach register (Art. 33(5)) and its 72-hour clock: `kluis breach …`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use kluis::app;
use kluis::domain::breaches::{self, deadline, Breach, BreachEdit, BreachInput, People};
use kluis::kernel::language::Language;

use super::common::{done, open, print_json, print_rows, Ctx, Failure, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// The breach register: every data breach, reported to the AP or not, with its 72-hour
    /// clock.
    #[command(subcommand, display_order = 29)]
    Breach(BreachCmd),
}

#[derive(Subcommand)]
pub enum BreachCmd {
    /// Register a breach; prints its id and the moment the AP must be notified by (72 hours
    /// after becoming aware).
    Add {
        /// When you became aware of it (RFC 3339, or DD-MM-YYYY HH:MM local time).
        #[arg(long, value_name = "TIME")]
        aware: String,
        #[arg(long)]
        description: String,
        /// When it happened, if known.
        #[arg(long, value_name = "TIME")]
        occurred: Option<String>,
        /// confidentiality, integrity or availability (repeat for several).
        #[arg(long)]
        nature: Vec<String>,
        /// Approximate number of people affected.
        #[arg(long)]
        people: Option<i64>,
        /// none, risk or high.
        #[arg(long)]
        risk: Option<String>,
        /// Your own reference (default: the year and the id, 2026-001).
        #[arg(long)]
        reference: Option<String>,
    },
    /// The breaches, open ones first, with the hours left to notify the AP (or overdue).
    List,
    /// One breach in full.
    Show { id: i64 },
    /// Change or complete what is known of a breach.
    Edit {
        id: i64,
        #[command(flatten)]
        edit: EditArgs,
    },
    /// Record the notification to the AP (later than 72 hours needs --late-reason).
    Notify {
        id: i64,
        /// When the AP was notified.
        #[arg(long, value_name = "TIME")]
        at: String,
        /// The AP's case number.
        #[arg(long)]
        reference: Option<String>,
        /// Why the notification came later than 72 hours.
        #[arg(long)]
        late_reason: Option<String>,
    },
    /// Record the decision not to notify the AP, with the reason.
    Decide {
        id: i64,
        #[arg(long, required = true)]
        no_notify: bool,
        #[arg(long)]
        reason: String,
    },
    /// Record that the people affected were told (when, how), or which Art. 34(3) exception
    /// applies (encrypted, mitigated or disproportionate).
    Inform {
        id: i64,
        #[arg(long, value_name = "TIME", requires = "how", conflicts_with = "exception")]
        at: Option<String>,
        #[arg(long, requires = "at")]
        how: Option<String>,
        #[arg(long, required_unless_present = "at")]
        exception: Option<String>,
    },
    /// Append a follow-up notification to the AP (Art. 33(4)).
    FollowUp {
        id: i64,
        #[arg(long, value_name = "TIME")]
        at: String,
        #[arg(long)]
        text: String,
    },
    /// Link a contact the breach concerns.
    Link {
        id: i64,
        #[arg(long)]
        contact: i64,
    },
    /// Remove the link to a contact.
    Unlink {
        id: i64,
        #[arg(long)]
        contact: i64,
    },
    /// Close a breach once the AP decision is made (its retention period starts).
    Close { id: i64 },
    /// A printable report (PDF) with what the AP's notification form asks for.
    Report {
        id: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, default_value = "nl")]
        lang: String,
    },
}

#[derive(Args)]
pub struct EditArgs {
    #[arg(long)]
    reference: Option<String>,
    #[arg(long, value_name = "TIME")]
    occurred: Option<String>,
    #[arg(long)]
    description: Option<String>,
    /// Replaces the nature (repeat for several).
    #[arg(long)]
    nature: Vec<String>,
    /// Replaces the data categories affected (repeat for several).
    #[arg(long)]
    category: Vec<String>,
    /// Special categories of data (Art. 9) are affected: true or false.
    #[arg(long, value_name = "BOOL")]
    special: Option<bool>,
    /// Citizen service numbers (BSN) are affected: true or false.
    #[arg(long, value_name = "BOOL")]
    bsn: Option<bool>,
    #[arg(long)]
    people: Option<i64>,
    #[arg(long)]
    records: Option<i64>,
    #[arg(long)]
    consequences: Option<String>,
    /// Measures in place before the breach (e.g. "vault encrypted at rest").
    #[arg(long)]
    measures_before: Option<String>,
    #[arg(long)]
    corrective: Option<String>,
    #[arg(long)]
    preventive: Option<String>,
    #[arg(long)]
    risk: Option<String>,
    #[arg(long)]
    risk_reasoning: Option<String>,
    /// The privacy officer was involved: true or false.
    #[arg(long, value_name = "BOOL")]
    privacy_officer: Option<bool>,
}

fn natures(v: &[String]) -> kluis::Result<Vec<breaches::Nature>> {
    v.iter().map(|n| n.parse()).collect()
}

impl EditArgs {
    fn into_edit(self) -> kluis::Result<BreachEdit> {
        Ok(BreachEdit {
            reference: self.reference,
            occurred_at: self.occurred,
            description: self.description,
            nature: (!self.nature.is_empty()).then(|| natures(&self.nature)).transpose()?,
            data_categories: (!self.category.is_empty()).then_some(self.category),
            special_categories: self.special,
            bsn: self.bsn,
            approx_people: self.people,
            approx_records: self.records,
            consequences: self.consequences,
            measures_before: self.measures_before,
            corrective_measures: self.corrective,
            preventive_measures: self.preventive,
            risk: self.risk.map(|r| r.parse()).transpose()?,
            risk_reasoning: self.risk_reasoning,
            privacy_officer: self.privacy_officer,
        })
    }
}

/// The clock as one phrase: "46 h 30 min left to notify the AP (by …)".
fn clock(b: &Breach) -> String {
    if b.deadline.running {
        let verb = if b.deadline.overdue { "AP notification" } else { "to notify the AP" };
        format!("{} {verb} (by {})", b.deadline.text, b.deadline.notify_by)
    } else {
        match b.ap_decision {
            Some(breaches::ApDecision::Notify) => "AP notified".to_owned(),
            _ => "not notified to the AP (decided)".to_owned(),
        }
    }
}

fn local(stored: &str) -> String {
    kluis::kernel::date::parse_instant(stored, "at")
        .map(deadline::local)
        .unwrap_or_else(|_| stored.to_owned())
}

fn show(b: &Breach) {
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "-".into());
    let join = |v: Vec<&str>| if v.is_empty() { "-".to_owned() } else { v.join(", ") };
    let yes = |b: bool| if b { "yes" } else { "no" };
    let or_dash = |s: &str| if s.is_empty() { "-".to_owned() } else { s.to_owned() };
    println!("Breach {} ({})  {}", b.id, b.reference, b.status.as_str());
    println!("  Clock:            {}", clock(b));
    println!("  Aware at:         {}", local(&b.aware_at));
    println!("  Occurred at:      {}", b.occurred_at.as_deref().map_or("unknown".into(), local));
    println!("  Notify by:        {}", b.deadline.notify_by);
    println!("  Description:      {}", b.description);
    println!("  Nature:           {}", join(b.nature.iter().map(|n| n.as_str()).collect()));
    println!(
        "  Data categories:  {}",
        join(b.data_categories.iter().map(String::as_str).collect())
    );
    println!("  Special / BSN:    {} / {}", yes(b.special_categories), yes(b.bsn));
    let n = |v: Option<i64>| v.map_or("-".into(), |n| format!("about {n}"));
    println!("  People / records: {} / {}", n(b.approx_people), n(b.approx_records));
    println!("  Consequences:     {}", or_dash(&b.consequences));
    println!("  Measures before:  {}", or_dash(&b.measures_before));
    println!("  Corrective:       {}", or_dash(&b.corrective_measures));
    println!("  Preventive:       {}", or_dash(&b.preventive_measures));
    println!(
        "  Risk:             {}",
        [b.risk.map_or("-", |r| r.as_str()), &b.risk_reasoning].join(" ").trim_end()
    );
    println!(
        "  AP decision:      {}",
        [
            b.ap_decision.map_or("open", |d| d.as_str()),
            b.ap_decision_reason.as_deref().unwrap_or("")
        ]
        .join(" ")
        .trim_end()
    );
    println!("  Notified at:      {}", b.notified_at.as_deref().map_or("-".into(), local));
    println!("  AP case number:   {}", opt(&b.ap_case_number));
    println!("  Late reason:      {}", opt(&b.late_reason));
    let people = match (b.people_decision.as_deref(), b.people_exception) {
        (Some("informed"), _) => format!(
            "informed {} ({})",
            b.people_informed_at.as_deref().map_or("-".into(), local),
            opt(&b.people_informed_how)
        ),
        (_, Some(e)) => format!("not informed: exception {} (Art. 34(3))", e.as_str()),
        _ => "open".into(),
    };
    println!("  People:           {people}");
    println!("  Privacy officer:  {}", yes(b.privacy_officer));
    for f in &b.follow_ups {
        println!("  Follow-up:        {}  {}", local(&f.at), f.text);
    }
    let contacts: Vec<String> = b.contacts.iter().map(i64::to_string).collect();
    println!("  Contacts:         {}", join(contacts.iter().map(String::as_str).collect()));
}

pub fn run(ctx: &Ctx, Cmd::Breach(cmd): Cmd) -> Out {
    match cmd {
        BreachCmd::Add { aware, description, occurred, nature, people, risk, reference } => {
            let input = BreachInput {
                reference,
                aware_at: aware,
                occurred_at: occurred,
                description,
                nature: natures(&nature)?,
                approx_people: people,
                risk: risk.map(|r| r.parse()).transpose()?,
            };
            let mut v = open(ctx)?;
            let id = v.write(|tx, c| breaches::add(tx, c, &input))?;
            let b = breaches::get(v.conn(), id, v.now())?;
            if ctx.json {
                return print_json(&serde_json::json!({
                    "id": id,
                    "reference": b.reference,
                    "notify_by": b.deadline.notify_by,
                }));
            }
            println!(
                "Breach {id} ({}) registered; notify the AP by {}.",
                b.reference, b.deadline.notify_by
            );
            Ok(())
        }
        BreachCmd::List => {
            let v = open(ctx)?;
            let list = breaches::list(v.conn(), v.now())?;
            print_rows(ctx, &list, |b| {
                format!(
                    "{:>4}  {:<10} {:<6} aware {}  {}",
                    b.id,
                    b.reference,
                    b.status.as_str(),
                    local(&b.aware_at),
                    clock(b)
                )
            })
        }
        BreachCmd::Show { id } => {
            let v = open(ctx)?;
            let b = breaches::get(v.conn(), id, v.now())?;
            if ctx.json {
                return print_json(&b);
            }
            show(&b);
            Ok(())
        }
        BreachCmd::Edit { id, edit } => {
            let edit = edit.into_edit()?;
            open(ctx)?.write(|tx, c| breaches::edit(tx, c, id, &edit))?;
            done(ctx, "Breach updated.")
        }
        BreachCmd::Notify { id, at, reference, late_reason } => {
            open(ctx)?.write(|tx, c| {
                breaches::notify(tx, c, id, &at, reference.as_deref(), late_reason.as_deref())
            })?;
            done(ctx, "Notification to the AP recorded.")
        }
        BreachCmd::Decide { id, no_notify, reason } => {
            if !no_notify {
                return Err(Failure::Usage("breach decide takes --no-notify".into()));
            }
            open(ctx)?.write(|tx, c| breaches::decide_no_notify(tx, c, id, &reason))?;
            done(ctx, "Decision not to notify the AP recorded.")
        }
        BreachCmd::Inform { id, at, how, exception } => {
            let people =
                match (at, how, exception) {
                    (Some(at), Some(how), None) => People::Informed { at, how },
                    (None, None, Some(e)) => People::Exception(e.parse()?),
                    _ => return Err(Failure::Usage(
                        "give --at and --how, or --exception encrypted|mitigated|disproportionate"
                            .into(),
                    )),
                };
            open(ctx)?.write(|tx, c| breaches::inform(tx, c, id, &people))?;
            done(ctx, "Recorded for the people affected.")
        }
        BreachCmd::FollowUp { id, at, text } => {
            open(ctx)?.write(|tx, c| breaches::follow_up(tx, c, id, &at, &text))?;
            done(ctx, "Follow-up notification recorded.")
        }
        BreachCmd::Link { id, contact } => {
            open(ctx)?.write(|tx, c| breaches::link(tx, c, id, contact))?;
            done(ctx, "Contact linked.")
        }
        BreachCmd::Unlink { id, contact } => {
            open(ctx)?.write(|tx, c| breaches::unlink(tx, c, id, contact))?;
            done(ctx, "Link removed.")
        }
        BreachCmd::Close { id } => {
            open(ctx)?.write(|tx, c| breaches::close(tx, c, id))?;
            done(ctx, "Breach closed.")
        }
        BreachCmd::Report { id, out, lang } => {
            let v = open(ctx)?;
            app::breaches::write_report(&v, id, Language::from_tag(&lang), &out)?;
            done(ctx, "Breach report written.")
        }
    }
}
