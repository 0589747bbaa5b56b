//! `kluis`: the command-line front end over the core (README.md, "The `kluis` command").
//! Passphrases come from `KLUIS_PASSPHRASE` or a prompt, never from argv. Exit codes: 0 ok,
//! 1 error, 2 usage, 3 wrong passphrase or key, 4 integrity failure (also a failed `kluis
//! check`). Errors are one `error:` line on stderr. The commands live in `src/cli/`, one file
//! per group.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cli::common::{self, Global, Out};
use cli::{audit, backup, consent, contact, demo, document, export, field, import, purpose};
use cli::{request, retention, settings, vault};

#[derive(Parser)]
#[command(
    name = "kluis",
    version,
    about = "Kluis: an offline, encrypted CRM that keeps you GDPR-proof"
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    cmd: Cmd,
}

/// The command groups; each lists its own commands.
#[derive(Subcommand)]
enum Cmd {
    #[command(flatten)]
    Vault(vault::Cmd),
    #[command(flatten)]
    Contact(contact::Cmd),
    #[command(flatten)]
    Import(import::Cmd),
    #[command(flatten)]
    Audit(audit::Cmd),
    #[command(flatten)]
    Purpose(purpose::Cmd),
    #[command(flatten)]
    Field(field::Cmd),
    #[command(flatten)]
    Consent(consent::Cmd),
    #[command(flatten)]
    Export(export::Cmd),
    #[command(flatten)]
    Retention(retention::Cmd),
    #[command(flatten)]
    Document(document::Cmd),
    #[command(flatten)]
    Request(request::Cmd),
    #[command(flatten)]
    Settings(settings::Cmd),
    #[command(flatten)]
    Backup(backup::Cmd),
    #[command(flatten)]
    Demo(demo::Cmd),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{} (see kluis --help)", common::usage_line(&e.render().to_string()));
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn run(cli: Cli) -> Out {
    let ctx = cli.global.ctx()?;
    match cli.cmd {
        Cmd::Vault(c) => vault::run(&ctx, c),
        Cmd::Contact(c) => contact::run(&ctx, c),
        Cmd::Import(c) => import::run(&ctx, c),
        Cmd::Audit(c) => audit::run(&ctx, c),
        Cmd::Purpose(c) => purpose::run(&ctx, c),
        Cmd::Field(c) => field::run(&ctx, c),
        Cmd::Consent(c) => consent::run(&ctx, c),
        Cmd::Export(c) => export::run(&ctx, c),
        Cmd::Retention(c) => retention::run(&ctx, c),
        Cmd::Document(c) => document::run(&ctx, c),
        Cmd::Request(c) => request::run(&ctx, c),
        Cmd::Settings(c) => settings::run(&ctx, c),
        Cmd::Backup(c) => backup::run(&ctx, c),
        Cmd::Demo(c) => demo::run(&ctx, c),
    }
}
