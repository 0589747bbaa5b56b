//! Exports: the mailing list and the subject-access report with its portability export.

use std::path::PathBuf;

use clap::Subcommand;
use kluis::export::{mailing, sar};
use kluis::register::purposes;
use kluis::{requests, Error};

use super::common::{open, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// Exports.
    #[command(subcommand, display_order = 12)]
    Export(ExportCmd),
    /// The subject-access report (PDF) and, with --zip, the portability export.
    #[command(display_order = 19)]
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
}

#[derive(Subcommand)]
pub enum ExportCmd {
    /// CSV of the people who may be mailed for a purpose (name, email).
    MailingList {
        #[arg(long)]
        purpose: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Export(ExportCmd::MailingList { purpose, out }) => {
            let mut v = open(ctx)?;
            let (csv, rows) = v.write(|tx, c| {
                let p = purposes::by_name(tx, &purpose)?;
                mailing::csv(tx, c, p.id)
            })?;
            std::fs::write(&out, csv).map_err(Error::Io)?;
            if ctx.json {
                return print_json(&serde_json::json!({ "rows": rows, "out": out }));
            }
            println!("{rows} people written to {}.", out.display());
            Ok(())
        }
        Cmd::Sar { contact, out, zip, lang, request, include_special } => {
            let mut v = open(ctx)?;
            let dutch = lang != "en";
            let (pdf, archive) = v.write(|tx, c| {
                let pdf = sar::pdf(tx, c, contact, dutch, request)?;
                let archive = match &zip {
                    Some(_) => Some(sar::portability_zip(tx, c, contact, include_special, c.now)?),
                    None => None,
                };
                if let Some(r) = request {
                    requests::record_file(tx, c, r, "subject-access-pdf", &sar::sha256_hex(&pdf))?;
                    if let Some(a) = &archive {
                        requests::record_file(tx, c, r, "portability-zip", &sar::sha256_hex(a))?;
                    }
                }
                c.audit(tx, "export.subject_access", "contact", Some(contact), &[])?;
                Ok((pdf, archive))
            })?;
            std::fs::write(&out, &pdf).map_err(Error::Io)?;
            if let (Some(path), Some(a)) = (&zip, &archive) {
                std::fs::write(path, a).map_err(Error::Io)?;
            }
            if ctx.json {
                return print_json(&serde_json::json!({
                    "pdf": out, "pdf_sha256": sar::sha256_hex(&pdf),
                    "zip": zip, "zip_sha256": archive.as_deref().map(sar::sha256_hex),
                }));
            }
            println!("Subject-access report written to {}.", out.display());
            Ok(())
        }
    }
}
