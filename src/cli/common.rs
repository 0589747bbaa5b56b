//! What every command group shares: the global flags, the context built from them, the error
//! type with its exit codes, secret prompts, opening the vault and printing results.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use kluis::domain::backup;
use kluis::domain::retention::purge;
use kluis::vault::Secret;
use kluis::{app, vault, Clock, Error, Vault};
use serde::Serialize;
use zeroize::Zeroizing;

/// Who the audit trail names for what the command line does.
pub const ACTOR: &str = "cli";

/// The flags every command takes.
#[derive(Args)]
pub struct Global {
    /// The vault folder (default: KLUIS_VAULT, else the OS data folder).
    #[arg(long, global = true, value_name = "DIR")]
    vault: Option<PathBuf>,
    /// Print machine-readable JSON.
    #[arg(long, global = true)]
    json: bool,
    /// Use this instant (RFC 3339) as the clock for everything written.
    #[arg(long, global = true, value_name = "RFC3339")]
    now: Option<String>,
    /// Show the progress of backups and restores on stderr (the default on a terminal).
    #[arg(long, global = true)]
    progress: bool,
}

pub struct Ctx {
    pub dir: PathBuf,
    pub json: bool,
    pub clock: Clock,
    pub progress: bool,
}

impl Global {
    pub fn ctx(self) -> Result<Ctx, Failure> {
        let clock = match &self.now {
            Some(t) => Clock::fixed_from_rfc3339(t)?,
            None => Clock::System,
        };
        Ok(Ctx {
            dir: self.vault.unwrap_or_else(vault::default_dir),
            json: self.json,
            clock,
            progress: self.progress || std::io::stderr().is_terminal(),
        })
    }
}

/// Errors of the command line: the core's, or a usage problem (exit 2).
pub enum Failure {
    Core(Error),
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl Failure {
    /// Prints the one `error:` line on stderr and gives the exit code.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Usage(msg) => {
                eprintln!("error: {msg}");
                ExitCode::from(2)
            }
            Failure::Core(e) => {
                // A field error names the option it is about, where that differs from the field.
                let text = match &e {
                    Error::InvalidInput { field, message } => match flag(field) {
                        Some(option) => format!("{option}: {message}"),
                        None => e.to_string(),
                    },
                    _ => e.to_string(),
                };
                eprintln!("error: {}", one_line(&text));
                ExitCode::from(e.exit_code() as u8)
            }
        }
    }
}

pub type Out = Result<(), Failure>;

/// The option a core field error is about, where its name differs from the field's.
fn flag(field: &str) -> Option<&'static str> {
    Some(match field {
        "relationship_ended" => "--ended",
        "organisation" => "--org",
        "job_title" => "--job-title",
        "emails" => "--email",
        "phones" => "--phone",
        "aware_at" => "--aware",
        "occurred_at" => "--occurred",
        "approx_people" => "--people",
        "approx_records" => "--records",
        "late_reason" => "--late-reason",
        "notified_at" | "people_informed_at" => "--at",
        "people_informed_how" => "--how",
        "data_categories" => "--category",
        "dpa_signed_on" => "--dpa-signed",
        "dpa_reference" => "--dpa-reference",
        "dpa_file" => "--dpa-file",
        "review_on" => "--review",
        "safeguard_note" => "--safeguard-note",
        _ => return None,
    })
}

pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Destroying commands ask on a terminal and otherwise need --yes.
pub fn confirm_destroy(yes: bool, what: &str) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Usage(format!("to {what}, add --yes")));
    }
    eprint!("Really {what}? Type yes: ");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).map_err(Error::Io)?;
    if answer.trim() == "yes" {
        Ok(())
    } else {
        Err(Failure::Usage("cancelled".into()))
    }
}

/// Unlocks the vault: with KLUIS_PASSPHRASE when set; else with a key remembered on this
/// device; else with a prompt on a terminal.
/// The due retention purge runs first (it is skipped, with a warning, when the clock went back
/// or a mass deletion needs `kluis purge --yes`).
pub fn open(ctx: &Ctx) -> Result<Vault, Failure> {
    let unlocked = with_secret(ctx, |s| app::unlock::unlock_with(&ctx.dir, s, ctx.clock, ACTOR))?;
    purge_notice(&unlocked.purge);
    Ok(unlocked.vault)
}

