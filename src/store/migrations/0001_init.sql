-- Kluis schema 1: contacts, organisations, interactions, full-text search, audit trail.
-- Ids are INTEGER PRIMARY KEY AUTOINCREMENT so they are never reused: tombstones, audit rows
-- and suppression entries refer to them. Every timestamp is written by the core from its
-- clock (no CURRENT_TIMESTAMP defaults), as RFC 3339 UTC text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE contacts (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               TEXT NOT NULL,
    emails             TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    phones             TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    address            TEXT,
    organisation_id    INTEGER REFERENCES organisations(id),
    job_title          TEXT,
    relationship       TEXT NOT NULL CHECK (relationship IN
                         ('prospect', 'client', 'former-client', 'supplier', 'applicant')),
    relationship_ended TEXT,                         -- YYYY-MM-DD
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    last_activity_at   TEXT NOT NULL
) STRICT;

CREATE INDEX contacts_by_name ON contacts (name COLLATE NOCASE, id);
CREATE INDEX contacts_by_activity ON contacts (relationship, last_activity_at);
CREATE INDEX contacts_by_organisation ON contacts (organisation_id);

CREATE TABLE interactions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('call', 'email', 'meeting', 'note')),
    at         TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX interactions_by_contact ON interactions (contact_id, at);

-- One row per contact (rowid = contacts.id), maintained by the core on every write.
CREATE VIRTUAL TABLE contact_fts USING fts5 (
    name, emails, organisation, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

-- Append-only audit trail: ids and field names, never personal values; each row holds the
-- SHA-256 of the previous row's hash and its own content.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    fields    TEXT NOT NULL DEFAULT '[]',            -- JSON array of field names
    detail    TEXT,                                  -- non-personal detail, e.g. a count
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
