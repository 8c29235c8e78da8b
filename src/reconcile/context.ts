// The context checks read: the stored documents and indicators, and the observations with review decisions
// applied (a corrected figure is checked as corrected; a rejected one is not checked at all).
//
// The store is read a part at a time, so memory stays bounded by the largest part rather than the store:
// one document (`documentContext`), or one partnership's figures, a batch of indicators at a time
// (`seriesContexts`). `loadContext` reads everything at once, for tests and one-off use.
import type Database from 'better-sqlite3';
import { decisionsOn } from '../review/decisions.ts';
import { reviewedObservations, reviewObservations, type ReviewedObservation } from '../review/reviewed.ts';
import { prepared, readDocuments, readIndicators, readObservations, type DocumentInfo } from '../store/read.ts';
import { readUnreadFigures } from '../store/unread.ts';
import { groupBy } from './series.ts';
import type { CheckContext, ReconcileOptions } from './types.ts';

/** `reviewed`: every observation with its review (rejected ones included), when the caller has read them already. */
export function loadContext(db: Database.Database, options: ReconcileOptions, reviewed: ReviewedObservation[] = reviewedObservations(db, { includeRejected: true })): CheckContext {
  return {
    documents: readDocuments(db),
    indicators: readIndicators(db),
    observations: reviewed.filter((o) => o.reviewState !== 'rejected'),
    unread: readUnreadFigures(db),
    options,
  };
}

function reviewed(db: Database.Database, observations: ReturnType<typeof readObservations>): ReviewedObservation[] {
  return reviewObservations(observations, decisionsOn(db, observations.map((o) => o.id)));
}

/** One document's context, and its observations with their reviews (rejected ones included) for reviewed_values. */
export function documentContext(db: Database.Database, doc: DocumentInfo, options: ReconcileOptions): { ctx: CheckContext; reviewed: ReviewedObservation[] } {
  const all = reviewed(db, readObservations(db, { documentId: doc.id }));
  return {
    ctx: {
      documents: [doc],
      indicators: readIndicators(db, doc.id),
      observations: all.filter((o) => o.reviewState !== 'rejected'),
      unread: readUnreadFigures(db, doc.id),
      options,
    },
    reviewed: all,
  };
}

/** At most about this many observations are read at once when comparing a partnership's documents. */
export const SERIES_BATCH = 10_000;

/**
 * The indicators worth comparing across these documents, with how many observations each has: those stored
 * in two documents or more, and those a decision gives some observation (which may bring a second document).
 */
function comparableCodes(db: Database.Database, documentIds: number[]): Map<string, number> {
  const ids = JSON.stringify(documentIds);
  const counts = prepared(
    db,
    `SELECT indicator_code AS code, COUNT(*) AS n, COUNT(DISTINCT document_id) AS documents
     FROM observations WHERE document_id IN (SELECT value FROM json_each(?)) GROUP BY indicator_code`,
  ).all(ids) as Array<{ code: string; n: number; documents: number }>;
  const recoded = prepared(
    db,
    `SELECT DISTINCT dc.new_code FROM decisions dc JOIN observations o ON o.id = dc.target_id
     WHERE o.document_id IN (SELECT value FROM json_each(?)) AND dc.new_code IS NOT NULL`,
  ).pluck().all(ids) as string[];
  const codes = new Map<string, number>();
  for (const c of counts) if (c.documents > 1) codes.set(c.code, c.n);
  for (const code of recoded) codes.set(code, codes.get(code) ?? counts.find((c) => c.code === code)?.n ?? 0);
  return codes;
}

function batches(codes: Map<string, number>, limit: number): string[][] {
  const out: string[][] = [];
  let batch: string[] = [];
  let size = 0;
  for (const code of [...codes.keys()].sort()) {
    const n = codes.get(code)!;
    if (batch.length && size + n > limit) {
      out.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(code);
    size += n;
  }
  if (batch.length) out.push(batch);
  return out;
}

/**
 * The figures of one partnership's documents for each indicator (of `codes`, or every one), one context per
 * indicator, read a batch of indicators at a time. Indicators found in only one document are skipped: there
 * is nothing to compare.
 */
export function* seriesContexts(
  db: Database.Database,
  documents: DocumentInfo[],
  codes: Set<string> | null,
  options: ReconcileOptions,
  limit = SERIES_BATCH,
): Generator<{ indicator: string; ctx: CheckContext }> {
  if (documents.length < 2) return;
  const documentIds = documents.map((d) => d.id);
  const comparable = comparableCodes(db, documentIds);
  if (codes) for (const code of comparable.keys()) if (!codes.has(code)) comparable.delete(code);
  for (const batch of batches(comparable, limit)) {
    const wanted = new Set(batch);
    const figures = reviewed(db, readObservations(db, { documentIds, codes: batch })).filter((o) => o.reviewState !== 'rejected' && wanted.has(o.indicator));
    for (const [indicator, observations] of groupBy(figures, (o) => o.indicator)) {
      yield { indicator, ctx: { documents, indicators: [], observations, unread: [], options } };
    }
  }
}
