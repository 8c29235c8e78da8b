// The layout module's vocabulary. Format-neutral on purpose: a PDF text layer and OCR word boxes both arrive
// as positioned words (plus, when the format has them, drawn rules and small marks such as list bullets),
// and leave as blocks in reading order. Units are whatever the source uses (PDF points, image pixels):
// every tolerance below is relative to the text size, never an absolute number of points.

/** [x0, y0, x1, y1], origin top-left of the page, y growing downwards. */
export type Box = [number, number, number, number];

export interface Word {
  text: string;
  box: Box;
  /** Nominal font size when the source knows it (PDF); OCR leaves it out and the box height stands in. */
  fontSize?: number;
  /** OCR confidence 0..1. */
  confidence?: number;
  /** OCR confusions repaired in the text ("O→0 in 1O.5"), carried to the spans built from the word. */
  repairs?: string[];
  bold?: boolean;
  italic?: boolean;
  /** Set by the layout when a drawn rule runs under the word. */
  underline?: boolean;
}

/** An axis-aligned drawn rule: a horizontal one lies at y = `at` from x = `from` to `to`. */
export interface Segment {
  axis: 'h' | 'v';
  at: number;
  from: number;
  to: number;
  thickness: number;
}

export interface PageInput {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  words: Word[];
  /** Drawn rules (table borders, underlines). Absent for OCR unless line detection ran. */
  segments?: Segment[];
  /** Small filled shapes (list bullets drawn as graphics rather than text). */
  marks?: Box[];
}

/** Words on one baseline, horizontally contiguous. */
export interface Line {
  words: Word[];
  box: Box;
  text: string;
  /** Dominant size of the line's words (superscripts do not count). */
  size: number;
  /** Set when a paragraph continues from another page: the page this line is on. */
  page?: number;
}

export interface TextBlock {
  kind: 'text';
  role: 'paragraph' | 'heading' | 'list-item';
  page: number;
  lines: Line[];
  box: Box;
  size: number;
  /** Every word bold: a candidate heading at body size. */
  bold: boolean;
  /** Heading level, assigned across the whole document (sizes are compared page against page). */
  level?: number;
  /** List marker as printed ("•", "1.", "a)"), or "" when the bullet was a drawn mark. */
  marker?: string;
  ordered?: boolean;
  depth?: number;
}

export interface TableCell {
  lines: Line[];
  box: Box;
  page: number;
  col: number;
  colSpan: number;
  rowSpan: number;
  /** Drawn bullets inside the cell, so its lines can become list items. */
  marks?: Box[];
}

export interface TableRow {
  cells: TableCell[];
  box: Box;
  page: number;
  /** Known to be a header row (it was repeated at the top of a continuation page). */
  header: boolean;
}

export interface TableBlock {
  kind: 'table';
  method: 'ruled' | 'borderless';
  page: number;
  box: Box;
  /** Column boundaries (x), `columns + 1` values; used to recognise a table continuing on the next page. */
  xs: number[];
  rows: TableRow[];
  /** Pages the table covers once continuations are joined. */
  pages: number[];
}

export type LayoutBlock = TextBlock | TableBlock;

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  blocks: LayoutBlock[];
  /** Words the layout could not place (kept for diagnostics; normally empty). */
  dropped: Word[];
}

export interface DocumentLayout {
  pages: PageLayout[];
  /** Body text size: the most common size by character count. */
  bodySize: number;
  /** Lines removed as running headers, footers and page numbers. */
  removed: Array<{ page: number; text: string; box: Box }>;
}
