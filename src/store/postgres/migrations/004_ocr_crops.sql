-- PostgreSQL translation of the SQLite store's migration 004: the page crops, as bytea.
CREATE TABLE ocr_crops (
  observation_id TEXT COLLATE "C" PRIMARY KEY REFERENCES observations(id) ON DELETE CASCADE,
  page BIGINT NOT NULL,
  box_json TEXT COLLATE "C" NOT NULL,
  width BIGINT NOT NULL,
  height BIGINT NOT NULL,
  png BYTEA NOT NULL
);
