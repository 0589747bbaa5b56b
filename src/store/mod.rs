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
];

pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Opens (or with `create`, creates) the encrypted database with the raw data key.
pub fn open(path: &Path, key: &SecretKey, create: bool) -> Result<Connection> {
    if !create && !path.is_file() {
        return Err(Error::Integrity(format!("the database file {} is missing", path.display())));
    }
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let mut conn = Connection::open_with_flags(path, flags)?;
    let pragma = Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", hex::encode(key.as_ref())));
    conn.execute_batch(&pragma)?;
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
