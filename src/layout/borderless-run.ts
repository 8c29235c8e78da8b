// Where a borderless table is and where its columns are. Columns are vertical strips of whitespace
// ("rivers") running through consecutive lines: a run of lines is tabular while its lines keep such strips
// open, and the strips that survive the whole run (allowing a spanning line or two across them) are the
// column gutters.
import { mergeIntervals, overlap } from './geometry.ts';
import type { Band } from './lines.ts';

/** Words further apart than this (× text size) may belong to different cells. */
export const CHUNK_GAP = 0.8;
/** Narrowest whitespace strip (× text size) accepted as a column gutter. */
const MIN_GUTTER = 0.8;
/** A vertical gap bigger than this (× text size) ends a table. */
const MAX_ROW_GAP = 2.5;

export type Interval = [number, number];

export function chunkIntervals(band: Band, size: number): Interval[] {
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
    } else {
      if (filled.some((g) => g.support >= 2) || filled.length === gutters.length) break;
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
export function findGutters(run: Band[], size: number): Interval[] {
  const perBand = run.map((b) => chunkIntervals(b, size));
  const left = Math.min(...run.map((b) => b.box[0]));
  const right = Math.max(...run.map((b) => b.box[2]));
  const xs = [...new Set(perBand.flat().flat())].sort((a, b) => a - b);
  // A spanning cell is a line or two (a wrapped group header), never a large part of the table.
  const maxBlockers = Math.max(1, Math.min(2, Math.floor(run.length * 0.2)));
  const multi = perBand.filter((ivs) => ivs.length >= 2).length;
  // Elementary x-slices between interval ends, with how many lines cover each.
  const slices: Array<{ a: number; b: number; count: number }> = [];
  for (let k = 1; k < xs.length; k++) {
    const a = xs[k - 1];
    const b = xs[k];
    const mid = (a + b) / 2;
    slices.push({ a, b, count: perBand.filter((ivs) => ivs.some(([p, q]) => mid > p && mid < q)).length });
  }
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
  // Then strips that a spanning line or two cross, where no clean gutter was found: a column edge if enough
  // other lines show a clear gap there.
  let cur: typeof slices = [];
  const close = () => {
    const group = cur;
    cur = [];
    if (!group.length || group.some((s) => s.count === 0 && out.some(([a, b]) => s.a >= a && s.b <= b))) return;
    const min = Math.min(...group.map((s) => s.count));
    let best: Interval | null = null;
    let r: Interval | null = null;
    for (const s of group) {
      r = s.count === min ? (r ? [r[0], s.b] : [s.a, s.b]) : null;
      if (r && (!best || r[1] - r[0] > best[1] - best[0])) best = [r[0], r[1]];
    }
    if (!best || !inside(best[0], best[1])) return;
    const [a, b] = best;
    const support = perBand.filter((ivs) => gapsBetween(ivs, size * MIN_GUTTER).some(([p, q]) => overlap(p, q, a, b) >= size * MIN_GUTTER * 0.5)).length;
    if (support >= Math.max(2, Math.ceil(multi * 0.4))) out.push([a, b]);
  };
  for (const s of slices) {
    if (s.count <= maxBlockers) cur.push(s);
    else close();
  }
  close();
  return out.sort((p, q) => p[0] - q[0]);
}

