// Small numeric helpers shared by the layout stages.
import type { Box, Word } from './types.ts';

export const boxWidth = (b: Box): number => b[2] - b[0];
export const boxHeight = (b: Box): number => b[3] - b[1];
export const centreX = (b: Box): number => (b[0] + b[2]) / 2;
export const centreY = (b: Box): number => (b[1] + b[3]) / 2;

export function unionBox(boxes: Box[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    if (b[0] < x0) x0 = b[0];
    if (b[1] < y0) y0 = b[1];
    if (b[2] > x1) x1 = b[2];
    if (b[3] > y1) y1 = b[3];
  }
  return [x0, y0, x1, y1];
}

/** Length of the overlap of [a0,a1] and [b0,b1] (0 when apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function containsPoint(b: Box, x: number, y: number, tol = 0): boolean {
  return x >= b[0] - tol && x <= b[2] + tol && y >= b[1] - tol && y <= b[3] + tol;
}

export function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A word's text size: the font size when known, else (OCR) the height of its box. */
export function sizeOf(w: Word): number {
  return w.fontSize ?? boxHeight(w.box);
}

/** Sort numbers and merge those closer than `tol` into their mean. */
export function cluster1d(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of s) {
    if (group.length && v - group[group.length - 1] > tol) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

/** Most common value after rounding to `step`, weighted. */
export function weightedMode(values: Array<{ value: number; weight: number }>, step = 0.5): number {
  const tally = new Map<number, number>();
  for (const { value, weight } of values) {
    const key = Math.round(value / step) * step;
    tally.set(key, (tally.get(key) ?? 0) + weight);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [key, weight] of tally) if (weight > bestWeight) [best, bestWeight] = [key, weight];
  return best;
}

/** Merge overlapping or nearly touching intervals (gap < `bridge`). Input need not be sorted. */
export function mergeIntervals(intervals: Array<[number, number]>, bridge = 0): Array<[number, number]> {
  const s = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of s) {
    const last = out[out.length - 1];
    if (last && a - last[1] <= bridge) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
