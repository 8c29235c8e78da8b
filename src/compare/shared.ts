// Which indicators partnerships have in common: for each indicator with figures, the partnerships (or, for
// documents naming none, file names) that give it a baseline, target or result. Most shared first.
import { groupBy, hasFigure } from '../reconcile/series.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';
import { whoOf } from './series.ts';

export interface SharedIndicator {
  indicator: string;
  /** The catalogue title, else the title documents write most often. */
  title: string | null;
  partnerships: string[];
  documents: number;
  /** The units its figures are in (null: no unit written). */
  units: Array<string | null>;
  figures: number;
}

function commonest(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export function byCode(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function sharedIndicators(observations: ReviewedObservation[]): SharedIndicator[] {
  const byIndicator = groupBy(observations.filter(hasFigure), (o) => o.indicator);
  const shared = [...byIndicator.entries()].map(([indicator, members]): SharedIndicator => ({
    indicator,
    title: commonest(members.map((o) => o.catalogueTitle)) ?? commonest(members.map((o) => o.indicatorTitle)),
    partnerships: [...new Set(members.map(whoOf))].sort((a, b) => a.localeCompare(b)),
    documents: new Set(members.map((o) => o.documentId)).size,
    units: [...new Set(members.map((o) => o.unit))],
    figures: members.length,
  }));
  return shared.sort((a, b) => b.partnerships.length - a.partnerships.length || b.figures - a.figures || byCode(a.indicator, b.indicator));
}
