// `planharvest decisions apply <csv>`: record every filled-in decision of a decisions CSV, all or nothing.
// A file with any bad row records nothing and lists every bad row, so a reviewer fixes it and applies again.
// Applying the same file twice records nothing new. Decisions about ids no longer in the store are recorded
// (the reviewer made them) and reported as orphans. A row about a target that changed since the file was written
// (another reviewer decided on it, or a re-import read it anew) is a bad row: it says why.
import { parseCsv } from './csv-read.ts';
import { parseCorrection } from './correction.ts';
import type { ReviewWork } from '../store/reader.ts';
import { decideWith, DecisionError, validate, type DecisionRequest } from './decide.ts';
import { DECISION_COLUMNS, seenInRow, type DecisionColumn, type DecisionCsvRow } from './decisions-csv.ts';
import type { Decision, DecisionAction } from './decisions.ts';

const ACTIONS: readonly DecisionAction[] = ['accept', 'reject', 'correct', 'acknowledge'];
const REQUIRED: readonly DecisionColumn[] = ['id', 'decision'];

export interface CsvApplyReport {
  recorded: Decision[];
  orphans: Decision[];
  unchanged: number;
  /** "line 12: …"; when there are any, nothing was recorded. */
  errors: string[];
}

function rowsOf(text: string): { rows: DecisionCsvRow[]; errors: string[] } {
  const [header, ...body] = parseCsv(text);
  if (!header) return { rows: [], errors: ['the file is empty'] };
  const index = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) return { rows: [], errors: [`line ${header.line}: the header has no ${missing.join(' or ')} column (expected ${DECISION_COLUMNS.join(',')})`] };
  const rows = body.map(({ line, fields }) => ({
    line,
    get: (c: DecisionColumn) => (index.has(c) ? (fields[index.get(c)!] ?? '').trim() : ''),
    has: (c: DecisionColumn) => index.has(c),
  }));
  return { rows, errors: [] };
}

function requestOf(row: DecisionCsvRow, defaultBy: string | undefined): DecisionRequest {
  const action = row.get('decision').toLowerCase() as DecisionAction;
  if (!ACTIONS.includes(action)) throw new DecisionError(`decision "${row.get('decision')}" is not one of ${ACTIONS.join(', ')}`);
  const { correction, errors } = parseCorrection({ value: row.get('new_value'), unit: row.get('new_unit'), period: row.get('new_period'), code: row.get('new_code'), kind: row.get('new_kind') });
  if (errors.length) throw new DecisionError(errors.join('; '));
  if (action !== 'correct' && Object.keys(correction).length) throw new DecisionError(`new values are given but the decision is "${action}": write correct`);
  return { targetId: row.get('id'), action, correction, by: row.get('reviewer') || defaultBy || '', comment: row.get('comment') || null, seen: seenInRow(row) };
}

/** A store decisions can be recorded in (either engine: src/store/reader.ts `ReviewWork`). */
export interface ReviewableStore {
  review<T>(work: ReviewWork<T>): Promise<T>;
}

export async function applyDecisionsCsv(store: ReviewableStore, text: string, options: { source: string; defaultBy?: string }): Promise<CsvApplyReport> {
  const report: CsvApplyReport = { recorded: [], orphans: [], unchanged: 0, errors: [] };
  const { rows, errors } = rowsOf(text);
  report.errors.push(...errors);
  if (report.errors.length) return report;
  // One write transaction from reading the targets to the last decision: another reviewer applying or deciding
  // at the same moment waits, then finds these decisions when checking what changed since their rows were made.
  await store.review(async (targets, record) => {
    const requests: Array<{ line: number; request: DecisionRequest }> = [];
    for (const row of rows) {
      if (!row.get('decision')) continue;
      try {
        const request = requestOf(row, options.defaultBy);
        validate(targets, request, true);
        requests.push({ line: row.line, request });
      } catch (error) {
        if (!(error instanceof DecisionError)) throw error;
        report.errors.push(`line ${row.line}: ${error.message}`);
      }
    }
    if (report.errors.length) return;
    for (const { line, request } of requests) {
      const outcome = await decideWith(record, targets, request, { origin: `csv:${options.source}:${line}`, allowMissing: true });
      if (outcome.status === 'unchanged') report.unchanged++;
      else if (outcome.status === 'orphan') report.orphans.push(outcome.decision);
      else report.recorded.push(outcome.decision);
    }
  });
  return report;
}
