-- Page image crops around values read by OCR: one small greyscale PNG per observation, shown in the review
-- report beside low-confidence values so a reviewer can check the figure against the scan. Replaced with
-- their document (the observation's row goes, and its crop with it).
CREATE TABLE ocr_crops (
  observation_id TEXT PRIMARY KEY REFERENCES observations(id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  -- The value's box on the page (page units: PDF points, or pixels of a page image), as JSON [x0,y0,x1,y1].
  box_json TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  png BLOB NOT NULL
);
