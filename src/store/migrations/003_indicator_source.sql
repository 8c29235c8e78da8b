-- Where each indicator is first named (its code's located source, as JSON), so a finding about an indicator
-- with no values can still show the words that name it. Null for documents stored before this migration.
ALTER TABLE indicators ADD COLUMN source_json TEXT;
