//! Retention: the purge, the rules and the written policy, the deletion log and the review
//! queue.

use std::path::PathBuf;

use clap::Subcommand;
use kluis::app;
use kluis::domain::retention::{self, purge, rules};
use kluis::kernel::language::Language;
use kluis::Error;

use super::common::{
    bulk_delete, bulk_done, bulk_ids, confirm_destroy, done, open, open_without_purge, print_json,
    print_rows, Ctx, Failure, Out,
};

#[derive(Subcommand)]
pub enum Cmd {
    /// Run the retention purge now (or list what is due with --dry-run).
    #[command(display_order = 13)]
    Purge {
        #[arg(long)]
        dry_run: bool,
        /// Confirm a purge that deletes more than 50 contacts and more than 20 % of all.
        #[arg(long)]
        yes: bool,
    },
    /// Retention rules and the written policy.
    #[command(subcommand, display_order = 14)]
    Retention(RetentionCmd),
    /// What was deleted when, under which rule (no personal data).
    #[command(display_order = 15)]
    DeletionLog,
    /// Items a retention rule put up for review.
    #[command(subcommand, display_order = 16)]
    Review(ReviewCmd),
}

#[derive(Subcommand)]
pub enum RetentionCmd {
    /// The rules with their periods, actions and legal notes.
    List {
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// Change a rule's period (24m, 4w, 7y, 30d) and action.
    Set {
        /// prospects, former-client-notes, former-clients, rejected-applicants,
        /// fiscal-records, records or audit.
        rule: String,
        #[arg(long)]
        period: String,
        /// delete or review.
        #[arg(long)]
        action: String,
    },
    /// The written retention policy, from the rules in force: Markdown, or a PDF with --pdf.
    Policy {
        #[arg(long, default_value = "nl")]
        lang: String,
        #[arg(long, default_value = "")]
        business: String,
        /// Write a PDF (needs --out).
        #[arg(long)]
        pdf: bool,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum ReviewCmd {
    /// The items waiting for a decision.
    List,
    /// Keep items, with the reason and when to review them again (several ids, or --all:
    /// one transaction).
    Keep {
        ids: Vec<i64>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        reason: String,
        #[arg(long, value_name = "DD-MM-YYYY")]
        until: String,
    },
    /// Delete the items' data (several ids, or --all: one transaction; restricted contacts are
    /// skipped). --yes confirms, also a deletion of many at once (as `kluis purge --yes`).
    Delete {
        ids: Vec<i64>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Purge { dry_run, yes } => purge_cmd(ctx, dry_run, yes),
        Cmd::Retention(c) => retention_cmd(ctx, c),
        Cmd::DeletionLog => {
            let v = open(ctx)?;
            let log = retention::deletion_log(v.conn())?;
            print_rows(ctx, &log, |e| {
                format!(
                    "{}  {:<8} {:<22} {:>6}  {}",
                    e.at,
                    e.trigger,
                    e.rule,
                    e.count,
                    e.ids.join(" ")
                )
            })
        }
        Cmd::Review(c) => review_cmd(ctx, c),
    }
}

fn purge_cmd(ctx: &Ctx, dry_run: bool, yes: bool) -> Out {
    // `purge` opens without the open-time purge, so a dry run changes nothing.
    let mut v = open_without_purge(ctx)?;
    if dry_run {
        let items = purge::plan(v.conn(), v.now())?;
        if ctx.json {
            return print_json(&items_json(&items));
        }
        for i in &items {
            println!(
                "{:<22} {:<7} {:>8} {:>6}  {}",
                i.rule.as_str(),
                i.action.as_str(),
                i.contact_id.map_or("-".into(), |id| id.to_string()),
                i.rows,
                i.category
            );
        }
        println!("{} items due", items.len());
        return Ok(());
    }
    let items = purge::plan(v.conn(), v.now())?;
    let mut report = app::retention::purge_now(&mut v, yes)?;
    if report.stopped.as_deref() == Some("confirm") {
        confirm_destroy(
            false,
            &format!("delete {} of {} contacts", report.contacts_due, report.contacts_total),
        )?;
        report = app::retention::purge_now(&mut v, true)?;
    }
    if report.stopped.is_some() {
        return Err(Error::invalid(
            "now",
            "the clock is earlier than the last purge; nothing was deleted",
        )
        .into());
    }

    if ctx.json {
        return print_json(&items_json(&items));
    }
    println!(
        "Removed {} contacts, {} interactions, {} fiscal records, {} log entries, {} audit rows; {} put up for review.",
        report.contacts_deleted,
        report.interactions_deleted,
        report.documents_deleted,
        report.records_deleted,
        report.audit_rows_pruned,
        report.queued_for_review
    );
    Ok(())
}

/// Purge items as the CLI's JSON shows them: a flat array, `contact_id` where one applies.
fn items_json(items: &[purge::PurgeItem]) -> Vec<serde_json::Value> {
    items
        .iter()
        .map(|i| {
            let mut o = serde_json::json!({
                "rule": i.rule, "category": i.category, "action": i.action, "rows": i.rows,
            });
            if let Some(id) = i.contact_id {
                o["contact_id"] = id.into();
            }
            o
        })
        .collect()
}

fn retention_cmd(ctx: &Ctx, cmd: RetentionCmd) -> Out {
    match cmd {
        RetentionCmd::List { lang } => {
            let v = open(ctx)?;
            let list = rules::list(v.conn(), Language::from_tag(&lang))?;
            print_rows(ctx, &list, |r| {
                format!(
                    "{:<22} {:<5} {:<7} {}",
                    r.key.as_str(),
                    r.period,
                    r.action.as_str(),
                    r.category
                )
            })
        }
        RetentionCmd::Set { rule, period, action } => {
            let (key, period, action) = (rule.parse()?, period.parse()?, action.parse()?);
            open(ctx)?.write(|tx, c| rules::set(tx, c, key, period, action))?;
            done(ctx, "Rule changed.")
        }
        RetentionCmd::Policy { lang, business, pdf, out } => {
            let v = open(ctx)?;
            let language = Language::from_tag(&lang);
            match (pdf, out) {
                (true, None) => Err(Failure::Usage("--pdf needs --out FILE".into())),
                (pdf, Some(path)) => {
                    app::retention::write_policy(&v, language, &business, &path, pdf)?;
                    done(ctx, "Policy written.")
                }
                (false, None) => {
                    print!(
                        "{}",
                        retention::policy_markdown(v.conn(), language, &business, v.now())?
                    );
                    Ok(())
                }
            }
        }
    }
}

fn review_cmd(ctx: &Ctx, cmd: ReviewCmd) -> Out {
    match cmd {
        ReviewCmd::List => {
            let v = open(ctx)?;
            let q = retention::review_queue(v.conn(), false)?;
            print_rows(ctx, &q, |i| {
                format!(
                    "{:>4}  {:<22} {:>6}  {:<32} {}",
                    i.id,
                    i.rule.as_str(),
                    i.contact_id,
                    i.name,
                    i.reason
                )
            })
        }
        ReviewCmd::Keep { ids, all, reason, until } => {
            let mut v = open(ctx)?;
            match (ids.as_slice(), all) {
                ([id], false) => {
                    v.write(|tx, c| retention::review_keep(tx, c, *id, &reason, &until))?;
                    done(ctx, "Kept.")
                }
                _ => {
                    let ids = bulk_ids(ids, all, || queue_ids(&v))?;
                    let r = app::bulk::keep(&mut v, &ids, &reason, &until)?;
                    bulk_done(ctx, "Kept", &r)
                }
            }
        }
        ReviewCmd::Delete { ids, all, yes } => {
            let mut v = open(ctx)?;
            match (ids.as_slice(), all) {
                ([id], false) => {
                    confirm_destroy(yes, "delete this item's data")?;
                    app::retention::review_delete(&mut v, *id)?;
                    done(ctx, "Deleted.")
                }
                _ => {
                    let ids = bulk_ids(ids, all, || queue_ids(&v))?;
                    let r = bulk_delete(yes, ids.len(), |go| {
                        app::bulk::delete_reviewed(&mut v, &ids, go)
                    })?;
                    bulk_done(ctx, "Deleted the data of", &r)
                }
            }
        }
    }
}

/// The ids of the items waiting in the review queue.
fn queue_ids(v: &kluis::Vault) -> kluis::Result<Vec<i64>> {
    Ok(retention::review_queue(v.conn(), false)?.iter().map(|i| i.id).collect())
}
