// findings.csv: one row per finding, worst first, with its review state and first piece of evidence.
import { csvField, spreadsheetSafe } from '../export/csv.ts';
import type { ReportFinding } from './data.ts';

export const FINDING_COLUMNS = [
  'id', 'severity', 'check', 'document', 'indicator', 'message', 'acknowledged_by', 'acknowledged_at', 'observation_ids', 'page', 'line', 'source_text',
] as const;

export function findingsCsv(findings: ReportFinding[]): string {
  const lines = [FINDING_COLUMNS.join(',')];
  for (const f of findings) {
    const first = f.evidence[0];
    const row: Record<(typeof FINDING_COLUMNS)[number], unknown> = {
      id: f.id, severity: f.severity, check: f.check, document: spreadsheetSafe(f.documents.join(';')), indicator: f.indicator, message: spreadsheetSafe(f.message),
      acknowledged_by: f.acknowledged?.decidedBy, acknowledged_at: f.acknowledged?.decidedAt,
      observation_ids: [...new Set(f.evidence.flatMap((e) => (e.observationId ? [e.observationId] : [])))].join(';'),
      page: first?.page, line: first?.line, source_text: first ? spreadsheetSafe(first.text) : null,
    };
    lines.push(FINDING_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
