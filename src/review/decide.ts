// Recording one review decision, the same way from the command line and from a decisions CSV: check the
// action fits the target, snapshot the target as the reviewer saw it, and skip a decision already in effect.
import type Database from 'better-sqlite3';
import { sameFields } from './apply.ts';
import { isEmptyCorrection } from './correction.ts';
import {
  FINDING_ACTIONS, OBSERVATION_ACTIONS, recordDecision,
  type Correction, type Decision, type DecisionAction, type NewDecision, type TargetSnapshot, type TargetType,
} from './decisions.ts';
import { formatFigure } from '../reconcile/format.ts';
import { findingSnapshot, observationSnapshot, targetTypeOf, type Targets } from './targets.ts';

export class DecisionError extends Error {}

/**
 * The target changed since the reviewer saw it (another reviewer decided on it, or a re-import read it anew): the
 * decision is refused, because it was made about something the store no longer holds.
 */
export class ChangedSinceSeenError extends DecisionError {}

export interface DecisionRequest {
  targetId: string;
  action: DecisionAction;
  correction?: Correction;
  by: string;
  comment?: string | null;
  /** The target as the reviewer saw it (a decisions CSV row); the stored target now when absent. */
  seen?: TargetSnapshot;
}

export type DecideOutcome =
  | { status: 'recorded'; decision: Decision }
  | { status: 'unchanged' }
  /** Recorded although its target is not in the store: kept, and reported by `review orphans`. */
  | { status: 'orphan'; decision: Decision };

export interface DecideOptions {
  origin: string;
  /** Record decisions whose target is missing (a CSV made before a re-import) instead of refusing them. */
  allowMissing?: boolean;
}

/** Checks a request without recording it; returns the target type and snapshot it would be recorded with. */
export function validate(targets: Targets, req: DecisionRequest, allowMissing: boolean): { targetType: TargetType; previous: TargetSnapshot; missing: boolean } {
  if (!req.by.trim()) throw new DecisionError('a decision needs the reviewer’s name (--by, or the reviewer column)');
  const observation = targets.observations.get(req.targetId);
  const finding = targets.findings.get(req.targetId);
  const targetType = observation ? 'observation' : finding ? 'finding' : targetTypeOf(req.targetId);
  if (!targetType) throw new DecisionError(`"${req.targetId}" is not an observation (obs_…) or finding (fnd_…) id`);
  const missing = !observation && !finding;
  if (missing && !allowMissing) throw new DecisionError(`no ${targetType} ${req.targetId} in this store (see planharvest export, or the report’s decisions.csv)`);
  const allowed = targetType === 'observation' ? OBSERVATION_ACTIONS : FINDING_ACTIONS;
  if (!allowed.includes(req.action)) {
    throw new DecisionError(`"${req.action}" is not a decision for ${targetType === 'observation' ? 'an observation' : 'a finding'}: use ${allowed.join(', ')}`);
  }
  if (req.action === 'correct' && isEmptyCorrection(req.correction ?? {})) {
    throw new DecisionError('a correction needs at least one new value, unit, period or code');
  }
  const previous = req.seen ?? (observation ? observationSnapshot(observation) : finding ? findingSnapshot(finding) : null);
  if (!previous) throw new DecisionError(`no ${targetType} ${req.targetId} in this store, and nothing says what it was`);
  // A change that is this very decision, already recorded (the same file applied twice), is no change.
  const changes = req.seen && !missing ? changesSinceSeen(req.seen, targets, req.targetId) : [];
  if (changes.length && !alreadyInEffect(targets.decisions.get(req.targetId) ?? [], req, previous)) {
    const last = targets.decisions.get(req.targetId)?.at(-1);
    const by = last ? `; last decision: ${last.action} by ${last.decidedBy} at ${last.decidedAt.slice(0, 19)}` : '';
    throw new ChangedSinceSeenError(`${req.targetId} changed since it was seen (${changes.join('; ')}${by}): look at it again and decide on what it is now`);
  }
  return { targetType, previous, missing };
}

