// The context checks read: the stored documents and indicators, and the observations with review decisions
// applied (a corrected figure is checked as corrected; a rejected one is not checked at all).
import type Database from 'better-sqlite3';
import { reviewedObservations, type ReviewedObservation } from '../review/reviewed.ts';
import { readDocuments, readIndicators } from '../store/read.ts';
import { readUnreadFigures } from '../store/unread.ts';
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
