-- Kluis schema 14: what the privacy statement (Art. 13/14) says per purpose, and the versions
-- of the statement that were generated.
--
-- Per purpose: the legitimate interests pursued (when that is the basis), whether providing the
-- data is a legal or contractual requirement ('none', 'contract', 'law') and what happens when
-- the person does not provide them, and where the data come from (empty: from the person).
ALTER TABLE purposes ADD COLUMN legitimate_interest TEXT NOT NULL DEFAULT '';
ALTER TABLE purposes ADD COLUMN requirement TEXT NOT NULL DEFAULT 'none'
    CHECK (requirement IN ('none', 'contract', 'law'));
ALTER TABLE purposes ADD COLUMN consequence TEXT NOT NULL DEFAULT '';
ALTER TABLE purposes ADD COLUMN source TEXT NOT NULL DEFAULT '';

-- Every distinct privacy statement generated, per language: its version number (counting per
-- language from 1), the SHA-256 of its text (the Markdown body without the version line, so
-- the HTML, Markdown and PDF of one text share a version) and the day it was first generated.
-- A consent text can name the version that was shown. Business data, no personal data.
CREATE TABLE privacy_statements (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    language          TEXT NOT NULL CHECK (language IN ('nl', 'en')),
    version           INTEGER NOT NULL CHECK (version >= 1),
    sha256            TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at        TEXT NOT NULL,
    last_generated_at TEXT NOT NULL,
    UNIQUE (language, sha256),
    UNIQUE (language, version)
) STRICT;
