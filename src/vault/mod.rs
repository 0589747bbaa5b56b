//! A vault is a folder holding `kluis.db` (SQLCipher 4) and `vault.json` (the wrapped data key).
//! Unlocking checks the key against `vault.json` before the database is touched, so a wrong
//! passphrase or recovery key writes nothing. Locking drops the connection and zeroises the key.
//! The vault never calls upwards: finishing an interrupted restore and the start-up purge
//! happen around opening, in `src/app/unlock.rs`.

pub mod keyfile;
pub mod keyring;
pub mod settings;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::kernel::clock::{Clock, Ctx};
use crate::kernel::crypto::{self, SecretKey};
use crate::kernel::error::{Error, Result};
use crate::kernel::passphrase;
use crate::store;
use keyfile::KeyFile;

pub const DB_FILE: &str = "kluis.db";

/// An unlocked vault: the open database and the data key.
pub struct Vault {
    dir: PathBuf,
    conn: Connection,
    key: SecretKey,
    keyfile: KeyFile,
    clock: Clock,
    actor: String,
}

/// How to unlock.
pub enum Secret<'a> {
    Passphrase(&'a str),
    /// The key remembered in the OS secret store.
    Remembered,
}

/// What creating a vault hands back once: the recovery key, to be written down.
pub struct NewVault {
    pub vault: Vault,
    pub recovery_key: Zeroizing<String>,
}

/// The recovery key as the UI receives it, once, right after creation.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Created {
    // Zeroized when dropped, like every other copy of the key.
    #[ts(type = "string")]
    pub recovery_key: Zeroizing<String>,
    /// The vault's id (public), printed on the recovery sheet beside the key.
    pub vault_id: String,
    /// The key was stored in the OS secret store as asked (false when it was not asked, or
    /// no secret store was reachable).
    pub remembered: bool,
}

/// The new recovery key after a key rotation, handed to the UI once.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RotatedKey {
    // Zeroized when dropped: no full copy of the key stays in freed memory.
    #[ts(type = "string")]
    pub recovery_key: Zeroizing<String>,
    /// The vault's id (public, unchanged by a rotation), for the recovery sheet.
    pub vault_id: String,
}

/// What the app knows before unlocking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VaultStatus {
    pub exists: bool,
    pub unlocked: bool,
    /// This device remembers the key (false when no OS secret store is reachable).
    pub remembered: bool,
    pub vault_dir: String,
}

impl VaultStatus {
    /// What is in `dir` now (`app::vault_status` first finishes a restore a crash
    /// interrupted).
    pub fn of(dir: &Path, unlocked: bool) -> VaultStatus {
        let exists = exists(dir);
        VaultStatus {
            exists,
            unlocked,
            remembered: exists && is_remembered(dir).unwrap_or(false),
            vault_dir: dir.display().to_string(),
        }
    }
}

impl std::fmt::Debug for NewVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewVault").field("vault", &self.vault).finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("dir", &self.dir).finish_non_exhaustive()
    }
}

/// Whether `dir` holds a vault.
pub fn exists(dir: &Path) -> bool {
    dir.join(keyfile::FILE_NAME).is_file()
}

/// The vault's id (public, used to name the remembered key), without unlocking.
pub fn vault_id(dir: &Path) -> Result<String> {
    Ok(KeyFile::load(dir)?.vault_id)
}

/// The words counted as guessable in a passphrase for the vault in `dir` before it is
/// unlocked: "kluis" and the folder's name.
pub fn passphrase_inputs(dir: &Path) -> Vec<String> {
    passphrase::user_inputs(dir.file_name().and_then(|n| n.to_str()), None)
}

/// The strength of a passphrase for the vault in `dir`: with the business name when `vault`
/// is the unlocked vault, with the folder name and "kluis" always.
pub fn passphrase_strength(dir: &Path, vault: Option<&Vault>, p: &str) -> passphrase::Strength {
    let inputs = vault.map_or_else(|| passphrase_inputs(dir), Vault::passphrase_inputs);
    passphrase::strength(p, &inputs)
}

