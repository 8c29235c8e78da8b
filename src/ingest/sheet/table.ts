// Spreadsheet grid → Table: shared by the .xlsx and .csv readers. Empty rows are dropped (addresses keep the
// real place), a row's cells run up to its last filled column, merged cells appear once with their spans, and
// header rows at the top (Indicator, Baseline, 2008/09 ...) are marked.
import type { Cell, CellContent, Provenance, Row, Span, Table } from '../../model/document.ts';
import { HEADER_WORD } from '../../vocabulary/kinds.ts';

export interface GridCell {
  /** 0-based grid column. */
  col: number;
  text: string;
  spans?: Span[];
  number?: number;
  numberFormat?: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface GridRow {
  /** 1-based row number in the sheet (or record number in a CSV). */
  rowNumber: number;
  /** Physical line of a CSV record. */
  line?: number;
  cells: GridCell[];
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellAddress(col: number, rowNumber: number): string {
  return `${columnLetters(col)}${rowNumber}`;
}

const PERIOD = /\b(?:19|20)\d{2}\s*[/–-]\s*\d{2,4}\b|\b\d{2}\/\d{2}\b|\b(?:19|20)\d{2}\b/;

function isHeaderRow(cells: GridCell[]): boolean {
  const filled = cells.filter((c) => c.text.trim());
  if (filled.length < 2) return false;
  // Typed numbers other than years are data.
  if (filled.some((c) => c.number !== undefined && !(Number.isInteger(c.number) && c.number >= 1990 && c.number <= 2040 && !c.text.includes('%')))) return false;
  if (filled.some((c) => c.text.length > 120)) return false;
  return filled.some((c) => HEADER_WORD.test(c.text) || PERIOD.test(c.text));
}

/** Indexes (into `rows`) of the header rows: the first multi-cell rows at the top that read as headings. */
export function headerRowIndexes(rows: GridRow[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(rows.length, 12); i++) {
    const filled = rows[i].cells.filter((c) => c.text.trim()).length;
    if (out.size === 0 && filled <= 1) continue; // title lines above the table
    if (!isHeaderRow(rows[i].cells)) break;
    out.add(i);
  }
  return out;
}

export interface SheetTableOptions {
  file: string;
  index: number;
  sheet?: string;
}

function contentOf(text: string, spans: Span[], provenance: Provenance): CellContent[] {
  const content: CellContent[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    if (!line) continue;
    const lineSpans = spans
      .filter((s) => s.end > start && s.start < end)
      .map((s) => ({ ...s, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }));
    content.push({ kind: 'paragraph', text: line, spans: lineSpans, provenance });
  }
  return content;
}

export function buildSheetTable(grid: GridRow[], options: SheetTableOptions): Table | null {
  const { file, index, sheet } = options;
  const rows = grid
    .map((r) => ({ ...r, cells: r.cells.filter((c) => c.text !== '' || (c.colSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1) }))
    .filter((r) => r.cells.some((c) => c.text.trim()));
  if (!rows.length) return null;
  const headers = headerRowIndexes(rows);
  // Merged areas cover grid slots; an empty filler cell must not be emitted inside one.
  const covered = new Set<string>();
  for (const r of rows) {
    for (const c of r.cells) {
      for (let dr = 0; dr < (c.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (c.colSpan ?? 1); dc++) if (dr || dc) covered.add(`${r.rowNumber + dr}:${c.col + dc}`);
      }
    }
  }
  const base = (extra: Partial<Provenance>): Provenance => {
    const p: Provenance = { file, table: index, ...extra };
    if (sheet !== undefined) p.sheet = sheet;
    return p;
  };
  const tableRows: Row[] = rows.map((r, rowIndex) => {
    const byCol = new Map(r.cells.map((c) => [c.col, c]));
    const last = Math.max(...r.cells.filter((c) => c.text.trim()).map((c) => c.col));
    const cells: Cell[] = [];
    for (let col = 0; col <= last; col++) {
      const source = byCol.get(col);
      if (!source && covered.has(`${r.rowNumber}:${col}`)) continue;
      const text = source?.text ?? '';
      const spans = source?.spans ?? (text ? [{ start: 0, end: text.length }] : []);
      const provenance = base({ row: rowIndex, col, address: cellAddress(col, r.rowNumber), ...(r.line ? { line: r.line } : {}) });
      const cell: Cell = {
        text,
        spans,
        provenance,
        col,
        colSpan: source?.colSpan ?? 1,
        rowSpan: source?.rowSpan ?? 1,
        content: contentOf(text, spans, provenance),
      };
      if (source?.number !== undefined) cell.number = source.number;
      if (source?.numberFormat !== undefined) cell.numberFormat = source.numberFormat;
      cells.push(cell);
      col += (source?.colSpan ?? 1) - 1;
    }
    return { cells, header: headers.has(rowIndex), provenance: base({ row: rowIndex, address: cellAddress(0, r.rowNumber), ...(r.line ? { line: r.line } : {}) }) };
  });
  // A vertical merge reaching into dropped empty rows is cut to the rows that remain.
  tableRows.forEach((row, i) => {
    for (const cell of row.cells) {
      if (cell.rowSpan <= 1) continue;
      const lastRowNumber = rows[i].rowNumber + cell.rowSpan - 1;
      cell.rowSpan = Math.max(1, rows.slice(i).filter((r) => r.rowNumber <= lastRowNumber).length);
    }
  });
  const provenance = base(rows[0].line ? { line: rows[0].line } : {});
  return { kind: 'table', index, method: 'sheet', rows: tableRows, provenance };
}
