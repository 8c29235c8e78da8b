-- The order a document names its indicators in, as a column (issue 13): exports list a document's indicators
-- in that order, and the PostgreSQL store has no rowid to keep it. Stored indicators take the order they were
-- written in (their rowid order within the document).
ALTER TABLE indicators ADD COLUMN ordinal INTEGER;
UPDATE indicators SET ordinal = (SELECT COUNT(*) FROM indicators i2 WHERE i2.document_id = indicators.document_id AND i2.rowid < indicators.rowid);
