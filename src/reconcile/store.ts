// Findings in the store: each reconciliation replaces the current findings as a whole (in one transaction)
// and is recorded with the import run whose store it checked, the options it used and its counts.
import type Database from 'better-sqlite3';
import { Evidence, type Finding } from '../model/finding.ts';
import type { Severity } from '../model/message.ts';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from './types.ts';

export type ReconcileTrigger = 'import' | 'review' | 'decisions' | 'report';

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

export interface StoredFinding extends Finding {
  runId: number | null;
  reconciliationId: number;
}

export function latestRunId(db: Database.Database): number | null {
  return (db.prepare('SELECT MAX(id) FROM import_runs').pluck().get() as number | null) ?? null;
}

/** The options the last reconciliation used, so a recomputation after a review keeps the user's threshold. */
export function lastOptions(db: Database.Database): ReconcileOptions | null {
  const json = db.prepare('SELECT options_json FROM reconciliations ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  return json ? { ...DEFAULT_RECONCILE_OPTIONS, ...(JSON.parse(json) as Partial<ReconcileOptions>) } : null;
}

export function saveFindings(db: Database.Database, run: { runId: number | null; trigger: ReconcileTrigger; options: ReconcileOptions }, findings: Finding[]): number {
  const save = db.transaction((): number => {
    const info = db
      .prepare('INSERT INTO reconciliations (run_id, trigger, computed_at, options_json, counts_json) VALUES (?, ?, ?, ?, ?)')
      .run(run.runId, run.trigger, new Date().toISOString(), JSON.stringify(run.options), JSON.stringify(countFindings(findings)));
    const reconciliationId = Number(info.lastInsertRowid);
    db.prepare('DELETE FROM findings').run();
    const insert = db.prepare(
      `INSERT INTO findings (id, reconciliation_id, run_id, check_id, severity, message, document, indicator, key, evidence_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of findings) insert.run(f.id, reconciliationId, run.runId, f.check, f.severity, f.message, f.document, f.indicator, f.key, JSON.stringify(f.evidence));
    return reconciliationId;
  });
  return save.immediate();
}

interface FindingRow {
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

/** The current findings, in the order they were saved (worst first). */
export function readFindings(db: Database.Database): StoredFinding[] {
  const rows = db.prepare('SELECT * FROM findings ORDER BY rowid').all() as FindingRow[];
  return rows.map((r) => ({
    id: r.id, check: r.check_id, severity: r.severity, message: r.message, document: r.document, indicator: r.indicator, key: r.key,
    evidence: Evidence.array().parse(JSON.parse(r.evidence_json)), runId: r.run_id, reconciliationId: r.reconciliation_id,
  }));
}

export function hasReconciled(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM reconciliations LIMIT 1').get() !== undefined;
}
