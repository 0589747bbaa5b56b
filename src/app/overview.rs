//! The compliance overview (the first screen after unlock, `kluis status`): what needs
//! attention at the vault's clock, each line with the place that fixes it. Requests due within
//! a week or overdue, open breaches with their 72-hour clock, contacts without a lawful basis
//! (the triage list), consents due for re-permission, the review queue, processors without an
//! agreement or past their review, the last backup and whether one is overdue, the last check of
//! the audit trail, and what the last retention purge did. It reads only; the rules are those of
//! the domains (the request deadline, the breach clock, the processor flags, the backup
//! schedule), never computed again here.

use std::collections::HashSet;

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::domain::backup::auto::{self, BackupStatus};
use crate::domain::breaches::{self, deadline, Status};
use crate::domain::consent;
use crate::domain::register::processors::{self, Flag};
use crate::domain::requests::{self, RequestKind};
use crate::domain::retention::purge::{self, LastPurge};
use crate::domain::retention::review_queue;
use crate::kernel::date::format_instant;
use crate::kernel::error::Result;
use crate::store::audit::{self, AuditCheck};
use crate::vault::Vault;

/// Where a line is fixed: the screen (and tab or record) the UI opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "view", rename_all = "kebab-case")]
pub enum Target {
    /// The requests screen.
    Requests,
    /// One breach in the breach register.
    Breaches {
        #[ts(type = "number")]
        id: i64,
    },
    /// A tab of the register screen: "triage", "repermission" or "processors".
    Register { tab: String },
    /// A tab of the retention screen: "review", "log" or "plan".
    Retention { tab: String },
    /// Settings: backups and the vault check.
    Settings,
}

/// An open request due within seven days or past its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: RequestKind,
    /// YYYY-MM-DD, the deadline in force.
    pub due: String,
    /// Days from today to the deadline; negative when overdue (0: due today).
    #[ts(type = "number")]
    pub days_left: i64,
    pub overdue: bool,
    pub target: Target,
}

/// An open breach and where its 72-hour clock stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OpenBreach {
    #[ts(type = "number")]
    pub id: i64,
    pub reference: String,
    pub aware_at: String,
    /// RFC 3339 with the local offset.
    pub notify_by: String,
    /// The AP decision is still open.
    pub running: bool,
    /// Running and past `notify_by`.
    pub overdue: bool,
    /// Minutes until `notify_by`, negative once it has passed.
    #[ts(type = "number")]
    pub minutes_left: i64,
    /// Whole hours and the minutes after them until `notify_by` (since it, when overdue).
    #[ts(type = "number")]
    pub hours: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    pub target: Target,
}

/// A processor without a signed agreement or past its review date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FlaggedProcessor {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub no_agreement: bool,
    pub review_overdue: bool,
    pub target: Target,
}

/// A number of items on a list that needs attention, and where the list is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OverviewCount {
    #[ts(type = "number")]
    pub count: i64,
    pub target: Target,
}

/// The numbers of the overview (`kluis status --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Counts {
    #[ts(type = "number")]
    pub requests_due: i64,
    #[ts(type = "number")]
    pub requests_overdue: i64,
    #[ts(type = "number")]
    pub breaches_open: i64,
    #[ts(type = "number")]
    pub breaches_overdue: i64,
    #[ts(type = "number")]
    pub contacts_without_basis: i64,
    #[ts(type = "number")]
    pub repermission_due: i64,
    #[ts(type = "number")]
    pub review_queue: i64,
    #[ts(type = "number")]
    pub processors_without_agreement: i64,
    #[ts(type = "number")]
    pub processors_review_overdue: i64,
    pub backup_overdue: bool,
    pub last_backup_at: Option<String>,
    /// The last verification of the audit chain, None when never.
    pub last_audit_check_at: Option<String>,
    /// The last verification found the chain broken.
    pub audit_check_failed: bool,
    /// When the retention purge last ran to its end.
    pub last_purge_at: Option<String>,
    /// The last purge stopped: "confirm" (a mass deletion waits for the user) or "clock".
    pub purge_stopped: Option<String>,
    /// Nothing above needs attention.
    pub all_in_order: bool,
}

/// Everything the overview shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Overview {
    /// The instant it was computed at (the vault's clock).
    pub now: String,
    pub counts: Counts,
    /// Overdue first, then by deadline.
    pub requests: Vec<DueRequest>,
    /// Open breaches, the running clocks first, the one due first.
    pub breaches: Vec<OpenBreach>,
    pub contacts_without_basis: OverviewCount,
    pub repermission_due: OverviewCount,
    pub review_queue: OverviewCount,
    pub processors: Vec<FlaggedProcessor>,
    pub backup: BackupStatus,
    pub backup_target: Target,
    pub audit_check: Option<AuditCheck>,
    pub audit_target: Target,
    pub purge: Option<LastPurge>,
    /// Where a waiting purge is confirmed (the plan) or, after one ran, what it removed (the
    /// deletion log).
    pub purge_target: Target,
    /// The deletion log.
    pub deletion_log_target: Target,
}

fn tab(s: &str) -> String {
    s.to_owned()
}

