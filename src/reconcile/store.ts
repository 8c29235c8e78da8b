// Findings in the store. Each reconciliation is recorded with the import run whose store it checked, the
// options it used, what it recomputed and its counts; it replaces the findings of the parts of the store it
// recomputed (every part, or those a change touched: src/reconcile/scope.ts), each finding stored with its
// part (`scope`). All of it in the reconciliation's one transaction (src/reconcile/index.ts).
import type Database from 'better-sqlite3';
import { Evidence, type Finding } from '../model/finding.ts';
import type { Severity } from '../model/message.ts';
import { inJsonList, prepared, type Dialect, type Query } from '../store/read.ts';
import { CHECKS } from './checks/index.ts';
import { sortFindings } from './engine.ts';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from './types.ts';

export type ReconcileTrigger = 'import' | 'review' | 'decisions' | 'report' | 'reconcile' | 'queue';

export interface FindingCounts {
  total: number;
  bySeverity: Record<Severity, number>;
  /** check id → severity → count */
  byCheck: Record<string, Partial<Record<Severity, number>>>;
}

export function countFindings(findings: Finding[]): FindingCounts {
  const counts: FindingCounts = { total: findings.length, bySeverity: { error: 0, warning: 0, info: 0 }, byCheck: {} };
  for (const f of findings) {
    counts.bySeverity[f.severity]++;
    const check = (counts.byCheck[f.check] ??= {});
    check[f.severity] = (check[f.severity] ?? 0) + 1;
  }
  return counts;
}

/** The counts of the findings stored now, without reading them: the query both stores run. */
export const COUNT_FINDINGS = 'SELECT check_id, severity, COUNT(*) AS n FROM findings GROUP BY check_id, severity';

/** Counts from COUNT_FINDINGS's rows: checks in the order they run. */
export function countsFromRows(rows: Array<{ check_id: string; severity: Severity; n: number | string }>): FindingCounts {
  const order = (check: string) => {
    const i = CHECKS.findIndex((c) => c.id === check);
    return i < 0 ? CHECKS.length : i;
  };
  const counts: FindingCounts = { total: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byCheck: {} };
  for (const r of [...rows].sort((a, b) => order(a.check_id) - order(b.check_id) || a.check_id.localeCompare(b.check_id))) {
    const n = Number(r.n);
    counts.total += n;
    counts.bySeverity[r.severity] += n;
    (counts.byCheck[r.check_id] ??= {})[r.severity] = n;
  }
  return counts;
}

export function countStoredFindings(db: Database.Database): FindingCounts {
  return countsFromRows(db.prepare(COUNT_FINDINGS).all() as Array<{ check_id: string; severity: Severity; n: number }>);
}

export interface StoredFinding extends Finding {
  runId: number | null;
  reconciliationId: number;
}

export function latestRunId(db: Database.Database): number | null {
  return (db.prepare('SELECT MAX(id) FROM import_runs').pluck().get() as number | null) ?? null;
}

function parseOptions(json: string): ReconcileOptions {
  return { ...DEFAULT_RECONCILE_OPTIONS, ...(JSON.parse(json) as Partial<ReconcileOptions>) };
}

/** The last reconciliation's record: the query both stores run. */
export const LAST_RECONCILIATION = 'SELECT id, run_id, options_json, basis, decisions_through FROM reconciliations ORDER BY id DESC LIMIT 1';

export interface ReconciliationRow {
  id: number;
  run_id: number | null;
  options_json: string;
  basis: string | null;
  decisions_through: number | null;
}

export interface LastReconciliation {
  id: number;
  runId: number | null;
  options: ReconcileOptions;
  /** Null for a reconciliation made before migration 007. */
  basis: string | null;
  decisionsThrough: number | null;
}

export function lastFromRow(row: ReconciliationRow | undefined): LastReconciliation | null {
  return row ? { id: row.id, runId: row.run_id, options: parseOptions(row.options_json), basis: row.basis, decisionsThrough: row.decisions_through } : null;
}

export function lastReconciliation(db: Database.Database): LastReconciliation | null {
  return lastFromRow(db.prepare(LAST_RECONCILIATION).get() as ReconciliationRow | undefined);
}

/** The options the last reconciliation used, so a recomputation after a review keeps the user's threshold. */
export function lastOptions(db: Database.Database): ReconcileOptions | null {
  return lastReconciliation(db)?.options ?? null;
}

