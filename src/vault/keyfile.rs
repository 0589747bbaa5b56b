//! `vault.json`: format version, KDF parameters, salts and the data key wrapped twice. It holds
//! no personal data and no unwrapped secret. Written atomically (temp file, fsync, rename).

use std::fs;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::kernel::crypto::{self, KdfParams, SecretKey, Wrapped};
use crate::kernel::error::{Error, Result};
use crate::kernel::fs::write_atomic;

pub const FORMAT: u32 = 1;
pub const FILE_NAME: &str = "vault.json";
/// The key file of a key rotation in progress (see `Vault::rotate_key`).
pub const NEXT_FILE_NAME: &str = "vault.json.next";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    pub format: u32,
    pub vault_id: String,
    pub created_at: DateTime<Utc>,
    pub kdf: KdfParams,
    pub salt: String,
    pub passphrase_wrap: Wrapped,
    pub recovery_salt: String,
    pub recovery_wrap: Wrapped,
    pub key_check: String,
}

/// Which wrapped copy of the data key.
#[derive(Clone, Copy)]
pub enum Slot {
    Passphrase,
    Recovery,
}

impl KeyFile {
    /// A new key file for `key`, wrapped under the passphrase and the recovery key.
    pub fn new(
        key: &SecretKey,
        passphrase: &str,
        recovery: &[u8],
        created_at: DateTime<Utc>,
    ) -> Result<KeyFile> {
        Self::for_vault(uuid::Uuid::new_v4().to_string(), key, passphrase, recovery, created_at)
    }

    /// A key file for an existing vault id (key rotation keeps the vault's identity).
    pub fn for_vault(
        vault_id: String,
        key: &SecretKey,
        passphrase: &str,
        recovery: &[u8],
        created_at: DateTime<Utc>,
    ) -> Result<KeyFile> {
        let mut kf = KeyFile {
            format: FORMAT,
            vault_id,
            created_at,
            kdf: KdfParams::default(),
            salt: String::new(),
            passphrase_wrap: Wrapped { nonce: String::new(), ciphertext: String::new() },
            recovery_salt: B64.encode(crypto::random_bytes::<16>()),
            recovery_wrap: Wrapped { nonce: String::new(), ciphertext: String::new() },
            key_check: crypto::key_check(key),
        };
        kf.rewrap_passphrase(key, passphrase)?;
        let kek = crypto::derive_from_recovery(recovery, &kf.recovery_salt_bytes()?);
        kf.recovery_wrap = crypto::wrap(&kek, key, &kf.aad(Slot::Recovery));
        Ok(kf)
    }

    /// Wraps the data key under a (new) passphrase with a fresh salt.
    pub fn rewrap_passphrase(&mut self, key: &SecretKey, passphrase: &str) -> Result<()> {
        let salt = crypto::random_bytes::<16>();
        self.kdf = KdfParams::default();
        let kek = crypto::derive_from_passphrase(passphrase, &salt, &self.kdf)?;
        self.salt = B64.encode(salt);
        self.passphrase_wrap = crypto::wrap(&kek, key, &self.aad(Slot::Passphrase));
        Ok(())
    }

    pub fn aad(&self, slot: Slot) -> Vec<u8> {
        let name = match slot {
            Slot::Passphrase => "passphrase",
            Slot::Recovery => "recovery",
        };
        format!("kluis-vault-v{}:{}:{}", self.format, self.vault_id, name).into_bytes()
    }

    fn recovery_salt_bytes(&self) -> Result<Vec<u8>> {
        B64.decode(&self.recovery_salt)
            .map_err(|_| Error::Integrity("vault.json is damaged (recovery salt)".into()))
    }

    /// The data key from the passphrase, or `WrongPassphrase`.
    pub fn unwrap_with_passphrase(&self, passphrase: &str) -> Result<SecretKey> {
        let salt = B64
            .decode(&self.salt)
            .map_err(|_| Error::Integrity("vault.json is damaged (salt)".into()))?;
        let kek = crypto::derive_from_passphrase(passphrase, &salt, &self.kdf)?;
        let key = crypto::unwrap(&kek, &self.passphrase_wrap, &self.aad(Slot::Passphrase))?
            .ok_or(Error::WrongPassphrase)?;
        self.check_key(key)
    }

    /// The data key from the recovery key's bytes, or `WrongRecoveryKey`.
    pub fn unwrap_with_recovery(&self, recovery: &[u8]) -> Result<SecretKey> {
        let kek = crypto::derive_from_recovery(recovery, &self.recovery_salt_bytes()?);
        let key = crypto::unwrap(&kek, &self.recovery_wrap, &self.aad(Slot::Recovery))?
            .ok_or(Error::WrongRecoveryKey)?;
        self.check_key(key)
    }

    pub fn fits(&self, key: &SecretKey) -> bool {
        crypto::key_check(key) == self.key_check
    }

    fn check_key(&self, key: SecretKey) -> Result<SecretKey> {
        if self.fits(&key) {
            Ok(key)
        } else {
            Err(Error::Integrity("vault.json is damaged (key check)".into()))
        }
    }

    pub fn load(dir: &Path) -> Result<KeyFile> {
        let path = dir.join(FILE_NAME);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NoVault(dir.display().to_string()))
            }
            Err(e) => return Err(e.into()),
        };
        let kf: KeyFile = serde_json::from_slice(&bytes)
            .map_err(|_| Error::Integrity("vault.json is damaged or not a Kluis vault".into()))?;
        if kf.format > FORMAT {
            return Err(Error::NewerSchema {
                found: i64::from(kf.format),
                supported: i64::from(FORMAT),
            });
        }
        kf.kdf.check()?;
        Ok(kf)
    }

    /// Writes the file atomically: a crash leaves either the old or the new file.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| Error::Internal(format!("vault.json: {e}")))?;
        write_atomic(dir, FILE_NAME, &json)
    }
}
