// Reading order across text columns. A page is cut into horizontal stretches; a stretch where an empty
// vertical gutter separates two sides for several lines, and both sides read as running text, is a
// two-column stretch: its left side is read before its right. Everything else is full width, top to bottom.
// Ruled tables are obstacles: they end a stretch unless they sit inside one side.
import { groupBands, bandIntervals, type Band } from './lines.ts';
import { centreX, median, mergeIntervals, unionBox } from './geometry.ts';
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
/** Lines each side needs before its shape (full lines, staggered paragraphs) can tell text from a table. */
const MIN_SIDE_LINES = 3;
/** Narrowest text column, in text sizes (about two inches of 10-point text). */
const MIN_COLUMN_WIDTH = 12;

export function readingRegions(words: Word[], obstacles: Box[], size: number): Region[] {
  const items: Item[] = [
    ...groupBands(words).map((band) => ({ band, box: band.box })),
    ...obstacles.map((box, obstacle) => ({ obstacle, box })),
  ].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);

  // The text body's left and right edges over the whole page.
  const body: [number, number] = [Math.min(...items.map((i) => i.box[0])), Math.max(...items.map((i) => i.box[2]))];
  const regions: Region[] = [];
  let full: Item[] = [];
  const flushFull = () => {
    if (full.length) regions.push(regionOf(full));
    full = [];
  };
  for (let i = 0; i < items.length; ) {
    const stretch = twoColumnStretch(items, i, body, size);
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

/** The complement of occupied intervals, open at both ends. */
function freeSpace(ivs: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = -Infinity;
  for (const [a, b] of [...ivs].sort((p, q) => p[0] - q[0])) {
    if (a > from) out.push([from, a]);
    from = Math.max(from, b);
  }
  out.push([from, Infinity]);
  return out;
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

function twoColumnStretch(items: Item[], start: number, body: [number, number], size: number): { end: number; gutter: [number, number] } | null {
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
      const ivs: Array<[number, number]> = it.band ? bandIntervals(it.band, bridge) : [[it.box[0], it.box[2]]];
      // The gutter is what stays free in every line: intersect it with this line's free space.
      let best: [number, number] | null = null;
      for (const [a, b] of freeSpace(ivs)) {
        const cut: [number, number] = [Math.max(a, gutter[0]), Math.min(b, gutter[1])];
        if (cut[1] - cut[0] > (best ? best[1] - best[0] : 0)) best = cut;
      }
      if (!best || best[1] - best[0] < size) break;
      gutter = best;
      prevBottom = Math.max(prevBottom, it.box[3]);
    }
    const slice = items.slice(start, end);
    if (isTextColumns(slice, gutter, body, size)) return { end, gutter };
  }
  return null;
}

/**
 * Running text in both sides, not a two-column table: each side has several lines, most lines fill their
 * side, and blocks on the two sides do not start on the same lines (table cells do: rows are top-aligned).
 */
function isTextColumns(slice: Item[], gutter: [number, number], body: [number, number], size: number): boolean {
  const bands = slice.filter((i) => i.band).map((i) => i.band!);
  if (bands.length < 2) return false;
  const mid = (gutter[0] + gutter[1]) / 2;
  const sides = [
    bands.map((b) => b.words.filter((w) => centreX(w.box) < mid)).filter((ws) => ws.length),
    bands.map((b) => b.words.filter((w) => centreX(w.box) >= mid)).filter((ws) => ws.length),
  ];
  if (sides.some((s) => s.length === 0)) return false;
  // Columns of running text are wide enough for sentences; narrow stacks of short lines are table columns.
  // A column's width is the room it has (gutter to the edge of the text body), not its own shortest lines.
  if (gutter[0] - body[0] < size * MIN_COLUMN_WIDTH || body[1] - gutter[1] < size * MIN_COLUMN_WIDTH) return false;
  // A side whose lines break into pieces at wide gaps is a table, not running text.
  for (const side of sides) {
    const pieces = side.filter((ws) => mergeIntervals(ws.map((w) => [w.box[0], w.box[2]] as [number, number]), size * 0.8).length >= 2).length;
    if (pieces / side.length > 0.15) return false;
  }
  // A sentence running on from the foot of the left side to the head of the right one is how balanced
  // columns of running text break; table cells do not do that.
  const leftLines = sides[0].map((ws) => unionBox(ws.map((w) => w.box)));
  const leftWidth = Math.max(...leftLines.map((b) => b[2])) - Math.min(...leftLines.map((b) => b[0]));
  const lastBox = leftLines[leftLines.length - 1];
  const lastLeft = lineText(sides[0][sides[0].length - 1]);
  const firstRight = lineText(sides[1][0]);
  // The line before a column break in running text is a full line (it wrapped), not a short label, and a
  // line as wide as a column of text: the "%" of a cell's wrapped "25.8%" beside the rest of a table row is
  // no column.
  const lastWidth = lastBox[2] - lastBox[0];
  const runsOn = lastWidth >= leftWidth * 0.75 && lastWidth >= size * MIN_COLUMN_WIDTH * 0.5 && !/[.:;!?]$/.test(lastLeft) && /^[a-z]/.test(firstRight);
  if (runsOn) return true;
  // Too few lines to judge by shape; and lines of one or two words are labels or values, not running text.
  if (sides.some((s) => s.length < MIN_SIDE_LINES)) return false;
  if (sides.some((side) => median(side.map((ws) => ws.length)) < 3)) return false;
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
  // Table rows are top-aligned: nearly every block on the left starts level with one on the right.
  if (ls.length >= 2) {
    const aligned = ls.filter((y) => rs.some((r) => Math.abs(r - y) < size * 0.3)).length;
    if (aligned / ls.length >= 0.8) return false;
  }
  return true;
}

function lineText(words: Word[]): string {
  return [...words].sort((a, b) => a.box[0] - b.box[0]).map((w) => w.text).join(' ').trim();
}
