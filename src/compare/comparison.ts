// One indicator across partnerships: its series grouped by unit (never one axis or ranking across units),
// each with its ambition and progress, ranked by ambition within its unit.
import type { Direction } from '../reconcile/direction-words.ts';
import { groupBy, hasFigure } from '../reconcile/series.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';
import { indicatorDirection, type DirectionReading } from './direction.ts';
import { measure, type Measured } from './measures.ts';
import { buildSeries, whoOf, type Series } from './series.ts';

export interface ComparedSeries extends Series, Measured {}

export interface UnitGroup {
  unit: string | null;
  /** Most ambitious first; series without an ambition after, by name. */
  series: ComparedSeries[];
}

export interface IndicatorComparison {
  indicator: string;
  /** Titles as the documents write them, and the catalogue's. */
  titles: string[];
  catalogueTitle: string | null;
  direction: DirectionReading;
  /** Most series first. */
  groups: UnitGroup[];
  partnerships: string[];
  /** Partnerships naming the indicator with pending slots only (tbc, deferred…): nothing to chart yet. */
  pendingOnly: string[];
}

export interface CompareOptions {
  /** Keep partnerships (or file names) containing any of these, case-insensitively. */
  partnerships?: string[];
  /** Overrides the direction read from the titles. */
  direction?: Direction;
}

export function matchesPartnership(o: Pick<ReviewedObservation, 'partnership' | 'document'>, wanted: string[] | undefined): boolean {
  if (!wanted?.length) return true;
  const names = [o.partnership, o.document].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  return wanted.some((w) => names.some((n) => n.includes(w.toLowerCase())));
}

function rankKey(s: ComparedSeries): number {
  return s.ambition?.ambition?.percent ?? -Infinity;
}

function ranked(series: ComparedSeries[]): ComparedSeries[] {
  return [...series].sort((a, b) => rankKey(b) - rankKey(a) || a.label.localeCompare(b.label));
}

/** `observations`: reviewed (decisions applied, rejected left out), any indicators; this one is picked out. */
export function compareIndicator(observations: ReviewedObservation[], indicator: string, options: CompareOptions = {}): IndicatorComparison {
  const own = observations.filter((o) => o.indicator === indicator && matchesPartnership(o, options.partnerships));
  const direction = indicatorDirection(own, options.direction);
  const known = 'known' in direction ? direction.known.direction : null;
  const series = buildSeries(own).map((s): ComparedSeries => ({ ...s, ...measure(s, known) }));
  const groups = [...groupBy(series, (s) => s.unit ?? '').values()]
    .map((members): UnitGroup => ({ unit: members[0].unit, series: ranked(members) }))
    .sort((a, b) => b.series.length - a.series.length || (a.unit ?? '').localeCompare(b.unit ?? ''));
  const withFigures = new Set(own.filter(hasFigure).map(whoOf));
  return {
    indicator,
    titles: [...new Set(own.flatMap((o) => (o.indicatorTitle ? [o.indicatorTitle] : [])))],
    catalogueTitle: own.find((o) => o.catalogueTitle)?.catalogueTitle ?? null,
    direction,
    groups,
    partnerships: [...withFigures].sort((a, b) => a.localeCompare(b)),
    pendingOnly: [...new Set(own.map(whoOf))].filter((w) => !withFigures.has(w)).sort((a, b) => a.localeCompare(b)),
  };
}
