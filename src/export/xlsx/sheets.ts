// The columns of the five sheets of `export --format xlsx`. The indicators, observations and findings sheets
// reuse the CSV exports' flat rows, so a column means the same in every format.
import type { Decision } from '../../review/decisions.ts';
import { describeSnapshot } from '../../review/orphans.ts';
import { FINDING_COLUMNS, type findingRow } from '../../report/findings-csv.ts';
import type { DocumentInfo } from '../../store/read.ts';
import { CSV_COLUMNS, type flatRecord, type CsvColumn } from '../csv.ts';
import { INDICATOR_CSV_COLUMNS, type IndicatorRow } from '../indicator-csv.ts';
import { FRACTION_AS_PERCENT, NUMBER_OF_PERCENT, TIMESTAMP, type SheetColumn } from './table-sheet.ts';

const timestamp = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

export const DOCUMENT_COLUMNS: SheetColumn<DocumentInfo>[] = [
  { header: 'document', value: (d) => d.fileName },
  { header: 'partnership', value: (d) => d.partnership },
  { header: 'title', value: (d) => d.title },
  { header: 'format', value: (d) => d.format },
  { header: 'pages', value: (d) => d.pageCount },
  { header: 'path', value: (d) => d.path },
  { header: 'content_hash', value: (d) => d.contentHash },
  { header: 'imported_at', value: (d) => timestamp(d.importedAt), numFmt: TIMESTAMP },
];

/** Rows are the indicator records as the CSV flattens them (flatIndicatorRecord): the same columns in both. */
export const INDICATOR_COLUMNS: SheetColumn<IndicatorRow>[] = INDICATOR_CSV_COLUMNS.map((c) => ({
  header: c,
  value: (r: IndicatorRow) => r[c],
  numFmt: c === 'match_score' ? '0.00' : undefined,
}));

export type ObservationRow = ReturnType<typeof flatRecord>;

/** Formats for observation columns holding percentages; the value column only when its unit is %. */
const OBSERVATION_FORMATS: Partial<Record<CsvColumn, SheetColumn<ObservationRow>['numFmt']>> = {
  value: (r) => (r.unit === '%' ? NUMBER_OF_PERCENT : undefined),
  relative_change: NUMBER_OF_PERCENT,
  confidence: FRACTION_AS_PERCENT,
};

/** Rows are the CSV export's flat records (flatRecord), so the sheet and the CSV have the same columns. */
export const OBSERVATION_COLUMNS: SheetColumn<ObservationRow>[] = CSV_COLUMNS.map((c) => ({
  header: c,
  value: (r: ObservationRow) => r[c],
  numFmt: OBSERVATION_FORMATS[c],
}));

export type FindingSheetRow = ReturnType<typeof findingRow>;

/** Rows are findings.csv's rows (findingRow); the acknowledgement time becomes a date cell. */
export const FINDING_SHEET_COLUMNS: SheetColumn<FindingSheetRow>[] = FINDING_COLUMNS.map((c) =>
  c === 'acknowledged_at'
    ? { header: c, value: (f: FindingSheetRow) => timestamp(f.acknowledged_at as string | null), numFmt: TIMESTAMP }
    : { header: c, value: (f: FindingSheetRow) => f[c] },
);

export const DECISION_COLUMNS: SheetColumn<Decision>[] = [
  { header: 'decision_id', value: (d) => d.id },
  { header: 'target_type', value: (d) => d.targetType },
  { header: 'target_id', value: (d) => d.targetId },
  { header: 'action', value: (d) => d.action },
  { header: 'new_value', value: (d) => d.correction.value ?? null },
  // '' clears a unit or period; shown as the word the command line takes for it.
  { header: 'new_unit', value: (d) => (d.correction.unit === '' ? 'none' : (d.correction.unit ?? null)) },
  { header: 'new_period', value: (d) => (d.correction.period === '' ? 'none' : (d.correction.period ?? null)) },
  { header: 'new_code', value: (d) => d.correction.code ?? null },
  { header: 'target_as_decided', value: (d) => describeSnapshot(d.previous) },
  { header: 'decided_by', value: (d) => d.decidedBy },
  { header: 'decided_at', value: (d) => timestamp(d.decidedAt), numFmt: TIMESTAMP },
  { header: 'comment', value: (d) => d.comment },
  { header: 'origin', value: (d) => d.origin },
];
