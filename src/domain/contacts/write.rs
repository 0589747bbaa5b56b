//! Writes: create and edit contacts, add, edit and delete interactions. Each runs in the
//! caller's transaction, keeps the search index in step and writes an audit row with field
//! names only.

use rusqlite::{params, Connection, OptionalExtension};

use super::model::{Contact, InteractionChange, InteractionInput, ValidContact, ValidInteraction};
use super::search::reindex;
use crate::domain::contacts::ensure_not_restricted;
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::Result;

fn organisation_id(conn: &Connection, ctx: &Ctx<'_>, name: Option<&str>) -> Result<Option<i64>> {
    let Some(name) = name else { return Ok(None) };
    if let Some(id) = conn
        .query_row("SELECT id FROM organisations WHERE name = ?1", [name], |r| r.get(0))
        .optional()?
    {
        return Ok(Some(id));
    }
    conn.execute(
        "INSERT INTO organisations (name, created_at) VALUES (?1, ?2)",
        params![name, format_instant(ctx.now)],
    )?;
    let id = conn.last_insert_rowid();
    ctx.audit(conn, "organisation.create", "organisation", Some(id), &["name"])?;
    Ok(Some(id))
}

/// The organisation of `contact_id` when no other contact links to it (it would be left
/// behind, often holding the person's own name, when the contact goes).
pub fn sole_organisation(conn: &Connection, contact_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT c.organisation_id FROM contacts c
             WHERE c.id = ?1 AND c.organisation_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM contacts o
                               WHERE o.organisation_id = c.organisation_id AND o.id <> c.id)",
            [contact_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Deletes an organisation no contact links to (any more); one that is still linked stays.
pub fn delete_unlinked_organisation(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<()> {
    let n = conn.execute(
        "DELETE FROM organisations WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM contacts WHERE organisation_id = ?1)",
        [id],
    )?;
    if n > 0 {
        ctx.audit(conn, "organisation.delete", "organisation", Some(id), &[])?;
    }
    Ok(())
}

fn json(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}

pub fn create(conn: &Connection, ctx: &Ctx<'_>, c: &ValidContact) -> Result<i64> {
    let org = organisation_id(conn, ctx, c.organisation.as_deref())?;
    let now = format_instant(ctx.now);
    conn.execute(
        "INSERT INTO contacts (name, emails, phones, address, organisation_id, job_title,
                               relationship, relationship_ended, created_at, updated_at,
                               last_activity_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9)",
        params![
            c.name,
            json(&c.emails),
            json(&c.phones),
            c.address,
            org,
            c.job_title,
            c.relationship.as_str(),
            c.relationship_ended.map(|d| d.to_string()),
            now
        ],
    )?;
    let id = conn.last_insert_rowid();
    reindex(conn, id)?;
    let fields = filled_fields(c);
    ctx.audit(conn, "contact.create", "contact", Some(id), &fields)?;
    Ok(id)
}

fn filled_fields(c: &ValidContact) -> Vec<&'static str> {
    let mut f = vec!["name", "relationship"];
    let optional = [
        ("emails", !c.emails.is_empty()),
        ("phones", !c.phones.is_empty()),
        ("address", c.address.is_some()),
        ("organisation", c.organisation.is_some()),
        ("job_title", c.job_title.is_some()),
        ("relationship_ended", c.relationship_ended.is_some()),
    ];
    f.extend(optional.into_iter().filter(|(_, set)| *set).map(|(n, _)| n));
    f
}

/// The names of the fields whose values differ.
fn changed_fields(old: &Contact, new: &ValidContact) -> Vec<&'static str> {
    let ended = new.relationship_ended.map(|d| d.to_string());
    [
        ("name", old.name != new.name),
        ("emails", old.emails != new.emails),
        ("phones", old.phones != new.phones),
        ("address", old.address != new.address),
        ("organisation", old.organisation != new.organisation),
        ("job_title", old.job_title != new.job_title),
        ("relationship", old.relationship != new.relationship),
        ("relationship_ended", old.relationship_ended != ended),
    ]
    .into_iter()
    .filter(|(_, changed)| *changed)
    .map(|(n, _)| n)
    .collect()
}

