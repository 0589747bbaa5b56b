//! Opening the SQLCipher database: key, pragmas, embedded ordered migrations, and a refusal to
//! open a database written by a newer schema. The audit trail lives here too (`audit`).

pub mod audit;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

use crate::kernel::crypto::SecretKey;
use crate::kernel::error::{Error, Result};

/// Embedded migrations, in order; the index + 1 is the schema version (`PRAGMA user_version`).
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_consent.sql"),
    include_str!("migrations/0003_retention.sql"),
    include_str!("migrations/0004_requests.sql"),
    include_str!("migrations/0005_tombstones.sql"),
    include_str!("migrations/0006_fts_secure_delete.sql"),
    include_str!("migrations/0007_search_phones_addresses.sql"),
    include_str!("migrations/0008_rectification.sql"),
    include_str!("migrations/0009_repermission_marks.sql"),
    include_str!("migrations/0010_imports.sql"),
    include_str!("migrations/0011_unsubscribes.sql"),
    include_str!("migrations/0012_breaches.sql"),
    include_str!("migrations/0013_processors.sql"),
    include_str!("migrations/0014_privacy_statement.sql"),
    include_str!("migrations/0015_recipient_notices.sql"),
    include_str!("migrations/0016_deliveries.sql"),
];

pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The SQLCipher settings every vault database is written with (SQLCipher 4's): 4096-byte
/// pages, HMAC-SHA512 page authentication, PBKDF2-HMAC-SHA512 (unused with a raw key, pinned
/// all the same), no plaintext header. Set after the key and before the first read.
pub const PINNED_CIPHER_SETTINGS: &str = "PRAGMA cipher_compatibility = 4;
     PRAGMA cipher_page_size = 4096;
     PRAGMA kdf_iter = 256000;
     PRAGMA cipher_hmac_algorithm = HMAC_SHA512;
     PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;
     PRAGMA cipher_plaintext_header_size = 0;";

/// `PRAGMA key` (or `rekey`) with the raw key as hex, built in one zeroizing buffer of the
/// exact size, so no copy of the hex key is left behind in freed memory.
pub fn key_pragma(verb: &str, key: &SecretKey) -> Zeroizing<String> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = Zeroizing::new(String::with_capacity(verb.len() + 16 + 2 * key.len()));
    s.push_str("PRAGMA ");
    s.push_str(verb);
    s.push_str(" = \"x'");
    for b in key.iter() {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s.push_str("'\";");
    s
}

/// Opens (or with `create`, creates) the encrypted database with the raw data key.
pub fn open(path: &Path, key: &SecretKey, create: bool) -> Result<Connection> {
    if !create && !path.is_file() {
        return Err(Error::Integrity(format!("the database file {} is missing", path.display())));
    }
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
        // An empty file is a new database to SQLite; made first, it is private (0600) from the
        // start, and the write-ahead log SQLite creates beside it takes the same mode.
        if !path.exists() {
            crate::kernel::fs::create_private(path)?;
        }
    }
    let mut conn = Connection::open_with_flags(path, flags)?;
    conn.execute_batch(&key_pragma("key", key))?;
    // How the file is read is pinned here, not left to the library's defaults: a SQLCipher
    // built or configured with other defaults still reads (and writes) this file the same way.
    conn.execute_batch(PINNED_CIPHER_SETTINGS)?;
    // SQLCipher would otherwise log decryption failures to stderr; errors reach the user as
    // typed errors instead. (Set after keying: SQLCipher resets logging when it initialises.)
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    // The first read proves the key and the page HMACs; a failure here means a damaged file.
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| Error::Integrity("the database cannot be decrypted or is damaged".into()))?;
    if found > schema_version() {
        return Err(Error::NewerSchema { found, supported: schema_version() });
    }
    conn.execute_batch(
        "PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -65536;",
    )?;
    migrate(&mut conn, found)?;
    // What a killed process left in the write-ahead log goes into the file now, so the file
    // alone holds the vault and every page in it is keyed like the log (after a key rotation
    // killed before its checkpoint the file would still hold the old key's pages, and
    // `cipher_integrity_check`, which reads the file, would fail).
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(conn)
}

fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// SQLCipher's version string, e.g. "4.10.0 community".
pub fn cipher_version(conn: &Connection) -> Result<String> {
    Ok(conn.query_row("PRAGMA cipher_version", [], |r| r.get(0))?)
}
