//! The controller's details, all saved in one transaction.

use crate::domain::controller::{self, Controller};
use crate::kernel::error::Result;
use crate::vault::Vault;

/// Saves every field of the controller's details: all of them or none.
pub fn set_controller(vault: &mut Vault, details: &Controller) -> Result<()> {
    vault.write(|tx, c| {
        controller::set(tx, c, "name", &details.name)?;
        controller::set(tx, c, "address", &details.address)?;
        controller::set(tx, c, "kvk", &details.kvk)?;
        controller::set(tx, c, "privacy_contact", &details.privacy_contact)
    })
}
