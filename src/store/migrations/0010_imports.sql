-- Kluis schema 10: imports. Each import of an address book is one row: the format, the file's
-- name and SHA-256 (the evidence of where the contacts came from), when, and the counts. A
-- contact remembers the import that added it, so the whole import can be undone while its
-- contacts are unchanged. No personal data beyond the file name.

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    format      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    added       INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    undone_at   TEXT
) STRICT;

ALTER TABLE contacts ADD COLUMN import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL;
