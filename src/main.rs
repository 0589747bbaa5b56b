//! `kluis`: the command-line front end over the core (DESIGN.md §6). Passphrases come from
//! `KLUIS_PASSPHRASE` or a prompt, never from argv. Exit codes: 0 ok, 1 error, 2 usage,
//! 3 wrong passphrase or key, 4 integrity failure. Errors are one `error:` line on stderr.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use kluis::contacts::{self, ContactInput, InteractionInput};
use kluis::{audit, demo, vault, Clock, Error, Vault};
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
    /// Remember the key in the OS secret store on this device.
    Remember,
    /// Remove the key remembered on this device.
    Forget,
    /// The audit trail.
    #[command(subcommand)]
    Audit(AuditCmd),
    /// Add synthetic contacts with interactions (creates the vault when there is none).
    Demo {
        #[arg(long)]
        contacts: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum ContactCmd {
    /// Add a contact; prints its id.
    Add(ContactFields),
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
    let ctx =
        Ctx { dir: cli.vault.clone().unwrap_or_else(vault::default_dir), json: cli.json, clock };
    match cli.cmd {
        Cmd::Init { remember } => init(&ctx, remember),
        Cmd::Contact(c) => contact(&ctx, c),
        Cmd::Interaction(InteractionCmd::Add { contact, kind, text, at }) => {
            let input = InteractionInput { kind: kind.parse()?, text, at };
            let mut v = open(&ctx)?;
            let id = contacts::add_interaction(&mut v, contact, &input)?;
            print_id(&ctx, id)
        }
        Cmd::Passphrase(PassphraseCmd::Change) => {
            let current = secret("KLUIS_PASSPHRASE", "Current passphrase: ")?;
            let mut v = Vault::unlock(&ctx.dir, &current, ctx.clock, ACTOR)?;
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
            Vault::recover(&ctx.dir, &key, &new, ctx.clock, ACTOR)?;
            done(&ctx, "Passphrase reset with the recovery key.")
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
        ContactCmd::Add(f) => {
            let name =
                f.name.clone().ok_or_else(|| Failure::Usage("contact add needs --name".into()))?;
            let mut input = ContactInput::new(&name);
            apply(&mut input, f)?;
            let mut v = open(ctx)?;
            let id = contacts::create(&mut v, &input)?;
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
        ContactCmd::Edit { id, fields } => {
            let mut v = open(ctx)?;
            let c = kluis::contacts::read::contact(v.conn(), id)?;
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
            contacts::update(&mut v, id, &input)?;
            print_id(ctx, id)
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
    v.checkpoint()?;
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
fn open(ctx: &Ctx) -> Result<Vault, Failure> {
    if let Some(p) = env_secret("KLUIS_PASSPHRASE") {
        return Ok(Vault::unlock(&ctx.dir, &p, ctx.clock, ACTOR)?);
    }
    if !vault::exists(&ctx.dir) {
        return Err(Error::NoVault(ctx.dir.display().to_string()).into());
    }
    if let Ok(v) = Vault::unlock_remembered(&ctx.dir, ctx.clock, ACTOR) {
        return Ok(v);
    }
    let p = prompt("Passphrase: ")?;
    Ok(Vault::unlock(&ctx.dir, &p, ctx.clock, ACTOR)?)
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
