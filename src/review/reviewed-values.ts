// The reviewed_values table (migration 005): the review decisions in force, written out so SQL views
// (observations_flat, indicator_summary) can show reviewed figures without re-implementing apply.ts.
// Rewritten as a whole, in one transaction, whenever the findings are recomputed (src/reconcile/index.ts).
import type Database from 'better-sqlite3';
import type { ReviewedObservation } from './reviewed.ts';

export function saveReviewedValues(db: Database.Database, reviewed: ReviewedObservation[]): void {
  const save = db.transaction(() => {
    db.prepare('DELETE FROM reviewed_values').run();
    const insert = db.prepare(
      'INSERT INTO reviewed_values (observation_id, indicator_code, state, value, unit, period, review_state, reviewed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const o of reviewed) insert.run(o.id, o.indicator, o.state, o.value, o.unit, o.period, o.reviewState, o.reviewedBy);
  });
  save.immediate();
}
