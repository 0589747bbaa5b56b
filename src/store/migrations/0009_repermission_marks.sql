-- Kluis schema 9: a link to a consent purpose can be marked for a re-permission run (the
-- person is to be asked again); the mark is the date it was set, cleared when consent is
-- given again. No personal value: a date on the link.

ALTER TABLE contact_purposes ADD COLUMN repermission_marked_at TEXT;
