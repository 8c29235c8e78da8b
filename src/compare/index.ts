// The compare stage: one indicator across partnerships (or, without one, the indicators most partnerships
// share), from the reviewed figures — review decisions applied, rejected observations left out.
import type Database from 'better-sqlite3';
import { DEFAULT_TOP } from './defaults.ts';
import { reviewedObservations, reviewObservations, type ReviewedObservation } from '../review/reviewed.ts';
import type { StoreReader } from '../store/reader.ts';
import { compareIndicator, matchesPartnership, type CompareOptions, type IndicatorComparison } from './comparison.ts';
import { sharedIndicators, type SharedIndicator } from './shared.ts';

export interface CompareRequest extends CompareOptions {
  /** One indicator ("NI 186"); without it, the `top` indicators most partnerships share. */
  indicator?: string;
  top?: number;
}

export interface CompareResult {
  /** Every indicator with figures, most shared first (after the partnership filter). */
  shared: SharedIndicator[];
  comparisons: IndicatorComparison[];
}

export { DEFAULT_TOP };

/** Indicators given figures by at least two partnerships; all of them when none are. */
export function rankedShared(shared: SharedIndicator[]): SharedIndicator[] {
  const common = shared.filter((s) => s.partnerships.length >= 2);
  return common.length ? common : shared;
}

export function compareObservations(observations: ReviewedObservation[], request: CompareRequest): CompareResult {
  const shared = sharedIndicators(observations.filter((o) => matchesPartnership(o, request.partnerships)));
  const codes = request.indicator ? [request.indicator] : rankedShared(shared).slice(0, request.top ?? DEFAULT_TOP).map((s) => s.indicator);
  return { shared, comparisons: codes.map((code) => compareIndicator(observations, code, request)) };
}

export function compareStore(db: Database.Database, request: CompareRequest): CompareResult {
  return compareObservations(reviewedObservations(db), request);
}

/** The same comparison from either store (src/store/reader.ts). */
export async function compareFrom(reader: StoreReader, request: CompareRequest): Promise<CompareResult> {
  const reviewed = reviewObservations(await reader.observations(), await reader.decisions()).filter((o) => o.reviewState !== 'rejected');
  return compareObservations(reviewed, request);
}

export type { CompareOptions, IndicatorComparison, SharedIndicator };
