//! Adding a contact together with the link the core proposes for it (a client to the
//! contract-basis purpose), in one transaction, so a new client does not land in triage.

use crate::domain::consent::{self, Source};
use crate::domain::contacts::{self, ContactInput};
use crate::domain::register::purposes;
use crate::kernel::error::Result;
use crate::vault::Vault;

/// Creates the contact and, when `link_purpose` is given, links it to that purpose on the
/// purpose's own basis (not consent: that needs the person's evidence). Both or neither.
pub fn add(
    vault: &mut Vault,
    input: &ContactInput,
    confirm_not_bsn: bool,
    link_purpose: Option<i64>,
) -> Result<i64> {
    vault.write(|tx, ctx| {
        let id = contacts::create_in(tx, ctx, input, confirm_not_bsn)?;
        if let Some(pid) = link_purpose {
            let purpose = purposes::get(tx, pid)?;
            super::bulk::ensure_not_consent(&purpose)?;
            consent::link(tx, ctx, id, purpose.id, Some(purpose.basis), Source::Other)?;
        }
        Ok(id)
    })
}
