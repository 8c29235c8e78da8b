// The context checks read: the stored documents and indicators, and the observations with review decisions
// applied (a corrected figure is checked as corrected; a rejected one is not checked at all).
//
// The store is read a part at a time, so memory stays bounded by the largest part rather than the store:
// one document (`documentContext`), or one partnership's figures, a batch of indicators at a time
// (`seriesContexts`). `loadContext` reads everything at once, for tests and one-off use. What to read and how
// the reads make a context is written once for both engines (`documentContextOf`, `comparableQueries`,
// `seriesOfBatch`); the PostgreSQL store runs the same steps over its own reads (./postgres.ts).
import type Database from 'better-sqlite3';
import type { Decision } from '../review/decisions.ts';
import { decisionsOn } from '../review/decisions.ts';
import { reviewedObservations, reviewObservations, type ReviewedObservation } from '../review/reviewed.ts';
import { inJsonList, prepared, readDocuments, readIndicators, readObservations, type Dialect, type DocumentInfo, type Query, type StoredIndicator, type StoredObservation } from '../store/read.ts';
import { readUnreadFigures, type StoredUnreadFigure } from '../store/unread.ts';
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

/** What one document's findings are computed from, and its observations reviewed (rejected ones included) for reviewed_values. */
export interface DocumentPart {
  ctx: CheckContext;
  reviewed: ReviewedObservation[];
}

/** One document's context from what was read of it: its observations, the decisions on them, its indicators and unread figures. */
export function documentContextOf(
  doc: DocumentInfo, observations: StoredObservation[], decisions: Decision[], indicators: StoredIndicator[], unread: StoredUnreadFigure[], options: ReconcileOptions,
): DocumentPart {
  const all = reviewObservations(observations, decisions);
  return { ctx: { documents: [doc], indicators, observations: all.filter((o) => o.reviewState !== 'rejected'), unread, options }, reviewed: all };
}

export function documentContext(db: Database.Database, doc: DocumentInfo, options: ReconcileOptions): DocumentPart {
  const observations = readObservations(db, { documentId: doc.id });
  return documentContextOf(doc, observations, decisionsOn(db, observations.map((o) => o.id)), readIndicators(db, doc.id), readUnreadFigures(db, doc.id), options);
}

/**
 * At most about this many observations are read at once when comparing a partnership's documents. The batch is
 * the series checks' live data: at 10,000, a 50,000-document store's findings step held 72 MB live at its
 * peak (290 MB RSS); at 2,000, 49 MB (236 MB RSS), with the same findings and no slower. One code's
 * observations in one partnership always share a batch (231 at most there).
 */
export const SERIES_BATCH = 2_000;

/**
 * The two reads that say which indicators are worth comparing across some documents: how many observations
 * and documents each stored code has, and the codes decisions give their observations.
 */
export function comparableQueries(dialect: Dialect, documentIds: number[]): { counts: Query; recoded: Query } {
  const ids = JSON.stringify(documentIds);
  return {
    counts: {
      sql: `SELECT indicator_code AS code, COUNT(*) AS n, COUNT(DISTINCT document_id) AS documents
            FROM observations WHERE ${inJsonList(dialect, 'document_id', 'integer')} GROUP BY indicator_code`,
      params: [ids],
    },
    recoded: {
      sql: `SELECT DISTINCT dc.new_code AS code FROM decisions dc JOIN observations o ON o.id = dc.target_id
            WHERE ${inJsonList(dialect, 'o.document_id', 'integer')} AND dc.new_code IS NOT NULL`,
      params: [ids],
    },
  };
}

export interface CodeCount {
  code: string;
  n: number;
  documents: number;
}

/**
 * The indicators worth comparing, with how many observations each has: those stored in two documents or more,
 * and those a decision gives some observation (which may bring a second document). Only those in `codes` when given.
 */
export function comparableFrom(counts: CodeCount[], recoded: string[], codes: Set<string> | null): Map<string, number> {
  const comparable = new Map<string, number>();
  for (const c of counts) if (c.documents > 1) comparable.set(c.code, Number(c.n));
  for (const code of recoded) comparable.set(code, comparable.get(code) ?? Number(counts.find((c) => c.code === code)?.n ?? 0));
  if (codes) for (const code of comparable.keys()) if (!codes.has(code)) comparable.delete(code);
  return comparable;
}

/** The codes in batches of about `limit` observations, in code order. */
export function batches(codes: Map<string, number>, limit: number = SERIES_BATCH): string[][] {
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

/** One context per indicator of a batch, from the batch's observations (read with { documentIds, codes: batch }) and the decisions on them. */
export function seriesOfBatch(
  documents: DocumentInfo[], observations: StoredObservation[], decisions: Decision[], batch: string[], options: ReconcileOptions,
): Array<{ indicator: string; ctx: CheckContext }> {
  const wanted = new Set(batch);
  const figures = reviewObservations(observations, decisions).filter((o) => o.reviewState !== 'rejected' && wanted.has(o.indicator));
  return [...groupBy(figures, (o) => o.indicator)].map(([indicator, observations]) => ({ indicator, ctx: { documents, indicators: [], observations, unread: [], options } }));
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
  const q = comparableQueries('sqlite', documentIds);
  const comparable = comparableFrom(prepared(db, q.counts.sql).all(...q.counts.params) as CodeCount[], prepared(db, q.recoded.sql).pluck().all(...q.recoded.params) as string[], codes);
  for (const batch of batches(comparable, limit)) {
    const observations = readObservations(db, { documentIds, codes: batch });
    yield* seriesOfBatch(documents, observations, decisionsOn(db, observations.map((o) => o.id)), batch, options);
  }
}
