// One indicator's reviewed figures split into comparable series: one per document, area and unit, so a
// partnership's % figures and its tonnes never share a line, an axis or a ranking. A series is labelled by
// the partnership the document names (its file name when it names none).
import { baselineFor, groupBy, hasFigure, inPeriodOrder, periodEnd } from '../reconcile/series.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';

export interface Figure {
  value: number;
  period: string | null;
  /** The year the period ends (2008/09 → 2009); the x of charts. Null when undated. */
  year: number | null;
  observation: ReviewedObservation;
}

export interface PendingFigure {
  kind: ReviewedObservation['kind'];
  period: string | null;
  reason: string | null;
}

export interface Series {
  key: string;
  label: string;
  partnership: string | null;
  document: string;
  area: string | null;
  unit: string | null;
  /** The baseline the final target is measured from (the latest one not after it). */
  baseline: Figure | null;
  baselines: Figure[];
  targets: Figure[];
  results: Figure[];
  /** Pending slots (tbc, deferred…) of the same document and area: they have no unit to be sorted by. */
  pending: PendingFigure[];
  /** The target for the latest period (an undated one only when none is dated). */
  finalTarget: Figure | null;
  latestResult: Figure | null;
}

type Valued = ReviewedObservation & { value: number };

function figure(o: Valued): Figure {
  return { value: o.value, period: o.period, year: periodEnd(o.period), observation: o };
}

/**
 * The last dated one in period order, else the last undated one. Periods ending in the same year are told
 * apart as the analyst views do (store migration 005): the later-sorting period ("2010-03" after "2009/10").
 */
function latest(figures: Figure[]): Figure | null {
  const dated = figures.filter((f) => f.year !== null);
  if (!dated.length) return figures.at(-1) ?? null;
  const lastYear = dated.at(-1)!.year;
  const sameYear = dated.filter((f) => f.year === lastYear);
  return sameYear.reduce((best, f) => ((f.period ?? '') >= (best.period ?? '') ? f : best));
}

export function whoOf(o: Pick<ReviewedObservation, 'partnership' | 'document'>): string {
  return o.partnership ?? o.document;
}

function place(o: ReviewedObservation): string {
  return `${o.documentId}|${o.area ?? ''}`;
}

function labelFor(o: ReviewedObservation, severalDocuments: boolean): string {
  const who = whoOf(o);
  const doc = severalDocuments && o.partnership ? ` (${o.document})` : '';
  return `${who}${doc}${o.area ? ` — ${o.area}` : ''}`;
}

/** Series of one indicator's observations (review decisions applied, rejected ones already left out). */
export function buildSeries(observations: ReviewedObservation[]): Series[] {
  const valued = observations.filter(hasFigure);
  const pendingByPlace = groupBy(observations.filter((o) => !hasFigure(o)), place);
  const documentsPerWho = groupBy([...new Map(observations.map((o) => [o.documentId, o])).values()], whoOf);
  const groups = groupBy(valued, (o) => `${place(o)}|${o.unit ?? ''}`);
  return [...groups.entries()].map(([key, members]): Series => {
    const first = members[0];
    const ofKind = (kind: ReviewedObservation['kind']) => inPeriodOrder(members.filter((o) => o.kind === kind)) as Valued[];
    const targets = ofKind('target').map(figure);
    const results = ofKind('result').map(figure);
    const baselineObservations = ofKind('baseline');
    const finalTarget = latest(targets);
    const latestResult = latest(results);
    const measuredFrom = finalTarget ?? latestResult;
    const chosen = measuredFrom ? baselineFor(measuredFrom.observation, baselineObservations) : (baselineObservations.at(-1) ?? null);
    return {
      key,
      label: labelFor(first, (documentsPerWho.get(whoOf(first))?.length ?? 1) > 1),
      partnership: first.partnership,
      document: first.document,
      area: first.area,
      unit: first.unit,
      baseline: chosen && hasFigure(chosen) ? figure(chosen) : null,
      baselines: baselineObservations.map(figure),
      targets,
      results,
      pending: (pendingByPlace.get(place(first)) ?? []).map((o) => ({ kind: o.kind, period: o.period, reason: o.pendingReason })),
      finalTarget,
      latestResult,
    };
  });
}
