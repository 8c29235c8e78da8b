// Export records exactly as ../shared/CONTRACT.md describes them; the zod schema is the contract in code.
// Values are the extracted ones with review decisions applied on top (src/review/).
import * as z from 'zod';
import type Database from 'better-sqlite3';
import { reviewedObservations, type ReviewedObservation } from '../review/reviewed.ts';

export const ExportRecord = z.object({
  document: z.string(),
  partnership: z.string().nullable(),
  indicator: z.string(),
  aliases: z.array(z.string()),
  indicator_title: z.string().nullable(),
  catalogue_title: z.string().nullable(),
  inferred: z.boolean(),
  kind: z.enum(['baseline', 'target', 'result']),
  state: z.enum(['value', 'pending']),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  area: z.string().nullable(),
  relative_change: z.number().nullable(),
  denominator: z.number().nullable(),
  confidence: z.number().min(0).max(1),
  source: z.object({
    page: z.number().int().nullable(),
    line: z.number().int().nullable(),
    text: z.string(),
  }),
  // Additions beyond the contract's first fields (allowed: "add fields freely").
  id: z.string(),
  pending_reason: z.string().nullable(),
  confidence_reasons: z.array(z.string()),
  // Review: whether a person has looked at the record, and who decided last.
  review_state: z.enum(['machine', 'accepted', 'corrected', 'rejected']),
  reviewed_by: z.string().nullable(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export interface ExportOptions {
  /** Rejected observations are left out of exports unless asked for. */
  includeRejected?: boolean;
}

export function toExportRecord(o: ReviewedObservation): ExportRecord {
  return {
    document: o.document,
    partnership: o.partnership,
    indicator: o.indicator,
    aliases: o.aliases,
    indicator_title: o.indicatorTitle,
    catalogue_title: o.catalogueTitle,
    inferred: o.inferred,
    kind: o.kind,
    state: o.state,
    value: o.value,
    unit: o.unit,
    period: o.period,
    area: o.area,
    relative_change: o.relativeChange,
    denominator: o.denominator,
    confidence: o.confidence,
    source: { page: o.source?.page ?? null, line: o.source?.line ?? null, text: o.source?.text ?? '' },
    id: o.id,
    pending_reason: o.pendingReason,
    confidence_reasons: o.confidenceReasons,
    review_state: o.reviewState,
    reviewed_by: o.reviewedBy,
  };
}

/** One record per stored observation, review decisions applied, in document order. */
export function exportRecords(db: Database.Database, options: ExportOptions = {}): ExportRecord[] {
  return reviewedObservations(db, options).map(toExportRecord);
}
