// Which way is better for an indicator, from every title the documents (and the catalogue) give it: the same
// wording rules as the direction check (src/reconcile/direction-words.ts). Documents that agree give the
// direction; documents that disagree give none, and the comparison says so rather than guessing.
import { desiredDirection, type Direction } from '../reconcile/direction-words.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';

export interface IndicatorDirection {
  direction: Direction;
  /** Why: the words that decided it and where they are, or that the user said so. */
  because: string;
}

export type DirectionReading = { known: IndicatorDirection } | { unknown: string };

export function indicatorDirection(observations: ReviewedObservation[], override?: Direction): DirectionReading {
  if (override) return { known: { direction: override, because: 'given with --direction' } };
  const readings = new Map<string, IndicatorDirection>();
  for (const o of observations) {
    const d = desiredDirection(o.indicatorTitle, o.catalogueTitle);
    if (!d) continue;
    const where = d.from === 'catalogue title' ? 'the catalogue title' : `the title in ${o.document}`;
    if (!readings.has(d.direction)) readings.set(d.direction, { direction: d.direction, because: `“${d.cue}” in ${where}` });
  }
  if (readings.size === 1) return { known: [...readings.values()][0] };
  if (readings.size === 0) return { unknown: 'no title says whether higher or lower is better' };
  return { unknown: `the titles disagree (${[...readings.values()].map((r) => `${r.direction}: ${r.because}`).join('; ')})` };
}

/** +1 when higher figures are better, −1 when lower are: multiplying a change by it makes "better" positive. */
export function betterSign(direction: Direction): 1 | -1 {
  return direction === 'higher' ? 1 : -1;
}
