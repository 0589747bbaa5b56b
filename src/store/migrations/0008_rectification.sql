-- Kluis schema 8: rectification (Art. 16) of interactions and fiscal records.
-- A deleted interaction leaves a tombstone: its id and the time, no personal data. Like the
-- contact tombstones it is never pruned, so a restore from a backup of any age deletes the
-- interaction again (a deleted note never comes back).
CREATE TABLE interaction_tombstones (
    interaction_id INTEGER PRIMARY KEY,
    deleted_at     TEXT NOT NULL
) STRICT;

-- A fiscal record is never overwritten (art. 52 AWR: records are kept unaltered): a correction
-- is a new record that refers to the one it corrects, which stays as it was, under its hold.
ALTER TABLE fiscal_documents
    ADD COLUMN corrects INTEGER REFERENCES fiscal_documents(id) ON DELETE SET NULL;
CREATE INDEX fiscal_documents_by_corrects ON fiscal_documents (corrects);
