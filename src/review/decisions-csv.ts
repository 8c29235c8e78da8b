// The decisions CSV: one row per finding and per observation, with an empty `decision` column a reviewer fills
// in (accept / reject / correct + new_value/new_unit/new_period/new_code/new_kind for observations; acknowledge for
// findings) and hands back to `planharvest decisions apply`. The report writes it; apply-csv.ts reads it.
import { csvField, fromSpreadsheetSafe, spreadsheetSafe } from '../export/csv.ts';
import type { Finding } from '../model/finding.ts';
import { Severity } from '../model/message.ts';
import { ObservationKind, ObservationState } from '../model/observation.ts';
import type { TargetSnapshot } from './decisions.ts';
import type { ReviewedObservation } from './reviewed.ts';
import { targetTypeOf } from './targets.ts';

export const DECISION_COLUMNS = [
  'target_type', 'id', 'document', 'indicator', 'kind', 'period', 'area', 'state', 'value', 'unit', 'review_state',
  'check', 'severity', 'message', 'page', 'line', 'source_text',
  'decision', 'new_value', 'new_unit', 'new_period', 'new_code', 'new_kind', 'reviewer', 'comment',
] as const;
export type DecisionColumn = (typeof DECISION_COLUMNS)[number];

/** Columns holding document words, kept from running as spreadsheet formulas. */
const FROM_DOCUMENTS: readonly DecisionColumn[] = ['document', 'indicator', 'area', 'unit', 'message', 'source_text'];

export interface FindingForReview extends Finding {
  acknowledgedBy: string | null;
}

type Row = Partial<Record<DecisionColumn, string | number | null>>;

function observationRow(o: ReviewedObservation): Row {
  return {
    target_type: 'observation', id: o.id, document: o.document, indicator: o.indicator, kind: o.kind, period: o.period, area: o.area,
    state: o.state, value: o.value, unit: o.unit, review_state: o.reviewState, page: o.source?.page, line: o.source?.line, source_text: o.source?.text,
  };
}

function findingRow(f: FindingForReview): Row {
  const first = f.evidence[0];
  return {
    target_type: 'finding', id: f.id, document: f.document, indicator: f.indicator, review_state: f.acknowledgedBy ? 'acknowledged' : 'open',
    check: f.check, severity: f.severity, message: f.message, page: first?.page, line: first?.line, source_text: first?.text,
  };
}

function line(row: Row): string {
  return DECISION_COLUMNS.map((c) => {
    const v = row[c];
    if (v === null || v === undefined) return '';
    return csvField(typeof v === 'string' && FROM_DOCUMENTS.includes(c) ? spreadsheetSafe(v) : v);
  }).join(',');
}

/** Findings first (worst first, as given), then every observation, including rejected ones (so they can be un-rejected). */
export function decisionsCsv(findings: FindingForReview[], observations: ReviewedObservation[]): string {
  const lines = [DECISION_COLUMNS.join(','), ...findings.map(findingRow).map(line), ...observations.map(observationRow).map(line)];
  return `${lines.join('\r\n')}\r\n`;
}

export interface DecisionCsvRow {
  line: number;
  get(column: DecisionColumn): string;
  has(column: DecisionColumn): boolean;
}

/**
 * What the row showed the reviewer, when it has the columns to say: an accept is of exactly these values, an
 * acknowledgement of a finding at this severity — and a decision about a target gone since still says what it was.
 */
export function seenInRow(row: DecisionCsvRow): TargetSnapshot | undefined {
  const id = row.get('id');
  const text = (c: DecisionColumn) => fromSpreadsheetSafe(row.get(c)) || null;
  if (targetTypeOf(id) === 'finding') {
    const severity = Severity.safeParse(row.get('severity'));
    if (!severity.success || !row.get('check')) return undefined;
    return { type: 'finding', check: row.get('check'), severity: severity.data, message: text('message') ?? '', document: text('document'), indicator: text('indicator') };
  }
  if (targetTypeOf(id) !== 'observation') return undefined;
  const kind = ObservationKind.safeParse(row.get('kind'));
  const state = ObservationState.safeParse(row.get('state'));
  if (!kind.success || !state.success || !row.get('indicator') || !row.get('document')) return undefined;
  const value = row.get('value').trim() === '' ? null : Number(row.get('value'));
  const reviewState = row.get('review_state');
  return {
    type: 'observation', document: text('document')!, indicator: text('indicator')!, kind: kind.data, period: text('period'), area: text('area'),
    state: state.data, value: value !== null && Number.isFinite(value) ? value : null, unit: text('unit'),
    reviewState: reviewState === 'accepted' || reviewState === 'corrected' || reviewState === 'rejected' ? reviewState : 'machine',
  };
}