/// What an automatic purge (at opening or after a restore) did or why it stopped, on stderr.
pub fn purge_notice(r: &purge::PurgeReport) {
    match r.stopped.as_deref() {
        Some("clock") => {
            eprintln!("warning: retention purge skipped: the clock is earlier than the last purge")
        }
        Some(_) => eprintln!(
            "warning: retention purge skipped: it would delete {} of {} contacts; \
             check with kluis purge --dry-run, then run kluis purge --yes",
            r.contacts_due, r.contacts_total
        ),
        None if r.removed() > 0 => eprintln!(
            "note: {} items removed under your retention policy (kluis deletion-log)",
            r.removed()
        ),
        None => {}
    }
}

/// Opens without the start-up purge (`kluis purge`, so a dry run changes nothing).
pub fn open_without_purge(ctx: &Ctx) -> Result<Vault, Failure> {
    with_secret(ctx, |s| app::unlock::open_without_purge(&ctx.dir, s, ctx.clock, ACTOR))
}

/// Runs `f` with KLUIS_PASSPHRASE, else the remembered key, else a prompted passphrase.
fn with_secret<T>(ctx: &Ctx, f: impl Fn(Secret<'_>) -> kluis::Result<T>) -> Result<T, Failure> {
    if let Some(p) = env_secret("KLUIS_PASSPHRASE") {
        return Ok(f(Secret::Passphrase(&p))?);
    }
    if !vault::exists(&ctx.dir) {
        return Err(Error::NoVault(ctx.dir.display().to_string()).into());
    }
    if let Ok(v) = f(Secret::Remembered) {
        return Ok(v);
    }
    let p = prompt("Passphrase: ")?;
    Ok(f(Secret::Passphrase(&p))?)
}

/// The secret for a backup: KLUIS_PASSPHRASE, else KLUIS_RECOVERY_KEY, else a prompt.
pub enum OwnedSecret {
    Passphrase(Zeroizing<String>),
    Recovery(Zeroizing<String>),
}

impl OwnedSecret {
    pub fn as_secret(&self) -> backup::BackupSecret<'_> {
        match self {
            OwnedSecret::Passphrase(p) => backup::BackupSecret::Passphrase(p),
            OwnedSecret::Recovery(k) => backup::BackupSecret::RecoveryKey(k),
        }
    }
}

/// The secret of a backup: KLUIS_BACKUP_PASSPHRASE, else as [`OwnedSecret`] says.
pub fn backup_secret() -> Result<OwnedSecret, Failure> {
    if let Some(p) = env_secret("KLUIS_BACKUP_PASSPHRASE") {
        return Ok(OwnedSecret::Passphrase(p));
    }
    if let Some(p) = env_secret("KLUIS_PASSPHRASE") {
        return Ok(OwnedSecret::Passphrase(p));
    }
    if let Some(k) = env_secret("KLUIS_RECOVERY_KEY") {
        return Ok(OwnedSecret::Recovery(k));
    }
    Ok(OwnedSecret::Passphrase(prompt("Passphrase of the backup: ")?))
}

/// The current secret of the vault a restore replaces: KLUIS_PASSPHRASE, else the key
/// remembered on this device, else a prompt.
pub enum CurrentSecret {
    Passphrase(Zeroizing<String>),
    Remembered,
}

impl CurrentSecret {
    pub fn as_current(&self) -> app::restore::Current<'_> {
        match self {
            CurrentSecret::Passphrase(p) => app::restore::Current::Passphrase(p),
            CurrentSecret::Remembered => app::restore::Current::Remembered,
        }
    }
}

pub fn current_secret(ctx: &Ctx) -> Result<CurrentSecret, Failure> {
    if let Some(p) = env_secret("KLUIS_PASSPHRASE") {
        return Ok(CurrentSecret::Passphrase(p));
    }
    if vault::is_remembered(&ctx.dir).unwrap_or(false) {
        return Ok(CurrentSecret::Remembered);
    }
    Ok(CurrentSecret::Passphrase(prompt("Current passphrase of the vault: ")?))
}

/// A secret from the environment only (None when the variable is unset).
pub fn secret_from(var: &str) -> Option<Zeroizing<String>> {
    env_secret(var)
}

fn env_secret(var: &str) -> Option<Zeroizing<String>> {
    std::env::var(var).ok().map(Zeroizing::new)
}

fn prompt(label: &str) -> Result<Zeroizing<String>, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Usage(format!(
            "no passphrase given: set KLUIS_PASSPHRASE (or run in a terminal to be asked) [{}]",
            label.trim_end_matches([':', ' '])
        )));
    }
    rpassword::prompt_password(label).map(Zeroizing::new).map_err(|e| Error::Io(e).into())
}

pub fn secret(var: &str, label: &str) -> Result<Zeroizing<String>, Failure> {
    match env_secret(var) {
        Some(s) => Ok(s),
        None => prompt(label),
    }
}

