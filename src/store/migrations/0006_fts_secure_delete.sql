-- Kluis schema 6: the search index forgets deleted and replaced values at once.
-- With FTS5 `secure-delete` a deleted index row is removed from the index b-tree itself (not
-- only marked deleted until a merge), so an edited contact's old name and e-mail address, and
-- an erased or purged contact's values, leave no trace in the index data. (SQLite >= 3.42.)

INSERT INTO contact_fts (contact_fts, rank) VALUES ('secure-delete', 1);

-- Rewrite what earlier versions left in old segments.
INSERT INTO contact_fts (contact_fts) VALUES ('optimize');
