//! Business settings used in documents (the controller's details).

use clap::Subcommand;

use super::common::{done, open, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// Business settings used in documents.
    #[command(subcommand, display_order = 20)]
    Settings(SettingsCmd),
}

#[derive(Subcommand)]
pub enum SettingsCmd {
    /// Set controller.name, controller.address, controller.kvk or controller.privacy_contact.
    Set { key: String, value: String },
    /// Show the settings.
    Show,
}

pub fn run(ctx: &Ctx, Cmd::Settings(cmd): Cmd) -> Out {
    match cmd {
        SettingsCmd::Set { key, value } => {
            open(ctx)?.write(|tx, c| kluis::domain::controller::set(tx, c, &key, &value))?;
            done(ctx, "Setting saved.")
        }
        SettingsCmd::Show => {
            let v = open(ctx)?;
            let c = kluis::domain::controller::get(v.conn())?;
            if ctx.json {
                return print_json(&c);
            }
            println!("controller.name             {}", c.name);
            println!("controller.address          {}", c.address.replace('\n', ", "));
            println!("controller.kvk              {}", c.kvk);
            println!("controller.privacy_contact  {}", c.privacy_contact);
            Ok(())
        }
    }
}
