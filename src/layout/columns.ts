// Reading order across text columns. A page is cut into horizontal stretches; a stretch where an empty
// vertical gutter separates two sides for several lines, and both sides read as running text, is a
// two-column stretch: its left side is read before its right. Everything else is full width, top to bottom.
// Ruled tables are obstacles: they end a stretch unless they sit inside one side.
import { groupBands, bandIntervals, type Band } from './lines.ts';
import { centreX, median, overlap, unionBox } from './geometry.ts';
import type { Box, Word } from './types.ts';

export interface Region {
  box: Box;
  words: Word[];
  /** Indexes of obstacles (ruled tables) read within this region. */
  obstacles: number[];
}

interface Item {
  band?: Band;
  obstacle?: number;
  box: Box;
}

/** Minimum gutter between text columns, in text sizes. */
const GUTTER = 1.5;
/** Minimum number of lines a two-column stretch must hold. */
const MIN_STRETCH_LINES = 4;

export function readingRegions(words: Word[], obstacles: Box[], size: number): Region[] {
  const items: Item[] = [
    ...groupBands(words).map((band) => ({ band, box: band.box })),
    ...obstacles.map((box, obstacle) => ({ obstacle, box })),
  ].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);

  const regions: Region[] = [];
  let full: Item[] = [];
  const flushFull = () => {
    if (full.length) regions.push(regionOf(full));
    full = [];
  };
  for (let i = 0; i < items.length; ) {
    const stretch = twoColumnStretch(items, i, size);
    if (stretch) {
      flushFull();
      const { end, gutter } = stretch;
      const slice = items.slice(i, end);
      const mid = (gutter[0] + gutter[1]) / 2;
      const left: Item[] = [];
      const right: Item[] = [];
      for (const it of slice) {
        if (it.obstacle !== undefined) (centreX(it.box) < mid ? left : right).push(it);
        else {
          const l = it.band!.words.filter((w) => centreX(w.box) < mid);
          const r = it.band!.words.filter((w) => centreX(w.box) >= mid);
          if (l.length) left.push(bandItem(l));
          if (r.length) right.push(bandItem(r));
        }
      }
      if (left.length) regions.push(regionOf(left));
      if (right.length) regions.push(regionOf(right));
      i = end;
    } else {
      full.push(items[i]);
      i++;
    }
  }
  flushFull();
  return regions;
}

function bandItem(words: Word[]): Item {
  const box = unionBox(words.map((w) => w.box));
  return { band: { words, box, size: 0 }, box };
}

function regionOf(items: Item[]): Region {
  return {
    box: unionBox(items.map((i) => i.box)),
    words: items.flatMap((i) => i.band?.words ?? []),
    obstacles: items.filter((i) => i.obstacle !== undefined).map((i) => i.obstacle!),
  };
}

/** Gaps wider than the gutter minimum between the occupied intervals of a band. */
function gaps(intervals: Array<[number, number]>, min: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 1; k < intervals.length; k++) {
    const g: [number, number] = [intervals[k - 1][1], intervals[k][0]];
    if (g[1] - g[0] >= min) out.push(g);
  }
  return out;
}

function twoColumnStretch(items: Item[], start: number, size: number): { end: number; gutter: [number, number] } | null {
  const first = items[start];
  if (!first.band) return null;
  const bridge = size * GUTTER;
  const firstIntervals = bandIntervals(first.band, bridge);
  const firstGaps = gaps(firstIntervals, bridge);
  // Try each gap of the first line as the gutter; text columns have exactly one.
  for (const candidate of firstGaps) {
    let gutter: [number, number] = [...candidate];
    let end = start + 1;
    let prevBottom = first.box[3];
    for (; end < items.length; end++) {
      const it = items[end];
      if (it.box[1] - prevBottom > size * 4) break; // a big vertical gap ends the stretch
      if (it.obstacle !== undefined) {
        if (overlap(it.box[0], it.box[2], gutter[0], gutter[1]) > 0) break;
      } else {
        const ivs = bandIntervals(it.band!, bridge);
        if (ivs.some(([a, b]) => overlap(a, b, gutter[0], gutter[1]) > 0)) break;
        // Narrow the gutter to the free space this line leaves.
        const leftEdge = Math.max(...ivs.filter(([, b]) => b <= gutter[0]).map(([, b]) => b), gutter[0]);
        const rightEdge = Math.min(...ivs.filter(([a]) => a >= gutter[1]).map(([a]) => a), gutter[1]);
        gutter = [Math.max(gutter[0], leftEdge), Math.min(gutter[1], rightEdge)];
        if (gutter[1] - gutter[0] < size) break;
      }
      prevBottom = Math.max(prevBottom, it.box[3]);
    }
    const slice = items.slice(start, end);
    if (isTextColumns(slice, gutter, size)) return { end, gutter };
  }
  return null;
}

/**
 * Running text in both sides, not a two-column table: each side has several lines, most lines fill their
 * side, and blocks on the two sides do not start on the same lines (table cells do: rows are top-aligned).
 */
function isTextColumns(slice: Item[], gutter: [number, number], size: number): boolean {
  const bands = slice.filter((i) => i.band).map((i) => i.band!);
  if (bands.length < MIN_STRETCH_LINES) return false;
  const mid = (gutter[0] + gutter[1]) / 2;
  const sides = [
    bands.map((b) => b.words.filter((w) => centreX(w.box) < mid)).filter((ws) => ws.length),
    bands.map((b) => b.words.filter((w) => centreX(w.box) >= mid)).filter((ws) => ws.length),
  ];
  if (sides.some((s) => s.length < 3)) return false;
  const starts: number[][] = [];
  for (const side of sides) {
    const boxes = side.map((ws) => unionBox(ws.map((w) => w.box)));
    const left = Math.min(...boxes.map((b) => b[0]));
    const right = Math.max(...boxes.map((b) => b[2]));
    const fill = median(boxes.map((b) => (b[2] - b[0]) / Math.max(1e-6, right - left)));
    if (fill < 0.6) return false;
    const s: number[] = [];
    boxes.forEach((b, k) => {
      if (k > 0 && b[1] - boxes[k - 1][3] > size * 0.6) s.push(b[1]);
    });
    starts.push(s);
  }
  const [ls, rs] = starts;
  if (ls.length >= 2) {
    const aligned = ls.filter((y) => rs.some((r) => Math.abs(r - y) < size * 0.3)).length;
    if (aligned / ls.length >= 0.6) return false;
  }
  return true;
}
