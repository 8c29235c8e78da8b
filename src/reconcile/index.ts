// The reconcile stage: run the checks over the store (review decisions applied) and store the findings.
// Called at the end of every import, after review decisions, by `report` when asked for a new threshold, and
// by `planharvest reconcile`. Each time also rewrites the reviewed_values table the analysts' SQL views read
// (src/review/reviewed-values.ts) for what it recomputes.
//
// Everything is read a part at a time (src/reconcile/context.ts): one document, then one partnership's
// documents compared indicator by indicator; memory is bounded by the largest part, not the store. Given the
// changes an import made, only the parts they touch are recomputed (src/reconcile/scope.ts) and every other
// finding stays as stored; the result is the same as recomputing everything (tests/unit/reconcile/incremental.test.ts).
// Everything is recomputed when no changes are given, and whenever the store needs it: its first
// reconciliation, new options, a new schema version or set of checks (an upgrade, FINDINGS_VERSION), or a
// document stored by a run whose findings were never computed (a killed import).
import type Database from 'better-sqlite3';
import { clearReviewedValues, writeReviewedValues } from '../review/reviewed-values.ts';
import { readDocuments, type DocumentInfo } from '../store/read.ts';
import { CHECKS } from './checks/index.ts';
import { documentContext, seriesContexts } from './context.ts';
import { documentFindings, seriesFindings } from './engine.ts';
import { decidedSince, documentScope, seriesScope, touchedScope, type StoreChanges } from './scope.ts';
import { partnershipKey } from './series.ts';
import {
  beginReconciliation, countStoredFindings, deleteAllFindings, deleteFindingsOf, finishReconciliation, insertFindings, lastOptions, lastReconciliation,
  latestRunId, type FindingCounts, type LastReconciliation, type ReconcileTrigger,
} from './store.ts';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from './types.ts';

/**
 * Bump when a check's findings change for the same store (new wording, a new rule, a changed key), so that
 * the first import after an upgrade recomputes every finding instead of only what it touched.
 */
export const FINDINGS_VERSION = 1;

export interface ReconcileRequest {
  trigger: ReconcileTrigger;
  /** The import run that produced the store being checked; the latest run when not given. */
  runId?: number;
  /** Overrides; anything not given is what the previous reconciliation used (or the default). */
  options?: Partial<ReconcileOptions>;
  /**
   * What an import wrote (an ImportChanges): recompute only the findings those documents, and decisions
   * recorded since the last reconciliation, can change. Without it every finding is recomputed.
   */
  changes?: StoreChanges;
}

export interface Reconciliation {
  id: number;
  options: ReconcileOptions;
  /** Every finding stored now. */
  counts: FindingCounts;
  /** 'all', or how many documents and partnership series were recomputed. */
  recomputed: 'all' | { documents: number; series: number };
  /** Why everything was recomputed although changes were given. */
  reason?: string;
}

/** The latest schema version: the query both stores run. */
export const SCHEMA_VERSION = 'SELECT MAX(version) AS version FROM schema_migrations';

/** What findings depend on besides the documents, decisions and options: the schema, this release's checks. */
export function findingsBasis(schemaVersion: number | null): string {
  return `schema ${schemaVersion ?? 0}; findings ${FINDINGS_VERSION}; checks ${CHECKS.map((c) => c.id).join(',')}`;
}

function basisOf(db: Database.Database): string {
  return findingsBasis(db.prepare(SCHEMA_VERSION).pluck().get() as number | null);
}

function sameOptions(a: ReconcileOptions, b: ReconcileOptions): boolean {
  return (Object.keys(DEFAULT_RECONCILE_OPTIONS) as Array<keyof ReconcileOptions>).every((k) => a[k] === b[k]);
}

/** Why stored findings cannot be kept for what a change did not touch, whatever the engine; null when they can. */
export function staleBecause(last: LastReconciliation | null, basis: string, options: ReconcileOptions): string | null {
  if (!last) return 'the store has no findings yet';
  if (last.basis !== basis) return last.basis === null ? 'the findings were stored by an earlier planharvest' : `the store or the checks changed (${last.basis} → ${basis})`;
  if (!sameOptions(last.options, options)) return 'the options changed';
  return null;
}

/**
 * From how many documents written an import counts as a bulk one: when it also wrote at least half of the
 * stored documents, it touched about every part of the store, and recomputing all of it does no more work while
 * needing no list of what each document took part in — for tens of thousands of documents the largest thing
 * the step would hold in memory. Below it, the list is small and the incremental step is the cheaper one.
 */
