//! The documents made from the register: the privacy statement (with its versions) and the
//! Art. 30 record of processing activities.

use std::path::PathBuf;

use clap::Subcommand;
use kluis::app;
use kluis::domain::statement::privacy::{self, StatementFormat};
use kluis::domain::statement::versions;
use kluis::kernel::language::Language;
use kluis::Error;

use super::common::{done, open, print_json, print_rows, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// Write the privacy statement (Art. 13/14) made from the register to --out: HTML, Markdown
    /// or PDF by the file's extension; prints its version and SHA-256. `versions` lists the
    /// versions generated.
    #[command(display_order = 30, args_conflicts_with_subcommands = true)]
    PrivacyStatement {
        #[command(subcommand)]
        list: Option<StatementCmd>,
        /// F.html, F.md or F.pdf.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// The record of processing activities (Art. 30).
    #[command(subcommand, display_order = 31)]
    Register(RegisterCmd),
}

#[derive(Subcommand)]
pub enum StatementCmd {
    /// The versions of the privacy statement generated, newest first.
    Versions,
}

#[derive(Subcommand)]
pub enum RegisterCmd {
    /// Write the record of processing activities to --out: a PDF (F.pdf) or CSV (F.csv).
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, default_value = "nl")]
        lang: String,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::PrivacyStatement { list: Some(StatementCmd::Versions), .. } => {
            let v = open(ctx)?;
            let list = versions::list(v.conn())?;
            print_rows(ctx, &list, |s| {
                let lang = if s.language.is_dutch() { "nl" } else { "en" };
                format!(
                    "{lang} version {:<3} {}  {}",
                    s.version,
                    s.created_at.get(..10).unwrap_or(&s.created_at),
                    s.sha256
                )
            })
        }
        Cmd::PrivacyStatement { list: None, out, lang } => {
            let out = out.ok_or_else(|| {
                Error::invalid("out", "give --out F.html, F.md or F.pdf (or `versions`)")
            })?;
            let format = StatementFormat::from_path(&out)?;
            let language = Language::from_tag(&lang);
            let mut v = open(ctx)?;
            let version = app::statement::write_privacy_statement(&mut v, language, format, &out)?;
            if ctx.json {
                return print_json(&version);
            }
            println!("{}", privacy::version_line(&version, language));
            println!("Written to {}.", out.display());
            Ok(())
        }
        Cmd::Register(RegisterCmd::Export { out, lang }) => {
            let ext =
                out.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
            let pdf = match ext.as_str() {
                "pdf" => true,
                "csv" => false,
                _ => return Err(Error::invalid("out", "the file must end in .pdf or .csv").into()),
            };
            let v = open(ctx)?;
            app::statement::write_record(&v, Language::from_tag(&lang), pdf, &out)?;
            done(ctx, &format!("Record of processing activities written to {}.", out.display()))
        }
    }
}
