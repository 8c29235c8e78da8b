-- PostgreSQL translation of the SQLite store's migration 007 (findings by the part of the store they were computed from).
-- Findings recomputed for what changed (src/reconcile/scope.ts): each finding records the part of the store it
-- was computed from, so an import can replace the findings of the documents it wrote, and of the partnership
-- series they are part of, and leave every other finding as it is.
--   'd:<document id>'                    one document's findings (every check but the comparison of documents)
--   's:["<partnership>","<indicator>"]'  the documents of one partnership compared on one indicator (conflicts)
-- Null for findings stored before this migration: the next reconciliation recomputes everything.
ALTER TABLE findings ADD COLUMN scope TEXT COLLATE "C";
CREATE INDEX findings_scope ON findings(scope);

-- What each reconciliation was, so the next one knows whether recomputing what changed is enough:
--   scope_json         null when it recomputed every finding; else what it recomputed (counts of documents, series)
--   decisions_through  the last decision it saw: a decision recorded after it is a change to recompute for
--   basis              the schema version, the checks and FINDINGS_VERSION it ran with: when any differs, the
--                      next reconciliation recomputes everything (after a migration or an upgrade)
ALTER TABLE reconciliations ADD COLUMN scope_json TEXT COLLATE "C";
ALTER TABLE reconciliations ADD COLUMN decisions_through BIGINT;
ALTER TABLE reconciliations ADD COLUMN basis TEXT COLLATE "C";
