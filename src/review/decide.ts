// Recording one review decision, the same way from the command line and from a decisions CSV: check the
// action fits the target, snapshot the target as the reviewer saw it, and skip a decision already in effect.
import type Database from 'better-sqlite3';
import { sameFields } from './apply.ts';
import { isEmptyCorrection } from './correction.ts';
import {
  FINDING_ACTIONS, OBSERVATION_ACTIONS, recordDecision,
  type Correction, type Decision, type DecisionAction, type TargetSnapshot, type TargetType,
} from './decisions.ts';
import { findingSnapshot, observationSnapshot, targetTypeOf, type Targets } from './targets.ts';

export class DecisionError extends Error {}

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
  return { targetType, previous, missing };
}

function alreadyInEffect(existing: Decision[], req: DecisionRequest, previous: TargetSnapshot): boolean {
  const last = existing.at(-1);
  if (!last || last.action !== req.action) return false;
  if (JSON.stringify(last.correction) !== JSON.stringify(req.correction ?? {})) return false;
  if (req.action !== 'accept') return true;
  return last.previous.type === 'observation' && previous.type === 'observation' && sameFields(last.previous, previous);
}

export function decide(db: Database.Database, targets: Targets, req: DecisionRequest, options: DecideOptions): DecideOutcome {
  const { targetType, previous, missing } = validate(targets, req, options.allowMissing ?? false);
  const existing = targets.decisions.get(req.targetId) ?? [];
  if (alreadyInEffect(existing, req, previous)) return { status: 'unchanged' };
  const decision = recordDecision(db, {
    targetType, targetId: req.targetId, action: req.action, correction: req.correction ?? {}, previous,
    decidedBy: req.by.trim(), comment: req.comment?.trim() || null, origin: options.origin,
  });
  targets.decisions.set(req.targetId, [...existing, decision]);
  return missing ? { status: 'orphan', decision } : { status: 'recorded', decision };
}