export const BULK_WRITE = 1_000;

/** Why every finding is recomputed although changes are given; null when the changes are enough. */
function everythingBecause(db: Database.Database, last: LastReconciliation | null, basis: string, options: ReconcileOptions, changes: StoreChanges): string | null {
  const stale = staleBecause(last, basis, options);
  if (stale) return stale;
  const unchecked = db.prepare('SELECT 1 FROM documents WHERE run_id > ? AND run_id <> ? LIMIT 1').get(last!.runId ?? 0, changes.runId);
  if (unchecked) return 'documents were stored by an import whose findings were never computed';
  const stored = db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
  if (changes.count >= BULK_WRITE && changes.count * 2 >= stored) return `the import wrote ${changes.count} of the ${stored} documents stored`;
  return null;
}

function recomputeDocument(db: Database.Database, doc: DocumentInfo, at: { reconciliationId: number; runId: number | null }, options: ReconcileOptions, fresh: boolean): void {
  const { ctx, reviewed } = documentContext(db, doc, options);
  writeReviewedValues(db, reviewed, fresh ? undefined : doc.id);
  insertFindings(db, { ...at, scope: documentScope(doc.id) }, documentFindings(ctx, doc.fileName));
}

/** Compares a partnership's documents on some indicators (every one when `codes` is null); returns how many series. */
function recomputeSeries(db: Database.Database, partnership: string, documents: DocumentInfo[], codes: Set<string> | null, at: { reconciliationId: number; runId: number | null }, options: ReconcileOptions): number {
  let series = 0;
  for (const { indicator, ctx } of seriesContexts(db, documents, codes, options)) {
    insertFindings(db, { ...at, scope: seriesScope(partnership, indicator) }, seriesFindings(ctx, partnership, indicator));
    series++;
  }
  return series;
}

/** The stored documents of each partnership, in store order. */
export function byPartnership(documents: DocumentInfo[]): Map<string, DocumentInfo[]> {
  const out = new Map<string, DocumentInfo[]>();
  for (const doc of documents) {
    const key = partnershipKey(doc.partnership);
    if (key === null) continue;
    const list = out.get(key) ?? [];
    list.push(doc);
    out.set(key, list);
  }
  return out;
}

export function reconcileStore(db: Database.Database, request: ReconcileRequest): Reconciliation {
  const options: ReconcileOptions = { ...DEFAULT_RECONCILE_OPTIONS, ...lastOptions(db), ...request.options };
  const reconcile = db.transaction((): Reconciliation => {
    const last = lastReconciliation(db);
    const basis = basisOf(db);
    const runId = request.runId ?? latestRunId(db);
    const reason = request.changes ? everythingBecause(db, last, basis, options, request.changes) : null;
    const whole = !request.changes || reason !== null;
    const decisionsThrough = db.prepare('SELECT MAX(id) FROM decisions').pluck().get() as number | null;
    const id = beginReconciliation(db, { runId, trigger: request.trigger, options, basis, decisionsThrough });
    const at = { reconciliationId: id, runId };
    const documents = readDocuments(db);
    if (whole) {
      deleteAllFindings(db);
      clearReviewedValues(db);
      for (const doc of documents) recomputeDocument(db, doc, at, options, true);
      for (const [partnership, docs] of byPartnership(documents)) recomputeSeries(db, partnership, docs, null, at, options);
      const counts = countStoredFindings(db);
      finishReconciliation(db, id, counts, null);
      return { id, options, counts, recomputed: 'all', ...(reason ? { reason } : {}) };
    }
    const footprints = [...request.changes!.footprints(), ...decidedSince(db, last!.decisionsThrough ?? 0)];
    const scope = touchedScope(db, footprints);
    deleteFindingsOf(db, scope.drop);
    for (const doc of scope.documents) recomputeDocument(db, doc, at, options, false);
    const partnerships = byPartnership(documents);
    let series = 0;
    for (const [partnership, codes] of scope.series) series += recomputeSeries(db, partnership, partnerships.get(partnership) ?? [], codes, at, options);
    const counts = countStoredFindings(db);
    const recomputed = { documents: scope.documents.length, series };
    finishReconciliation(db, id, counts, recomputed);
    return { id, options, counts, recomputed };
  });
  return reconcile.immediate();
}

export { ImportChanges, type StoreChanges } from './scope.ts';
export type { FindingCounts, ReconcileOptions, ReconcileTrigger };
