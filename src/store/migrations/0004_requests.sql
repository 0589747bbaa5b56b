-- Kluis schema 4: data-subject requests (Art. 15–22) and the files produced for them.

CREATE TABLE requests (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id         INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure',
                         'restriction', 'portability', 'objection')),
    received           TEXT NOT NULL,          -- YYYY-MM-DD
    due                TEXT NOT NULL,          -- YYYY-MM-DD, one month (Reg. 1182/71)
    extended_due       TEXT,                   -- YYYY-MM-DD, up to two more months
    extension_reason   TEXT,
    extension_notified TEXT,                   -- when the person was told (within the month)
    identity_method    TEXT CHECK (identity_method IN ('customer-number', 'recent-order',
                         'id-document-bsn-masked', 'known-email')),
    identity_note      TEXT,
    handler            TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome            TEXT,
    closed_at          TEXT,
    created_at         TEXT NOT NULL
) STRICT;

CREATE INDEX requests_open ON requests (status, due);

-- Files produced for a request, by hash (the files themselves are not kept).
CREATE TABLE request_files (
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,                  -- e.g. 'subject-access-pdf', 'portability-zip'
    sha256     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
