-- PostgreSQL translation of the SQLite store's migration 008 (provenance once per text unit); the analyst views
-- as in this folder's 005.
-- Provenance without repetition (issue 12): the located text units a document's observations were read from
-- are stored once per document in `sources`, and each observation points at its value's, header's and code's
-- unit with the span inside it. Before, every observation had its own `provenance` row per role, so the cell
-- naming an indicator (or a column's header cell) was written again for every figure read beside it.
-- `provenance` becomes a view with the same columns, and `observations_flat` reads the new columns: every view
-- row and every export record is as before.

-- One row per distinct text unit of a document: where it is and its whole text. `file` is null when it is the
-- document's own file name (documents.file_name), which is nearly always.
CREATE TABLE sources (
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  -- 0, 1, 2… within the document, in the order its observations first use them.
  n BIGINT NOT NULL,
  file TEXT COLLATE "C",
  page BIGINT,
  line BIGINT,
  box_json TEXT COLLATE "C",
  table_index BIGINT,
  row_index BIGINT,
  col_index BIGINT,
  sheet TEXT COLLATE "C",
  address TEXT COLLATE "C",
  ocr_confidence DOUBLE PRECISION,
  text TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (document_id, n)
);

-- Per role, the unit (sources.n of the observation's document) and the span in its text. No header: nulls.
ALTER TABLE observations ADD COLUMN value_source BIGINT;
ALTER TABLE observations ADD COLUMN value_start BIGINT;
ALTER TABLE observations ADD COLUMN value_end BIGINT;
ALTER TABLE observations ADD COLUMN header_source BIGINT;
ALTER TABLE observations ADD COLUMN header_start BIGINT;
ALTER TABLE observations ADD COLUMN header_end BIGINT;
ALTER TABLE observations ADD COLUMN code_source BIGINT;
ALTER TABLE observations ADD COLUMN code_start BIGINT;
ALTER TABLE observations ADD COLUMN code_end BIGINT;

-- The stored provenance rows, each with its document and a key naming its unit (every unit column, as jsonb: it
-- tells a null from a value and a number from a string). PostgreSQL has no rowid: within a document the
-- observations were written in ordinal order, so the ordinal orders them as the rowid does in SQLite.
CREATE TEMP TABLE migrating_provenance AS
SELECT
  o.id AS observation_id,
  o.document_id,
  o.ordinal,
  p.role,
  CASE p.role WHEN 'value' THEN 0 WHEN 'header' THEN 1 ELSE 2 END AS role_rank,
  CASE WHEN p.file = d.file_name THEN NULL ELSE p.file END AS file,
  p.page, p.line, p.box_json, p.table_index, p.row_index, p.col_index, p.sheet, p.address, p.ocr_confidence, p.text,
  p.span_start, p.span_end,
  jsonb_build_array(CASE WHEN p.file = d.file_name THEN NULL ELSE p.file END, p.page, p.line, p.box_json, p.table_index, p.row_index, p.col_index,
             p.sheet, p.address, p.ocr_confidence, p.text) AS unit_key
FROM provenance p
JOIN observations o ON o.id = p.observation_id
JOIN documents d ON d.id = o.document_id;

-- The distinct units of each document, numbered in the order the observations first use them (as the writer does).
CREATE TEMP TABLE migrating_sources AS
SELECT
  document_id, unit_key,
  ROW_NUMBER() OVER (PARTITION BY document_id ORDER BY MIN(ordinal * 3 + role_rank)) - 1 AS n,
  MIN(file) AS file, MIN(page) AS page, MIN(line) AS line, MIN(box_json) AS box_json, MIN(table_index) AS table_index,
  MIN(row_index) AS row_index, MIN(col_index) AS col_index, MIN(sheet) AS sheet, MIN(address) AS address,
  MIN(ocr_confidence) AS ocr_confidence, MIN(text) AS text
FROM migrating_provenance
GROUP BY document_id, unit_key;
CREATE UNIQUE INDEX migrating_sources_key ON migrating_sources (document_id, unit_key);

INSERT INTO sources (document_id, n, file, page, line, box_json, table_index, row_index, col_index, sheet, address, ocr_confidence, text)
SELECT document_id, n, file, page, line, box_json, table_index, row_index, col_index, sheet, address, ocr_confidence, text
FROM migrating_sources
ORDER BY document_id, n;

CREATE TEMP TABLE migrating_spans AS
SELECT
  p.observation_id,
  MAX(CASE p.role WHEN 'value' THEN s.n END) AS value_source,
  MAX(CASE p.role WHEN 'value' THEN p.span_start END) AS value_start,
  MAX(CASE p.role WHEN 'value' THEN p.span_end END) AS value_end,
  MAX(CASE p.role WHEN 'header' THEN s.n END) AS header_source,
  MAX(CASE p.role WHEN 'header' THEN p.span_start END) AS header_start,
  MAX(CASE p.role WHEN 'header' THEN p.span_end END) AS header_end,
  MAX(CASE p.role WHEN 'code' THEN s.n END) AS code_source,
  MAX(CASE p.role WHEN 'code' THEN p.span_start END) AS code_start,
  MAX(CASE p.role WHEN 'code' THEN p.span_end END) AS code_end
FROM migrating_provenance p
JOIN migrating_sources s ON s.document_id = p.document_id AND s.unit_key = p.unit_key
GROUP BY p.observation_id;

UPDATE observations SET
  value_source = m.value_source, value_start = m.value_start, value_end = m.value_end,
  header_source = m.header_source, header_start = m.header_start, header_end = m.header_end,
  code_source = m.code_source, code_start = m.code_start, code_end = m.code_end
FROM migrating_spans m
WHERE m.observation_id = observations.id;

DROP TABLE migrating_spans;
DROP TABLE migrating_sources;
DROP TABLE migrating_provenance;
-- The analyst views read the table: they go first, and come back below reading the units.
DROP VIEW indicator_summary;
DROP VIEW observations_flat;
DROP TABLE provenance;

DROP INDEX observations_indicator;



-- The former table, as a view: one row per observation and role, the same columns.
CREATE VIEW provenance AS
SELECT o.id AS observation_id, 'value'::text COLLATE "C" AS role, COALESCE(s.file, d.file_name) AS file, s.page, s.line, s.box_json, s.table_index, s.row_index,
       s.col_index, s.sheet, s.address, s.ocr_confidence, s.text, o.value_start AS span_start, o.value_end AS span_end
FROM observations o JOIN documents d ON d.id = o.document_id JOIN sources s ON s.document_id = o.document_id AND s.n = o.value_source
UNION ALL
SELECT o.id, 'header'::text COLLATE "C", COALESCE(s.file, d.file_name), s.page, s.line, s.box_json, s.table_index, s.row_index,
       s.col_index, s.sheet, s.address, s.ocr_confidence, s.text, o.header_start, o.header_end
FROM observations o JOIN documents d ON d.id = o.document_id JOIN sources s ON s.document_id = o.document_id AND s.n = o.header_source
UNION ALL
SELECT o.id, 'code'::text COLLATE "C", COALESCE(s.file, d.file_name), s.page, s.line, s.box_json, s.table_index, s.row_index,
       s.col_index, s.sheet, s.address, s.ocr_confidence, s.text, o.code_start, o.code_end
FROM observations o JOIN documents d ON d.id = o.document_id JOIN sources s ON s.document_id = o.document_id AND s.n = o.code_source;

-- The analyst views of migration 005, the same columns and rows, reading the units directly.

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
LEFT JOIN sources p ON p.document_id = o.document_id AND p.n = o.value_source
LEFT JOIN sources h ON h.document_id = o.document_id AND h.n = o.header_source;

-- Unchanged from migration 005 (it reads observations_flat, recreated above).
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
