// Tables without rules: rows are told apart by the extra space between them, by a horizontal rule when one
// was drawn, or (when spacing is uniform) by text reappearing in a column that had already ended; a piece of
// text crossing column gutters becomes one cell with colSpan. A cell spanning rows (an indicator's cell
// beside its header, value and action rows) hides the space between those rows: the rows are then found
// column by column, and the text that runs on past a row's top at line spacing stays in its cell, which
// gets a rowSpan. A line of three or more pieces set well apart is a table of one row. Finding the run of
// lines and its columns is borderless-run.ts.
import { CHUNK_GAP, findGutters, growRun, isBulletBefore } from './borderless-run.ts';
import { centreX, overlap, sizeOf, unionBox } from './geometry.ts';
import { linesOf, type Band } from './lines.ts';
import type { Box, Segment, TableBlock, TableCell, TableRow, Word } from './types.ts';

export interface BorderlessResult {
  tables: TableBlock[];
  /** Bands that are not part of any table, in their original order. */
  rest: Band[];
}

export function findBorderlessTables(bands: Band[], rules: Segment[], page: number, size: number): BorderlessResult {
  const tables: TableBlock[] = [];
  const rest: Band[] = [];
  let i = 0;
  while (i < bands.length) {
    const run = growRun(bands, i, size);
    const table = run ? buildTable(bands.slice(i, run), rules, page, size) : null;
    if (run && table) {
      tables.push(...splitAtRepeatedHeader(table));
      i = run;
      continue;
    }
    const row = oneRowTable(bands[i], page, size);
    if (row) tables.push(row);
    else rest.push(bands[i]);
    i++;
  }
  return { tables, rest };
}

