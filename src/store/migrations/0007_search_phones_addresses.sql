-- Kluis schema 7: search also finds phone numbers by their digits and addresses (cities).
-- The index gets two columns; FTS5 cannot add columns, so it is made anew (the old table's
-- pages are zeroed when freed: PRAGMA secure_delete) and filled from the tables.
-- A phone number is indexed as digits with the Dutch prefix folded: +31 6 1234 5678,
-- 0031 6 12345678 and 06-12345678 are all 0612345678 (the same rule as search.rs).

DROP TABLE contact_fts;

CREATE VIRTUAL TABLE contact_fts USING fts5 (
    name, emails, phones, address, organisation, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
INSERT INTO contact_fts (contact_fts, rank) VALUES ('secure-delete', 1);

INSERT INTO contact_fts (rowid, name, emails, phones, address, organisation, notes)
SELECT c.id, c.name,
       (SELECT group_concat(value, ' ') FROM json_each(c.emails)),
       (SELECT group_concat(
            CASE WHEN d LIKE '+31%' THEN '0' || substr(d, 4)
                 WHEN d LIKE '0031%' THEN '0' || substr(d, 5)
                 ELSE replace(d, '+', '00') END, ' ')
        FROM (SELECT replace(replace(replace(replace(replace(replace(value,
                  ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '') AS d
              FROM json_each(c.phones))),
       c.address,
       o.name,
       (SELECT group_concat(text, ' ') FROM interactions WHERE contact_id = c.id)
FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id;
