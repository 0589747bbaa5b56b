-- Kluis schema 14: telling the recipients (Art. 19). After a rectification, an erasure or a
-- restriction, each processor of the person's purposes is a line of a checklist with the date
-- it was told. A line hangs on the request (it stays when the person is erased: the request
-- row is the record that it was handled, and goes with the request under the records' rule)
-- or, for a restriction without a request, on the contact (it goes with the contact). It holds
-- no personal data of the person beyond that link: the processor's id and a snapshot of its
-- name (business data of the controller), the action and the dates.

CREATE TABLE recipient_notices (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id     INTEGER REFERENCES requests(id) ON DELETE CASCADE,
    contact_id     INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    processor_id   INTEGER REFERENCES processors(id) ON DELETE SET NULL,
    processor_name TEXT NOT NULL,
    action         TEXT NOT NULL CHECK (action IN ('rectification', 'erasure', 'restriction')),
    created_at     TEXT NOT NULL,
    told_at        TEXT,                           -- YYYY-MM-DD
    CHECK ((request_id IS NULL) <> (contact_id IS NULL))
) STRICT;

CREATE INDEX recipient_notices_by_request ON recipient_notices (request_id);
CREATE INDEX recipient_notices_by_contact ON recipient_notices (contact_id);
