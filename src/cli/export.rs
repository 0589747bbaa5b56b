//! Exports: the mailing list and the subject-access report with its portability export.

use std::path::PathBuf;

use clap::Subcommand;
use kluis::app;
use kluis::app::subject_access::SubjectAccess;
use kluis::domain::export::contacts::Selection;
use kluis::domain::export::sar::Redactions;
use kluis::domain::register::purposes;
use kluis::kernel::language::Language;

use super::common::{open, print_json, Ctx, Failure, Out};

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
        /// A protected copy: the PDF (AES-256) and the ZIP entries (AES-256) encrypted with a
        /// one-time password, printed once; pass it on by phone or SMS, never in the same e-mail.
        #[arg(long)]
        protect: bool,
        /// Withhold a line that concerns someone else (Art. 15(4)): interaction:ID (note:ID is
        /// the same); repeatable. The report shows a neutral marker instead.
        #[arg(long, value_name = "interaction:ID")]
        redact: Vec<String>,
        /// The e-mail address the answer goes to, recorded on --request.
        #[arg(long, value_name = "ADDRESS", requires = "request")]
        send_to: Option<String>,
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
    /// The address book as vCard 4.0 or CSV: every contact, or those --search finds.
    Contacts {
        /// vcard or csv.
        #[arg(long)]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only the contacts this search finds.
        #[arg(long)]
        search: Option<String>,
        /// Also the restricted contacts (left out unless asked for).
        #[arg(long)]
        include_restricted: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Export(ExportCmd::MailingList { purpose, out }) => {
            let mut v = open(ctx)?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            let rows = app::mailing::export_mailing_list(&mut v, p.id, &out)?;
            if ctx.json {
                return print_json(&serde_json::json!({ "rows": rows, "out": out }));
            }
            println!("{rows} people written to {}.", out.display());
            Ok(())
        }
        Cmd::Export(ExportCmd::Contacts { format, out, search, include_restricted }) => {
            let selection = Selection { search: search.as_deref(), include_restricted };
            let n = app::mailing::export_address_book(
                &mut open(ctx)?,
                format.parse()?,
                &selection,
                &out,
            )?;
            if ctx.json {
                return print_json(&serde_json::json!({ "contacts": n, "out": out }));
            }
            println!("{n} contacts written to {}.", out.display());
            Ok(())
        }
        Cmd::Sar {
            contact,
            out,
            zip,
            lang,
            request,
            include_special,
            protect,
            redact,
            send_to,
        } => {
            let redactions = redactions(&redact)?;
            let mut v = open(ctx)?;
            let written = app::subject_access::export(
                &mut v,
                &SubjectAccess {
                    contact_id: contact,
                    request_id: request,
                    language: Language::from_tag(&lang),
                    pdf_path: &out,
                    zip_path: zip.as_deref(),
                    include_special,
                    protect,
                    redactions,
                    send_to: send_to.as_deref(),
                },
            )?;
            if written.address_known == Some(false) {
                eprintln!(
                    "warning: the address is not one of the contact's; check that it is theirs \
                     before sending."
                );
            }
            if ctx.json {
                return print_json(&serde_json::json!({
                    "pdf": out, "pdf_sha256": written.pdf_sha256,
                    "zip": zip, "zip_sha256": written.zip_sha256,
                    "password": written.password,
                    "redactions": written.redactions,
                    "address_known": written.address_known,
                }));
            }
            println!("Subject-access report written to {}.", out.display());
            if written.redactions > 0 {
                println!("{} line(s) withheld as concerning someone else.", written.redactions);
            }
            if let Some(pw) = &written.password {
                println!("Password: {}", pw.expose());
                println!(
                    "Shown once and not kept. Pass it on by phone or SMS, never in the same \
                     e-mail as the files."
                );
            }
            Ok(())
        }
    }
}

/// `--redact interaction:ID` (or `note:ID`) values as the set of ids to withhold.
fn redactions(values: &[String]) -> Result<Redactions, Failure> {
    let mut r = Redactions::default();
    for v in values {
        let id = v
            .strip_prefix("interaction:")
            .or_else(|| v.strip_prefix("note:"))
            .and_then(|id| id.parse::<i64>().ok())
            .ok_or_else(|| {
                Failure::Usage(format!("--redact: expected interaction:ID or note:ID, got {v:?}"))
            })?;
        r.interactions.insert(id);
    }
    Ok(r)
}
