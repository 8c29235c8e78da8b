// findings.csv: one row per finding, worst first, with its review state and first piece of evidence.
import { csvField, spreadsheetSafe } from '../export/csv.ts';
import type { ReportFinding } from './data.ts';

export const FINDING_COLUMNS = [
  'id', 'severity', 'check', 'document', 'indicator', 'message', 'acknowledged_by', 'acknowledged_at', 'observation_ids', 'page', 'line', 'source_text',
] as const;
export type FindingColumn = (typeof FINDING_COLUMNS)[number];

/** Columns holding document or message text, which a CSV opened in a spreadsheet must not run as formulas. */
const TEXT_COLUMNS: readonly FindingColumn[] = ['document', 'message', 'source_text'];

/** One finding as a flat row (also the XLSX findings sheet, where text cells never run as formulas). */
export function findingRow(f: ReportFinding): Record<FindingColumn, string | number | null> {
  const first = f.evidence[0];
  return {
    id: f.id, severity: f.severity, check: f.check, document: f.documents.join(';'), indicator: f.indicator, message: f.message,
    acknowledged_by: f.acknowledged?.decidedBy ?? null, acknowledged_at: f.acknowledged?.decidedAt ?? null,
    observation_ids: [...new Set(f.evidence.flatMap((e) => (e.observationId ? [e.observationId] : [])))].join(';'),
    page: first?.page ?? null, line: first?.line ?? null, source_text: first ? first.text : null,
  };
}

export function findingsCsv(findings: ReportFinding[]): string {
  const lines = [FINDING_COLUMNS.join(',')];
  for (const f of findings) {
    const row = findingRow(f);
    for (const c of TEXT_COLUMNS) if (typeof row[c] === 'string') row[c] = spreadsheetSafe(row[c]);
    lines.push(FINDING_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