export interface NewReconciliation {
  runId: number | null;
  trigger: ReconcileTrigger;
  options: ReconcileOptions;
  basis: string;
  decisionsThrough: number | null;
}

/** Records a reconciliation (its counts and scope are filled in by FINISH_RECONCILIATION); returns its id. */
export const BEGIN_RECONCILIATION =
  'INSERT INTO reconciliations (run_id, trigger, computed_at, options_json, counts_json, basis, decisions_through) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id';

export function reconciliationRow(r: NewReconciliation): Array<string | number | null> {
  return [r.runId, r.trigger, new Date().toISOString(), JSON.stringify(r.options), '{}', r.basis, r.decisionsThrough];
}

export function beginReconciliation(db: Database.Database, r: NewReconciliation): number {
  return db.prepare(BEGIN_RECONCILIATION).pluck().get(...reconciliationRow(r)) as number;
}

export const FINISH_RECONCILIATION = 'UPDATE reconciliations SET counts_json = ?, scope_json = ? WHERE id = ?';

export function finishRow(id: number, counts: FindingCounts, scope: unknown): Array<string | number | null> {
  return [JSON.stringify(counts), scope === null ? null : JSON.stringify(scope), id];
}

/** `scope`: null when every finding was recomputed. */
export function finishReconciliation(db: Database.Database, id: number, counts: FindingCounts, scope: unknown): void {
  db.prepare(FINISH_RECONCILIATION).run(...finishRow(id, counts, scope));
}

export function deleteAllFindings(db: Database.Database): void {
  db.prepare('DELETE FROM findings').run();
}

/** Deletes the findings of these parts of the store (src/reconcile/scope.ts). */
export function deleteFindingsOf(db: Database.Database, scopes: string[]): void {
  const remove = prepared(db, 'DELETE FROM findings WHERE scope IN (SELECT value FROM json_each(?))');
  for (let i = 0; i < scopes.length; i += 500) remove.run(JSON.stringify(scopes.slice(i, i + 500)));
}

/**
 * Stores a finding. A finding whose id is already stored is the same finding raised by another document of
 * the same file name (ids are keyed by file name): the first stored, in file-name-then-id order, stays.
 */
export const INSERT_FINDING = `INSERT INTO findings (id, reconciliation_id, run_id, check_id, severity, message, document, indicator, key, evidence_json, scope)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;

/** Where findings are stored: the reconciliation, the run it checked, and the part of the store (./scope.ts). */
export interface FindingsAt {
  reconciliationId: number;
  runId: number | null;
  scope: string;
}

export function findingRow(at: FindingsAt, f: Finding): Array<string | number | null> {
  return [f.id, at.reconciliationId, at.runId, f.check, f.severity, f.message, f.document, f.indicator, f.key, JSON.stringify(f.evidence), at.scope];
}

/** Stores one part's findings. */
export function insertFindings(db: Database.Database, at: FindingsAt, findings: Finding[]): void {
  const insert = prepared(db, INSERT_FINDING);
  for (const f of findings) insert.run(...findingRow(at, f));
}

export interface FindingRow {
  id: string;
  reconciliation_id: number;
  run_id: number | null;
  check_id: string;
  severity: Severity;
  message: string;
  document: string | null;
  indicator: string | null;
  key: string;
  evidence_json: string;
}

/** Every current finding: the query both stores run (the order is made by sortFindings, which is total). */
export const ALL_FINDINGS = 'SELECT * FROM findings';

/** The current findings, or those some ids name. */
export function findingsQuery(dialect: Dialect, ids?: string[]): Query {
  return ids ? { sql: `${ALL_FINDINGS} WHERE ${inJsonList(dialect, 'id', 'text')}`, params: [JSON.stringify(ids)] } : { sql: ALL_FINDINGS, params: [] };
}

export function findingsFromRows(rows: FindingRow[]): StoredFinding[] {
  const findings = rows.map((r) => ({
    id: r.id, check: r.check_id, severity: r.severity, message: r.message, document: r.document, indicator: r.indicator, key: r.key,
    evidence: Evidence.array().parse(JSON.parse(r.evidence_json)), runId: r.run_id, reconciliationId: r.reconciliation_id,
  }));
  return sortFindings(findings);
}

/** The current findings (all, or those some ids name), worst first (then by document, indicator, check and message). */
export function readFindings(db: Database.Database, ids?: string[]): StoredFinding[] {
  const { sql, params } = findingsQuery('sqlite', ids);
  return findingsFromRows(prepared(db, sql).all(...params) as FindingRow[]);
}
