// The context checks read: the stored documents and indicators, and the observations with review decisions
// applied (a corrected figure is checked as corrected; a rejected one is not checked at all).
import type Database from 'better-sqlite3';
import { reviewedObservations } from '../review/reviewed.ts';
import { readDocuments, readIndicators } from '../store/read.ts';
import type { CheckContext, ReconcileOptions } from './types.ts';

export function loadContext(db: Database.Database, options: ReconcileOptions): CheckContext {
  return {
    documents: readDocuments(db),
    indicators: readIndicators(db),
    observations: reviewedObservations(db, { includeRejected: false }),
    options,
  };
}
