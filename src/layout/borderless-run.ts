// Where a borderless table is and where its columns are. Columns are vertical strips of whitespace
// ("rivers") running through consecutive lines: a run of lines is tabular while its lines keep such strips
// open, and the strips that survive the whole run are the column gutters, allowing cells that span columns
// across them (counted as cells, not lines: a wrapped code cell over four value columns is one) where the
// lines beside show the edge. A bullet set apart from its text belongs to the text, never to a column.
import { mergeIntervals, overlap } from './geometry.ts';
import type { Band } from './lines.ts';
import type { Word } from './types.ts';

/** Words further apart than this (× text size) may belong to different cells. */
export const CHUNK_GAP = 0.8;
/** Narrowest whitespace strip (× text size) accepted as a column gutter. */
const MIN_GUTTER = 0.8;
/** A vertical gap bigger than this (× text size) ends a table. */
const MAX_ROW_GAP = 2.5;

export type Interval = [number, number];

/** A bullet typed as a glyph of its own ("•", "○", "▪"): it belongs to the text after it, never to a column. */
const BULLET_WORD = /^[•●▪■◦○∙·‣⁃➢►✓✔§]$/;
/** How far (× text size) a bullet may sit from its text: a list item's hanging indent. */
const BULLET_GAP = 2.5;

/** Is `w` a bullet set apart from `next`, the word after it on its line? */
export function isBulletBefore(w: Word, next: Word | undefined, size: number): boolean {
  return !!next && BULLET_WORD.test(w.text) && next.box[0] - w.box[2] <= size * BULLET_GAP;
}

