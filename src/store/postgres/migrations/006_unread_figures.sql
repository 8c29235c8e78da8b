-- PostgreSQL translation of the SQLite store's migration 006 (the unread-figure check).
-- The unread-figure check (src/unread/): per document, the figures written in the same table row, cell or
-- sentence as an indicator mention, how many of them an observation was read from, and each one left unread
-- with where it is. Written with the document in its transaction and replaced with it. A document stored
-- before this migration has no row in figure_counts: not measured, rather than nothing unread.
CREATE TABLE figure_counts (
  document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  near_figures BIGINT NOT NULL,
  read_figures BIGINT NOT NULL,
  unread_figures BIGINT NOT NULL
);

CREATE TABLE unread_figures (
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  -- Place in the document's reading order.
  ordinal BIGINT NOT NULL,
  -- The figure as written ("41%") and its number.
  figure TEXT COLLATE "C" NOT NULL,
  value DOUBLE PRECISION,
  -- Where the indicator is named: in the figure's own cell, elsewhere in its row, or in its sentence.
  near TEXT COLLATE "C" NOT NULL CHECK (near IN ('cell', 'row', 'sentence')),
  -- The indicator codes of that cell, row or sentence, as JSON.
  indicators_json TEXT COLLATE "C" NOT NULL,
  file TEXT COLLATE "C" NOT NULL,
  page BIGINT,
  line BIGINT,
  box_json TEXT COLLATE "C",
  table_index BIGINT,
  row_index BIGINT,
  col_index BIGINT,
  sheet TEXT COLLATE "C",
  address TEXT COLLATE "C",
  -- The whole text unit and the figure's span in it.
  text TEXT COLLATE "C" NOT NULL,
  span_start BIGINT NOT NULL,
  span_end BIGINT NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
