// The reconcile stage: run every check over the store (review decisions applied) and store the findings.
// Called at the end of every import, after review decisions, and by `report` when asked for a new threshold.
// Each time also rewrites the reviewed_values table the analysts' SQL views read (src/review/reviewed-values.ts).
import type Database from 'better-sqlite3';
import type { Finding } from '../model/finding.ts';
import { reviewedObservations } from '../review/reviewed.ts';
import { saveReviewedValues } from '../review/reviewed-values.ts';
import { loadContext } from './context.ts';
import { runChecks } from './engine.ts';
import { countFindings, lastOptions, latestRunId, saveFindings, type FindingCounts, type ReconcileTrigger } from './store.ts';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from './types.ts';

export interface ReconcileRequest {
  trigger: ReconcileTrigger;
  /** The import run that produced the store being checked; the latest run when not given. */
  runId?: number;
  /** Overrides; anything not given is what the previous reconciliation used (or the default). */
  options?: Partial<ReconcileOptions>;
}

export interface Reconciliation {
  id: number;
  options: ReconcileOptions;
  findings: Finding[];
  counts: FindingCounts;
}

export function reconcileStore(db: Database.Database, request: ReconcileRequest): Reconciliation {
  const options: ReconcileOptions = { ...DEFAULT_RECONCILE_OPTIONS, ...lastOptions(db), ...request.options };
  const reviewed = reviewedObservations(db, { includeRejected: true });
  saveReviewedValues(db, reviewed);
  const findings = runChecks(loadContext(db, options, reviewed));
  const id = saveFindings(db, { runId: request.runId ?? latestRunId(db), trigger: request.trigger, options }, findings);
  return { id, options, findings, counts: countFindings(findings) };
}

export type { FindingCounts, ReconcileOptions, ReconcileTrigger };
