-- Kluis schema 5: erasure tombstones, kept apart from the deletion log.
-- The deletion log is pruned after the records period; a tombstone never is, so a restore from
-- a backup of any age re-applies every erasure (R5: erased people never come back). A tombstone
-- holds the contact's id and the time only: no personal data.

CREATE TABLE tombstones (
    contact_id INTEGER PRIMARY KEY,
    erased_at  TEXT NOT NULL
) STRICT;

INSERT OR IGNORE INTO tombstones (contact_id, erased_at)
SELECT CAST(substr(j.value, 9) AS INTEGER), d.at
FROM deletion_log AS d, json_each(d.ids) AS j
WHERE d.trigger = 'erasure' AND j.value LIKE 'contact:%';
