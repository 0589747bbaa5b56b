//! `kluis status`: the compliance overview (what needs attention at the `--now` clock), as
//! text for people or, with `--json`, the counts for scripts.

use clap::Subcommand;
use kluis::app::overview::{self, Overview};
use kluis::domain::backup::auto::BackupWarning;

use super::common::{open, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// What needs attention: requests due or overdue, open breaches and their 72-hour clock,
    /// contacts without a lawful basis, re-permission, the review queue, processors, backups,
    /// the last audit-trail check and the last retention purge.
    #[command(display_order = 0)]
    Status,
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Status => {
            let v = open(ctx)?;
            let o = overview::overview(&v)?;
            if ctx.json {
                print_json(&o.counts)
            } else {
                print!("{}", text(&o));
                Ok(())
            }
        }
    }
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The overview for people: what needs attention first, then the state of backups, the audit
/// trail and the purge; "All in order." when nothing needs attention.
fn text(o: &Overview) -> String {
    let c = &o.counts;
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(if c.all_in_order { "All in order.".to_owned() } else { "Needs attention:".to_owned() });
    for r in &o.requests {
        let when = match r.days_left {
            d if d < 0 => format!("overdue by {}", plural(-d, "day", "days")),
            0 => "due today".to_owned(),
            d => format!("{} left", plural(d, "day", "days")),
        };
        line(format!("  request {} ({}): due {}, {when}", r.id, r.kind.as_str(), r.due));
    }
    for b in &o.breaches {
        let clock = if !b.running {
            "AP decision made; close it when done".to_owned()
        } else if b.overdue {
            format!("notify the AP: overdue by {}", overview::clock_text(b))
        } else {
            format!("notify the AP by {}: {} left", b.notify_by, overview::clock_text(b))
        };
        line(format!("  breach {} ({}): {clock}", b.id, b.reference));
    }
    let counted = [
        (
            c.contacts_without_basis,
            "contact without a lawful basis",
            "contacts without a lawful basis",
            "kluis triage",
        ),
        (
            c.repermission_due,
            "consent due for re-permission",
            "consents due for re-permission",
            "kluis repermission",
        ),
        (
            c.review_queue,
            "item in the review queue",
            "items in the review queue",
            "kluis review list",
        ),
    ];
    for (n, one, many, fix) in counted {
        if n > 0 {
            line(format!("  {} ({fix})", plural(n, one, many)));
        }
    }
    for p in &o.processors {
        let mut why = Vec::new();
        if p.no_agreement {
            why.push("no processing agreement");
        }
        if p.review_overdue {
            why.push("past its review date");
        }
        line(format!("  processor {} ({}): {}", p.id, p.name, why.join(", ")));
    }
    if o.backup.overdue {
        line(match o.backup.warning {
            Some(BackupWarning::NoneYet) => "  no backup made yet (kluis backup --auto)".to_owned(),
            _ => "  the last backup is older than planned (kluis backup --auto)".to_owned(),
        });
    }
    if c.audit_check_failed {
        line("  the last audit-trail check failed (kluis check)".to_owned());
    }
    match c.purge_stopped.as_deref() {
        Some("confirm") => {
            line("  the retention purge waits for confirmation (kluis purge --dry-run)".to_owned())
        }
        Some(_) => line(
            "  the retention purge was skipped: the clock is earlier than the last purge"
                .to_owned(),
        ),
        None => {}
    }
    line(String::new());
    line(format!(
        "Last backup: {}",
        match (&c.last_backup_at, &o.backup.settings.dir) {
            (Some(at), _) => at.clone(),
            (None, Some(_)) => "none yet".to_owned(),
            (None, None) => "none (automatic backups are off)".to_owned(),
        }
    ));
    line(format!(
        "Last audit-trail check: {}",
        match &o.audit_check {
            Some(a) => format!("{} ({})", a.at, if a.ok { "intact" } else { "FAILED" }),
            None => "never (kluis check)".to_owned(),
        }
    ));
    line(format!(
        "Last retention purge: {}",
        match (&c.last_purge_at, &o.purge) {
            (_, Some(p)) if p.report.ran => {
                format!("{}, removed {} item(s)", p.at, p.removed)
            }
            (Some(at), _) => at.clone(),
            (None, _) => "never".to_owned(),
        }
    ));
    out
}
