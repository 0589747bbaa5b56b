//! Flexible fields: extra contact fields the business defines, each for a purpose, required or
//! optional, and flagged when it holds a special category of personal data (Art. 9: health,
//! religion, political views, …). Special-category values need a current explicit consent for
//! the field's purpose, are hidden until revealed (an audited read) and stay out of mailing
//! lists and portability exports unless asked for.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::consent::current_given;
use crate::domain::contacts::ensure_not_restricted;
use crate::domain::register::purposes;
use crate::kernel::bsn;
use crate::kernel::clock::Ctx;
use crate::kernel::date::{format_instant, parse_date};
use crate::kernel::error::{Error, Result};

pub const MAX_VALUE: usize = 2_000;

crate::kernel::str_enum! {
    pub enum FieldKind("kind") {
        Text => "text",
        Number => "number",
        Date => "date",
        YesNo => "yes-no",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldDef {
    #[ts(type = "number")]
    pub id: i64,
    pub label: String,
    pub kind: FieldKind,
    #[ts(type = "number")]
    pub purpose_id: i64,
    pub purpose: String,
    pub required: bool,
    pub special_category: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldDefInput {
    pub label: String,
    pub kind: FieldKind,
    #[ts(type = "number")]
    pub purpose_id: i64,
    pub required: bool,
    pub special_category: bool,
}

/// A field's value on a contact. Special-category values are `None` until revealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldValue {
    pub field: FieldDef,
    pub value: Option<String>,
    /// A value is stored (also when hidden).
    pub filled: bool,
}

pub fn define(conn: &Connection, ctx: &Ctx<'_>, input: &FieldDefInput) -> Result<i64> {
    let label = input.label.trim();
    if label.is_empty() || label.chars().count() > 80 {
        return Err(Error::invalid("label", "a field needs a label of at most 80 characters"));
    }
    purposes::get(conn, input.purpose_id)?;
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM field_defs WHERE label = ?1)",
        [label],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::invalid("label", "a field with this label exists already"));
    }
    conn.execute(
        "INSERT INTO field_defs (label, kind, purpose_id, required, special_category, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            label,
            input.kind.as_str(),
            input.purpose_id,
            input.required,
            input.special_category,
            format_instant(ctx.now)
        ],
    )?;
    let id = conn.last_insert_rowid();
    ctx.audit(conn, "field.define", "field", Some(id), &[])?;
    Ok(id)
}

fn def_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FieldDef> {
    let kind: String = r.get(2)?;
    Ok(FieldDef {
        id: r.get(0)?,
        label: r.get(1)?,
        kind: kind.parse().unwrap_or(FieldKind::Text),
        purpose_id: r.get(3)?,
        purpose: r.get(4)?,
        required: r.get(5)?,
        special_category: r.get(6)?,
    })
}

const DEF_COLUMNS: &str =
    "f.id, f.label, f.kind, f.purpose_id, p.name, f.required, f.special_category";

pub fn list(conn: &Connection) -> Result<Vec<FieldDef>> {
    let mut s = conn.prepare(&format!(
        "SELECT {DEF_COLUMNS} FROM field_defs f JOIN purposes p ON p.id = f.purpose_id
         ORDER BY f.label COLLATE NOCASE"
    ))?;
    let v = s.query_map([], def_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn get(conn: &Connection, id: i64) -> Result<FieldDef> {
    conn.query_row(
        &format!(
            "SELECT {DEF_COLUMNS} FROM field_defs f JOIN purposes p ON p.id = f.purpose_id
             WHERE f.id = ?1"
        ),
        [id],
        def_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("field {id}")))
}

fn normalise(kind: FieldKind, value: &str) -> Result<String> {
    let v = value.trim();
    if v.chars().count() > MAX_VALUE {
        return Err(Error::invalid("value", "too long (at most 2000 characters)"));
    }
    match kind {
        FieldKind::Text => Ok(v.to_owned()),
        FieldKind::Number => v
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(|_| v.to_owned())
            .ok_or_else(|| Error::invalid("value", "expected a number")),
        FieldKind::Date => parse_date(v, "value").map(|d| d.to_string()),
        FieldKind::YesNo => match v {
            "yes" | "no" => Ok(v.to_owned()),
            _ => Err(Error::invalid("value", "expected yes or no")),
        },
    }
}

/// Sets (or with an empty value, clears) a field on a contact.
pub fn set_value(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    field_id: i64,
    value: &str,
    confirm_not_bsn: bool,
) -> Result<()> {
    ensure_not_restricted(conn, contact_id)?;
    let def = get(conn, field_id)?;
    if value.trim().is_empty() {
        if def.required {
            return Err(Error::invalid("value", "this field is required"));
        }
        conn.execute(
            "DELETE FROM field_values WHERE contact_id = ?1 AND field_id = ?2",
            params![contact_id, field_id],
        )?;
        return ctx.audit(conn, "field.clear", "contact", Some(contact_id), &[]);
    }
    let value = normalise(def.kind, value)?;
    if !confirm_not_bsn && bsn::looks_like_bsn(&value) {
        return Err(Error::BsnSuspected { field: "value" });
    }
    if def.special_category && current_given(conn, contact_id, def.purpose_id)?.is_none() {
        return Err(Error::invalid(
            "value",
            format!(
                "special-category data needs the person's current explicit consent for \"{}\"",
                def.purpose
            ),
        ));
    }
    conn.execute(
        "INSERT INTO field_values (contact_id, field_id, value) VALUES (?1, ?2, ?3)
         ON CONFLICT (contact_id, field_id) DO UPDATE SET value = excluded.value",
        params![contact_id, field_id, value],
    )?;
    ctx.audit(conn, "field.set", "contact", Some(contact_id), &[])
}

/// A contact's field values; special-category values only when `reveal` (an audited read).
pub fn values(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    reveal: bool,
) -> Result<Vec<FieldValue>> {
    let mut s = conn.prepare(&format!(
        "SELECT {DEF_COLUMNS}, v.value FROM field_defs f JOIN purposes p ON p.id = f.purpose_id
         LEFT JOIN field_values v ON v.field_id = f.id AND v.contact_id = ?1
         ORDER BY f.label COLLATE NOCASE"
    ))?;
    let rows: Vec<(FieldDef, Option<String>)> = s
        .query_map([contact_id], |r| Ok((def_row(r)?, r.get(7)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if reveal && rows.iter().any(|(d, v)| d.special_category && v.is_some()) {
        ctx.audit(conn, "contact.reveal_special", "contact", Some(contact_id), &[])?;
    }
    Ok(rows
        .into_iter()
        .map(|(field, value)| {
            let filled = value.is_some();
            let value = if field.special_category && !reveal { None } else { value };
            FieldValue { field, value, filled }
        })
        .collect())
}