/// Whether this device remembers a key for the vault in `dir` (asks the OS secret store).
pub fn is_remembered(dir: &Path) -> Result<bool> {
    Ok(keyring::load(&vault_id(dir)?)?.is_some())
}

/// Removes the remembered key for the vault in `dir`; `Ok(false)` when there was none.
pub fn forget(dir: &Path) -> Result<bool> {
    keyring::delete(&vault_id(dir)?)
}

impl Vault {
    /// Creates a new vault in `dir` (created if missing; must not already hold a vault).
    pub fn create(dir: &Path, passphrase: &str, clock: Clock, actor: &str) -> Result<NewVault> {
        passphrase::require_strong(passphrase, &passphrase_inputs(dir))?;
        if exists(dir) || dir.join(DB_FILE).exists() {
            return Err(Error::VaultExists(dir.display().to_string()));
        }
        fs::create_dir_all(dir)?;
        restrict_permissions(dir)?;
        let key = crypto::new_data_key();
        let recovery = Zeroizing::new(crypto::random_bytes::<{ crypto::RECOVERY_LEN }>());
        let kf = KeyFile::new(&key, passphrase, recovery.as_ref(), clock.now())?;
        let conn = store::open(&dir.join(DB_FILE), &key, true)?;
        // The key file is written last: a vault without it is not a vault, so a crash
        // half-way leaves nothing that looks usable.
        kf.save(dir)?;
        let vault = Vault {
            dir: dir.to_path_buf(),
            conn,
            key,
            keyfile: kf,
            clock,
            actor: actor.to_owned(),
        };
        vault.audit("vault.create", "vault", None, &[])?;
        Ok(NewVault { vault, recovery_key: crypto::format_recovery(&recovery) })
    }

    /// Opens the vault: settles a key rotation a crash interrupted, checks the key against
    /// `vault.json`, opens the database and records the unlock. A wrong passphrase writes
    /// nothing. (Front ends unlock through `app::unlock`, which also finishes an interrupted
    /// restore and runs the start-up purge.)
    pub fn open(dir: &Path, secret: Secret<'_>, clock: Clock, actor: &str) -> Result<Vault> {
        settle_rotation(dir, &secret)?;
        let kf = KeyFile::load(dir)?;
        let (key, action) = match secret {
            Secret::Passphrase(p) => (kf.unwrap_with_passphrase(p)?, "vault.unlock"),
            Secret::Remembered => {
                let key = keyring::load(&kf.vault_id)?.ok_or_else(|| {
                    Error::KeyringUnavailable(
                        "no key is remembered for this vault on this device".into(),
                    )
                })?;
                if !kf.fits(&key) {
                    keyring::delete(&kf.vault_id)?;
                    return Err(Error::KeyringUnavailable(
                        "the remembered key no longer opens this vault and was forgotten; \
                         enter the passphrase"
                            .into(),
                    ));
                }
                (key, "vault.unlock_remembered")
            }
        };
        Self::open_with(dir, kf, key, clock, actor, action)
    }

    /// Unlocks with the recovery key and sets a new passphrase (the forgotten-passphrase path).
    pub fn recover(
        dir: &Path,
        recovery_key: &str,
        new_passphrase: &str,
        clock: Clock,
        actor: &str,
    ) -> Result<Vault> {
        let mut kf = KeyFile::load(dir)?;
        let recovery = crypto::parse_recovery(recovery_key)?;
        let key = kf.unwrap_with_recovery(recovery.as_ref())?;
        let conn = store::open(&dir.join(DB_FILE), &key, false)?;
        let mut vault = Vault {
            dir: dir.to_path_buf(),
            conn,
            key,
            keyfile: kf.clone(),
            clock,
            actor: actor.to_owned(),
        };
        // Checked before anything is recorded: a refused passphrase writes nothing.
        passphrase::require_strong(new_passphrase, &vault.passphrase_inputs())?;
        vault.audit("vault.recover", "vault", None, &[])?;
        kf.rewrap_passphrase(&vault.key, new_passphrase)?;
        kf.save(dir)?;
        vault.keyfile = kf;
        vault.audit("vault.passphrase_reset", "vault", None, &[])?;
        Ok(vault)
    }