/// The overview of the open vault at its clock (`--now` in the CLI).
pub fn overview(vault: &Vault) -> Result<Overview> {
    let conn = vault.conn();
    let ctx = vault.ctx();
    let now = ctx.now;
    let today = now.date_naive();

    let mut requests: Vec<DueRequest> = requests::list(conn, today)?
        .into_iter()
        .filter(|r| r.open && (r.overdue || r.due_soon))
        .map(|r| {
            let due = chrono::NaiveDate::parse_from_str(&r.due, "%Y-%m-%d").unwrap_or(today);
            DueRequest {
                id: r.id,
                kind: r.kind,
                days_left: (due - today).num_days(),
                due: r.due,
                overdue: r.overdue,
                target: Target::Requests,
            }
        })
        .collect();
    requests.sort_by_key(|r| (!r.overdue, r.days_left, r.id));

    let mut breaches: Vec<OpenBreach> = breaches::list(conn, now)?
        .into_iter()
        .filter(|b| b.status == Status::Open)
        .map(|b| {
            let d = b.deadline;
            let minutes = d.minutes_left.abs();
            OpenBreach {
                id: b.id,
                reference: b.reference,
                aware_at: b.aware_at,
                notify_by: d.notify_by,
                running: d.running,
                overdue: d.overdue,
                minutes_left: d.minutes_left,
                hours: minutes / 60,
                minutes: minutes % 60,
                target: Target::Breaches { id: b.id },
            }
        })
        .collect();
    breaches.sort_by_key(|b| (!b.running, b.minutes_left, b.id));

    let without_basis: HashSet<i64> =
        consent::triage(conn)?.into_iter().map(|f| f.contact_id).collect();
    let repermission =
        consent::repermission(conn, now, consent::DEFAULT_REPERMISSION_MONTHS)?.len();
    let review = review_queue(conn, false)?.len();

    let processors: Vec<FlaggedProcessor> = processors::list(conn, &ctx)?
        .into_iter()
        .filter(|p| !p.flags.is_empty())
        .map(|p| FlaggedProcessor {
            id: p.id,
            no_agreement: p.flags.contains(&Flag::NoAgreement),
            review_overdue: p.flags.contains(&Flag::ReviewOverdue),
            name: p.name,
            target: Target::Register { tab: tab("processors") },
        })
        .collect();

    let backup = auto::status(conn, now)?;
    let audit_check = audit::last_check(conn)?;
    let purge = purge::last(conn)?;
    let last_purge_at: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'last_purge_at'", [], |r| r.get(0))
        .optional()?;

    let count = |pred: &dyn Fn(&DueRequest) -> bool| requests.iter().filter(|r| pred(r)).count();
    let mut counts = Counts {
        requests_due: count(&|r| !r.overdue) as i64,
        requests_overdue: count(&|r| r.overdue) as i64,
        breaches_open: breaches.len() as i64,
        breaches_overdue: breaches.iter().filter(|b| b.overdue).count() as i64,
        contacts_without_basis: without_basis.len() as i64,
        repermission_due: repermission as i64,
        review_queue: review as i64,
        processors_without_agreement: processors.iter().filter(|p| p.no_agreement).count() as i64,
        processors_review_overdue: processors.iter().filter(|p| p.review_overdue).count() as i64,
        backup_overdue: backup.overdue,
        last_backup_at: backup.last_backup_at.clone(),
        last_audit_check_at: audit_check.as_ref().map(|c| c.at.clone()),
        audit_check_failed: audit_check.as_ref().is_some_and(|c| !c.ok),
        last_purge_at,
        purge_stopped: purge.as_ref().and_then(|p| p.report.stopped.clone()),
        all_in_order: false,
    };
    counts.all_in_order = counts.requests_due == 0
        && counts.requests_overdue == 0
        && counts.breaches_open == 0
        && counts.contacts_without_basis == 0
        && counts.repermission_due == 0
        && counts.review_queue == 0
        && processors.is_empty()
        && !counts.backup_overdue
        && !counts.audit_check_failed
        && counts.purge_stopped.is_none();

    let purge_target = Target::Retention {
        tab: tab(match counts.purge_stopped.as_deref() {
            Some(_) => "plan",
            None => "log",
        }),
    };
    Ok(Overview {
        now: format_instant(now),
        counts,
        requests,
        breaches,
        contacts_without_basis: OverviewCount {
            count: without_basis.len() as i64,
            target: Target::Register { tab: tab("triage") },
        },
        repermission_due: OverviewCount {
            count: repermission as i64,
            target: Target::Register { tab: tab("repermission") },
        },
        review_queue: OverviewCount {
            count: review as i64,
            target: Target::Retention { tab: tab("review") },
        },
        processors,
        backup,
        backup_target: Target::Settings,
        audit_check,
        audit_target: Target::Settings,
        purge,
        purge_target,
        deletion_log_target: Target::Retention { tab: tab("log") },
    })
}

/// "52 h 30 min" for the hours and minutes of a breach's clock (the CLI's text).
pub fn clock_text(b: &OpenBreach) -> String {
    deadline::hours_minutes(chrono::Duration::minutes(b.minutes_left.abs()))
}
