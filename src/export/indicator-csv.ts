// Indicator records as flat rows (CSV and the XLSX indicators sheet), by the observation CSV's rules:
// first_named split into first_named.page/.line/.text, aliases joined with ';'.
import { csvTable } from './csv.ts';
import type { IndicatorRecord } from './indicator-records.ts';

export const INDICATOR_CSV_COLUMNS = [
  'document', 'partnership', 'indicator', 'aliases', 'indicator_title', 'catalogue_title', 'inferred', 'first_named.page', 'first_named.line',
  'first_named.text', 'observations', 'values', 'pending', 'scheme', 'match_score',
] as const;

export type IndicatorCsvColumn = (typeof INDICATOR_CSV_COLUMNS)[number];
export type IndicatorRow = Record<IndicatorCsvColumn, string | number | boolean | null>;

export function flatIndicatorRecord(r: IndicatorRecord): IndicatorRow {
  return {
    document: r.document, partnership: r.partnership, indicator: r.indicator, aliases: r.aliases.join(';'), indicator_title: r.indicator_title,
    catalogue_title: r.catalogue_title, inferred: r.inferred, 'first_named.page': r.first_named?.page ?? null, 'first_named.line': r.first_named?.line ?? null,
    'first_named.text': r.first_named?.text ?? null, observations: r.observations, values: r.values, pending: r.pending, scheme: r.scheme, match_score: r.match_score,
  };
}

export function toIndicatorCsv(records: IndicatorRecord[]): string {
  return csvTable(INDICATOR_CSV_COLUMNS, records.map(flatIndicatorRecord));
}
