// Grouping observations the way checks compare them: one indicator's figures in one document and area,
// baselines chosen for targets by period, figures in the same unit.
import { periodEndYear } from '../vocabulary/periods.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}

/**
 * The partnership a document belongs to, as documents of it are compared: case and spacing aside ("Testshire
 * LSP" and "testshire  lsp" are one). Null when the document names none.
 */
export function partnershipKey(partnership: string | null): string | null {
  return partnership ? partnership.trim().toLowerCase().replace(/\s+/g, ' ') : null;
}

/** One indicator in one document (all areas). */
export function indicatorKey(o: ReviewedObservation): string {
  return `${o.documentId}|${o.indicator}`;
}

/** One indicator's figures for one area in one document: the series baselines and targets belong to. */
export function seriesKey(o: ReviewedObservation): string {
  return `${o.documentId}|${o.indicator}|${o.area ?? ''}`;
}

export function hasFigure(o: ReviewedObservation): o is ReviewedObservation & { value: number } {
  return o.state === 'value' && o.value !== null;
}

/** The value's own words as the document writes them ("- 4% reduction (15,381)"), for its written precision. */
export function writtenValue(o: ReviewedObservation): string {
  return o.source ? o.source.text.slice(o.source.start, o.source.end) : '';
}

export function sameUnit(a: ReviewedObservation, b: ReviewedObservation): boolean {
  return (a.unit ?? null) === (b.unit ?? null);
}

export function periodEnd(period: string | null): number | null {
  if (!period) return null;
  const year = periodEndYear(period);
  return Number.isFinite(year) ? year : null;
}

/**
 * The baseline a target or result is measured from: among baselines with a figure in the same unit, the
 * latest one not after it; else one without a period; else the first.
 */
export function baselineFor(o: ReviewedObservation, baselines: ReviewedObservation[]): ReviewedObservation | null {
  const candidates = baselines.filter((b) => hasFigure(b) && sameUnit(b, o));
  if (!candidates.length) return null;
  const end = periodEnd(o.period);
  if (end !== null) {
    const before = candidates.filter((b) => (periodEnd(b.period) ?? Infinity) <= end);
    if (before.length) return before.reduce((best, b) => (periodEnd(b.period)! > periodEnd(best.period)! ? b : best));
  }
  return candidates.find((b) => periodEnd(b.period) === null) ?? candidates[0];
}

/** Targets (or results) of a series in period order; undated ones last, in document order. */
export function inPeriodOrder(observations: ReviewedObservation[]): ReviewedObservation[] {
  return [...observations].sort((a, b) => (periodEnd(a.period) ?? Infinity) - (periodEnd(b.period) ?? Infinity) || a.ordinal - b.ordinal);
}