/// A new passphrase: from the variable, or typed twice at a prompt.
pub fn passphrase_twice(var: &str, label: &str) -> Result<Zeroizing<String>, Failure> {
    if let Some(s) = env_secret(var) {
        return Ok(s);
    }
    let first = prompt(label)?;
    let again = prompt("Repeat the passphrase: ")?;
    if *first != *again {
        return Err(Failure::Usage("the two passphrases differ".into()));
    }
    Ok(first)
}

pub fn new_passphrase() -> Result<Zeroizing<String>, Failure> {
    passphrase_twice("KLUIS_NEW_PASSPHRASE", "New passphrase: ")
}

pub fn print_json<T: Serialize>(value: &T) -> Out {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Internal(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// A list: the items as a JSON array with --json, else one line per item.
pub fn print_rows<T: Serialize>(ctx: &Ctx, items: &[T], row: impl Fn(&T) -> String) -> Out {
    if ctx.json {
        return print_json(&items);
    }
    for item in items {
        println!("{}", row(item));
    }
    Ok(())
}

/// As [`print_rows`], with a closing line (a count) after the rows in text.
pub fn print_rows_then<T: Serialize>(
    ctx: &Ctx,
    items: &[T],
    row: impl Fn(&T) -> String,
    last: &str,
) -> Out {
    print_rows(ctx, items, row)?;
    if !ctx.json {
        println!("{last}");
    }
    Ok(())
}

pub fn print_id(ctx: &Ctx, id: i64) -> Out {
    if ctx.json {
        print_json(&serde_json::json!({ "id": id }))
    } else {
        println!("{id}");
        Ok(())
    }
}

pub fn done(ctx: &Ctx, message: &str) -> Out {
    if ctx.json {
        print_json(&serde_json::json!({ "ok": true }))
    } else {
        println!("{message}");
        Ok(())
    }
}

/// Clap's usage error as one line: its first paragraph (the message and what it names, such as
/// the missing arguments on the indented lines below it), without the usage and tips after it.
pub fn usage_line(text: &str) -> String {
    let words: Vec<&str> =
        text.lines().take_while(|l| !l.trim().is_empty()).map(str::trim).collect();
    let line = words.join(" ");
    if line.is_empty() {
        "error: invalid arguments".to_owned()
    } else {
        line
    }
}

/// The ids a bulk subcommand acts on: those given, or with `--all` every row of the list.
pub fn bulk_ids(
    given: Vec<i64>,
    all: bool,
    every: impl FnOnce() -> kluis::Result<Vec<i64>>,
) -> Result<Vec<i64>, Failure> {
    match (given.is_empty(), all) {
        (true, true) => Ok(every()?),
        (false, false) => Ok(given),
        (true, false) => Err(Failure::Usage("give the ids, or --all for the whole list".into())),
        (false, true) => Err(Failure::Usage("give the ids or --all, not both".into())),
    }
}

/// What a bulk action did: the report as JSON, else one line, and the restricted contacts left
/// as they were.
pub fn bulk_done(ctx: &Ctx, verb: &str, r: &kluis::app::bulk::BulkReport) -> Out {
    if ctx.json {
        return print_json(r);
    }
    println!("{verb} {} contact(s).", r.done.len());
    let list = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
    if !r.skipped_restricted.is_empty() {
        println!(
            "Skipped {} restricted contact(s) (read-only): {}",
            r.skipped_restricted.len(),
            list(&r.skipped_restricted)
        );
    }
    if !r.skipped_suppressed.is_empty() {
        println!(
            "Skipped {} contact(s) who objected or are on the suppression list: {}",
            r.skipped_suppressed.len(),
            list(&r.skipped_suppressed)
        );
    }
    Ok(())
}

/// A bulk deletion with the purge's confirmations: `--yes` (or "yes" typed) to delete, and a
/// second question when the core stops at the mass-deletion rule.
pub fn bulk_delete(
    yes: bool,
    n: usize,
    mut run: impl FnMut(bool) -> kluis::Result<kluis::app::bulk::BulkReport>,
) -> Result<kluis::app::bulk::BulkReport, Failure> {
    confirm_destroy(yes, &format!("delete {n} contact(s) with everything that goes with them"))?;
    let report = run(yes)?;
    if report.stopped.as_deref() != Some("confirm") {
        return Ok(report);
    }
    confirm_destroy(
        false,
        &format!("delete {} of {} contacts", report.contacts_due, report.contacts_total),
    )?;
    Ok(run(true)?)
}
