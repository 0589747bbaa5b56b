//! Encrypted backups (docs/BACKUP-FORMAT.md): one file holding a header (magic,
//! format version, app and schema version, creation time, the vault's key file: KDF
//! parameters, salts and the data key wrapped under the passphrase and the recovery key) and
//! the database snapshot, encrypted in authenticated chunks (XChaCha20-Poly1305 STREAM, every
//! chunk bound to the header). Any changed, missing or appended byte, or a wrong passphrase,
//! is refused; nothing is written before the whole file has been verified.

pub mod auto;
pub mod restore;

use std::io::{Read, Write};
use std::path::Path;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, Payload};
use chacha20poly1305::XChaCha20Poly1305;
use chrono::{DateTime, Utc};
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::kernel::crypto::{self, SecretKey};
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::kernel::fs::{create_private, split_path};
use crate::vault::keyfile::KeyFile;
use crate::vault::{Vault, DB_FILE};

pub const MAGIC: &[u8; 8] = b"KLUISBAK";
pub const FORMAT: u8 = 1;
const CHUNK: usize = 1 << 20;
/// A header larger than this is not a Kluis backup.
const MAX_HEADER: u32 = 64 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub app_version: String,
    pub schema_version: i64,
    pub created_at: DateTime<Utc>,
    /// The vault's key file at the time: the data key wrapped under the passphrase that was
    /// current then, and under the recovery key.
    pub keyfile: KeyFile,
    pub body_salt: String,
    pub nonce_prefix: String,
    pub chunks: u64,
    pub body_len: u64,
}

/// The steps of a backup or restore, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Reading a consistent copy of the database.
    Snapshot,
    /// Encrypting and writing the backup file.
    Encrypt,
    /// Decrypting and authenticating every byte of a backup file.
    Verify,
    /// Writing the restored database into a temporary vault.
    Write,
    /// `cipher_integrity_check` and `integrity_check` of the restored database.
    Check,
    /// Re-applying erasures the backup lacks.
    Erasures,
    /// The due retention purge.
    Purge,
    /// Swapping the restored vault in.
    Swap,
}

/// Where a backup or restore is: a step and, within it, how far (bytes for `Encrypt` and
/// `Verify`; 0 of 1 then 1 of 1 for the short steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Progress {
    pub step: Step,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// Receives progress; `&mut |_| {}` when nobody is watching.
pub type OnProgress<'a> = &'a mut dyn FnMut(Progress);

/// Reports a short step as started.
pub(crate) fn begin(on: OnProgress<'_>, step: Step) {
    on(Progress { step, done: 0, total: 1 });
}

/// How to open a backup.
pub enum BackupSecret<'a> {
    Passphrase(&'a str),
    RecoveryKey(&'a str),
}

impl BackupSecret<'_> {
    /// The data key a key file wraps under this secret; `WrongPassphrase` / `WrongRecoveryKey`
    /// when it does not fit.
    pub fn unwrap_key(&self, kf: &KeyFile) -> Result<SecretKey> {
        match self {
            BackupSecret::Passphrase(p) => kf.unwrap_with_passphrase(p),
            BackupSecret::RecoveryKey(k) => {
                kf.unwrap_with_recovery(crypto::parse_recovery(k)?.as_ref())
            }
        }
    }
}

fn body_key(data_key: &SecretKey, salt: &[u8]) -> SecretKey {
    let mut out = Zeroizing::new([0u8; 32]);
    Hkdf::<Sha256>::new(Some(salt), data_key.as_ref())
        .expand(b"kluis backup body v1", out.as_mut())
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    out
}

fn integrity(what: &str) -> Error {
    Error::Integrity(format!("the backup file {what}"))
}

/// A consistent snapshot of the open vault's database file (still SQLCipher-encrypted):
/// the WAL is checkpointed into the file and writers are held off while it is read.
fn snapshot(vault: &mut Vault) -> Result<Vec<u8>> {
    vault.checkpoint()?;
    let path = vault.dir().join(DB_FILE);
    let tx =
        vault.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let bytes = std::fs::read(&path)?;
    tx.commit()?;
    Ok(bytes)
}

