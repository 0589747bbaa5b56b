//! "Remember on this device": the data key in the OS secret store (Secret Service on Linux),
//! under the vault's id. There is no fallback to a file: when no secret store is reachable the
//! caller gets `KeyringUnavailable` and asks for the passphrase.

use zeroize::Zeroizing;

use crate::kernel::crypto::{SecretKey, KEY_LEN};
use crate::kernel::error::{Error, Result};

const SERVICE: &str = "nl.kluis.vault";

fn entry(vault_id: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, vault_id).map_err(unavailable)
}

fn unavailable(e: keyring::Error) -> Error {
    Error::KeyringUnavailable(e.to_string())
}

pub fn store(vault_id: &str, key: &SecretKey) -> Result<()> {
    entry(vault_id)?.set_secret(key.as_ref()).map_err(unavailable)
}

/// The remembered key, `None` when nothing is remembered for this vault.
pub fn load(vault_id: &str) -> Result<Option<SecretKey>> {
    match entry(vault_id)?.get_secret() {
        Ok(secret) => {
            let secret = Zeroizing::new(secret);
            if secret.len() != KEY_LEN {
                return Ok(None);
            }
            let mut key = Zeroizing::new([0u8; KEY_LEN]);
            key.copy_from_slice(&secret);
            Ok(Some(key))
        }
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(unavailable(e)),
    }
}

/// Removes the remembered key; `Ok(false)` when there was none.
pub fn delete(vault_id: &str) -> Result<bool> {
    match entry(vault_id)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(unavailable(e)),
    }
}
