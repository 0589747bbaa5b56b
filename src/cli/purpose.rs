//! The processing register: purposes and their lawful basis; the processors (`kluis
//! processor`) are listed here too and run by `processor.rs`.

use clap::{Args, Subcommand};
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
        #[command(flatten)]
        statement: StatementArgs,
    },
    /// Change a purpose (by its name); only the options given change.
    Edit {
        name: String,
        #[arg(long = "rename")]
        new_name: Option<String>,
        /// consent, contract, legitimate-interest, legal-obligation, vital-interest, public-task.
        #[arg(long)]
        basis: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[command(flatten)]
        statement: StatementArgs,
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

/// What the privacy statement says of a purpose (Art. 13/14).
#[derive(Args)]
pub struct StatementArgs {
    /// The legitimate interest pursued (for the basis legitimate-interest).
    #[arg(long)]
    legitimate_interest: Option<String>,
    /// Whether providing the data is required: none, contract or law.
    #[arg(long)]
    requirement: Option<String>,
    /// What happens when the person does not provide the data.
    #[arg(long)]
    consequence: Option<String>,
    /// Where the data come from, when not from the person.
    #[arg(long)]
    source: Option<String>,
}

impl StatementArgs {
    fn apply(self, input: &mut PurposeInput) -> kluis::Result<()> {
        if let Some(v) = self.legitimate_interest {
            input.legitimate_interest = v;
        }
        if let Some(v) = self.requirement {
            input.requirement = v.parse()?;
        }
        if let Some(v) = self.consequence {
            input.consequence = v;
        }
        if let Some(v) = self.source {
            input.source = v;
        }
        Ok(())
    }
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    let cmd = match cmd {
        Cmd::Purpose(cmd) => cmd,
        Cmd::Processor(cmd) => return super::processor::run(ctx, cmd),
    };
    match cmd {
        PurposeCmd::Add {
            name,
            basis,
            description,
            direct_marketing,
            categories,
            recipients,
            statement,
        } => {
            let mut input = PurposeInput {
                description,
                direct_marketing,
                data_categories: categories,
                recipients,
                ..PurposeInput::new(&name, basis.parse()?)
            };
            statement.apply(&mut input)?;
            let id = open(ctx)?.write(|tx, c| purposes::create(tx, c, &input))?;
            print_id(ctx, id)
        }
        PurposeCmd::Edit { name, new_name, basis, description, statement } => {
            let mut v = open(ctx)?;
            let current = purposes::by_name(v.conn(), &name)?;
            let mut input = PurposeInput::from_purpose(&current);
            if let Some(n) = new_name {
                input.name = n;
            }
            if let Some(b) = basis {
                input.basis = b.parse()?;
            }
            if let Some(d) = description {
                input.description = d;
            }
            statement.apply(&mut input)?;
            v.write(|tx, c| purposes::update(tx, c, current.id, &input))?;
            done(ctx, "Purpose changed.")
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