/// Writes a backup of the open vault to `out` (through a temporary file, then renamed).
pub fn create(vault: &mut Vault, out: &Path, on: OnProgress<'_>) -> Result<Header> {
    begin(on, Step::Snapshot);
    let db = snapshot(vault)?;
    let keyfile = KeyFile::load(vault.dir())?;
    let salt = crypto::random_bytes::<16>();
    let prefix = crypto::random_bytes::<19>();
    let chunks = db.len().div_ceil(CHUNK).max(1) as u64;
    let header = Header {
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version: crate::store::schema_version(),
        created_at: vault.now(),
        keyfile,
        body_salt: B64.encode(salt),
        nonce_prefix: B64.encode(prefix),
        chunks,
        body_len: db.len() as u64,
    };
    let header_json = serde_json::to_vec(&header).map_err(|e| Error::Internal(e.to_string()))?;
    let mut head = Vec::with_capacity(header_json.len() + 13);
    head.extend_from_slice(MAGIC);
    head.push(FORMAT);
    head.extend_from_slice(&(header_json.len() as u32).to_le_bytes());
    head.extend_from_slice(&header_json);
    let aad = Sha256::digest(&head);
    let key = body_key(vault.data_key(), &salt);
    let mut enc = EncryptorBE32::from_aead(
        XChaCha20Poly1305::new(key.as_ref().into()),
        prefix.as_ref().into(),
    );
    let tmp = out.with_extension("kluisbackup.tmp");
    let written = (|| -> Result<()> {
        let mut file = std::io::BufWriter::with_capacity(CHUNK + 64, create_private(&tmp)?);
        file.write_all(&head)?;
        let total = db.len() as u64;
        let mut done = 0u64;
        on(Progress { step: Step::Encrypt, done, total });
        let mut put = |ct: Vec<u8>, len: usize| -> Result<()> {
            file.write_all(&(ct.len() as u32).to_le_bytes())?;
            file.write_all(&ct)?;
            done += len as u64;
            on(Progress { step: Step::Encrypt, done, total });
            Ok(())
        };
        let fail = |_| Error::Internal("backup encryption failed".into());
        let mut pieces: Vec<&[u8]> = db.chunks(CHUNK).collect();
        let last = pieces.pop().unwrap_or(&[]);
        for piece in pieces {
            let payload = Payload { msg: piece, aad: aad.as_slice() };
            put(enc.encrypt_next(payload).map_err(fail)?, piece.len())?;
        }
        let payload = Payload { msg: last, aad: aad.as_slice() };
        put(enc.encrypt_last(payload).map_err(fail)?, last.len())?;
        file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, out)?;
    let (folder, _) = split_path(out)?;
    std::fs::File::open(folder)?.sync_all()?;
    vault.audit("backup.create", "vault", None, &[])?;
    Ok(header)
}

/// A verified backup: its header, the data key and the database snapshot.
pub struct Opened {
    pub header: Header,
    pub data_key: SecretKey,
    pub db: Vec<u8>,
}

fn take<'a>(bytes: &mut &'a [u8], n: usize, what: &str) -> Result<&'a [u8]> {
    if bytes.len() < n {
        return Err(integrity(&format!("is truncated ({what})")));
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Ok(head)
}

/// Reads the header without any key (to show what a backup is before asking for a secret).
pub fn read_header(bytes: &[u8]) -> Result<(Header, usize)> {
    let mut rest = bytes;
    if take(&mut rest, 8, "magic")? != MAGIC {
        return Err(Error::Integrity("this is not a Kluis backup file".into()));
    }
    let version = take(&mut rest, 1, "version")?[0];
    if version > FORMAT {
        return Err(Error::NewerSchema { found: i64::from(version), supported: i64::from(FORMAT) });
    }
    if version != FORMAT {
        return Err(integrity("has an unknown format"));
    }
    let len =
        u32::from_le_bytes(take(&mut rest, 4, "header length")?.try_into().unwrap_or_default());
    if len > MAX_HEADER {
        return Err(integrity("has a damaged header"));
    }
    let header: Header = serde_json::from_slice(take(&mut rest, len as usize, "header")?)
        .map_err(|_| integrity("has a damaged header"))?;
    if header.schema_version > crate::store::schema_version() {
        return Err(Error::NewerSchema {
            found: header.schema_version,
            supported: crate::store::schema_version(),
        });
    }
    header.keyfile.kdf.check()?;
    Ok((header, 13 + len as usize))
}