function rowBreaks(run: Band[], xs: number[], rules: Segment[], size: number): boolean[] {
  const n = run.length;
  const breaks = Array.from({ length: n }, (_, k) => k === 0);
  const width = xs[xs.length - 1] - xs[0];
  const ruleYs = rules
    .filter((r) => r.axis === 'h' && overlap(r.from, r.to, xs[0], xs[xs.length - 1]) >= width * 0.5)
    .map((r) => r.at);
  if (ruleYs.length) {
    // Rules between lines separate rows; nothing else does.
    for (let k = 1; k < n; k++) breaks[k] = ruleYs.some((y) => y > run[k - 1].box[3] - size * 0.2 && y < run[k].box[1] + size * 0.2);
    if (breaks.some((b, k) => k > 0 && b)) return breaks;
  }
  const gaps = run.slice(1).map((b, k) => b.box[1] - run[k].box[3]);
  const sorted = [...gaps].sort((a, b) => a - b);
  let threshold: number | null = null;
  let bestJump = 0;
  for (let k = 1; k < sorted.length; k++) {
    const jump = sorted[k] - sorted[k - 1];
    if (jump > bestJump) [bestJump, threshold] = [jump, (sorted[k] + sorted[k - 1]) / 2];
  }
  const lowMax = threshold === null ? 0 : Math.max(...sorted.filter((g) => g < threshold!));
  const bimodal = threshold !== null && bestJump > size * 0.25 && sorted.some((g) => g < threshold!) && threshold > lowMax * 1.3 + size * 0.05;
  const colsOf = (band: Band) => new Set(band.words.map((w) => columnOf(xs, centreX(w.box))));
  let rowCols = colsOf(run[0]);
  let prevCols = rowCols;
  for (let k = 1; k < n; k++) {
    const cols = colsOf(run[k]);
    let isNew: boolean;
    if (bimodal) isNew = gaps[k - 1] > threshold!;
    else if (sorted.length && sorted[0] >= size * 0.5) isNew = true; // roomy, even spacing: one line a row
    else {
      // Even, tight spacing: text reappearing in a column that had ended starts a new row.
      isNew = [...cols].some((c) => rowCols.has(c) && !prevCols.has(c));
      if (!isNew && cols.has(0) && !rowCols.has(0)) isNew = true;
      if (!isNew && cols.has(0) && prevCols.has(0)) {
        const firstWord = run[k].words.find((w) => columnOf(xs, centreX(w.box)) === 0);
        isNew = !!firstWord && /^[A-Z0-9(£$€•]/.test(firstWord.text);
      }
    }
    breaks[k] = isNew;
    if (isNew) rowCols = new Set(cols);
    else for (const c of cols) rowCols.add(c);
    prevCols = cols;
  }
  return breaks;
}

function columnOf(xs: number[], x: number): number {
  for (let c = 0; c < xs.length - 2; c++) if (x < xs[c + 1]) return c;
  return xs.length - 2;
}

/** A piece of a line: words close enough to be one cell's text, and the columns it lies across. */
interface Piece {
  words: Word[];
  band: number;
  top: number;
  bottom: number;
  cols: number[];
}

/**
 * Row starts the lines as a whole hide. In a table with cells spanning rows, a row's top does not show as a
 * gap between lines (the spanning cell's text runs on past it at line spacing), but it does in the columns
 * where the row's own cells start. Each piece's gap is measured to the text above it in its first column (a
 * cell spanning that column counts). With the row gaps and line gaps the lines do show (`breaks`), a line
 * where a piece starts after a row gap in its column starts a row too; and a piece that follows its column's
 * text at line spacing across a row start belongs to the cell above, which then spans the rows.
 */
function columnRowStarts(run: Band[], pieces: Piece[], breaks: boolean[], size: number): { breaks: boolean[]; carried: Map<Piece, Piece> } {
  const carried = new Map<Piece, Piece>();
  const bandGap = (k: number) => run[k].box[1] - run[k - 1].box[3];
  const rowGaps = breaks.flatMap((b, k) => (b && k > 0 ? [bandGap(k)] : []));
  const lineGaps = breaks.flatMap((b, k) => (!b && k > 0 ? [bandGap(k)] : []));
  if (!rowGaps.length) return { breaks, carried };
  const rowGap = Math.min(...rowGaps);
  const lineGap = Math.max(0, ...lineGaps);
  if (rowGap - lineGap < size * 0.3) return { breaks, carried };
  const between = (rowGap + lineGap) / 2;
  const prev = new Map<Piece, Piece>();
  const gapOf = new Map<Piece, number>();
  for (const p of pieces) {
    let above: Piece | undefined;
    for (const q of pieces) {
      if (q.band >= p.band || !q.cols.includes(p.cols[0])) continue;
      if (!above || q.bottom > above.bottom) above = q;
    }
    if (!above) continue;
    prev.set(p, above);
    gapOf.set(p, p.top - above.bottom);
  }
  const out = [...breaks];
  for (const p of pieces) if ((gapOf.get(p) ?? -Infinity) > Math.max(between, size * 0.5)) out[p.band] = true;
  const rowOf: number[] = [];
  let row = -1;
  out.forEach((b) => rowOf.push(b ? ++row : row));
  for (const p of [...pieces].sort((a, b) => a.band - b.band)) {
    const above = prev.get(p);
    if (!above || (gapOf.get(p) ?? Infinity) > between) continue;
    const origin = carried.get(above) ?? above;
    if (rowOf[origin.band] < rowOf[p.band]) carried.set(p, origin);
  }
  return { breaks: out, carried };
}

function buildTable(run: Band[], rules: Segment[], page: number, size: number): TableBlock | null {
  const gutters = findGutters(run, size);
  if (!gutters.length) return null;
  const left = Math.min(...run.map((b) => b.box[0]));
  const right = Math.max(...run.map((b) => b.box[2]));
  const xs = [left, ...gutters.map(([a, b]) => (a + b) / 2), right];
  const nc = xs.length - 1;

  const pieces: Piece[] = [];
  run.forEach((band, k) => {
    for (const words of chunkWords(band.words, size)) {
      const a = Math.min(...words.map((w) => w.box[0]));
      const b = Math.max(...words.map((w) => w.box[2]));
      const cols: number[] = [];
      for (let c = 0; c < nc; c++) if (overlap(a, b, xs[c], xs[c + 1]) > size * 0.3 || (cols.length === 0 && c === columnOf(xs, (a + b) / 2))) cols.push(c);
      if (!cols.length) cols.push(columnOf(xs, (a + b) / 2));
      pieces.push({ words, band: k, top: Math.min(...words.map((w) => w.box[1])), bottom: Math.max(...words.map((w) => w.box[3])), cols });
    }
  });

  const { breaks, carried } = columnRowStarts(run, pieces, rowBreaks(run, xs, rules, size), size);
  const rowOfBand: number[] = [];
  let rowCount = 0;
  run.forEach((_, k) => {
    if (breaks[k]) rowCount++;
    rowOfBand.push(rowCount - 1);
  });

  const cellOf = new Map<Piece, TableCell>();
  const rows: TableRow[] = [];
  for (let r = 0; r < rowCount; r++) {
    const own = pieces.filter((p) => rowOfBand[p.band] === r && !carried.has(p));
    const runOn = pieces.filter((p) => rowOfBand[p.band] === r && carried.has(p));
    const bands = run.filter((_, k) => rowOfBand[k] === r);
    // Union the columns a piece of text crosses: that is a spanning cell.
    const parent = Array.from({ length: nc }, (_, c) => c);
    const find = (c: number): number => (parent[c] === c ? c : (parent[c] = find(parent[c])));
    for (const p of own) for (const c of p.cols.slice(1)) parent[find(c)] = find(p.cols[0]);
    const groups = new Map<number, { c0: number; c1: number; pieces: Piece[] }>();
    for (let c = 0; c < nc; c++) {
      const root = find(c);
      const g = groups.get(root);
      if (g) {
        g.c0 = Math.min(g.c0, c);
        g.c1 = Math.max(g.c1, c);
      } else groups.set(root, { c0: c, c1: c, pieces: [] });
    }
    for (const p of own) groups.get(find(p.cols[0]))!.pieces.push(p);
    // Columns a cell from above still covers are that cell's, not empty cells of this row.
    const covered = new Set<number>();
    for (const p of runOn) {
      const host = cellOf.get(carried.get(p)!)!;
      for (let c = host.col; c < host.col + host.colSpan; c++) covered.add(c);
    }
    const bandBox = unionBox(bands.map((b) => b.box));
    const cells: TableCell[] = [...groups.values()]
      .filter((g) => g.pieces.length || ![...Array(g.c1 - g.c0 + 1).keys()].some((k) => covered.has(g.c0 + k)))
      .sort((p, q) => p.c0 - q.c0)
      .map((g) => {
        const cell: TableCell = {
          lines: linesOf(g.pieces.flatMap((p) => p.words)),
          box: [xs[g.c0], bandBox[1], xs[g.c1 + 1], bandBox[3]] as Box,
          page,
          col: g.c0,
          colSpan: g.c1 - g.c0 + 1,
          rowSpan: 1,
        };
        for (const p of g.pieces) cellOf.set(p, cell);
        return cell;
      });
    // The cells from above take their run-on text and span down to this row.
    const grown = new Map<TableCell, Word[]>();
    for (const p of runOn) {
      const host = cellOf.get(carried.get(p)!)!;
      cellOf.set(p, host);
      grown.set(host, [...(grown.get(host) ?? []), ...p.words]);
    }
    for (const [host, words] of grown) {
      const hostRow = rows.findIndex((row) => row.cells.includes(host));
      host.lines = linesOf([...host.lines.flatMap((l) => l.words), ...words]);
      host.rowSpan = r - hostRow + 1;
      host.box = [host.box[0], host.box[1], host.box[2], Math.max(host.box[3], bandBox[3])];
    }
    if (!cells.some((c) => c.lines.length) && !grown.size) continue;
    rows.push({ cells, box: [xs[0], bandBox[1], xs[nc], bandBox[3]] as Box, page, header: false });
  }
  const filledRows = rows.filter((r) => r.cells.filter((c) => c.lines.length).length >= 2).length;
  if (rows.length < 2 || filledRows < 1) return null;
  return { kind: 'table', method: 'borderless', page, box: unionBox(rows.map((r) => r.box)), xs, rows, pages: [page] };
}

/** Gap (× text size) between the cells of a table of one row: several spaces, never a word space. */
const ROW_CELL_GAP = 1.5;

/**
 * A table of one row: a line of three or more pieces set well apart ("Baseline   08/09   09/10   10/11", a
 * table whose only row is its labels). Nothing above or below shows the columns, so the pieces themselves
 * are the cells.
 */
function oneRowTable(band: Band, page: number, size: number): TableBlock | null {
  const chunks = chunkWords(band.words, size);
  if (chunks.length < 3) return null;
  const spans = chunks.map((ws) => [Math.min(...ws.map((w) => w.box[0])), Math.max(...ws.map((w) => w.box[2]))] as [number, number]);
  for (let k = 1; k < spans.length; k++) if (spans[k][0] - spans[k - 1][1] < size * ROW_CELL_GAP) return null;
  const xs = [spans[0][0], ...spans.slice(1).map((sp, k) => (spans[k][1] + sp[0]) / 2), spans[spans.length - 1][1]];
  const cells: TableCell[] = chunks.map((ws, c) => ({ lines: linesOf(ws), box: [xs[c], band.box[1], xs[c + 1], band.box[3]] as Box, page, col: c, colSpan: 1, rowSpan: 1 }));
  const box: Box = [xs[0], band.box[1], xs[xs.length - 1], band.box[3]];
  return { kind: 'table', method: 'borderless', page, box, xs, rows: [{ cells, box, page, header: false }], pages: [page] };
}

/** Words of a band cut where the gap could be a cell boundary. */
function chunkWords(words: Word[], size: number): Word[][] {
  const ws = [...words].sort((a, b) => a.box[0] - b.box[0]);
  const out: Word[][] = [];
  let right = -Infinity;
  let bullet = false;
  for (const [k, w] of ws.entries()) {
    if (out.length && (bullet || w.box[0] - right <= Math.max(size, sizeOf(w)) * CHUNK_GAP)) out[out.length - 1].push(w);
    else out.push([w]);
    right = Math.max(right, w.box[2]);
    bullet = isBulletBefore(w, ws[k + 1], size);
  }
  return out;
}

function rowText(row: TableRow): string {
  return row.cells.map((c) => c.lines.map((l) => l.text).join(' ')).join('\t').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Without rules, two tables set one under the other look like one. A row repeating the first row's text
 * (the header) starts the second table.
 */
function splitAtRepeatedHeader(table: TableBlock): TableBlock[] {
  const head = rowText(table.rows[0]);
  const parts: TableRow[][] = [[]];
  table.rows.forEach((row, k) => {
    if (k > 0 && parts[parts.length - 1].length > 1 && rowText(row) === head) parts.push([]);
    parts[parts.length - 1].push(row);
  });
  if (parts.length === 1) return [table];
  return parts.map((rows) => ({ ...table, rows, box: unionBox(rows.map((r) => r.box)) }));
}
