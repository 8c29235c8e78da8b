// Review decisions as stored: the audit trail. Recording adds a row; nothing here changes or deletes one
// (the store's triggers refuse it too). Which decisions are in effect is worked out when reading (apply.ts).
import type Database from 'better-sqlite3';
import { prepared } from '../store/read.ts';
import type { Severity } from '../model/message.ts';
import type { ObservationKind, ObservationState } from '../model/observation.ts';

export type DecisionAction = 'accept' | 'reject' | 'correct' | 'acknowledge';
export type TargetType = 'observation' | 'finding';
export type ReviewState = 'machine' | 'accepted' | 'corrected' | 'rejected';

export const OBSERVATION_ACTIONS: readonly DecisionAction[] = ['accept', 'reject', 'correct'];
export const FINDING_ACTIONS: readonly DecisionAction[] = ['acknowledge'];

/** New values a correction sets. Absent leaves a field as extracted; '' (unit, period) clears it. */
export interface Correction {
  value?: number;
  unit?: string;
  period?: string;
  code?: string;
  /** What the figure is: a target the document calls a result, say (a table-level fix of a column). */
  kind?: ObservationKind;
}

/** The fields of an observation a decision can change, and an accept vouches for. */
export interface ReviewableFields {
  indicator: string;
  kind: ObservationKind;
  state: ObservationState;
  value: number | null;
  unit: string | null;
  period: string | null;
}

/** An observation as the reviewer saw it when deciding: enough to name it after it has gone. */
export interface ObservationSnapshot extends ReviewableFields {
  type: 'observation';
  document: string;
  area: string | null;
  reviewState: ReviewState;
}

export interface FindingSnapshot {
  type: 'finding';
  check: string;
  severity: Severity;
  message: string;
  document: string | null;
  indicator: string | null;
}

export type TargetSnapshot = ObservationSnapshot | FindingSnapshot;

export interface Decision {
  id: number;
  targetType: TargetType;
  targetId: string;
  action: DecisionAction;
  correction: Correction;
  previous: TargetSnapshot;
  decidedBy: string;
  decidedAt: string;
  comment: string | null;
  /** "cli" or "csv:<file name>:<line>". */
  origin: string;
}

export type NewDecision = Omit<Decision, 'id' | 'decidedAt'>;

export interface DecisionRow {
  id: number;
  target_type: TargetType;
  target_id: string;
  action: DecisionAction;
  new_value: number | null;
  new_unit: string | null;
  new_period: string | null;
  new_code: string | null;
  new_kind: ObservationKind | null;
  previous_json: string;
  decided_by: string;
  decided_at: string;
  comment: string | null;
  origin: string;
}

export function decisionFromRow(r: DecisionRow): Decision {
  const correction: Correction = {};
  if (r.new_value !== null) correction.value = r.new_value;
  if (r.new_unit !== null) correction.unit = r.new_unit;
  if (r.new_period !== null) correction.period = r.new_period;
  if (r.new_code !== null) correction.code = r.new_code;
  // Null for decisions recorded before migration 010 as for those that left the kind alone.
  if (r.new_kind !== null && r.new_kind !== undefined) correction.kind = r.new_kind;
  return {
    id: r.id, targetType: r.target_type, targetId: r.target_id, action: r.action, correction,
    previous: JSON.parse(r.previous_json) as TargetSnapshot, decidedBy: r.decided_by, decidedAt: r.decided_at, comment: r.comment, origin: r.origin,
  };
}

/** A decision's row: the statement both stores run, and its parameters. */
export const INSERT_DECISION = `INSERT INTO decisions (target_type, target_id, action, new_value, new_unit, new_period, new_code, new_kind, previous_json, decided_by, decided_at, comment, origin)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`;

export function decisionRow(d: NewDecision, decidedAt: string): Array<string | number | null> {
  const c = d.correction;
  return [d.targetType, d.targetId, d.action, c.value ?? null, c.unit ?? null, c.period ?? null, c.code ?? null, c.kind ?? null, JSON.stringify(d.previous), d.decidedBy, decidedAt, d.comment, d.origin];
}

export function recordDecision(db: Database.Database, d: NewDecision): Decision {
  const decidedAt = new Date().toISOString();
  const id = db.prepare(INSERT_DECISION).pluck().get(...decisionRow(d, decidedAt)) as number;
  return { ...d, id, decidedAt };
}

/** Every decision ever recorded, oldest first (the order they apply in): the query both stores run. */
export const ALL_DECISIONS = 'SELECT * FROM decisions ORDER BY id';

export function listDecisions(db: Database.Database): Decision[] {
  return (db.prepare(ALL_DECISIONS).all() as DecisionRow[]).map(decisionFromRow);
}

/** The decisions on some targets (observation or finding ids), oldest first. */
export function decisionsOn(db: Database.Database, targetIds: string[]): Decision[] {
  if (!targetIds.length) return [];
  return (prepared(db, 'SELECT * FROM decisions WHERE target_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(targetIds)) as DecisionRow[]).map(decisionFromRow);
}

export function decisionsByTarget(decisions: Decision[]): Map<string, Decision[]> {
  const byTarget = new Map<string, Decision[]>();
  for (const d of decisions) {
    const list = byTarget.get(d.targetId) ?? [];
    list.push(d);
    byTarget.set(d.targetId, list);
  }
  return byTarget;
}
