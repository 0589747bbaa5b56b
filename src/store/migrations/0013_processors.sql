-- Kluis schema 12: the processor register (Art. 28, Art. 30(1)(d)): processors and other
-- recipients, the purposes whose data they receive, the processing agreement (its date and a
-- reference to the document by SHA-256; the document itself is not stored), the review date
-- and a transfer outside the EU/EEA with its safeguard. Business data of the controller, not
-- personal data of clients: `contact` is a business contact at the processor.
--
-- The free-text recipients purposes held (purposes.recipients, a JSON array) move into the
-- register: each distinct text (compared case-insensitively) becomes a processor of service
-- 'other' without an agreement (so it is flagged) linked to its purposes, and the column is
-- emptied. New code no longer writes it.

CREATE TABLE processors (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    service         TEXT NOT NULL CHECK (service IN ('accounting', 'payroll', 'hosting',
                      'newsletter', 'it-support', 'other')),
    contact         TEXT NOT NULL DEFAULT '',
    data_categories TEXT NOT NULL DEFAULT '[]',     -- JSON array of strings
    dpa_signed_on   TEXT,                           -- YYYY-MM-DD
    dpa_reference   TEXT,
    dpa_sha256      TEXT CHECK (dpa_sha256 IS NULL OR length(dpa_sha256) = 64),
    review_on       TEXT,                           -- YYYY-MM-DD
    location        TEXT NOT NULL DEFAULT '',
    outside_eu      INTEGER NOT NULL DEFAULT 0 CHECK (outside_eu IN (0, 1)),
    safeguard       TEXT CHECK (safeguard IN ('adequacy', 'scc', 'other')),
    safeguard_note  TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (outside_eu = 1 OR safeguard IS NULL)
) STRICT;

CREATE TABLE processor_purposes (
    processor_id INTEGER NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    purpose_id   INTEGER NOT NULL REFERENCES purposes(id) ON DELETE CASCADE,
    PRIMARY KEY (processor_id, purpose_id)
) STRICT;

CREATE INDEX processor_purposes_by_purpose ON processor_purposes (purpose_id);

-- The first spelling met (by purpose id, then position) names the processor. A column that is
-- not valid JSON (never written so; read as no recipients before) holds no one.
INSERT OR IGNORE INTO processors (name, service, created_at, updated_at)
SELECT trim(j.value), 'other', p.updated_at, p.updated_at
FROM purposes p,
     json_each(CASE WHEN json_valid(p.recipients) THEN p.recipients ELSE '[]' END) j
WHERE j.type = 'text' AND trim(j.value) <> ''
ORDER BY p.id, j.key;

INSERT OR IGNORE INTO processor_purposes (processor_id, purpose_id)
SELECT r.id, p.id
FROM purposes p,
     json_each(CASE WHEN json_valid(p.recipients) THEN p.recipients ELSE '[]' END) j
JOIN processors r ON r.name = trim(j.value)
WHERE j.type = 'text' AND trim(j.value) <> '';

UPDATE purposes SET recipients = '[]' WHERE recipients <> '[]';
