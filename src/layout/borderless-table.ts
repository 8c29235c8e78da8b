// Tables without rules. Columns are the vertical strips of whitespace ("rivers") that run through a group of
// consecutive lines; rows are told apart by the extra space between them, by a horizontal rule when one was
// drawn, or (when spacing is uniform) by text reappearing in a column that had already ended.
//
// 1. find runs of lines that look tabular (several pieces per line, gaps that line up);
// 2. find the gutters of the run from the x-projection of all its words, tolerating a few lines that
//    cross a gutter (spanning cells such as a group header);
// 3. cut the run into rows; 4. fill cells, a piece crossing gutters becoming one cell with colSpan.
import { centreX, mergeIntervals, overlap, sizeOf, unionBox } from './geometry.ts';
import { linesOf, type Band } from './lines.ts';
import type { Box, Segment, TableBlock, TableCell, TableRow, Word } from './types.ts';

/** Words further apart than this (× text size) may belong to different cells. */
const CHUNK_GAP = 0.8;
/** Narrowest whitespace strip (× text size) accepted as a column gutter. */
const MIN_GUTTER = 0.8;
/** A vertical gap bigger than this (× text size) ends a table. */
const MAX_ROW_GAP = 2.5;

type Interval = [number, number];

function chunkIntervals(band: Band, size: number): Interval[] {
  return mergeIntervals(
    band.words.map((w) => [w.box[0], w.box[2]] as Interval),
    size * CHUNK_GAP,
  );
}

function gapsBetween(ivs: Interval[], min: number): Interval[] {
  const out: Interval[] = [];
  for (let k = 1; k < ivs.length; k++) if (ivs[k][0] - ivs[k - 1][1] >= min) out.push([ivs[k - 1][1], ivs[k][0]]);
  return out;
}

interface Gutter {
  a: number;
  b: number;
  support: number;
}

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
      tables.push(table);
      i = run;
    } else {
      rest.push(bands[i]);
      i++;
    }
  }
  return { tables, rest };
}

/** End index (exclusive) of a tabular run starting at `start`, or null. */
function growRun(bands: Band[], start: number, size: number): number | null {
  const first = chunkIntervals(bands[start], size);
  if (first.length < 2) return null;
  let gutters: Gutter[] = gapsBetween(first, size * MIN_GUTTER).map(([a, b]) => ({ a, b, support: 1 }));
  if (!gutters.length) return null;
  let multi = 1;
  let end = start + 1;
  const gapsSeen: number[] = [];
  for (; end < bands.length; end++) {
    const band = bands[end];
    const gap = band.box[1] - bands[end - 1].box[3];
    if (gap > size * MAX_ROW_GAP) break;
    const ivs = chunkIntervals(band, size);
    const crosses = (g: Gutter) => ivs.some(([a, b]) => overlap(a, b, g.a, g.b) > 0);
    if (ivs.length >= 2) {
      const open = gutters.filter((g) => !crosses(g));
      if (!open.length) break;
      const bandGaps = gapsBetween(ivs, size * MIN_GUTTER);
      const next: Gutter[] = [];
      for (const g of gutters) {
        if (crosses(g)) {
          // A gutter seen once and now crossed was a chance gap; an established one survives a spanning cell.
          if (g.support >= 2) next.push(g);
          continue;
        }
        const match = bandGaps.find(([a, b]) => overlap(a, b, g.a, g.b) > 0);
        next.push(match ? { a: Math.max(g.a, match[0]), b: Math.min(g.b, match[1]), support: g.support + 1 } : g);
      }
      for (const [a, b] of bandGaps) if (!next.some((g) => overlap(a, b, g.a, g.b) > 0)) next.push({ a, b, support: 1 });
      gutters = next.sort((p, q) => p.a - q.a);
      multi++;
    } else {
      const crossed = gutters.filter(crosses);
      if (crossed.some((g) => g.support >= 2) || crossed.length === gutters.length) break;
      gutters = gutters.filter((g) => !crossed.includes(g));
    }
    gapsSeen.push(gap);
  }
  // Single pieces of text after the last tabular line, further down than any row gap inside the run, are the
  // paragraph that follows the table.
  while (end - 1 > start && chunkIntervals(bands[end - 1], size).length < 2) {
    const last = gapsSeen[gapsSeen.length - 1];
    const before = gapsSeen.slice(0, -1);
    if (!before.length || last <= Math.max(...before) * 1.25 + size * 0.05) break;
    gapsSeen.pop();
    end--;
  }
  if (multi < 2 || !gutters.some((g) => g.support >= 2)) return null;
  let multiInRun = 0;
  for (let k = start; k < end; k++) if (chunkIntervals(bands[k], size).length >= 2) multiInRun++;
  return multiInRun >= 2 ? end : null;
}

/** Column gutters of a run: strips no word covers, or that only a few spanning lines cross. */
function findGutters(run: Band[], size: number): Interval[] {
  const perBand = run.map((b) => chunkIntervals(b, size));
  const left = Math.min(...run.map((b) => b.box[0]));
  const right = Math.max(...run.map((b) => b.box[2]));
  const xs = [...new Set(perBand.flat().flat())].sort((a, b) => a - b);
  const maxBlockers = Math.max(1, Math.floor(run.length * 0.2));
  const multi = perBand.filter((ivs) => ivs.length >= 2).length;
  // Elementary x-slices between interval ends, with how many lines cover each.
  const slices: Array<{ a: number; b: number; count: number }> = [];
  for (let k = 1; k < xs.length; k++) {
    const a = xs[k - 1];
    const b = xs[k];
    const mid = (a + b) / 2;
    slices.push({ a, b, count: perBand.filter((ivs) => ivs.some(([p, q]) => mid > p && mid < q)).length });
  }
  const out: Interval[] = [];
  let cur: { a: number; b: number; max: number } | null = null;
  const close = () => {
    if (!cur) return;
    const { a, b, max } = cur;
    cur = null;
    if (b - a < size * MIN_GUTTER || a <= left || b >= right) return;
    if (max === 0) {
      out.push([a, b]);
      return;
    }
    // A crossed strip must still be a clear gap in enough lines to be a column edge.
    const support = perBand.filter((ivs) => gapsBetween(ivs, size * MIN_GUTTER).some(([p, q]) => overlap(p, q, a, b) >= size * MIN_GUTTER * 0.5)).length;
    if (support >= Math.max(2, Math.ceil(multi * 0.4))) out.push([a, b]);
  };
  for (const s of slices) {
    if (s.count <= maxBlockers) {
      if (!cur) cur = { a: s.a, b: s.b, max: s.count };
      else {
        cur.b = s.b;
        cur.max = Math.max(cur.max, s.count);
      }
    } else close();
  }
  close();
  // A strip that lines cross is only kept where it is clean in most lines: trim it to the pure part if any.
  return out;
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
