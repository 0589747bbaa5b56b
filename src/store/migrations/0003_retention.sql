-- Kluis schema 3: retention rules, fiscal documents (the legal hold), the review queue and
-- the deletion log.

-- One row per rule; the presets are inserted by the core (Dutch defaults, R5.2).
CREATE TABLE retention_rules (
    key        TEXT PRIMARY KEY,
    period     TEXT NOT NULL,               -- e.g. 24m, 4w, 7y, 30d
    action     TEXT NOT NULL CHECK (action IN ('delete', 'review')),
    updated_at TEXT NOT NULL
) STRICT;

-- Quote and invoice references. The counterparty's name and address are copied at the time,
-- as a Dutch invoice needs, so the record outlives the contact until its own period ends.
CREATE TABLE fiscal_documents (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id           INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    kind                 TEXT NOT NULL CHECK (kind IN ('quote', 'invoice')),
    number               TEXT NOT NULL,
    date                 TEXT NOT NULL,         -- YYYY-MM-DD
    amount_cents         INTEGER NOT NULL,
    counterparty_name    TEXT NOT NULL,
    counterparty_address TEXT,
    created_at           TEXT NOT NULL
) STRICT;

CREATE INDEX fiscal_documents_by_contact ON fiscal_documents (contact_id);
CREATE INDEX fiscal_documents_by_date ON fiscal_documents (date);

-- Items a rule puts up for review instead of deleting them.
CREATE TABLE review_queue (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    rule        TEXT NOT NULL,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    reason      TEXT NOT NULL,                -- 'rule' or 'restricted'
    queued_at   TEXT NOT NULL,
    kept_until  TEXT,                         -- kept after review until this date
    keep_reason TEXT,
    UNIQUE (rule, contact_id)
) STRICT;

-- The written record of what was deleted when: rule, category, counts and pseudonymous ids,
-- never names or other personal values.
CREATE TABLE deletion_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    trigger   TEXT NOT NULL CHECK (trigger IN ('startup', 'manual', 'review', 'erasure')),
    rule      TEXT NOT NULL,
    category  TEXT NOT NULL,
    count     INTEGER NOT NULL,
    ids       TEXT NOT NULL DEFAULT '[]'     -- JSON array of pseudonymous ids
) STRICT;

CREATE INDEX contacts_by_relationship_end ON contacts (relationship, relationship_ended);