    fn open_with(
        dir: &Path,
        keyfile: KeyFile,
        key: SecretKey,
        clock: Clock,
        actor: &str,
        action: &str,
    ) -> Result<Vault> {
        let conn = store::open(&dir.join(DB_FILE), &key, false)?;
        let vault =
            Vault { dir: dir.to_path_buf(), conn, key, keyfile, clock, actor: actor.to_owned() };
        vault.audit(action, "vault", None, &[])?;
        Ok(vault)
    }

    /// The words counted as guessable in a new passphrase for this vault: "kluis", the folder's
    /// name and the business name (the controller's name in `meta`, when set). A read that
    /// fails leaves the business name out rather than refusing.
    pub fn passphrase_inputs(&self) -> Vec<String> {
        let business: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'controller.name'", [], |r| r.get(0))
            .ok();
        passphrase::user_inputs(self.dir.file_name().and_then(|n| n.to_str()), business.as_deref())
    }

    /// Locks: closes the database and wipes the key from memory.
    pub fn lock(self) {
        let Vault { conn, key, .. } = self;
        drop(conn);
        drop(key);
    }

    /// Re-wraps the data key under a new passphrase; the database is not rewritten.
    pub fn change_passphrase(&mut self, current: &str, new: &str) -> Result<()> {
        self.keyfile.unwrap_with_passphrase(current)?;
        passphrase::require_strong(new, &self.passphrase_inputs())?;
        let mut kf = self.keyfile.clone();
        kf.rewrap_passphrase(&self.key, new)?;
        kf.save(&self.dir)?;
        self.keyfile = kf;
        self.audit("vault.passphrase_change", "vault", None, &[])
    }

    /// Rotates the data key (R4.6: a passphrase, device or backup may have leaked): a new
    /// random key (`PRAGMA rekey`), a new passphrase and a new recovery key (returned, to be
    /// written down); keys remembered on this device are forgotten. Old backups keep opening
    /// with the key file they carry. Crash-safe: the new key file is written beside the old
    /// one first, and opening settles a rotation a crash interrupted.
    pub fn rotate_key(&mut self, current: &str, new_passphrase: &str) -> Result<Zeroizing<String>> {
        self.keyfile.unwrap_with_passphrase(current)?;
        passphrase::require_strong(new_passphrase, &self.passphrase_inputs())?;
        let key = crypto::new_data_key();
        let recovery = Zeroizing::new(crypto::random_bytes::<{ crypto::RECOVERY_LEN }>());
        let kf = KeyFile::for_vault(
            self.keyfile.vault_id.clone(),
            &key,
            new_passphrase,
            recovery.as_ref(),
            self.keyfile.created_at,
        )?;
        let json = serde_json::to_vec_pretty(&kf).map_err(|e| Error::Internal(e.to_string()))?;
        crate::kernel::fs::write_atomic(&self.dir, keyfile::NEXT_FILE_NAME, &json)?;
        self.checkpoint()?;
        self.conn.execute_batch(&store::key_pragma("rekey", &key))?;
        // The re-keyed pages go from the log into the file before the new key file is put in
        // place: once it is, every page in the file is the new key's.
        self.checkpoint()?;
        std::fs::rename(self.dir.join(keyfile::NEXT_FILE_NAME), self.dir.join(keyfile::FILE_NAME))?;
        std::fs::File::open(&self.dir)?.sync_all()?;
        self.key = key;
        self.keyfile = kf;
        // Whatever this device remembered opens nothing any more; a missing secret store is fine.
        let _ = keyring::delete(&self.keyfile.vault_id);
        self.audit("vault.rotate_key", "vault", None, &[])?;
        Ok(crypto::format_recovery(&recovery))
    }

    /// Stores the data key in the OS secret store for password-less unlock on this device.
    pub fn remember(&self) -> Result<()> {
        keyring::store(&self.keyfile.vault_id, &self.key)?;
        self.audit("vault.remember", "vault", None, &[])
    }

    /// Removes this vault's key from the OS secret store.
    pub fn forget(&self) -> Result<bool> {
        let removed = keyring::delete(&self.keyfile.vault_id)?;
        self.audit("vault.forget", "vault", None, &[])?;
        Ok(removed)
    }

