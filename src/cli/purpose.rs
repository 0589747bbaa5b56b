//! The processing register: purposes and their lawful basis; the processors (`kluis
//! processor`) are listed here too and run by `processor.rs`.

use clap::Subcommand;
use kluis::domain::register::purposes::{self, PurposeInput};
use kluis::kernel::language::Language;

use super::common::{done, open, print_id, print_rows, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// The processing register: purposes and their lawful basis.
    #[command(subcommand, display_order = 9)]
    Purpose(PurposeCmd),
    /// The processor register: processors and other recipients (Art. 28, Art. 30(1)(d)).
    #[command(subcommand, display_order = 9)]
    Processor(super::processor::ProcessorCmd),
}

#[derive(Subcommand)]
pub enum PurposeCmd {
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

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    let cmd = match cmd {
        Cmd::Purpose(cmd) => cmd,
        Cmd::Processor(cmd) => return super::processor::run(ctx, cmd),
    };
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
            print_rows(ctx, &list, |p| {
                format!(
                    "{:>4}  {:<28} {:<20} {}",
                    p.id,
                    p.name,
                    p.basis.as_str(),
                    if p.direct_marketing { "direct marketing" } else { "" }
                )
            })
        }
        PurposeCmd::Propose { lang } => {
            let mut v = open(ctx)?;
            let language = Language::from_tag(&lang);
            let added = v.write(|tx, c| purposes::add_proposals(tx, c, language))?;
            done(ctx, &format!("{added} purposes added."))
        }
    }
}
