-- PostgreSQL translation of the SQLite store's migration 003.
ALTER TABLE indicators ADD COLUMN source_json TEXT COLLATE "C";
