-- The store of imported plan documents: one row per document version, its indicators, observations with
-- provenance, milestones, and the import runs (with rejected files) that produced them.
CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  pipeline TEXT NOT NULL,
  summary_json TEXT
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  format TEXT NOT NULL,
  partnership TEXT,
  title TEXT,
  page_count INTEGER,
  run_id INTEGER NOT NULL REFERENCES import_runs(id),
  imported_at TEXT NOT NULL,
  messages_json TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX documents_hash ON documents(content_hash);

CREATE TABLE indicators (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  scheme TEXT NOT NULL,
  aliases_json TEXT NOT NULL DEFAULT '[]',
  title TEXT,
  catalogue_title TEXT,
  inferred INTEGER NOT NULL DEFAULT 0,
  match_score REAL,
  PRIMARY KEY (document_id, code)
);

CREATE TABLE observations (
  id TEXT PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('baseline', 'target', 'result')),
  state TEXT NOT NULL CHECK (state IN ('value', 'pending')),
  value REAL,
  unit TEXT,
  period TEXT,
  area TEXT,
  relative_change REAL,
  denominator REAL,
  pending_reason TEXT,
  confidence REAL NOT NULL,
  confidence_reasons_json TEXT NOT NULL DEFAULT '[]',
  repairs_json TEXT NOT NULL DEFAULT '[]',
  ordinal INTEGER NOT NULL
);
CREATE INDEX observations_document ON observations(document_id);
CREATE INDEX observations_indicator ON observations(indicator_code);

-- Where each observation's words are: the value itself, the header that gave its period or kind, the code.
CREATE TABLE provenance (
  observation_id TEXT NOT NULL REFERENCES observations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('value', 'header', 'code')),
  file TEXT NOT NULL,
  page INTEGER,
  line INTEGER,
  box_json TEXT,
  table_index INTEGER,
  row_index INTEGER,
  col_index INTEGER,
  sheet TEXT,
  address TEXT,
  ocr_confidence REAL,
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (observation_id, role)
);

CREATE TABLE milestones (
  id TEXT PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  outcome TEXT,
  status TEXT NOT NULL,
  section TEXT,
  page INTEGER,
  line INTEGER,
  source_text TEXT NOT NULL
);

CREATE TABLE rejections (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES import_runs(id),
  path TEXT NOT NULL,
  reason TEXT NOT NULL,
  advice TEXT NOT NULL
);
