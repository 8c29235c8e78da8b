-- Reconciliation findings and review decisions.

-- Each recomputation of the checks: what triggered it, the import run whose store it checked, the options it
-- used (the next recomputation reuses them) and its counts per check and severity.
CREATE TABLE reconciliations (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES import_runs(id),
  trigger TEXT NOT NULL,
  computed_at TEXT NOT NULL,
  options_json TEXT NOT NULL,
  counts_json TEXT NOT NULL
);

-- The current findings, replaced as a whole by each reconciliation. An id is a hash of the check, the evidence
-- observation ids and a key, so re-importing the same documents gives the same ids (and keeps acknowledgements).
CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  reconciliation_id INTEGER NOT NULL REFERENCES reconciliations(id),
  run_id INTEGER REFERENCES import_runs(id),
  check_id TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message TEXT NOT NULL,
  document TEXT,
  indicator TEXT,
  key TEXT NOT NULL,
  evidence_json TEXT NOT NULL
);
CREATE INDEX findings_check ON findings(check_id);

-- Review decisions: the audit trail. Rows are only ever added. Targets are observation or finding ids with no
-- foreign key on purpose: a decision outlives its target being re-imported (ids are stable) or vanishing (an
-- orphan, which is reported, never dropped). previous_json is the target as the reviewer saw it.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  target_type TEXT NOT NULL CHECK (target_type IN ('observation', 'finding')),
  target_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct', 'acknowledge')),
  new_value REAL,
  new_unit TEXT,
  new_period TEXT,
  new_code TEXT,
  previous_json TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  comment TEXT,
  origin TEXT NOT NULL
);
CREATE INDEX decisions_target ON decisions(target_id);

CREATE TRIGGER decisions_never_updated BEFORE UPDATE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are an audit trail: record a new decision instead of changing one');
END;

CREATE TRIGGER decisions_never_deleted BEFORE DELETE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are an audit trail and are never deleted');
END;
