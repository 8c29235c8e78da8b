// Table rules on a page image. Tesseract reads a ruled table badly (borders become "|", "=" and "_", and
// cells next to a border are dropped), so rules are found first, taken out of the image OCR sees, and handed
// to the layout module as drawn segments, exactly like the rules of a PDF's vector graphics: the same ruled
// table reconstruction then runs on them.
import type { Segment } from '../layout/types.ts';
import { inkThreshold, type GreyImage } from './grey-image.ts';

export interface RuleOptions {
  /** Resolution of the image, to size what counts as a rule. */
  dpi: number;
}

export interface FoundRules {
  /** Rules in pixel coordinates of the image. */
  segments: Segment[];
  /** The image with the rules painted out (white). */
  cleaned: GreyImage;
}

/** A rule is at least this long (inches): longer than any letter stroke, shorter than a one-row cell border. */
const MIN_LENGTH_INCH = 0.3;
/** Thicker than this (inches) is a filled area, not a rule. */
const MAX_THICKNESS_INCH = 0.04;
/** Breaks in a run up to this many pixels are bridged (scan noise, a rule printed slightly broken). */
const MAX_GAP = 2;

interface Run {
  /** Row (or column, for vertical rules) the run lies on. */
  at: number;
  from: number;
  to: number;
}

interface Growing {
  runs: Run[];
  last: number;
  from: number;
  to: number;
}

/** Long horizontal runs of ink, row by row. */
function rowRuns(ink: Uint8Array, width: number, height: number, minLength: number): Run[] {
  const runs: Run[] = [];
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    let lastInk = -1;
    for (let x = 0; x <= width; x++) {
      if (x < width && ink[row + x]) {
        if (start < 0) start = x;
        lastInk = x;
      } else if (start >= 0 && x - lastInk > MAX_GAP) {
        if (lastInk - start + 1 >= minLength) runs.push({ at: y, from: start, to: lastInk + 1 });
        start = -1;
      }
    }
  }
  return runs;
}

/** Long vertical runs of ink, found in one pass down the rows (column by column would thrash the cache). */
function columnRuns(ink: Uint8Array, width: number, height: number, minLength: number): Run[] {
  const runs: Run[] = [];
  const start = new Int32Array(width).fill(-1);
  const lastInk = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (y < height && ink[row + x]) {
        if (start[x] < 0) start[x] = y;
        lastInk[x] = y;
      } else if (start[x] >= 0 && y - lastInk[x] > MAX_GAP) {
        if (lastInk[x] - start[x] + 1 >= minLength) runs.push({ at: x, from: start[x], to: lastInk[x] + 1 });
        start[x] = -1;
      }
    }
  }
  return runs.sort((a, b) => a.at - b.at || a.from - b.from);
}

/** Runs on neighbouring lines that overlap belong to one rule (a rule is a few pixels thick). */
function groupRuns(runs: Run[]): Growing[] {
  const done: Growing[] = [];
  let open: Growing[] = [];
  for (const run of runs) {
    open = open.filter((g) => {
      if (run.at - g.last <= 1 + MAX_GAP) return true;
      done.push(g);
      return false;
    });
    const joined = open.find((g) => g.last < run.at && Math.min(g.to, run.to) - Math.max(g.from, run.from) >= 0.5 * Math.min(g.to - g.from, run.to - run.from));
    if (joined) {
      joined.runs.push(run);
      joined.last = run.at;
      joined.from = Math.min(joined.from, run.from);
      joined.to = Math.max(joined.to, run.to);
    } else open.push({ runs: [run], last: run.at, from: run.from, to: run.to });
  }
  return [...done, ...open];
}

export function findRules(image: GreyImage, options: RuleOptions): FoundRules {
  const { width, height, data } = image;
  // Clamped: on a nearly blank page Otsu may split paper from paper.
  const threshold = Math.min(180, Math.max(90, inkThreshold(image)));
  const ink = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) ink[i] = data[i] < threshold ? 1 : 0;
  const minLength = Math.round(options.dpi * MIN_LENGTH_INCH);
  const maxThickness = Math.max(2, Math.round(options.dpi * MAX_THICKNESS_INCH));
  const cleaned = new Uint8Array(data);
  const segments: Segment[] = [];

  const axes = [
    { axis: 'h' as const, lines: height, runs: rowRuns(ink, width, height, minLength), index: (i: number, line: number) => line * width + i },
    { axis: 'v' as const, lines: width, runs: columnRuns(ink, width, height, minLength), index: (i: number, line: number) => i * width + line },
  ];
  for (const { axis, lines, runs, index } of axes) {
    for (const rule of groupRuns(runs)) {
      const first = rule.runs[0].at;
      const thickness = rule.last - first + 1;
      if (thickness > maxThickness) continue;
      segments.push({ axis, at: (first + rule.last + 1) / 2, from: rule.from, to: rule.to, thickness });
      // Paint out the rule and its anti-aliased fringe (one pixel either side).
      for (const run of rule.runs) {
        for (let line = Math.max(0, run.at - 1); line <= Math.min(lines - 1, run.at + 1); line++) {
          for (let i = run.from; i < run.to; i++) cleaned[index(i, line)] = 255;
        }
      }
    }
  }
  return { segments, cleaned: { width, height, data: cleaned } };
}