/** What differs between a target as the reviewer saw it and as the store holds it now; empty when nothing does. */
export function changesSinceSeen(seen: TargetSnapshot, targets: Targets, targetId: string): string[] {
  const observation = targets.observations.get(targetId);
  const finding = targets.findings.get(targetId);
  const changes: string[] = [];
  if (seen.type === 'observation' && observation) {
    const now = observationSnapshot(observation);
    if (seen.indicator !== now.indicator) changes.push(`indicator ${seen.indicator} → ${now.indicator}`);
    if (seen.kind !== now.kind) changes.push(`kind ${seen.kind} → ${now.kind}`);
    if (seen.state !== now.state || (seen.value ?? null) !== (now.value ?? null) || (seen.unit ?? null) !== (now.unit ?? null)) changes.push(`figure ${formatFigure(seen)} → ${formatFigure(now)}`);
    if ((seen.period ?? null) !== (now.period ?? null)) changes.push(`period ${seen.period ?? 'none'} → ${now.period ?? 'none'}`);
    if (seen.reviewState !== now.reviewState) changes.push(`review state ${seen.reviewState} → ${now.reviewState}`);
  } else if (seen.type === 'finding' && finding && seen.severity !== finding.severity) {
    changes.push(`severity ${seen.severity} → ${finding.severity}`);
  }
  return changes;
}

function alreadyInEffect(existing: Decision[], req: DecisionRequest, previous: TargetSnapshot): boolean {
  const last = existing.at(-1);
  if (!last || last.action !== req.action) return false;
  if (JSON.stringify(last.correction) !== JSON.stringify(req.correction ?? {})) return false;
  if (req.action !== 'accept') return true;
  return last.previous.type === 'observation' && previous.type === 'observation' && sameFields(last.previous, previous);
}

/** What a request comes to: nothing (already in effect), or a decision to record. Records nothing itself. */
export type DecisionPlan = { status: 'unchanged' } | { status: 'record'; decision: NewDecision; missing: boolean };

export function planDecision(targets: Targets, req: DecisionRequest, options: DecideOptions): DecisionPlan {
  const { targetType, previous, missing } = validate(targets, req, options.allowMissing ?? false);
  if (alreadyInEffect(targets.decisions.get(req.targetId) ?? [], req, previous)) return { status: 'unchanged' };
  return {
    status: 'record',
    missing,
    decision: { targetType, targetId: req.targetId, action: req.action, correction: req.correction ?? {}, previous, decidedBy: req.by.trim(), comment: req.comment?.trim() || null, origin: options.origin },
  };
}

/** A recorded decision, added to the targets (the next request of a batch sees it) and told as an outcome. */
export function recorded(targets: Targets, plan: Extract<DecisionPlan, { status: 'record' }>, decision: Decision): DecideOutcome {
  targets.decisions.set(decision.targetId, [...(targets.decisions.get(decision.targetId) ?? []), decision]);
  return plan.missing ? { status: 'orphan', decision } : { status: 'recorded', decision };
}

/** Plans and records one decision in a SQLite store (the caller holds the write transaction). */
export function decide(db: Database.Database, targets: Targets, req: DecisionRequest, options: DecideOptions): DecideOutcome {
  const plan = planDecision(targets, req, options);
  return plan.status === 'unchanged' ? plan : recorded(targets, plan, recordDecision(db, plan.decision));
}

/** The same with whatever records decisions in the store being reviewed (src/store/reader.ts `review`). */
export async function decideWith(record: (d: NewDecision) => Promise<Decision>, targets: Targets, req: DecisionRequest, options: DecideOptions): Promise<DecideOutcome> {
  const plan = planDecision(targets, req, options);
  return plan.status === 'unchanged' ? plan : recorded(targets, plan, await record(plan.decision));
}
