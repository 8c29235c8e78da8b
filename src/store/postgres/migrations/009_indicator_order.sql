-- PostgreSQL translation of the SQLite store's migration 009: the order a document names its indicators in.
-- PostgreSQL keeps no order of writing (a row's place in the table is wherever it fitted), so indicators
-- stored before this migration are numbered by where the document first names each (page, line, then code);
-- the SQLite store numbers them in the order it wrote them. Every indicator written since carries the
-- writer's own order on both.
ALTER TABLE indicators ADD COLUMN ordinal BIGINT;
UPDATE indicators SET ordinal = numbered.n
  FROM (
    SELECT document_id, code,
           ROW_NUMBER() OVER (
             PARTITION BY document_id
             ORDER BY (source_json::json -> 'provenance' ->> 'page')::bigint NULLS FIRST, (source_json::json -> 'provenance' ->> 'line')::bigint NULLS FIRST, code
           ) - 1 AS n
      FROM indicators
  ) AS numbered
  WHERE numbered.document_id = indicators.document_id AND numbered.code = indicators.code;