/// Verifies every byte of a backup and decrypts it. Wrong secret: `WrongPassphrase` /
/// `WrongRecoveryKey`; any damage: `Integrity`. Touches no vault.
pub fn open(bytes: &[u8], secret: &BackupSecret<'_>, on: OnProgress<'_>) -> Result<Opened> {
    let (header, _) = read_header(bytes)?;
    let data_key = secret.unwrap_key(&header.keyfile)?;
    open_with_key(bytes, data_key, on)
}

/// As [`open`], with the data key itself (a backup of the same vault opens with its data key,
/// whatever passphrase it was made with). A key that does not fit: `WrongPassphrase`.
pub fn open_with_key(bytes: &[u8], data_key: SecretKey, on: OnProgress<'_>) -> Result<Opened> {
    let (header, body_start) = read_header(bytes)?;
    if !header.keyfile.fits(&data_key) {
        return Err(Error::WrongPassphrase);
    }
    let aad = Sha256::digest(&bytes[..body_start]);
    let salt = B64.decode(&header.body_salt).map_err(|_| integrity("has a damaged header"))?;
    let prefix = B64.decode(&header.nonce_prefix).map_err(|_| integrity("has a damaged header"))?;
    if prefix.len() != 19
        || header.chunks == 0
        || header.chunks > (header.body_len / CHUNK as u64) + 1
    {
        return Err(integrity("has a damaged header"));
    }
    // The header is authenticated only with the body: a length larger than what follows is
    // refused before anything is allocated for it.
    if header.body_len > (bytes.len() - body_start) as u64 {
        return Err(integrity("is truncated or its header was changed"));
    }
    let key = body_key(&data_key, &salt);
    let mut dec = DecryptorBE32::from_aead(
        XChaCha20Poly1305::new(key.as_ref().into()),
        prefix.as_slice().into(),
    );
    let mut rest = &bytes[body_start..];
    let mut db = Vec::with_capacity(header.body_len as usize);
    let bad = |_| integrity("was changed or damaged (authentication failed)");
    let total = header.body_len;
    on(Progress { step: Step::Verify, done: 0, total });
    for i in 0..header.chunks {
        let len =
            u32::from_le_bytes(take(&mut rest, 4, "chunk length")?.try_into().unwrap_or_default());
        if len as usize > CHUNK + 16 {
            return Err(integrity("has a damaged chunk"));
        }
        let ct = take(&mut rest, len as usize, "chunk")?;
        let payload = Payload { msg: ct, aad: aad.as_slice() };
        if i + 1 == header.chunks {
            db.extend(dec.decrypt_last(payload).map_err(bad)?);
            on(Progress { step: Step::Verify, done: db.len() as u64, total });
            break;
        }
        db.extend(dec.decrypt_next(payload).map_err(bad)?);
        on(Progress { step: Step::Verify, done: db.len() as u64, total });
    }
    if !rest.is_empty() {
        return Err(integrity("has extra bytes after its end"));
    }
    if db.len() as u64 != header.body_len {
        return Err(integrity("has the wrong length"));
    }
    Ok(Opened { header, data_key, db })
}

/// What `verify-backup` reports.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupInfo {
    pub created_at: String,
    pub app_version: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub bytes: u64,
    pub vault_id: String,
}

/// Reads a backup file; a file that does not start like one is refused before it is read whole
/// (someone may pick a film instead of a backup).
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    let mut bytes = vec![0u8; MAGIC.len()];
    if file.read_exact(&mut bytes).is_err() || bytes != MAGIC {
        return Err(Error::Integrity("this is not a Kluis backup file".into()));
    }
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The header of the backup file at `path`, reading only the header's bytes.
pub fn header_of(path: &Path) -> Result<Header> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(13 + u64::from(MAX_HEADER)).read_to_end(&mut bytes)?;
    let mut head = &bytes[..];
    if bytes.len() >= 13 {
        let len = u32::from_le_bytes(bytes[9..13].try_into().unwrap_or_default()) as usize;
        head = &bytes[..bytes.len().min(13 + len)];
    }
    Ok(read_header(head)?.0)
}

pub fn verify(path: &Path, secret: &BackupSecret<'_>, on: OnProgress<'_>) -> Result<BackupInfo> {
    let bytes = read_file(path)?;
    let o = open(&bytes, secret, on)?;
    Ok(BackupInfo {
        created_at: format_instant(o.header.created_at),
        app_version: o.header.app_version,
        schema_version: o.header.schema_version,
        bytes: o.header.body_len,
        vault_id: o.header.keyfile.vault_id,
    })
}
