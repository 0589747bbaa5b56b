//! `kluis`: the command-line front end over the core (README.md, "The `kluis` command").
//! Passphrases come from `KLUIS_PASSPHRASE` or a prompt, never from argv. Exit codes: 0 ok,
//! 1 error, 2 usage, 3 wrong passphrase or key, 4 integrity failure (also a failed `kluis
//! check`). Errors are one `error:` line on stderr. The commands live in `src/cli/`, one file
//! per group.

mod cli;

use clap::Parser;
use cli::common::{self, Global, Out};

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
    cmd: cli::Cmd,
}

fn main() -> std::process::ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return std::process::ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{} (see kluis --help)", common::usage_line(&e.render().to_string()));
            return std::process::ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

fn run(cli: Cli) -> Out {
    let ctx = cli.global.ctx()?;
    cli::run(&ctx, cli.cmd)
}
