//! The controller's details used in documents (subject-access report, policy): business name,
//! address, KvK number, privacy contact. Business data, kept in the encrypted database.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::error::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Controller {
    pub name: String,
    pub address: String,
    /// Chamber of Commerce (KvK) number: 8 digits.
    pub kvk: String,
    /// Who handles privacy questions, and how to reach them.
    pub privacy_contact: String,
}

const KEYS: [&str; 4] = ["name", "address", "kvk", "privacy_contact"];

pub fn get(conn: &Connection) -> Result<Controller> {
    let read = |k: &str| -> Result<String> {
        Ok(conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [format!("controller.{k}")], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or_default())
    };
    Ok(Controller {
        name: read("name")?,
        address: read("address")?,
        kvk: read("kvk")?,
        privacy_contact: read("privacy_contact")?,
    })
}

/// Sets one field: `name`, `address`, `kvk` or `privacy_contact`.
pub fn set(conn: &Connection, ctx: &Ctx<'_>, key: &str, value: &str) -> Result<()> {
    let key = key.trim_start_matches("controller.");
    if !KEYS.contains(&key) {
        return Err(Error::invalid("key", "expected controller.name, controller.address, controller.kvk or controller.privacy_contact"));
    }
    let value = value.trim();
    if value.chars().count() > 500 {
        return Err(Error::invalid("value", "at most 500 characters"));
    }
    if key == "kvk"
        && !value.is_empty()
        && !(value.len() == 8 && value.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(Error::invalid("value", "a KvK number has 8 digits"));
    }
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![format!("controller.{key}"), value],
    )?;
    ctx.audit(conn, "controller.set", "controller", None, &[key])
}
