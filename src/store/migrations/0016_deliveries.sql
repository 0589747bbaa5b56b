-- Kluis schema 14: how an access report was sent (R6.4): to which address (one already on the
-- contact or a new one), whether it was a protected copy (never the password), and how many
-- lines were withheld because they concern someone else (Art. 15(4); never which or what).

CREATE TABLE IF NOT EXISTS request_deliveries (
    request_id    INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    sent_to       TEXT,                        -- the address; NULL when none was given or
                                               -- after the person's erasure
    address_known INTEGER NOT NULL CHECK (address_known IN (0, 1)),
    protected     INTEGER NOT NULL CHECK (protected IN (0, 1)),
    redactions    INTEGER NOT NULL CHECK (redactions >= 0),
    created_at    TEXT NOT NULL
) STRICT;
