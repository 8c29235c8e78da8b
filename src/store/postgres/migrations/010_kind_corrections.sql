-- PostgreSQL translation of the SQLite store's migration 010 (a reviewer's correction of a figure's kind). The
-- view keeps its columns, so it is replaced in place; indicator_summary reads it as before.
ALTER TABLE decisions ADD COLUMN new_kind TEXT COLLATE "C" CHECK (new_kind IN ('baseline', 'target', 'result'));
ALTER TABLE reviewed_values ADD COLUMN kind TEXT COLLATE "C" CHECK (kind IN ('baseline', 'target', 'result'));

CREATE OR REPLACE VIEW observations_flat AS
SELECT
  o.id AS observation_id,
  d.file_name AS document,
  d.partnership,
  d.title AS document_title,
  COALESCE(r.indicator_code, o.indicator_code) AS indicator,
  i.title AS indicator_title,
  i.catalogue_title,
  COALESCE(r.kind, o.kind) AS kind,
  COALESCE(r.state, o.state) AS state,
  CASE WHEN r.observation_id IS NULL THEN o.value ELSE r.value END AS value,
  CASE WHEN r.observation_id IS NULL THEN o.unit ELSE r.unit END AS unit,
  CASE WHEN r.observation_id IS NULL THEN o.period ELSE r.period END AS period,
  o.area,
  o.relative_change,
  o.denominator,
  o.pending_reason,
  r.review_state,
  r.reviewed_by,
  o.indicator_code AS extracted_indicator,
  o.value AS extracted_value,
  o.unit AS extracted_unit,
  o.period AS extracted_period,
  o.confidence,
  p.page,
  p.line,
  p.sheet,
  p.address,
  p.text AS source_text,
  h.text AS header_text,
  o.ordinal,
  d.path AS document_path
FROM observations o
JOIN documents d ON d.id = o.document_id
LEFT JOIN indicators i ON i.document_id = o.document_id AND i.code = o.indicator_code
LEFT JOIN reviewed_values r ON r.observation_id = o.id
LEFT JOIN sources p ON p.document_id = o.document_id AND p.n = o.value_source
LEFT JOIN sources h ON h.document_id = o.document_id AND h.n = o.header_source;
