//! `kluis`: the command-line front end over the core (DESIGN.md §6). Passphrases come from
//! `KLUIS_PASSPHRASE` or a prompt, never from argv. Exit codes: 0 ok, 1 error, 2 usage,
//! 3 wrong passphrase or key, 4 integrity failure. Errors are one `error:` line on stderr.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use kluis::app::subject_access::SubjectAccess;
use kluis::domain::backup;
use kluis::domain::consent::objection;
use kluis::domain::consent::{self, ConsentInput};
use kluis::domain::contacts::{self, privacy, ContactInput, InteractionInput};
use kluis::domain::fields::{self, FieldDefInput};
use kluis::domain::register::purposes::{self, Basis, PurposeInput};
use kluis::domain::requests;
use kluis::domain::retention::{self, documents, purge, rules};
use kluis::kernel::language::Language;
use kluis::store::audit;
use kluis::vault::{self, Secret};
use kluis::{app, demo};
use kluis::{Clock, Error, Vault};
use serde::Serialize;
use zeroize::Zeroizing;

const ACTOR: &str = "cli";

#[derive(Parser)]
#[command(
    name = "kluis",
    version,
    about = "Kluis: an offline, encrypted CRM that keeps you GDPR-proof"
)]
struct Cli {
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
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create a new vault; prints the recovery key once.
    Init {
        /// Also remember the key in the OS secret store on this device.
        #[arg(long)]
        remember: bool,
    },
    /// Contacts.
    #[command(subcommand)]
    Contact(ContactCmd),
    /// Interactions on a contact's timeline.
    #[command(subcommand)]
    Interaction(InteractionCmd),
    /// The vault passphrase.
    #[command(subcommand)]
    Passphrase(PassphraseCmd),
    /// Set a new passphrase with the recovery key (KLUIS_RECOVERY_KEY, KLUIS_NEW_PASSPHRASE).
    UnlockRecovery,
    /// New data key, new passphrase (KLUIS_NEW_PASSPHRASE) and new recovery key (printed once),
    /// for when a passphrase, a device or a backup may have leaked.
    RotateKey,
    /// Remember the key in the OS secret store on this device.
    Remember,
    /// Remove the key remembered on this device.
    Forget,
    /// The audit trail.
    #[command(subcommand)]
    Audit(AuditCmd),
    /// The processing register: purposes and their lawful basis.
    #[command(subcommand)]
    Purpose(PurposeCmd),
    /// Flexible fields defined by the business.
    #[command(subcommand)]
    Field(FieldCmd),
    /// The consent ledger.
    #[command(subcommand)]
    Consent(ConsentCmd),
    /// Exports.
    #[command(subcommand)]
    Export(ExportCmd),
    /// Run the retention purge now (or list what is due with --dry-run).
    Purge {
        #[arg(long)]
        dry_run: bool,
        /// Confirm a purge that deletes more than 50 contacts and more than 20 % of all.
        #[arg(long)]
        yes: bool,
    },
    /// Retention rules and the written policy.
    #[command(subcommand)]
    Retention(RetentionCmd),
    /// What was deleted when, under which rule (no personal data).
    DeletionLog,
    /// Items a retention rule put up for review.
    #[command(subcommand)]
    Review(ReviewCmd),
    /// Fiscal records (quotes, invoices) on a contact, kept under legal hold.
    #[command(subcommand)]
    Document(DocumentCmd),
    /// Data-subject requests: access, rectification, erasure, restriction, portability,
    /// objection.
    #[command(subcommand)]
    Request(RequestCmd),
    /// The subject-access report (PDF) and, with --zip, the portability export.
    Sar {
        #[arg(long)]
        contact: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "FILE")]
        zip: Option<PathBuf>,
        #[arg(long, default_value = "nl")]
        lang: String,
        /// The request this answers: the files are recorded on it by hash.
        #[arg(long)]
        request: Option<i64>,
        /// Put special-category fields in the portability export too (the PDF always has them).
        #[arg(long)]
        include_special: bool,
    },
    /// Business settings used in documents.
    #[command(subcommand)]
    Settings(SettingsCmd),
    /// Write an encrypted backup of the vault to --out, or with --auto run the schedule
    /// (a backup into the backup folder when one is due, keeping the newest N; for cron).
    Backup {
        #[arg(long, value_name = "FILE", required_unless_present = "auto")]
        out: Option<PathBuf>,
        #[arg(long, conflicts_with = "out")]
        auto: bool,
        /// With --auto: make one now even when none is due.
        #[arg(long, requires = "auto")]
        force: bool,
    },
    /// The automatic-backup folder, how many to keep and how often (shows them without flags).
    BackupSettings {
        #[arg(long, value_name = "DIR")]
        dir: Option<String>,
        #[arg(long)]
        keep: Option<u32>,
        #[arg(long)]
        every_hours: Option<u32>,
        /// Turn automatic backups off.
        #[arg(long, conflicts_with = "dir")]
        off: bool,
    },
    /// Restore the newest automatic backup into a temporary folder and check it (the live
    /// vault is not touched).
    TestRestore,
    /// Check a backup completely (passphrase from KLUIS_PASSPHRASE or the recovery key from
    /// KLUIS_RECOVERY_KEY); never opens the live vault.
    VerifyBackup { file: PathBuf },
    /// Restore a backup into the vault folder (replacing a vault there needs --yes).
    Restore {
        file: PathBuf,
        #[arg(long)]
        yes: bool,
    },
    /// Contacts without a known basis for some purpose (to be resolved).
    Triage,
    /// Contacts whose consent is missing or older than --months (for a re-permission run).
    Repermission {
        #[arg(long, default_value_t = consent::DEFAULT_REPERMISSION_MONTHS)]
        months: u32,
    },
    /// Add synthetic contacts with interactions (creates the vault when there is none).
    Demo {
        #[arg(long)]
        contacts: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum PurposeCmd {
    /// Add a purpose to the register; prints its id.
    Add {
        #[arg(long)]
        name: String,
        /// consent, contract, legitimate-interest, legal-obligation, vital-interest, public-task.
        #[arg(long)]
        basis: String,
        #[arg(long, default_value = "")]
        description: String,
        /// The purpose is direct marketing (objections stop it whatever its basis).
        #[arg(long)]
        direct_marketing: bool,
        /// A category of data processed (repeat for more).
        #[arg(long = "category")]
        categories: Vec<String>,
        /// A recipient or processor (repeat for more).
        #[arg(long = "recipient")]
        recipients: Vec<String>,
    },
    /// List the purposes.
    List,
    /// Propose the usual purposes for a small business (client administration, invoicing,
    /// newsletter, relationship management); adds those not there yet.
    Propose {
        #[arg(long, default_value = "nl")]
        lang: String,
    },
}

#[derive(Subcommand)]
enum FieldCmd {
    /// Define a field; prints its id.
    Add {
        #[arg(long)]
        label: String,
        /// text, number, date or yes-no.
        #[arg(long, default_value = "text")]
        kind: String,
        /// The purpose that needs the field.
        #[arg(long)]
        purpose: String,
        #[arg(long)]
        required: bool,
        /// Special category of personal data (health, religion, political views, …).
        #[arg(long)]
        special_category: bool,
    },
    /// List the fields.
    List,
    /// Set a field on a contact (an empty value clears it).
    Set {
        #[arg(long)]
        contact: i64,
        #[arg(long)]
        field: String,
        #[arg(long)]
        value: String,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum ConsentCmd {
    /// Record consent given, with the exact text the person agreed to.
    Give {
        #[arg(long)]
        contact: i64,
        #[arg(long)]
        purpose: String,
        /// form, email, phone, in-person, paper or other.
        #[arg(long)]
        method: String,
        /// A file holding the exact consent text (stored byte for byte).
        #[arg(long, value_name = "FILE")]
        text_file: PathBuf,
        #[arg(long)]
        evidence: Option<String>,
    },
    /// Record consent withdrawn.
    Withdraw {
        #[arg(long)]
        contact: i64,
        #[arg(long)]
        purpose: String,
        #[arg(long)]
        method: String,
        #[arg(long)]
        evidence: Option<String>,
    },
    /// The ledger of a contact, oldest first.
    History {
        #[arg(long)]
        contact: i64,
    },
}

#[derive(Subcommand)]
enum SettingsCmd {
    /// Set controller.name, controller.address, controller.kvk or controller.privacy_contact.
    Set { key: String, value: String },
    /// Show the settings.
    Show,
}

#[derive(Subcommand)]
enum RequestCmd {
    /// Register a request; the deadline (one month, next working day) is computed.
    Add {
        #[arg(long)]
        contact: i64,
        /// access, rectification, erasure, restriction, portability or objection.
        #[arg(long = "type")]
        kind: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        received: String,
    },
    /// Extend the deadline by two months, with the reason and when the person was told.
    Extend {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        notified: String,
    },
    /// Record how the person's identity was checked (never a copy of a document).
    Identity {
        id: i64,
        /// customer-number, recent-order, id-document-bsn-masked or known-email.
        #[arg(long)]
        method: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// The requests, open ones first by deadline.
    List,
    /// Close a request with its outcome.
    Close {
        id: i64,
        #[arg(long)]
        outcome: String,
    },
}

#[derive(Subcommand)]
enum RetentionCmd {
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
enum ReviewCmd {
    /// The items waiting for a decision.
    List,
    /// Keep an item, with the reason and when to review it again.
    Keep {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        until: String,
    },
    /// Delete the item's data.
    Delete {
        id: i64,
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum DocumentCmd {
    /// Add a quote or invoice reference; prints its id.
    Add {
        #[arg(long)]
        contact: i64,
        /// quote or invoice.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        number: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// In euros, e.g. 1250.50.
        #[arg(long)]
        amount: String,
    },
    /// The fiscal records of a contact.
    List {
        #[arg(long)]
        contact: i64,
    },
}

#[derive(Subcommand)]
enum ExportCmd {
    /// CSV of the people who may be mailed for a purpose (name, email).
    MailingList {
        #[arg(long)]
        purpose: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum ContactCmd {
    /// Add a contact; prints its id.
    Add {
        #[command(flatten)]
        fields: ContactFields,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
    },
    /// List contacts, by name or matching a search.
    List {
        #[arg(long)]
        search: Option<String>,
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
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Args)]
struct ContactFields {
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
    /// When the relationship ended, or when an applicant was rejected (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    ended: Option<String>,
}

#[derive(Subcommand)]
enum InteractionCmd {
    /// Add a call, e-mail, meeting or note; prints its id.
    Add {
        #[arg(long)]
        contact: i64,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        text: String,
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
enum PassphraseCmd {
    /// Change the passphrase (the new one from KLUIS_NEW_PASSPHRASE or a prompt).
    Change,
}

#[derive(Subcommand)]
enum AuditCmd {
    /// Check the hash chain; exit 4 when a row was changed or removed.
    Verify,
}

/// Errors of the command line: the core's, or a usage problem (exit 2).
enum Failure {
    Core(Error),
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

type Out = Result<(), Failure>;

struct Ctx {
    dir: PathBuf,
    json: bool,
    clock: Clock,
    progress: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("error: invalid arguments");
            eprintln!("{first} (see kluis --help)");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Core(e)) => {
            eprintln!("error: {}", one_line(&e.to_string()));
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run(cli: Cli) -> Out {
    let clock = match &cli.now {
        Some(t) => Clock::fixed_from_rfc3339(t)?,
        None => Clock::System,
    };
    let ctx = Ctx {
        dir: cli.vault.clone().unwrap_or_else(vault::default_dir),
        json: cli.json,
        clock,
        progress: cli.progress || std::io::stderr().is_terminal(),
    };
    match cli.cmd {
        Cmd::Init { remember } => init(&ctx, remember),
        Cmd::Contact(c) => contact(&ctx, c),
        Cmd::Interaction(InteractionCmd::Add { contact, kind, text, at, yes }) => {
            let input = InteractionInput { kind: kind.parse()?, text, at };
            let mut v = open(&ctx)?;
            let id = contacts::add_interaction(&mut v, contact, &input, yes)?;
            print_id(&ctx, id)
        }
        Cmd::Passphrase(PassphraseCmd::Change) => {
            let current = secret("KLUIS_PASSPHRASE", "Current passphrase: ")?;
            let mut v = app::unlock::unlock(&ctx.dir, &current, ctx.clock, ACTOR)?.vault;
            let new = new_passphrase()?;
            v.change_passphrase(&current, &new)?;
            done(&ctx, "Passphrase changed.")
        }
        Cmd::UnlockRecovery => {
            let key = secret("KLUIS_RECOVERY_KEY", "Recovery key: ")?;
            if !vault::exists(&ctx.dir) {
                return Err(Error::NoVault(ctx.dir.display().to_string()).into());
            }
            let new = new_passphrase()?;
            app::unlock::recover(&ctx.dir, &key, &new, ctx.clock, ACTOR)?;
            done(&ctx, "Passphrase reset with the recovery key.")
        }
        Cmd::RotateKey => {
            let current = secret("KLUIS_PASSPHRASE", "Current passphrase: ")?;
            let mut v = app::unlock::unlock(&ctx.dir, &current, ctx.clock, ACTOR)?.vault;
            let new = new_passphrase()?;
            let recovery = v.rotate_key(&current, &new)?;
            if ctx.json {
                return print_json(&serde_json::json!({ "recovery_key": recovery.as_str() }));
            }
            println!("The vault has a new key and passphrase. Keys remembered on this device were forgotten.");
            println!("New recovery key (write it down; the old one no longer works):");
            println!("  {}", recovery.as_str());
            Ok(())
        }
        Cmd::Remember => {
            let v = open(&ctx)?;
            v.remember()?;
            done(&ctx, "The key is remembered on this device.")
        }
        Cmd::Forget => {
            let removed = vault::forget(&ctx.dir)?;
            done(
                &ctx,
                if removed {
                    "The remembered key was removed from this device."
                } else {
                    "No key was remembered on this device."
                },
            )
        }
        Cmd::Audit(AuditCmd::Verify) => {
            let v = open(&ctx)?;
            let report = audit::verify(v.conn())?;
            if ctx.json {
                print_json(&report)?;
            }
            match report.first_broken {
                None => {
                    if !ctx.json {
                        println!("Audit trail intact: {} rows.", report.rows);
                    }
                    Ok(())
                }
                Some(id) => Err(Error::Integrity(format!(
                    "audit trail broken at row {id}: {}",
                    report.problem.unwrap_or_default()
                ))
                .into()),
            }
        }
        Cmd::Demo { contacts, seed } => run_demo(&ctx, contacts, seed),
        Cmd::Purpose(c) => purpose(&ctx, c),
        Cmd::Field(c) => field(&ctx, c),
        Cmd::Consent(c) => consent_cmd(&ctx, c),
        Cmd::Export(ExportCmd::MailingList { purpose, out }) => {
            let mut v = open(&ctx)?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            let rows = app::mailing::export_mailing_list(&mut v, p.id, &out)?;
            if ctx.json {
                return print_json(&serde_json::json!({ "rows": rows, "out": out }));
            }
            println!("{rows} people written to {}.", out.display());
            Ok(())
        }
        Cmd::Purge { dry_run, yes } => purge_cmd(&ctx, dry_run, yes),
        Cmd::Retention(c) => retention_cmd(&ctx, c),
        Cmd::DeletionLog => {
            let v = open(&ctx)?;
            let log = retention::deletion_log(v.conn())?;
            if ctx.json {
                return print_json(&log);
            }
            for e in &log {
                println!(
                    "{}  {:<8} {:<22} {:>6}  {}",
                    e.at,
                    e.trigger,
                    e.rule,
                    e.count,
                    e.ids.join(" ")
                );
            }
            Ok(())
        }
        Cmd::Review(c) => review_cmd(&ctx, c),
        Cmd::Document(DocumentCmd::Add { contact, kind, number, date, amount }) => {
            let kind = kind.parse()?;
            let cents = documents::parse_amount(&amount)?;
            let id = open(&ctx)?
                .write(|tx, c| documents::add(tx, c, contact, kind, &number, &date, cents))?;
            print_id(&ctx, id)
        }
        Cmd::Document(DocumentCmd::List { contact }) => {
            let v = open(&ctx)?;
            let docs = documents::for_contact(v.conn(), contact)?;
            if ctx.json {
                return print_json(&docs);
            }
            for d in &docs {
                println!(
                    "{}  {:<8} {:<14} {:>12.2}",
                    d.date,
                    d.kind.as_str(),
                    d.number,
                    d.amount_cents as f64 / 100.0
                );
            }
            Ok(())
        }
        Cmd::Request(c) => request_cmd(&ctx, c),
        Cmd::Backup { out, auto, force } => {
            let mut v = open(&ctx)?;
            if auto {
                let when = if force { backup::auto::When::Now } else { backup::auto::When::Due };
                let made = backup::auto::run(&mut v, when, &mut meter(&ctx))?;
                if ctx.json {
                    return print_json(&serde_json::json!({ "out": made }));
                }
                match made {
                    Some(p) => println!("Backup written to {}.", p.display()),
                    None => println!("No backup due yet."),
                }
                return Ok(());
            }
            let out =
                out.ok_or_else(|| Failure::Usage("backup needs --out FILE or --auto".into()))?;
            let h = backup::create(&mut v, &out, &mut meter(&ctx))?;
            if ctx.json {
                return print_json(&serde_json::json!({ "out": out, "bytes": h.body_len }));
            }
            println!("Backup written to {} ({} bytes of database).", out.display(), h.body_len);
            Ok(())
        }
        Cmd::BackupSettings { dir, keep, every_hours, off } => {
            let mut v = open(&ctx)?;
            let mut s = backup::auto::settings(v.conn())?;
            let changed = dir.is_some() || keep.is_some() || every_hours.is_some() || off;
            if off {
                s.dir = None;
            }
            if let Some(d) = dir {
                s.dir = Some(d);
            }
            s.keep = keep.unwrap_or(s.keep);
            s.every_hours = every_hours.unwrap_or(s.every_hours);
            if changed {
                v.write(|tx, c| backup::auto::set_settings(tx, c, &s))?;
            }
            let st = backup::auto::status(v.conn(), v.now())?;
            if ctx.json {
                return print_json(&st);
            }
            println!(
                "folder      {}",
                st.settings.dir.as_deref().unwrap_or("(automatic backups off)")
            );
            println!("keep        {}", st.settings.keep);
            println!("every       {} hours", st.settings.every_hours);
            println!(
                "last backup {}{}",
                st.last_backup_at.as_deref().unwrap_or("never"),
                if st.overdue { " (overdue)" } else { "" }
            );
            Ok(())
        }
        Cmd::TestRestore => {
            let v = open(&ctx)?;
            let s = backup::auto::settings(v.conn())?;
            let dir = s.dir.ok_or_else(|| Error::invalid("dir", "no backup folder is set"))?;
            drop(v);
            let secret = backup_secret()?;
            let r = app::restore::test_restore(
                Path::new(&dir),
                &secret.as_secret(),
                ctx.clock,
                &mut meter(&ctx),
            )?;
            if ctx.json {
                return print_json(&r);
            }
            println!(
                "Test restore OK: the backup of {} opens and holds {} contacts and {} interactions.",
                r.backup_created_at, r.contacts, r.interactions
            );
            Ok(())
        }
        Cmd::VerifyBackup { file } => {
            let secret = backup_secret()?;
            let info = backup::verify(&file, &secret.as_secret(), &mut meter(&ctx))?;
            if ctx.json {
                return print_json(&info);
            }
            println!(
                "Backup OK: made {} by Kluis {}, {} bytes.",
                info.created_at, info.app_version, info.bytes
            );
            Ok(())
        }
        Cmd::Restore { file, yes } => {
            let secret = backup_secret()?;
            if vault::exists(&ctx.dir) && !yes {
                // Check the file before asking anything (restore checks it again itself).
                backup::verify(&file, &secret.as_secret(), &mut meter(&ctx))?;
                confirm_destroy(yes, &format!("replace the vault in {}", ctx.dir.display()))?;
            }
            let r = app::restore::restore(
                &file,
                &ctx.dir,
                &secret.as_secret(),
                ctx.clock,
                ACTOR,
                &mut meter(&ctx),
            )?;
            purge_notice(&r.purge);
            if ctx.json {
                return print_json(&r);
            }
            println!(
                "Restored the backup of {}: {} contacts, {} interactions; {} erasures re-applied; {} items removed under the retention policy.",
                r.backup_created_at, r.contacts, r.interactions, r.erasures_reapplied, r.purge.removed()
            );
            Ok(())
        }
        Cmd::Sar { contact, out, zip, lang, request, include_special } => {
            let mut v = open(&ctx)?;
            let written = app::subject_access::export(
                &mut v,
                &SubjectAccess {
                    contact_id: contact,
                    request_id: request,
                    language: Language::from_tag(&lang),
                    pdf_path: &out,
                    zip_path: zip.as_deref(),
                    include_special,
                },
            )?;
            if ctx.json {
                return print_json(&serde_json::json!({
                    "pdf": out, "pdf_sha256": written.pdf_sha256,
                    "zip": zip, "zip_sha256": written.zip_sha256,
                }));
            }
            println!("Subject-access report written to {}.", out.display());
            Ok(())
        }
        Cmd::Settings(SettingsCmd::Set { key, value }) => {
            open(&ctx)?.write(|tx, c| kluis::domain::controller::set(tx, c, &key, &value))?;
            done(&ctx, "Setting saved.")
        }
        Cmd::Settings(SettingsCmd::Show) => {
            let v = open(&ctx)?;
            let c = kluis::domain::controller::get(v.conn())?;
            if ctx.json {
                return print_json(&c);
            }
            println!("controller.name             {}", c.name);
            println!("controller.address          {}", c.address.replace('\n', ", "));
            println!("controller.kvk              {}", c.kvk);
            println!("controller.privacy_contact  {}", c.privacy_contact);
            Ok(())
        }
        Cmd::Triage => {
            let v = open(&ctx)?;
            print_flags(&ctx, &consent::triage(v.conn())?)
        }
        Cmd::Repermission { months } => {
            let v = open(&ctx)?;
            print_flags(&ctx, &consent::repermission(v.conn(), v.now(), months)?)
        }
    }
}

fn init(ctx: &Ctx, remember: bool) -> Out {
    if vault::exists(&ctx.dir) {
        return Err(Error::VaultExists(ctx.dir.display().to_string()).into());
    }
    let pass = passphrase_twice("KLUIS_PASSPHRASE", "New passphrase: ")?;
    let created = Vault::create(&ctx.dir, &pass, ctx.clock, ACTOR)?;
    if remember {
        created.vault.remember()?;
    }
    if ctx.json {
        print_json(&serde_json::json!({ "recovery_key": created.recovery_key.as_str() }))
    } else {
        println!("Vault created in {}.", ctx.dir.display());
        println!("Recovery key (write it down and keep it safe; it is shown only once):");
        println!("  {}", created.recovery_key.as_str());
        Ok(())
    }
}

fn contact(ctx: &Ctx, cmd: ContactCmd) -> Out {
    match cmd {
        ContactCmd::Add { fields: f, yes } => {
            let name =
                f.name.clone().ok_or_else(|| Failure::Usage("contact add needs --name".into()))?;
            let mut input = ContactInput::new(&name);
            apply(&mut input, f)?;
            let mut v = open(ctx)?;
            let id = contacts::create(&mut v, &input, yes)?;
            print_id(ctx, id)
        }
        ContactCmd::List { search, limit, offset } => {
            let v = open(ctx)?;
            let page = contacts::list(&v, search.as_deref(), limit, offset)?;
            if ctx.json {
                return print_json(&page.items);
            }
            for c in &page.items {
                println!(
                    "{:>6}  {:<32}  {:<32}  {}",
                    c.id,
                    c.name,
                    c.email.as_deref().unwrap_or("-"),
                    c.organisation.as_deref().unwrap_or("-")
                );
            }
            println!("{} of {} contacts", page.items.len(), page.total);
            Ok(())
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
                println!("  {}  {:<8} {}", i.at, i.kind.as_str(), one_line(&i.text));
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
            if ctx.json {
                return print_json(&links);
            }
            for l in &links {
                println!(
                    "{:<28} {:<20} {:<10} {}",
                    l.purpose.name,
                    l.basis.map_or("unknown", Basis::as_str),
                    if l.usable { "usable" } else { "not usable" },
                    l.consent_given_at
                        .as_deref()
                        .map_or(String::new(), |at| format!("consent since {at}"))
                );
            }
            Ok(())
        }
        ContactCmd::Erase { id, request, yes } => {
            let mut v = open(ctx)?;
            let p = app::erase::preview(v.conn(), id)?;
            if !ctx.json {
                eprintln!(
                    "Erasing contact {id}: {} interactions, {} consent records, {} purpose links, {} field values.",
                    p.interactions, p.consent_events, p.purpose_links, p.field_values
                );
                if p.fiscal_records_kept > 0 {
                    eprintln!(
                        "Kept under the fiscal retention duty: {} fiscal records, until {}.",
                        p.fiscal_records_kept,
                        p.kept_until.as_deref().unwrap_or("?")
                    );
                }
            }
            confirm_destroy(yes, &format!("erase contact {id}"))?;
            let p = app::erase::erase(&mut v, id, request)?;
            if ctx.json {
                return print_json(&p);
            }
            println!("Contact {id} erased.");
            Ok(())
        }
        ContactCmd::Restrict { id, reason } => {
            open(ctx)?.write(|tx, c| privacy::restrict(tx, c, id, &reason))?;
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

fn purpose(ctx: &Ctx, cmd: PurposeCmd) -> Out {
    match cmd {
        PurposeCmd::Add { name, basis, description, direct_marketing, categories, recipients } => {
            let input = PurposeInput {
                name,
                description,
                basis: basis.parse()?,
                direct_marketing,
                data_categories: categories,
                recipients,
                retention_rule: None,
            };
            let id = open(ctx)?.write(|tx, c| purposes::create(tx, c, &input))?;
            print_id(ctx, id)
        }
        PurposeCmd::List => {
            let v = open(ctx)?;
            let list = purposes::list(v.conn())?;
            if ctx.json {
                return print_json(&list);
            }
            for p in &list {
                println!(
                    "{:>4}  {:<28} {:<20} {}",
                    p.id,
                    p.name,
                    p.basis.as_str(),
                    if p.direct_marketing { "direct marketing" } else { "" }
                );
            }
            Ok(())
        }
        PurposeCmd::Propose { lang } => {
            let mut v = open(ctx)?;
            let language = Language::from_tag(&lang);
            let added = v.write(|tx, c| purposes::add_proposals(tx, c, language))?;
            done(ctx, &format!("{added} purposes added."))
        }
    }
}

fn field(ctx: &Ctx, cmd: FieldCmd) -> Out {
    match cmd {
        FieldCmd::Add { label, kind, purpose, required, special_category } => {
            let kind = kind.parse()?;
            let mut v = open(ctx)?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            let input = FieldDefInput { label, kind, purpose_id: p.id, required, special_category };
            let id = v.write(|tx, c| fields::define(tx, c, &input))?;
            print_id(ctx, id)
        }
        FieldCmd::List => {
            let v = open(ctx)?;
            let list = fields::list(v.conn())?;
            if ctx.json {
                return print_json(&list);
            }
            for f in &list {
                println!(
                    "{:>4}  {:<24} {:<8} {:<24} {}{}",
                    f.id,
                    f.label,
                    f.kind.as_str(),
                    f.purpose,
                    if f.required { "required " } else { "" },
                    if f.special_category { "special category" } else { "" }
                );
            }
            Ok(())
        }
        FieldCmd::Set { contact, field, value, yes } => {
            let mut v = open(ctx)?;
            let def = fields::list(v.conn())?
                .into_iter()
                .find(|f| f.label.eq_ignore_ascii_case(field.trim()))
                .ok_or_else(|| Error::NotFound(format!("field \"{}\"", field.trim())))?;
            v.write(|tx, c| fields::set_value(tx, c, contact, def.id, &value, yes))?;
            done(ctx, "Field set.")
        }
    }
}

fn consent_cmd(ctx: &Ctx, cmd: ConsentCmd) -> Out {
    match cmd {
        ConsentCmd::Give { contact, purpose, method, text_file, evidence } => {
            let method = method.parse()?;
            let bytes = std::fs::read(&text_file).map_err(Error::Io)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::invalid("text", "the consent text file is not UTF-8 text"))?;
            let mut v = open(ctx)?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            let input = ConsentInput { purpose_id: p.id, method, text, evidence };
            let id = v.write(|tx, c| consent::give(tx, c, contact, &input))?;
            print_id(ctx, id)
        }
        ConsentCmd::Withdraw { contact, purpose, method, evidence } => {
            let method = method.parse()?;
            let mut v = open(ctx)?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            let id = v.write(|tx, c| consent::withdraw(tx, c, contact, p.id, method, evidence))?;
            print_id(ctx, id)
        }
        ConsentCmd::History { contact } => {
            let v = open(ctx)?;
            kluis::domain::contacts::read::contact(v.conn(), contact)?;
            let events = consent::history(v.conn(), contact)?;
            if ctx.json {
                let list: Vec<_> = events
                    .iter()
                    .map(|e| {
                        serde_json::json!({
                            "kind": e.kind, "purpose": e.purpose, "at": e.at,
                            "method": e.method, "text_sha256": e.text_sha256,
                            "evidence": e.evidence, "recorded_by": e.recorded_by,
                        })
                    })
                    .collect();
                return print_json(&list);
            }
            for e in &events {
                println!(
                    "{}  {:<9} {:<24} {:<9} {}",
                    e.at,
                    if e.kind == consent::EventKind::Given { "given" } else { "withdrawn" },
                    e.purpose,
                    e.method.as_str(),
                    e.text_sha256.as_deref().map_or("", |h| &h[..12])
                );
            }
            Ok(())
        }
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

fn request_cmd(ctx: &Ctx, cmd: RequestCmd) -> Out {
    match cmd {
        RequestCmd::Add { contact, kind, received } => {
            let kind = kind.parse()?;
            let r = app::requests::add_request(&mut open(ctx)?, contact, kind, &received)?;
            if ctx.json {
                return print_json(&r);
            }
            println!("Request {} registered; answer by {}.", r.id, r.due);
            Ok(())
        }
        RequestCmd::Extend { id, reason, notified } => {
            let r = app::requests::extend_request(&mut open(ctx)?, id, &reason, &notified)?;
            if ctx.json {
                return print_json(&r);
            }
            println!("Request {id} extended; answer by {}.", r.due);
            Ok(())
        }
        RequestCmd::Identity { id, method, note } => {
            let method = method.parse()?;
            open(ctx)?
                .write(|tx, c| requests::record_identity(tx, c, id, method, note.as_deref()))?;
            done(ctx, "Identity check recorded.")
        }
        RequestCmd::List => {
            let v = open(ctx)?;
            let list = requests::list(v.conn(), v.now().date_naive())?;
            if ctx.json {
                return print_json(&list);
            }
            for r in &list {
                let state = if !r.open {
                    "closed"
                } else if r.overdue {
                    "OVERDUE"
                } else if r.due_soon {
                    "due soon"
                } else {
                    "open"
                };
                println!(
                    "{:>4}  {:<14} contact {:<6} received {}  due {}  {}",
                    r.id,
                    r.kind.as_str(),
                    r.contact_id.map_or("-".into(), |c| c.to_string()),
                    r.received,
                    r.due,
                    state
                );
            }
            Ok(())
        }
        RequestCmd::Close { id, outcome } => {
            open(ctx)?.write(|tx, c| requests::close(tx, c, id, &outcome))?;
            done(ctx, "Request closed.")
        }
    }
}

fn retention_cmd(ctx: &Ctx, cmd: RetentionCmd) -> Out {
    match cmd {
        RetentionCmd::List { lang } => {
            let v = open(ctx)?;
            let list = rules::list(v.conn(), Language::from_tag(&lang))?;
            if ctx.json {
                return print_json(&list);
            }
            for r in &list {
                println!(
                    "{:<22} {:<5} {:<7} {}",
                    r.key.as_str(),
                    r.period,
                    r.action.as_str(),
                    r.category
                );
            }
            Ok(())
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
                (true, Some(path)) => {
                    let bytes = retention::policy_pdf(v.conn(), language, &business, v.now())?;
                    std::fs::write(&path, bytes).map_err(Error::Io)?;
                    done(ctx, "Policy written.")
                }
                (false, Some(path)) => {
                    let md = retention::policy_markdown(v.conn(), language, &business, v.now())?;
                    std::fs::write(&path, md).map_err(Error::Io)?;
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
            if ctx.json {
                return print_json(&q);
            }
            for i in &q {
                println!(
                    "{:>4}  {:<22} {:>6}  {:<32} {}",
                    i.id,
                    i.rule.as_str(),
                    i.contact_id,
                    i.name,
                    i.reason
                );
            }
            Ok(())
        }
        ReviewCmd::Keep { id, reason, until } => {
            open(ctx)?.write(|tx, c| retention::review_keep(tx, c, id, &reason, &until))?;
            done(ctx, "Kept.")
        }
        ReviewCmd::Delete { id, yes } => {
            confirm_destroy(yes, "delete this item's data")?;
            app::retention::review_delete(&mut open(ctx)?, id)?;
            done(ctx, "Deleted.")
        }
    }
}

/// Destroying commands ask on a terminal and otherwise need --yes.
fn confirm_destroy(yes: bool, what: &str) -> Result<(), Failure> {
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

fn print_flags(ctx: &Ctx, flags: &[consent::ContactFlag]) -> Out {
    if ctx.json {
        return print_json(&flags);
    }
    for f in flags {
        println!(
            "{:>6}  {:<32} {:<24} {}",
            f.contact_id,
            f.name,
            f.purpose.as_deref().unwrap_or("(no purpose)"),
            f.since.as_deref().unwrap_or("")
        );
    }
    println!("{} contacts", flags.len());
    Ok(())
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

fn run_demo(ctx: &Ctx, n: u32, seed: u64) -> Out {
    let (mut v, recovery) = if vault::exists(&ctx.dir) {
        (open(ctx)?, None)
    } else {
        let pass = passphrase_twice("KLUIS_PASSPHRASE", "New passphrase: ")?;
        let created = Vault::create(&ctx.dir, &pass, ctx.clock, ACTOR)?;
        (created.vault, Some(created.recovery_key))
    };
    let started = Instant::now();
    let interactions = demo::generate(&mut v, n, seed)?;
    let secs = started.elapsed().as_secs_f64();
    if ctx.json {
        return print_json(&serde_json::json!({
            "contacts": n,
            "interactions": interactions,
            "seconds": secs,
            "recovery_key": recovery.as_ref().map(|r| r.as_str()),
        }));
    }
    if let Some(r) = recovery {
        println!("Vault created in {}. Recovery key: {}", ctx.dir.display(), r.as_str());
    }
    println!("Added {n} synthetic contacts with {interactions} interactions in {secs:.1} s.");
    Ok(())
}

/// Unlocks the vault: with KLUIS_PASSPHRASE when set; else with a key remembered on this
/// device; else with a prompt on a terminal.
/// The due retention purge runs first (it is skipped, with a warning, when the clock went back
/// or a mass deletion needs `kluis purge --yes`).
/// Progress of a backup or restore on stderr (with `--progress` or on a terminal): a line when
/// a step starts and at every tenth of the long ones.
fn meter(ctx: &Ctx) -> impl FnMut(backup::Progress) {
    use backup::Step;
    let show = ctx.progress;
    let mut last = None;
    move |p: backup::Progress| {
        let tenth = p.done.saturating_mul(10).checked_div(p.total).unwrap_or(10);
        let long = matches!(p.step, Step::Encrypt | Step::Verify);
        let key = (p.step, if long { tenth } else { 0 });
        if !show || last == Some(key) {
            return;
        }
        last = Some(key);
        let label = match p.step {
            Step::Snapshot => "Reading the database",
            Step::Encrypt => "Encrypting the backup",
            Step::Verify => "Verifying the backup",
            Step::Write => "Writing the restored vault",
            Step::Check => "Checking the restored database",
            Step::Erasures => "Re-applying erasures",
            Step::Purge => "Applying the retention policy",
            Step::Swap => "Putting the restored vault in place",
        };
        if long {
            eprintln!("{label}: {}%", tenth * 10);
        } else {
            eprintln!("{label}...");
        }
    }
}

fn open(ctx: &Ctx) -> Result<Vault, Failure> {
    let unlocked = with_secret(ctx, |s| app::unlock::unlock_with(&ctx.dir, s, ctx.clock, ACTOR))?;
    purge_notice(&unlocked.purge);
    Ok(unlocked.vault)
}

/// What an automatic purge (at opening or after a restore) did or why it stopped, on stderr.
fn purge_notice(r: &purge::PurgeReport) {
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
fn open_without_purge(ctx: &Ctx) -> Result<Vault, Failure> {
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
enum OwnedSecret {
    Passphrase(Zeroizing<String>),
    Recovery(Zeroizing<String>),
}

impl OwnedSecret {
    fn as_secret(&self) -> backup::BackupSecret<'_> {
        match self {
            OwnedSecret::Passphrase(p) => backup::BackupSecret::Passphrase(p),
            OwnedSecret::Recovery(k) => backup::BackupSecret::RecoveryKey(k),
        }
    }
}

fn backup_secret() -> Result<OwnedSecret, Failure> {
    if let Some(p) = env_secret("KLUIS_PASSPHRASE") {
        return Ok(OwnedSecret::Passphrase(p));
    }
    if let Some(k) = env_secret("KLUIS_RECOVERY_KEY") {
        return Ok(OwnedSecret::Recovery(k));
    }
    Ok(OwnedSecret::Passphrase(prompt("Passphrase of the backup: ")?))
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

fn secret(var: &str, label: &str) -> Result<Zeroizing<String>, Failure> {
    match env_secret(var) {
        Some(s) => Ok(s),
        None => prompt(label),
    }
}

/// A new passphrase: from the variable, or typed twice at a prompt.
fn passphrase_twice(var: &str, label: &str) -> Result<Zeroizing<String>, Failure> {
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

fn new_passphrase() -> Result<Zeroizing<String>, Failure> {
    passphrase_twice("KLUIS_NEW_PASSPHRASE", "New passphrase: ")
}

fn print_json<T: Serialize>(value: &T) -> Out {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Internal(e.to_string()))?;
    println!("{text}");
    Ok(())
}

fn print_id(ctx: &Ctx, id: i64) -> Out {
    if ctx.json {
        print_json(&serde_json::json!({ "id": id }))
    } else {
        println!("{id}");
        Ok(())
    }
}

fn done(ctx: &Ctx, message: &str) -> Out {
    if ctx.json {
        print_json(&serde_json::json!({ "ok": true }))
    } else {
        println!("{message}");
        Ok(())
    }
}