    /// The data key, for the backup module (a backup's body key is derived from it).
    pub(crate) fn data_key(&self) -> &SecretKey {
        &self.key
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn id(&self) -> &str {
        &self.keyfile.vault_id
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The clock and actor for audit rows written now.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx { now: self.clock.now(), actor: &self.actor }
    }

    /// Appends an audit row on its own.
    pub fn audit(
        &self,
        action: &str,
        entity: &str,
        entity_id: Option<i64>,
        fields: &[&str],
    ) -> Result<()> {
        self.ctx().audit(&self.conn, action, entity, entity_id, fields)
    }

    /// Runs one user action as one transaction: all of it (with its audit rows) or nothing.
    /// Every committed write ends with a WAL checkpoint, so `kluis.db` alone holds the vault
    /// (and changed or deleted values do not linger in the write-ahead log) when it returns.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, &Ctx<'_>) -> Result<T>,
    ) -> Result<T> {
        let ctx = Ctx { now: self.clock.now(), actor: &self.actor };
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx, &ctx)?;
        tx.commit()?;
        self.checkpoint()?;
        Ok(out)
    }

    /// Runs `f` like [`Vault::write`] in a transaction that is then rolled back: what an action
    /// would do (an import's dry run), with nothing written.
    pub fn dry_run<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, &Ctx<'_>) -> Result<T>,
    ) -> Result<T> {
        let ctx = Ctx { now: self.clock.now(), actor: &self.actor };
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let out = f(&tx, &ctx)?;
        tx.rollback()?;
        Ok(out)
    }

    /// Writes everything in the WAL into the database file and truncates the WAL, so that
    /// deleted rows no longer linger there (with `secure_delete` they are zeroed in the file).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// Settles a key rotation a crash interrupted: when `vault.json.next` is there, the database
/// is keyed with either the old or the new key; keep the key file whose key opens it.
fn settle_rotation(dir: &Path, secret: &Secret<'_>) -> Result<()> {
    let next_path = dir.join(keyfile::NEXT_FILE_NAME);
    if !next_path.is_file() {
        return Ok(());
    }
    let Secret::Passphrase(p) = secret else {
        return Err(Error::KeyringUnavailable(
            "a key rotation was interrupted; unlock with the passphrase".into(),
        ));
    };
    let current = KeyFile::load(dir)?;
    let opens = |key: &SecretKey| store::open(&dir.join(DB_FILE), key, false).is_ok();
    let old_key = current.unwrap_with_passphrase(p);
    if old_key.as_ref().is_ok_and(opens) {
        std::fs::remove_file(&next_path)?;
        return Ok(());
    }
    let next: KeyFile = serde_json::from_slice(&std::fs::read(&next_path)?)
        .map_err(|_| Error::Integrity("vault.json.next is damaged".into()))?;
    if next.unwrap_with_passphrase(p).is_ok_and(|k| opens(&k)) {
        std::fs::rename(&next_path, dir.join(keyfile::FILE_NAME))?;
        return Ok(());
    }
    // The old passphrase fits the old key file, but the database no longer opens with its
    // key: the re-key went through, so only the new passphrase opens the vault now.
    if old_key.is_ok() {
        return Err(Error::WrongPassphrase);
    }
    Ok(())
}

#[cfg(unix)]
pub(crate) fn restrict_permissions(dir: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn restrict_permissions(_dir: &Path) -> Result<()> {
    Ok(())
}

/// The vault folder: `KLUIS_VAULT` when set, else the OS data folder (`$XDG_DATA_HOME/kluis`,
/// `~/.local/share/kluis`; `~/Library/Application Support/Kluis` on macOS; `%APPDATA%\Kluis`
/// on Windows). The desktop app and the CLI use the same rule, so they see the same vault.
pub fn default_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KLUIS_VAULT").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let home = || std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    if cfg!(target_os = "macos") {
        home().join("Library/Application Support/Kluis")
    } else if cfg!(windows) {
        std::env::var_os("APPDATA").map(PathBuf::from).unwrap_or_else(home).join("Kluis")
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| home().join(".local/share"))
            .join("kluis")
    }
}
