// A table that runs off the bottom of one page and on at the top of the next is one table. It continues
// when the last block of a page and the first block of the next are tables with the same columns. The header
// row that the producer repeated on the new page is recognised (same text as the first row) and dropped,
// and the first row becomes a known header row. A row cut in two by the page break (first cell empty on the
// new page) is glued back together.
import { unionBox } from './geometry.ts';
import type { PageLayout, TableBlock, TableCell, TableRow } from './types.ts';

export interface JoinOptions {
  /** Glue a continuation row whose first cell is empty onto the last row of the previous page. */
  mergeSplitRows?: boolean;
}

/** Rows whose cells hold value labels are rows of their own, never the tail of a cut row. */
const LABEL_CELL = /^(?:baseline|base line|target|result|actual|outturn|\d{2}\/\d{2}|\d{4}(?:\/\d{2,4})?)\b/i;

export function cellText(cell: TableCell): string {
  return cell.lines.map((l) => l.text).join('\n');
}

function rowKey(row: TableRow): string {
  return row.cells.map((c) => cellText(c).toLowerCase().replace(/\s+/g, ' ').trim()).join('\t');
}

/** The filled cells of a row, in order: equal for a header repeated over a different column split. */
function textKey(row: TableRow): string {
  return row.cells.map((c) => cellText(c).toLowerCase().replace(/\s+/g, ' ').trim()).filter(Boolean).join('\t');
}

/**
 * Borderless columns are found from the text, so a page where some columns happen to be empty splits the
 * table differently from the next page. A repeated header and the same left edge still say it is one table;
 * both parts are then put on the finer of the two column splits.
 */
function sameTableOtherSplit(a: TableBlock, b: TableBlock, widthA: number, widthB: number): boolean {
  if (a.method !== 'borderless' || b.method !== 'borderless' || Math.abs(widthA - widthB) > 1) return false;
  if (!a.rows.length || !b.rows.length || Math.abs(a.box[0] - b.box[0]) > widthA * 0.02) return false;
  const key = textKey(a.rows[0]);
  return key !== '' && key === textKey(b.rows[0]);
}

function columnAt(xs: number[], x: number): number {
  for (let c = 0; c < xs.length - 2; c++) if (x < xs[c + 1]) return c;
  return xs.length - 2;
}

/** Put a table's cells on other column edges, by where their text actually lies. */
function regrid(table: TableBlock, xs: number[]): void {
  const nc = xs.length - 1;
  for (const row of table.rows) {
    const byCol = new Map<number, TableCell>();
    for (const cell of row.cells) {
      if (!cell.lines.length) continue;
      const text = unionBox(cell.lines.map((l) => l.box));
      const c0 = columnAt(xs, text[0] + 0.01);
      const c1 = Math.max(c0, columnAt(xs, text[2] - 0.01));
      const existing = byCol.get(c0);
      if (existing) {
        existing.lines.push(...cell.lines);
        continue;
      }
      byCol.set(c0, { ...cell, col: c0, colSpan: c1 - c0 + 1, box: [xs[c0], cell.box[1], xs[c1 + 1], cell.box[3]] });
    }
    const cells: TableCell[] = [];
    for (let c = 0; c < nc; ) {
      const cell = byCol.get(c);
      if (cell) {
        cells.push(cell);
        c += cell.colSpan;
      } else {
        cells.push({ lines: [], box: [xs[c], row.box[1], xs[c + 1], row.box[3]], page: row.page, col: c, colSpan: 1, rowSpan: 1 });
        c++;
      }
    }
    row.cells = cells;
  }
  table.xs = xs;
}

function sameColumns(a: TableBlock, b: TableBlock, widthA: number, widthB: number): boolean {
  if (a.method !== b.method || a.xs.length !== b.xs.length) return false;
  if (Math.abs(widthA - widthB) > 1) return false;
  // Borderless column edges are gutter midpoints and move a little with the text; rules do not.
  const tol = widthA * (a.method === 'ruled' ? 0.01 : 0.04);
  return a.xs.every((x, i) => Math.abs(x - b.xs[i]) <= tol);
}

export function joinTables(pages: PageLayout[], options: JoinOptions = {}): void {
  const mergeSplit = options.mergeSplitRows ?? true;
  let open: { table: TableBlock; width: number } | null = null;
  for (const p of pages) {
    const first = p.blocks[0];
    const continues = open && first?.kind === 'table' && (sameColumns(open.table, first, open.width, p.width) || sameTableOtherSplit(open.table, first, open.width, p.width));
    if (open && first?.kind === 'table' && continues) {
      if (!sameColumns(open.table, first, open.width, p.width)) {
        const xs = first.xs.length > open.table.xs.length ? first.xs : open.table.xs;
        regrid(open.table, xs);
        regrid(first, xs);
      }
      append(open.table, first, mergeSplit);
      p.blocks.shift();
      if (p.blocks.length > 0) open = null;
    } else open = null;
    const last = p.blocks[p.blocks.length - 1];
    if (!open && last?.kind === 'table') open = { table: last, width: p.width };
  }
}

function append(target: TableBlock, next: TableBlock, mergeSplit: boolean): void {
  const rows = [...next.rows];
  const head = target.rows[0];
  if (head && rows.length && rowKey(rows[0]) === rowKey(head)) {
    rows.shift();
    head.header = true;
  }
  const lastRow = target.rows[target.rows.length - 1];
  const firstRow = rows[0];
  if (mergeSplit && lastRow && firstRow && isTailOfCutRow(firstRow, lastRow)) {
    rows.shift();
    for (const cell of firstRow.cells) {
      const host = lastRow.cells.find((c) => c.col === cell.col);
      if (host) host.lines.push(...cell.lines);
      else lastRow.cells.push(cell);
    }
  }
  target.rows.push(...rows);
  for (const p of next.pages) if (!target.pages.includes(p)) target.pages.push(p);
}

function isTailOfCutRow(row: TableRow, previous: TableRow): boolean {
  const first = row.cells.find((c) => c.col === 0);
  const prevFirst = previous.cells.find((c) => c.col === 0);
  if (!prevFirst || !cellText(prevFirst)) return false;
  if (first && cellText(first)) return false;
  // Same cell structure, and nothing that reads as the label of a row of its own.
  if (row.cells.length !== previous.cells.length) return false;
  return !row.cells.some((c) => LABEL_CELL.test(cellText(c).trim()));
}
