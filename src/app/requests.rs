//! Data-subject requests as the user registers and extends them: the change and the request
//! as it is afterwards (with its new deadline).

use crate::domain::requests::{self, Request, RequestKind};
use crate::kernel::error::Result;
use crate::vault::Vault;

/// Registers a request received on `received` (YYYY-MM-DD).
pub fn add_request(
    vault: &mut Vault,
    contact_id: i64,
    kind: RequestKind,
    received: &str,
) -> Result<Request> {
    let today = vault.now().date_naive();
    vault.write(|tx, c| {
        let id = requests::add(tx, c, contact_id, kind, received)?;
        requests::get(tx, id, today)
    })
}

/// Extends a request's deadline (the person was told on `notified`).
pub fn extend_request(vault: &mut Vault, id: i64, reason: &str, notified: &str) -> Result<Request> {
    let today = vault.now().date_naive();
    vault.write(|tx, c| {
        requests::extend(tx, c, id, reason, notified)?;
        requests::get(tx, id, today)
    })
}
