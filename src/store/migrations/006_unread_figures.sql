-- The unread-figure check (src/unread/): per document, the figures written in the same table row, cell or
-- sentence as an indicator mention, how many of them an observation was read from, and each one left unread
-- with where it is. Written with the document in its transaction and replaced with it. A document stored
-- before this migration has no row in figure_counts: not measured, rather than nothing unread.
CREATE TABLE figure_counts (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  near_figures INTEGER NOT NULL,
  read_figures INTEGER NOT NULL,
  unread_figures INTEGER NOT NULL
);

CREATE TABLE unread_figures (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  -- Place in the document's reading order.
  ordinal INTEGER NOT NULL,
  -- The figure as written ("41%") and its number.
  figure TEXT NOT NULL,
  value REAL,
  -- Where the indicator is named: in the figure's own cell, elsewhere in its row, or in its sentence.
  near TEXT NOT NULL CHECK (near IN ('cell', 'row', 'sentence')),
  -- The indicator codes of that cell, row or sentence, as JSON.
  indicators_json TEXT NOT NULL,
  file TEXT NOT NULL,
  page INTEGER,
  line INTEGER,
  box_json TEXT,
  table_index INTEGER,
  row_index INTEGER,
  col_index INTEGER,
  sheet TEXT,
  address TEXT,
  -- The whole text unit and the figure's span in it.
  text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