/// Replaces a contact's fields; the audit row names the fields that changed.
pub fn update(conn: &Connection, ctx: &Ctx<'_>, id: i64, c: &ValidContact) -> Result<()> {
    let old = super::read::contact(conn, id)?;
    ensure_not_restricted(conn, id)?;
    let changed = changed_fields(&old, c);
    if changed.is_empty() {
        return Ok(());
    }
    let org = organisation_id(conn, ctx, c.organisation.as_deref())?;
    let old_org: Option<i64> =
        conn.query_row("SELECT organisation_id FROM contacts WHERE id = ?1", [id], |r| r.get(0))?;
    conn.execute(
        "UPDATE contacts SET name = ?2, emails = ?3, phones = ?4, address = ?5,
                organisation_id = ?6, job_title = ?7, relationship = ?8,
                relationship_ended = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            c.name,
            json(&c.emails),
            json(&c.phones),
            c.address,
            org,
            c.job_title,
            c.relationship.as_str(),
            c.relationship_ended.map(|d| d.to_string()),
            format_instant(ctx.now)
        ],
    )?;
    reindex(conn, id)?;
    super::undeliverable::forget_removed(conn, id)?;
    if c.relationship_ended.is_some() {
        // The date the review asked for is there now: the rules reach the contact again.
        conn.execute(
            "DELETE FROM review_queue WHERE contact_id = ?1 AND reason = 'no-end-date'",
            [id],
        )?;
    }
    ctx.audit(conn, "contact.update", "contact", Some(id), &changed)?;
    // An organisation edited away that no one else links to would stay behind, often holding
    // the person's own name (a one-person business).
    match old_org {
        Some(old) if Some(old) != org => delete_unlinked_organisation(conn, ctx, old),
        _ => Ok(()),
    }
}

/// Fills the fields of contact `id` that are empty (no e-mail, no phone, no address, …) from
/// `c`; what the contact has stays as it is. Audited with the names of the fields filled.
pub fn fill_empty(conn: &Connection, ctx: &Ctx<'_>, id: i64, c: &ValidContact) -> Result<()> {
    let old = super::read::contact(conn, id)?;
    let or = |old: Option<String>, new: &Option<String>| old.or_else(|| new.clone());
    let merged = ValidContact {
        emails: if old.emails.is_empty() { c.emails.clone() } else { old.emails.clone() },
        phones: if old.phones.is_empty() { c.phones.clone() } else { old.phones.clone() },
        address: or(old.address.clone(), &c.address),
        organisation: or(old.organisation.clone(), &c.organisation),
        job_title: or(old.job_title.clone(), &c.job_title),
        name: old.name,
        relationship: old.relationship,
        relationship_ended: old.relationship_ended.as_deref().and_then(|d| d.parse().ok()),
    };
    update(conn, ctx, id, &merged)
}

pub fn add_interaction(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    i: &ValidInteraction,
) -> Result<i64> {
    ensure_not_restricted(conn, contact_id)?;
    let at = format_instant(i.at);
    conn.execute(
        "INSERT INTO interactions (contact_id, kind, at, text, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![contact_id, i.kind.as_str(), at, i.text, format_instant(ctx.now)],
    )?;
    let id = conn.last_insert_rowid();
    // Retention counts from the last activity, so it never lies after now.
    conn.execute(
        "UPDATE contacts SET last_activity_at = max(last_activity_at, ?2) WHERE id = ?1",
        params![contact_id, format_instant(i.at.min(ctx.now))],
    )?;
    reindex(conn, contact_id)?;
    ctx.audit(conn, "interaction.create", "contact", Some(contact_id), &["kind", "at", "text"])?;
    Ok(id)
}