export function chunkIntervals(band: Band, size: number): Interval[] {
  const ws = [...band.words].sort((a, b) => a.box[0] - b.box[0]);
  return mergeIntervals(
    ws.map((w, k) => [w.box[0], isBulletBefore(w, ws[k + 1], size) ? ws[k + 1].box[0] : w.box[2]] as Interval),
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

/** The complement of occupied intervals, open at both ends. */
function freeSpace(ivs: Interval[]): Interval[] {
  const out: Interval[] = [];
  let from = -Infinity;
  for (const [a, b] of ivs) {
    if (a > from) out.push([from, a]);
    from = Math.max(from, b);
  }
  out.push([from, Infinity]);
  return out;
}

/**
 * End index (exclusive) of a tabular run starting at `start`, or null. Gutters are tracked line by line:
 * each line narrows them to the space it leaves free; a gap inside a line, between two pieces of text, is
 * support for a gutter; a line that fills a well-supported gutter is a spanning cell if it has other pieces,
 * and the end of the table if it is a single piece of text.
 */
export function growRun(bands: Band[], start: number, size: number): number | null {
  const min = size * MIN_GUTTER;
  const first = chunkIntervals(bands[start], size);
  if (first.length < 2) return null;
  let gutters: Gutter[] = gapsBetween(first, min).map(([a, b]) => ({ a, b, support: 1 }));
  if (!gutters.length) return null;
  let end = start + 1;
  const gapsSeen: number[] = [];
  for (; end < bands.length; end++) {
    const band = bands[end];
    const gap = band.box[1] - bands[end - 1].box[3];
    if (gap > size * MAX_ROW_GAP) break;
    // Once rows have shown how far apart they sit, a gap clearly wider than any of them ends the table (the
    // margin before a paragraph or before the next table).
    const rowGaps = gapsSeen.filter((g) => g >= size * 0.5);
    if (rowGaps.length && gap > Math.max(...rowGaps) * 1.6 && gap > size * 1.2) break;
    const ivs = chunkIntervals(band, size);
    const free = freeSpace(ivs);
    const inner = gapsBetween(ivs, min);
    const next: Gutter[] = [];
    const filled: Gutter[] = [];
    for (const g of gutters) {
      const cuts = free.map(([a, b]) => [Math.max(a, g.a), Math.min(b, g.b)] as Interval).filter(([a, b]) => b - a >= min);
      if (!cuts.length) {
        filled.push(g);
        continue;
      }
      for (const [a, b] of cuts) {
        const supported = inner.some(([p, q]) => overlap(p, q, a, b) > 0);
        next.push({ a, b, support: g.support + (supported ? 1 : 0) });
      }
    }
    if (ivs.length >= 2) {
      if (filled.length === gutters.length) break;
      // A gutter this line fills: a spanning cell if the gutter is established, else it was a chance gap.
      for (const g of filled) if (g.support >= 2) next.push(g);
      for (const [a, b] of inner) if (!next.some((g) => overlap(a, b, g.a, g.b) > 0)) next.push({ a, b, support: 1 });
    } else if (filled.some((g) => g.support >= 2) || filled.length === gutters.length) {
      // One piece across the columns ends the table, unless it is the next line of a cell above that spans
      // them (same left edge, at line spacing): a wide cell's wrapped text.
      const [[a]] = ivs;
      const wraps = gap < size * 0.5 && chunkIntervals(bands[end - 1], size).some(([p, q]) => Math.abs(p - a) <= size * 0.5 && q > a);
      if (!wraps) break;
      for (const g of filled) if (g.support >= 2) next.push(g);
    }
    if (!next.length) break;
    gutters = next.sort((p, q) => p.a - q.a);
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
  if (!gutters.some((g) => g.support >= 2)) return null;
  let multiInRun = 0;
  for (let k = start; k < end; k++) if (chunkIntervals(bands[k], size).length >= 2) multiInRun++;
  return multiInRun >= 2 ? end : null;
}

/** Column gutters of a run: strips no word covers, or that only a few spanning lines cross. */
export function findGutters(all: Band[], size: number): Interval[] {
  // Lines of one piece before the first line of several cells and after the last (a title row, the paragraph
  // that follows the table) say nothing about where the columns are.
  const multiAt = all.flatMap((b, k) => (chunkIntervals(b, size).length >= 2 ? [k] : []));
  const run = multiAt.length ? all.slice(multiAt[0], multiAt[multiAt.length - 1] + 1) : all;
  const perBand = run.map((b) => chunkIntervals(b, size));
  const left = Math.min(...run.map((b) => b.box[0]));
  const right = Math.max(...run.map((b) => b.box[2]));
  const xs = [...new Set(perBand.flat().flat())].sort((a, b) => a - b);
  // A spanning cell or two (a wrapped group header, an indicator's code cell over its value columns), never a
  // large part of the table.
  const maxBlockers = 2;
  const multi = perBand.filter((ivs) => ivs.length >= 2).length;
  // Cells: the pieces of consecutive lines that start level with each other at line spacing are one cell's
  // wrapped text, its ragged right edge and all.
  const cellOf: number[][] = [];
  let cells = 0;
  perBand.forEach((ivs, k) => {
    cellOf.push(
      ivs.map(([p]) => {
        const above = k > 0 && run[k].box[1] - run[k - 1].box[3] < size * 0.5 ? perBand[k - 1].findIndex(([q]) => Math.abs(q - p) <= size * 0.5) : -1;
        return above >= 0 ? cellOf[k - 1][above] : cells++;
      }),
    );
  });
  const crossing = (a: number, b: number) => {
    const mid = (a + b) / 2;
    const ids = new Set<number>();
    perBand.forEach((ivs, k) => ivs.forEach(([p, q], i) => mid > p && mid < q && ids.add(cellOf[k][i])));
    return ids;
  };
  // Elementary x-slices between interval ends, with how many cells cover each.
  const slices: Array<{ a: number; b: number; count: number }> = [];
  for (let k = 1; k < xs.length; k++) slices.push({ a: xs[k - 1], b: xs[k], count: crossing(xs[k - 1], xs[k]).size });
  const inside = (a: number, b: number) => b - a >= size * MIN_GUTTER && a > left && b < right;
  // Clean gutters first: strips no line covers at all.
  const out: Interval[] = [];
  let clean: Interval | null = null;
  for (const s of [...slices, { a: right, b: right, count: Infinity }]) {
    if (s.count === 0) clean = clean ? [clean[0], s.b] : [s.a, s.b];
    else {
      if (clean && inside(clean[0], clean[1])) out.push(clean);
      clean = null;
    }
  }
  // Then strips that a spanning cell or two cross: a column edge if enough other lines show a clear gap
  // there. Each strip is a low point between busier ones (the edge between two value columns under a wide
  // code cell), however many such strips a stretch of spanning text crosses.
  const plateaus: Array<{ a: number; b: number; count: number }> = [];
  for (const s of slices) {
    const last = plateaus[plateaus.length - 1];
    if (last && last.count === s.count && last.b === s.a) last.b = s.b;
    else plateaus.push({ ...s });
  }
  plateaus.forEach((p, k) => {
    // The strip may be narrow where a spanning cell's text reaches into it: the gaps in the lines that show
    // the edge are what must be gutter-wide.
    if (p.count < 1 || p.b - p.a < size * 0.3 || p.a <= left || p.b >= right) return;
    const before = plateaus[k - 1];
    const after = plateaus[k + 1];
    if (!before || !after || before.count <= p.count || after.count <= p.count) return;
    const { a, b } = p;
    // A gap after the short line of a cell that crosses the strip elsewhere is that cell's ragged edge.
    const across = crossing(a, b);
    const supporting = perBand.filter((ivs, k) =>
      gapsBetween(ivs, size * MIN_GUTTER).some(([p, q]) => overlap(p, q, a, b) >= Math.min(size * MIN_GUTTER * 0.5, (b - a) * 0.8) && !across.has(cellOf[k][ivs.findIndex(([, e]) => e === p)])),
    );
    const support = supporting.length;
    if (p.count > maxBlockers) {
      // More spanning cells cross the strip (a header, a code cell, an actions cell all over the value
      // columns): a column edge still, when the cells after the gap start level with each other, as a
      // column's cells do, in enough lines.
      const starts = supporting.map((ivs) => ivs.find(([p]) => p >= b - size * 0.3)?.[0]).filter((x): x is number => x !== undefined);
      const aligned = Math.max(0, ...starts.map((x) => starts.filter((y) => Math.abs(y - x) <= size * 0.3).length));
      if (aligned >= 2 && aligned * 2 >= p.count) out.push([a, b]);
      return;
    }
    // Lines with text on both sides of the strip are the ones that can show a column edge there (lines of
    // other columns only, such as a tall cell beside short rows, say nothing about it); the spanning cells
    // across it count once each, however many lines they wrap to.
    const sides = perBand.filter((ivs) => ivs.some(([p]) => p < a) && ivs.some(([, q]) => q > b) && !ivs.some(([p, q]) => p < a && q > b));
    const relevant = sides.length + p.count;
    if (support >= Math.max(2, Math.ceil(Math.min(multi, relevant) * 0.4))) out.push([a, b]);
    // One row of cells side by side under spanning cells (the value row under an indicator's code cell) is
    // enough when it is plainly a row of several cells.
    else if (support >= 1 && supporting.some((ivs) => ivs.length >= 3)) out.push([a, b]);
  });
  return out.sort((p, q) => p[0] - q[0]);
}

