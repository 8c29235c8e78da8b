// Export records exactly as ../shared/CONTRACT.md describes them; the zod schema is the contract in code, and
// docs/export.schema.json is generated from it (scripts/make-export-schema.ts), descriptions included.
// Values are the extracted ones with review decisions applied on top (src/review/).
import * as z from 'zod';
import type Database from 'better-sqlite3';
import { listDecisions, type Decision } from '../review/decisions.ts';
import { reviewObservations, type ReviewedObservation } from '../review/reviewed.ts';
import { readObservations, type StoredObservation } from '../store/read.ts';
import type { StoreReader } from '../store/reader.ts';

const nullableString = (description: string) => z.string().nullable().describe(description);

/** The fields that say which document and indicator a record is about: shared by both export record types. */
export const IndicatorFields = {
  document: z.string().describe('Base name of the imported file.'),
  partnership: nullableString('The partnership as the document names itself, or null.'),
  indicator: z.string().describe('Normalised code: scheme, one space, number (+ suffix), e.g. "NI 186", "LI 5.1a", "BV 82a".'),
  aliases: z.array(z.string()).describe('Other codes the document used for the same indicator, e.g. ["LI 141"].'),
  indicator_title: nullableString('The indicator title as written in the document, or null.'),
  catalogue_title: nullableString('Title from the 2008 National Indicator Set when the code is an NI code in the catalogue, or null.'),
  inferred: z.boolean().describe('True when the code was supplied from the catalogue by matching the title.'),
};

export const ExportRecord = z.object({
  ...IndicatorFields,
  kind: z.enum(['baseline', 'target', 'result']),
  state: z.enum(['value', 'pending']).describe('"pending" for tbc, TBA, awaiting, deferred: value is then null.'),
  value: z.number().nullable().describe('The figure; a percentage as the number of percent (26.5 for 26.5%); null when pending.'),
  unit: nullableString('"%", "count", "kg", "tonnes per capita", … lower-case; null when the document gives none.'),
  period: nullableString('"YYYY/YY" financial year, "YYYY", "YYYY-MM", or null.'),
  area: nullableString('The place the figure is for when a cell gives several places, or null.'),
  relative_change: z.number().nullable().describe('Percent change stated by the document, e.g. -4.2 for "4.2% reduction on baseline"; null if none.'),
  denominator: z.number().nullable().describe('16 for "10 out of 16"; null otherwise.'),
  confidence: z.number().min(0).max(1).describe('0..1, how sure the extractor is of this record.'),
  source: z
    .object({
      page: z.number().int().nullable(),
      line: z.number().int().nullable(),
      text: z.string().describe('The words the value was read from.'),
    })
    .describe('Where the value is written: page and/or line, and the text.'),
  // Additions beyond the contract's first fields (allowed: "add fields freely").
  id: z.string().describe('Observation id, stable across re-imports of the same or a lightly edited document.'),
  pending_reason: nullableString('Why a pending value has no figure ("tbc", "deferred", …); null for values.'),
  confidence_reasons: z.array(z.string()).describe('What lowered the confidence, one reason each.'),
  // Review: whether a person has looked at the record, and who decided last.
  review_state: z.enum(['machine', 'accepted', 'corrected', 'rejected']).describe('"machine" until a reviewer accepted, corrected or rejected it.'),
  reviewed_by: nullableString('Who made the review decision in force, or null.'),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export interface ExportOptions {
  /** Rejected observations are left out of exports unless asked for. */
  includeRejected?: boolean;
  /** Only observations a reviewer accepted or corrected (for migrations that take reviewed data only). */
  reviewedOnly?: boolean;
}

/** Review states that mean a person vouched for the values. */
export const REVIEWED_STATES: ReadonlySet<ExportRecord['review_state']> = new Set(['accepted', 'corrected']);

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

/** The observations an export writes, review decisions applied, in document order (the indicator records count these). */
export function exportedObservations(observations: StoredObservation[], decisions: Decision[], options: ExportOptions = {}): ReviewedObservation[] {
  const reviewed = reviewObservations(observations, decisions);
  const kept = options.includeRejected && !options.reviewedOnly ? reviewed : reviewed.filter((o) => o.reviewState !== 'rejected');
  return options.reviewedOnly ? kept.filter((o) => REVIEWED_STATES.has(o.reviewState)) : kept;
}

/** One record per stored observation, review decisions applied, in document order. */
export function exportRecords(db: Database.Database, options: ExportOptions = {}): ExportRecord[] {
  return exportedObservations(readObservations(db), listDecisions(db), options).map(toExportRecord);
}

/** The same records from either store (src/store/reader.ts). */
export async function readExportRecords(reader: StoreReader, options: ExportOptions = {}): Promise<ExportRecord[]> {
  return exportedObservations(await reader.observations(), await reader.decisions(), options).map(toExportRecord);
}
