// Which decisions are in effect, worked out from the audit trail in the order the decisions were made.
//
// - correct: the reviewer's values replace the extracted ones (a value makes a pending slot a value), and stay
//   in force even when a later import reads the document differently: the reviewer had the last word.
// - accept: vouches for the values the reviewer saw. If the document now says something else, the accept
//   is stale — not applied, and reported — because nobody has looked at the new reading.
// - reject: leaves the observation out of exports until a later accept or correct.
// - acknowledge (findings): covers the finding while it is no more severe than when it was acknowledged.
import type { Severity } from '../model/message.ts';
import { severityRank } from '../model/finding.ts';
import type { Correction, Decision, ReviewableFields, ReviewState } from './decisions.ts';

export interface ObservationReview {
  fields: ReviewableFields;
  reviewState: ReviewState;
  reviewedBy: string | null;
  /** Decisions not applied because the observation changed since they were made. */
  stale: Decision[];
}

const FIELD_NAMES: Array<keyof ReviewableFields> = ['indicator', 'kind', 'state', 'value', 'unit', 'period'];

export function sameFields(a: ReviewableFields, b: ReviewableFields): boolean {
  return FIELD_NAMES.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

export function corrected(fields: ReviewableFields, c: Correction): ReviewableFields {
  const next = { ...fields };
  if (c.value !== undefined) {
    next.value = c.value;
    next.state = 'value';
  }
  if (c.unit !== undefined) next.unit = c.unit === '' ? null : c.unit;
  if (c.period !== undefined) next.period = c.period === '' ? null : c.period;
  if (c.code !== undefined) next.indicator = c.code;
  if (c.kind !== undefined) next.kind = c.kind;
  return next;
}

export function reviewObservation(extracted: ReviewableFields, decisions: Decision[]): ObservationReview {
  let fields = { ...extracted };
  let reviewState: ReviewState = 'machine';
  let reviewedBy: string | null = null;
  let wasCorrected = false;
  const stale: Decision[] = [];
  for (const d of decisions) {
    if (d.action === 'correct') {
      fields = corrected(fields, d.correction);
      wasCorrected = true;
      reviewState = 'corrected';
    } else if (d.action === 'accept') {
      if (d.previous.type !== 'observation' || !sameFields(fields, d.previous)) {
        stale.push(d);
        continue;
      }
      reviewState = wasCorrected ? 'corrected' : 'accepted';
    } else if (d.action === 'reject') {
      reviewState = 'rejected';
    } else {
      continue;
    }
    reviewedBy = d.decidedBy;
  }
  return { fields, reviewState, reviewedBy, stale };
}

export interface Acknowledgement {
  /** The acknowledgement in force, if any. */
  current: Decision | null;
  /** An acknowledgement made when the finding was less severe than it is now. */
  stale: Decision | null;
}

export function acknowledgement(severity: Severity, decisions: Decision[]): Acknowledgement {
  const last = decisions.filter((d) => d.action === 'acknowledge').at(-1) ?? null;
  if (!last) return { current: null, stale: null };
  const ackedSeverity = last.previous.type === 'finding' ? last.previous.severity : 'info';
  return severityRank(severity) < severityRank(ackedSeverity) ? { current: null, stale: last } : { current: last, stale: null };
}
