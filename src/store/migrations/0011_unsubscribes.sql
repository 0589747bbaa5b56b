-- Kluis schema 11: unsubscribes imported from a newsletter tool (R3.4).
--
-- 1. The consent ledger accepts the method 'import': a withdrawal read from a newsletter
--    tool's export. SQLite cannot change a CHECK constraint, so the table is rebuilt: every row
--    is copied with its id, the AUTOINCREMENT counter is carried over (an id once used is never
--    handed out again), and the index and the append-only triggers are created again as they
--    were.
-- 2. An address a newsletter tool found undeliverable (Mailchimp's "cleaned" members: hard
--    bounces). Personal data of the contact: it goes with the contact (erasure, purge) and is
--    part of the subject-access export. The consent records are not touched by it.

DROP TRIGGER consent_events_no_update;
DROP TRIGGER consent_events_no_delete;

CREATE TABLE consent_events_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    purpose_id  INTEGER NOT NULL REFERENCES purposes(id),
    kind        TEXT NOT NULL CHECK (kind IN ('given', 'withdrawn')),
    at          TEXT NOT NULL,
    method      TEXT NOT NULL CHECK (method IN ('form', 'email', 'phone', 'in-person', 'paper',
                  'other', 'import')),
    text_sha256 TEXT REFERENCES consent_texts(sha256),
    evidence    TEXT,
    recorded_by TEXT NOT NULL
) STRICT;

INSERT INTO consent_events_new (id, contact_id, purpose_id, kind, at, method, text_sha256,
                                evidence, recorded_by)
SELECT id, contact_id, purpose_id, kind, at, method, text_sha256, evidence, recorded_by
FROM consent_events ORDER BY id;

-- The old counter may be ahead of the highest id left (rows that went with their contact).
UPDATE sqlite_sequence
SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'consent_events'), 0))
WHERE name = 'consent_events_new';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'consent_events_new', seq FROM sqlite_sequence WHERE name = 'consent_events'
  AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'consent_events_new');

DROP TABLE consent_events;
ALTER TABLE consent_events_new RENAME TO consent_events;

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

-- One row per contact and address: when the tool gave up on it (its time, else the import's)
-- and the evidence (the file and the campaign, no other value).
CREATE TABLE undeliverable (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    email      TEXT NOT NULL COLLATE NOCASE,
    marked_at  TEXT NOT NULL,
    evidence   TEXT NOT NULL,
    PRIMARY KEY (contact_id, email)
) STRICT;
