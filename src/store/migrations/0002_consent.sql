-- Kluis schema 2: processing register (purposes), contact ↔ purpose links, the consent
-- ledger, flexible fields, restriction, objection and the suppression list.

CREATE TABLE purposes (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description      TEXT NOT NULL DEFAULT '',
    basis            TEXT NOT NULL CHECK (basis IN ('consent', 'contract', 'legitimate-interest',
                       'legal-obligation', 'vital-interest', 'public-task')),
    direct_marketing INTEGER NOT NULL DEFAULT 0 CHECK (direct_marketing IN (0, 1)),
    data_categories  TEXT NOT NULL DEFAULT '[]',     -- JSON array of strings
    recipients       TEXT NOT NULL DEFAULT '[]',     -- JSON array of strings
    retention_rule   TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

-- Per contact and purpose: the basis relied on, where the data came from, when last reviewed.
-- 'unknown' (imported contacts) waits in the triage list. ended_at: the purpose no longer
-- applies to the person (e.g. they objected to direct marketing).
CREATE TABLE contact_purposes (
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    purpose_id  INTEGER NOT NULL REFERENCES purposes(id),
    basis       TEXT NOT NULL CHECK (basis IN ('unknown', 'consent', 'contract',
                  'legitimate-interest', 'legal-obligation', 'vital-interest', 'public-task')),
    source      TEXT NOT NULL CHECK (source IN ('form', 'email', 'phone', 'in-person',
                  'imported', 'other')),
    reviewed_at TEXT NOT NULL,
    ended_at    TEXT,
    PRIMARY KEY (contact_id, purpose_id)
) STRICT;

CREATE INDEX contact_purposes_by_purpose ON contact_purposes (purpose_id);

-- Consent texts, stored once, keyed by the SHA-256 of their exact bytes.
CREATE TABLE consent_texts (
    sha256     TEXT PRIMARY KEY,
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- The consent ledger: append-only evidence. Rows go only with their contact (erasure, purge).
CREATE TABLE consent_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    purpose_id  INTEGER NOT NULL REFERENCES purposes(id),
    kind        TEXT NOT NULL CHECK (kind IN ('given', 'withdrawn')),
    at          TEXT NOT NULL,
    method      TEXT NOT NULL CHECK (method IN ('form', 'email', 'phone', 'in-person', 'paper',
                  'other')),
    text_sha256 TEXT REFERENCES consent_texts(sha256),
    evidence    TEXT,
    recorded_by TEXT NOT NULL
) STRICT;

CREATE INDEX consent_events_by_contact ON consent_events (contact_id, purpose_id, id);

CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
BEGIN
    SELECT RAISE(ABORT, 'the consent ledger is append-only');
END;

CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
WHEN EXISTS (SELECT 1 FROM contacts WHERE id = OLD.contact_id)
BEGIN
    SELECT RAISE(ABORT, 'the consent ledger is append-only');
END;

-- Flexible fields the business defines, each for a purpose.
CREATE TABLE field_defs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    label            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind             TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'yes-no')),
    purpose_id       INTEGER NOT NULL REFERENCES purposes(id),
    required         INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    special_category INTEGER NOT NULL DEFAULT 0 CHECK (special_category IN (0, 1)),
    created_at       TEXT NOT NULL
) STRICT;

CREATE TABLE field_values (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    field_id   INTEGER NOT NULL REFERENCES field_defs(id),
    value      TEXT NOT NULL,
    PRIMARY KEY (contact_id, field_id)
) STRICT;

-- Restriction (Art. 18) and objection to direct marketing (Art. 21(2)).
ALTER TABLE contacts ADD COLUMN restricted_reason TEXT;
ALTER TABLE contacts ADD COLUMN restricted_at TEXT;
ALTER TABLE contacts ADD COLUMN objected_at TEXT;

-- Salted SHA-256 of e-mail addresses that objected to direct marketing. It outlives the
-- contact, so an erased and re-imported address stays out of marketing.
CREATE TABLE suppression (
    hash       TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
) STRICT;
