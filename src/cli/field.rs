//! Flexible fields defined by the business.

use clap::Subcommand;
use kluis::domain::fields::{self, FieldDefInput};
use kluis::domain::register::purposes;
use kluis::Error;

use super::common::{done, open, print_id, print_rows, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// Flexible fields defined by the business.
    #[command(subcommand, display_order = 10)]
    Field(FieldCmd),
}

#[derive(Subcommand)]
pub enum FieldCmd {
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

pub fn run(ctx: &Ctx, Cmd::Field(cmd): Cmd) -> Out {
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
            print_rows(ctx, &list, |f| {
                format!(
                    "{:>4}  {:<24} {:<8} {:<24} {}{}",
                    f.id,
                    f.label,
                    f.kind.as_str(),
                    f.purpose,
                    if f.required { "required " } else { "" },
                    if f.special_category { "special category" } else { "" }
                )
            })
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
