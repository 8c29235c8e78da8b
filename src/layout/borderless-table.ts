// Tables without rules: rows are told apart by the extra space between them, by a horizontal rule when one
// was drawn, or (when spacing is uniform) by text reappearing in a column that had already ended; a piece of
// text crossing column gutters becomes one cell with colSpan. Finding the run of lines and its columns is
// borderless-run.ts.
import { CHUNK_GAP, findGutters, growRun } from './borderless-run.ts';
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
    } else {
      rest.push(bands[i]);
      i++;
    }
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

function buildTable(run: Band[], rules: Segment[], page: number, size: number): TableBlock | null {
  const gutters = findGutters(run, size);
  if (!gutters.length) return null;
  const left = Math.min(...run.map((b) => b.box[0]));
  const right = Math.max(...run.map((b) => b.box[2]));
  const xs = [left, ...gutters.map(([a, b]) => (a + b) / 2), right];
  const nc = xs.length - 1;
  const breaks = rowBreaks(run, xs, rules, size);

  const rowBands: Band[][] = [];
  run.forEach((band, k) => {
    if (breaks[k]) rowBands.push([]);
    rowBands[rowBands.length - 1].push(band);
  });

  const rows: TableRow[] = rowBands.map((bands) => {
    // Union the columns a piece of text crosses: that is a spanning cell.
    const parent = Array.from({ length: nc }, (_, c) => c);
    const find = (c: number): number => (parent[c] === c ? c : (parent[c] = find(parent[c])));
    const pieces: Array<{ words: Word[]; c0: number }> = [];
    for (const band of bands) {
      for (const words of chunkWords(band.words, size)) {
        const a = Math.min(...words.map((w) => w.box[0]));
        const b = Math.max(...words.map((w) => w.box[2]));
        const cols: number[] = [];
        for (let c = 0; c < nc; c++) if (overlap(a, b, xs[c], xs[c + 1]) > size * 0.3 || (cols.length === 0 && c === columnOf(xs, (a + b) / 2))) cols.push(c);
        for (const c of cols.slice(1)) parent[find(c)] = find(cols[0]);
        pieces.push({ words, c0: cols[0] ?? columnOf(xs, (a + b) / 2) });
      }
    }
    const groups = new Map<number, { c0: number; c1: number; words: Word[] }>();
    for (let c = 0; c < nc; c++) {
      const root = find(c);
      const g = groups.get(root);
      if (g) {
        g.c0 = Math.min(g.c0, c);
        g.c1 = Math.max(g.c1, c);
      } else groups.set(root, { c0: c, c1: c, words: [] });
    }
    for (const p of pieces) groups.get(find(p.c0))!.words.push(...p.words);
    const bandBox = unionBox(bands.map((b) => b.box));
    const cells: TableCell[] = [...groups.values()]
      .sort((p, q) => p.c0 - q.c0)
      .map((g) => ({
        lines: linesOf(g.words),
        box: [xs[g.c0], bandBox[1], xs[g.c1 + 1], bandBox[3]] as Box,
        page,
        col: g.c0,
        colSpan: g.c1 - g.c0 + 1,
        rowSpan: 1,
      }));
    return { cells, box: [xs[0], bandBox[1], xs[nc], bandBox[3]] as Box, page, header: false };
  });
  const filledRows = rows.filter((r) => r.cells.filter((c) => c.lines.length).length >= 2).length;
  if (rows.length < 2 || filledRows < 1) return null;
  return { kind: 'table', method: 'borderless', page, box: unionBox(rows.map((r) => r.box)), xs, rows, pages: [page] };
}

/** Words of a band cut where the gap could be a cell boundary. */
function chunkWords(words: Word[], size: number): Word[][] {
  const ws = [...words].sort((a, b) => a.box[0] - b.box[0]);
  const out: Word[][] = [];
  let right = -Infinity;
  for (const w of ws) {
    if (out.length && w.box[0] - right <= Math.max(size, sizeOf(w)) * CHUNK_GAP) out[out.length - 1].push(w);
    else out.push([w]);
    right = Math.max(right, w.box[2]);
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
