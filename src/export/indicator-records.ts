// `export --records indicators`: one record per document and indicator, whether or not any figure was found
// for it — LAA shortlists and "indicators selected" lists name indicators without baselines or targets, and a
// migration needs them too. Each record says where the document first names the indicator and how many
// observations the observation export holds for it (values and pending separately). Observation records
// (./records.ts) are unchanged; this is a second record type beside them.
import * as z from 'zod';
import type Database from 'better-sqlite3';
import { listDecisions } from '../review/decisions.ts';
import type { ReviewedObservation } from '../review/reviewed.ts';
import { readDocuments, readIndicators, readObservations, type DocumentInfo, type StoredIndicator } from '../store/read.ts';
import type { StoreReader } from '../store/reader.ts';
import { exportedObservations, IndicatorFields, type ExportOptions } from './records.ts';

const count = (description: string) => z.number().int().nonnegative().describe(description);

export const IndicatorRecord = z.object({
  ...IndicatorFields,
  first_named: z
    .object({
      page: z.number().int().nullable(),
      line: z.number().int().nullable(),
      text: z.string().describe('The words (the whole cell, line or paragraph) where the indicator is first named.'),
    })
    .nullable()
    .describe('Where the document first names the indicator; null for documents stored before planharvest kept it.'),
  observations: count('Observations the observation export holds for this indicator in this document (same options: rejected ones only with --include-rejected).'),
  values: count('Of those, the ones with a figure (state "value").'),
  pending: count('Of those, the pending ones (tbc, deferred, empty cells: state "pending").'),
  scheme: z.string().describe('The code scheme as the document writes it: "NI", "LI", "BV", "PSA", …'),
  match_score: z.number().min(0).max(1).nullable().describe('Title similarity 0..1 when the code was inferred from the title; null otherwise.'),
});
export type IndicatorRecord = z.infer<typeof IndicatorRecord>;

interface Counts {
  observations: number;
  values: number;
  pending: number;
}

export function toIndicatorRecord(ind: StoredIndicator, partnership: string | null, counts: Counts): IndicatorRecord {
  const s = ind.source;
  return {
    document: ind.document,
    partnership,
    indicator: ind.code,
    aliases: ind.aliases,
    indicator_title: ind.title,
    catalogue_title: ind.catalogueTitle,
    inferred: ind.inferred,
    first_named: s ? { page: s.page, line: s.line, text: s.text } : null,
    ...counts,
    scheme: ind.scheme,
    match_score: ind.matchScore,
  };
}

/**
 * One record per document and indicator, in document order. Observations are counted under the code the
 * document wrote (a reviewer's re-coding does not move them), with their reviewed state: a pending slot a
 * reviewer corrected to a figure counts as a value.
 */
export function indicatorRecordsOf(documents: DocumentInfo[], indicators: StoredIndicator[], exported: ReviewedObservation[]): IndicatorRecord[] {
  const partnerships = new Map(documents.map((d) => [d.id, d.partnership]));
  const counts = new Map<string, Counts>();
  for (const o of exported) {
    const key = `${o.documentId}|${o.extracted.indicator}`;
    const c = counts.get(key) ?? { observations: 0, values: 0, pending: 0 };
    c.observations++;
    if (o.state === 'value') c.values++;
    else c.pending++;
    counts.set(key, c);
  }
  return indicators.map((ind) =>
    toIndicatorRecord(ind, partnerships.get(ind.documentId) ?? null, counts.get(`${ind.documentId}|${ind.code}`) ?? { observations: 0, values: 0, pending: 0 }),
  );
}

export function exportIndicatorRecords(db: Database.Database, options: ExportOptions = {}): IndicatorRecord[] {
  return indicatorRecordsOf(readDocuments(db), readIndicators(db), exportedObservations(readObservations(db), listDecisions(db), options));
}

/** The same records from either store (src/store/reader.ts). */
export async function readIndicatorRecords(reader: StoreReader, options: ExportOptions = {}): Promise<IndicatorRecord[]> {
  const [documents, indicators, observations, decisions] = [await reader.documents(), await reader.indicators(), await reader.observations(), await reader.decisions()];
  return indicatorRecordsOf(documents, indicators, exportedObservations(observations, decisions, options));
}