/// Sets the contact's last activity from what is left: the newest interaction or the time
/// the contact was added, never after now (after an interaction was edited or deleted).
fn recompute_last_activity(conn: &Connection, ctx: &Ctx<'_>, contact_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE contacts SET last_activity_at = min(?2, max(created_at, coalesce(
             (SELECT max(at) FROM interactions WHERE contact_id = ?1), created_at)))
         WHERE id = ?1",
        params![contact_id, format_instant(ctx.now)],
    )?;
    Ok(())
}

/// Rectifies an interaction: the fields of `change` replace the stored ones, validated as a
/// new interaction; the audit row names the fields that changed.
pub fn edit_interaction(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    change: &InteractionChange,
    confirm_not_bsn: bool,
) -> Result<()> {
    let old = super::read::interaction(conn, id)?;
    ensure_not_restricted(conn, old.contact_id)?;
    let given =
        |v: &Option<String>| v.as_deref().filter(|s| !s.trim().is_empty()).map(str::to_owned);
    let input = InteractionInput {
        kind: change.kind.unwrap_or(old.kind),
        text: given(&change.text).unwrap_or_else(|| old.text.clone()),
        at: Some(given(&change.at).unwrap_or_else(|| old.at.clone())),
    };
    let valid = input.validate(ctx.now)?;
    let at = format_instant(valid.at);
    let changed: Vec<&'static str> =
        [("kind", valid.kind != old.kind), ("at", at != old.at), ("text", valid.text != old.text)]
            .into_iter()
            .filter(|(_, c)| *c)
            .map(|(n, _)| n)
            .collect();
    if changed.is_empty() {
        return Ok(());
    }
    if valid.text != old.text {
        super::check_bsn(&[("text", Some(&valid.text))], confirm_not_bsn)?;
    }
    conn.execute(
        "UPDATE interactions SET kind = ?2, at = ?3, text = ?4 WHERE id = ?1",
        params![id, valid.kind.as_str(), at, valid.text],
    )?;
    recompute_last_activity(conn, ctx, old.contact_id)?;
    // The index row is rewritten with FTS5 secure-delete (migration 0006): the old text
    // leaves the index itself, without merging every segment of a large index.
    reindex(conn, old.contact_id)?;
    let contact = format!("contact={}", old.contact_id);
    ctx.audit_detail(conn, "interaction.update", "interaction", Some(id), &changed, Some(&contact))
}

/// Deletes an interaction of a contact that is not restricted, leaving a tombstone.
pub fn delete_interaction(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<()> {
    let old = super::read::interaction(conn, id)?;
    ensure_not_restricted(conn, old.contact_id)?;
    remove_interaction(conn, ctx, id, old.contact_id)
}

/// Deletes interaction `id` again when it exists (a restore re-applying a tombstone; also on
/// a restricted contact, as an erasure is); whether it existed.
pub fn reapply_interaction_deletion(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<bool> {
    match super::read::interaction(conn, id) {
        Ok(old) => remove_interaction(conn, ctx, id, old.contact_id).map(|()| true),
        Err(crate::kernel::error::Error::NotFound(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

fn remove_interaction(conn: &Connection, ctx: &Ctx<'_>, id: i64, contact_id: i64) -> Result<()> {
    conn.execute("DELETE FROM interactions WHERE id = ?1", [id])?;
    conn.execute(
        "INSERT OR IGNORE INTO interaction_tombstones (interaction_id, deleted_at)
         VALUES (?1, ?2)",
        params![id, format_instant(ctx.now)],
    )?;
    recompute_last_activity(conn, ctx, contact_id)?;
    reindex(conn, contact_id)?;
    let contact = format!("contact={contact_id}");
    ctx.audit_detail(conn, "interaction.delete", "interaction", Some(id), &[], Some(&contact))
}
