// Ambition and progress of one series, in its own unit.
//
// Ambition: the change from the baseline to the final target, signed so that positive means the desired
// direction, as an absolute figure (in the series' unit; percentage points for %) and as a % of the baseline.
// Progress: the latest result against the straight-line path from the baseline to the final target, at the
// result's period end year (before the baseline: the baseline; after the target: the target).
import type { Direction } from '../reconcile/direction-words.ts';
import { betterSign } from './direction.ts';
import type { Figure, Series } from './series.ts';

export interface Change {
  /** In the series' unit (for % figures: percentage points). */
  absolute: number;
  /** Relative to the baseline; null when the baseline is 0. */
  percent: number | null;
}

export interface Ambition {
  from: Figure;
  to: Figure;
  /** As written: final target − baseline. */
  change: Change;
  /** The change signed so positive = the desired direction; null when the direction is unknown. */
  ambition: Change | null;
}

export type ProgressStatus = 'ahead of path' | 'on path' | 'behind path' | 'moved the wrong way' | 'direction unknown';

export interface Progress {
  result: Figure;
  /** Where the straight line from baseline to final target is in the result's year. */
  expected: number;
  /** (result − expected), signed so positive = ahead of the path; raw when the direction is unknown. */
  gap: number;
  /** How much of the planned change the result has achieved, in % (100 = at the final target). */
  achieved: number | null;
  status: ProgressStatus;
}

export interface Measured {
  ambition: Ambition | null;
  /** Why there is no ambition, when there is none. */
  ambitionNote: string | null;
  progress: Progress | null;
  progressNote: string | null;
}

/** Rounding away float noise (6.1 − 6.7) before comparing or showing. */
export function tidy(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

function change(from: number, to: number): Change {
  const absolute = tidy(to - from);
  return { absolute, percent: from === 0 ? null : tidy((absolute / Math.abs(from)) * 100) };
}

function signed(c: Change, sign: number): Change {
  return { absolute: tidy(c.absolute * sign), percent: c.percent === null ? null : tidy(c.percent * sign) };
}

function ambitionOf(series: Series, direction: Direction | null): Pick<Measured, 'ambition' | 'ambitionNote'> {
  const { baseline, finalTarget } = series;
  if (!finalTarget) return { ambition: null, ambitionNote: 'no target with a figure' };
  if (!baseline) return { ambition: null, ambitionNote: 'no baseline with a figure' };
  const c = change(baseline.value, finalTarget.value);
  return {
    ambition: { from: baseline, to: finalTarget, change: c, ambition: direction ? signed(c, betterSign(direction)) : null },
    ambitionNote: direction ? null : 'desired direction unknown',
  };
}

function progressOf(series: Series, direction: Direction | null): Pick<Measured, 'progress' | 'progressNote'> {
  const { baseline, finalTarget, latestResult: result } = series;
  if (!result) return { progress: null, progressNote: 'no result yet' };
  if (!baseline || !finalTarget) return { progress: null, progressNote: 'needs a baseline and a target' };
  if (baseline.year === null || finalTarget.year === null || result.year === null) return { progress: null, progressNote: 'baseline, target or result undated' };
  if (finalTarget.year <= baseline.year) return { progress: null, progressNote: 'target not after the baseline' };
  const share = Math.min(1, Math.max(0, (result.year - baseline.year) / (finalTarget.year - baseline.year)));
  const planned = finalTarget.value - baseline.value;
  const expected = tidy(baseline.value + planned * share);
  const sign = direction ? betterSign(direction) : 1;
  const gap = tidy((result.value - expected) * sign);
  const achieved = planned === 0 ? null : tidy(((result.value - baseline.value) / planned) * 100);
  let status: ProgressStatus;
  if (!direction) status = 'direction unknown';
  else if (tidy((result.value - baseline.value) * sign) < 0) status = 'moved the wrong way';
  else status = gap > 0 ? 'ahead of path' : gap < 0 ? 'behind path' : 'on path';
  return { progress: { result, expected, gap, achieved, status }, progressNote: null };
}

export function measure(series: Series, direction: Direction | null): Measured {
  return { ...ambitionOf(series, direction), ...progressOf(series, direction) };
}
