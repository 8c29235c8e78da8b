-- PostgreSQL translation of the SQLite store's migration 005 (the analyst views). Where SQLite's SQL has no
-- PostgreSQL form: GLOB is a regular expression; a comparison is summed as an integer (NULL where it is NULL,
-- as SQLite sums it); NULLs sort last in a descending order, as in SQLite (NULLS LAST); area and unit, grouped
-- through COALESCE, are read with MAX.
-- Views for analysts, so the store opens usefully in any SQLite browser, and the reviewed values they read.

-- The review decisions in force on each observation, worked out by planharvest (src/review/apply.ts: decisions
-- stack in the order made, an accept goes stale when the document changes) and rewritten as a whole whenever
-- the findings are recomputed: after every import, review, decisions apply and report. SQL only reads it.
CREATE TABLE reviewed_values (
  observation_id TEXT COLLATE "C" PRIMARY KEY REFERENCES observations(id) ON DELETE CASCADE,
  indicator_code TEXT COLLATE "C" NOT NULL,
  state TEXT COLLATE "C" NOT NULL CHECK (state IN ('value', 'pending')),
  value DOUBLE PRECISION,
  unit TEXT COLLATE "C",
  period TEXT COLLATE "C",
  review_state TEXT COLLATE "C" NOT NULL CHECK (review_state IN ('machine', 'accepted', 'corrected', 'rejected')),
  reviewed_by TEXT COLLATE "C"
);

-- A store migrated from before this table: observations nobody has decided on are as extracted. Those with
-- decisions are filled in by the next recomputation (any import, review, decisions apply or report).
INSERT INTO reviewed_values (observation_id, indicator_code, state, value, unit, period, review_state, reviewed_by)
SELECT o.id, o.indicator_code, o.state, o.value, o.unit, o.period, 'machine', NULL
FROM observations o
WHERE NOT EXISTS (SELECT 1 FROM decisions dc WHERE dc.target_id = o.id);

-- One row per observation: document, partnership, indicator titles, the reviewed figure beside the extracted
-- one, and where the value is written. Rejected observations are included (review_state = 'rejected').
CREATE VIEW observations_flat AS
SELECT
  o.id AS observation_id,
  d.file_name AS document,
  d.partnership,
  d.title AS document_title,
  COALESCE(r.indicator_code, o.indicator_code) AS indicator,
  i.title AS indicator_title,
  i.catalogue_title,
  o.kind,
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
LEFT JOIN provenance p ON p.observation_id = o.id AND p.role = 'value'
LEFT JOIN provenance h ON h.observation_id = o.id AND h.role = 'header';

-- Per partnership (or document file name when the document names no partnership), indicator, area and unit:
-- the baseline (the latest dated one, else an undated one), the final target (latest period), the latest
-- result, and counts. Reviewed values; rejected observations left out; figures in different units apart.
CREATE VIEW indicator_summary AS
WITH figures AS (
  SELECT
    f.*,
    COALESCE(f.partnership, f.document) AS partnership_or_document,
    -- The year a period ends: 2008/09 → 2009, 2008 → 2008, 2008-02 → 2008.
    CASE
      WHEN f.period ~ '^[0-9]{4}/[0-9]{2}$' THEN CAST(substr(f.period, 1, 4) AS INTEGER) + 1
      WHEN f.period ~ '^[0-9]{4}' THEN CAST(substr(f.period, 1, 4) AS INTEGER)
    END AS end_year
  FROM observations_flat f
  WHERE COALESCE(f.review_state, 'machine') <> 'rejected'
),
ranked AS (
  SELECT
    figures.*,
    ROW_NUMBER() OVER (
      PARTITION BY partnership_or_document, indicator, COALESCE(area, ''), COALESCE(unit, ''), kind
      ORDER BY (state = 'value') DESC, (end_year IS NOT NULL) DESC, end_year DESC NULLS LAST, period DESC NULLS LAST, document DESC, ordinal DESC
    ) AS latest_first
  FROM figures
)
SELECT
  partnership_or_document,
  MAX(partnership) AS partnership,
  indicator,
  MAX(area) AS area,
  MAX(unit) AS unit,
  MAX(CASE WHEN kind = 'baseline' AND latest_first = 1 AND state = 'value' THEN value END) AS baseline,
  MAX(CASE WHEN kind = 'baseline' AND latest_first = 1 AND state = 'value' THEN period END) AS baseline_period,
  MAX(CASE WHEN kind = 'target' AND latest_first = 1 AND state = 'value' THEN value END) AS final_target,
  MAX(CASE WHEN kind = 'target' AND latest_first = 1 AND state = 'value' THEN period END) AS final_target_period,
  MAX(CASE WHEN kind = 'result' AND latest_first = 1 AND state = 'value' THEN value END) AS latest_result,
  MAX(CASE WHEN kind = 'result' AND latest_first = 1 AND state = 'value' THEN period END) AS latest_result_period,
  COUNT(*) AS observations,
  SUM((kind = 'baseline')::int) AS baselines,
  SUM((kind = 'target')::int) AS targets,
  SUM((kind = 'result')::int) AS results,
  SUM((state = 'pending')::int) AS pending,
  SUM((review_state IN ('accepted', 'corrected'))::int) AS reviewed,
  COUNT(DISTINCT document) AS documents
FROM ranked
GROUP BY partnership_or_document, indicator, COALESCE(area, ''), COALESCE(unit, '');
