//! The `kluis` command line, one file per command group. Each group owns its clap
//! `Subcommand` enum (flattened into the top-level list [`Cmd`] here) and a `run` that
//! dispatches it; `common` holds what they share. The `display_order` on each top-level
//! command keeps `kluis --help` listing them in one fixed order across the groups.

pub mod audit;
pub mod backup;
pub mod breach;
pub mod common;
pub mod consent;
pub mod contact;
pub mod demo;
pub mod document;
pub mod export;
pub mod field;
pub mod import;
pub mod processor;
pub mod purpose;
pub mod request;
pub mod retention;
pub mod settings;
pub mod statement;
pub mod status;
pub mod vault;

use clap::Subcommand;
use common::{Ctx, Out};

/// The command groups; each lists its own commands.
#[derive(Subcommand)]
pub enum Cmd {
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
    #[command(flatten)]
    Breach(breach::Cmd),
    #[command(flatten)]
    Statement(statement::Cmd),
    #[command(flatten)]
    Status(status::Cmd),
}

/// Runs one command of any group.
pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Vault(c) => vault::run(ctx, c),
        Cmd::Contact(c) => contact::run(ctx, c),
        Cmd::Import(c) => import::run(ctx, c),
        Cmd::Audit(c) => audit::run(ctx, c),
        Cmd::Purpose(c) => purpose::run(ctx, c),
        Cmd::Field(c) => field::run(ctx, c),
        Cmd::Consent(c) => consent::run(ctx, c),
        Cmd::Export(c) => export::run(ctx, c),
        Cmd::Retention(c) => retention::run(ctx, c),
        Cmd::Document(c) => document::run(ctx, c),
        Cmd::Request(c) => request::run(ctx, c),
        Cmd::Settings(c) => settings::run(ctx, c),
        Cmd::Backup(c) => backup::run(ctx, c),
        Cmd::Demo(c) => demo::run(ctx, c),
        Cmd::Breach(c) => breach::run(ctx, c),
        Cmd::Statement(c) => statement::run(ctx, c),
        Cmd::Status(c) => status::run(ctx, c),
    }
}
