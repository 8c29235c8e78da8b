// The reviewed_values table (migration 005): the review decisions in force, written out so SQL views
// (observations_flat, indicator_summary) can show reviewed figures without re-implementing apply.ts.
// Rewritten with the findings (src/reconcile/index.ts): as a whole, or for the documents recomputed.
import type Database from 'better-sqlite3';
import { prepared } from '../store/read.ts';
import type { ReviewedObservation } from './reviewed.ts';

export function clearReviewedValues(db: Database.Database): void {
  db.prepare('DELETE FROM reviewed_values').run();
}

/** One observation's review as reviewed_values holds it: the statement both stores run. */
export const INSERT_REVIEWED_VALUE =
  'INSERT INTO reviewed_values (observation_id, indicator_code, state, value, unit, period, review_state, reviewed_by, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

export function reviewedValueRow(o: ReviewedObservation): Array<string | number | null> {
  return [o.id, o.indicator, o.state, o.value, o.unit, o.period, o.reviewState, o.reviewedBy, o.kind];
}

/** Deletes one document's rows. */
export const DELETE_REVIEWED_VALUES_OF = 'DELETE FROM reviewed_values WHERE observation_id IN (SELECT id FROM observations WHERE document_id = ?)';

/** Replace one document's rows (or, without `documentId`, add rows) with these observations' reviews. */
export function writeReviewedValues(db: Database.Database, reviewed: ReviewedObservation[], documentId?: number): void {
  if (documentId !== undefined) prepared(db, DELETE_REVIEWED_VALUES_OF).run(documentId);
  const insert = prepared(db, INSERT_REVIEWED_VALUE);
  for (const o of reviewed) insert.run(...reviewedValueRow(o));
}

/** Rewrite the whole table, in one transaction. */
export function saveReviewedValues(db: Database.Database, reviewed: ReviewedObservation[]): void {
  db.transaction(() => {
    clearReviewedValues(db);
    writeReviewedValues(db, reviewed);
  }).immediate();
}
