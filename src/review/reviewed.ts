// Stored observations with the review decisions in effect applied on top: what exports, checks and reports
// read. The extracted fields are kept beside the reviewed ones so a report can show both.
import type Database from 'better-sqlite3';
import { catalogueTitle } from '../detect/catalogue.ts';
import { readObservations, type StoredObservation } from '../store/read.ts';
import { reviewObservation } from './apply.ts';
import { decisionsByTarget, listDecisions, type Decision, type ReviewableFields, type ReviewState } from './decisions.ts';

export interface ReviewedObservation extends StoredObservation {
  extracted: ReviewableFields;
  reviewState: ReviewState;
  reviewedBy: string | null;
  staleDecisions: Decision[];
}

function extractedFields(o: StoredObservation): ReviewableFields {
  return { indicator: o.indicator, kind: o.kind, state: o.state, value: o.value, unit: o.unit, period: o.period };
}

function withReview(o: StoredObservation, decisions: Decision[]): ReviewedObservation {
  const extracted = extractedFields(o);
  const review = reviewObservation(extracted, decisions);
  const f = review.fields;
  const recoded = f.indicator !== o.indicator;
  return {
    ...o,
    ...f,
    pendingReason: f.state === 'value' ? null : o.pendingReason,
    // A reviewer's code replaces the document's: the document's own code becomes an alias of it.
    aliases: recoded ? [...new Set([...o.aliases, o.indicator])].filter((c) => c !== f.indicator) : o.aliases,
    catalogueTitle: recoded ? catalogueTitle(f.indicator) : o.catalogueTitle,
    inferred: recoded ? false : o.inferred,
    extracted,
    reviewState: review.reviewState,
    reviewedBy: review.reviewedBy,
    staleDecisions: review.stale,
  };
}

export function reviewObservations(observations: StoredObservation[], decisions: Decision[]): ReviewedObservation[] {
  const byTarget = decisionsByTarget(decisions.filter((d) => d.targetType === 'observation'));
  return observations.map((o) => withReview(o, byTarget.get(o.id) ?? []));
}

export function reviewedObservations(db: Database.Database, options: { includeRejected?: boolean } = {}): ReviewedObservation[] {
  const reviewed = reviewObservations(readObservations(db), listDecisions(db));
  return options.includeRejected ? reviewed : reviewed.filter((o) => o.reviewState !== 'rejected');
}
