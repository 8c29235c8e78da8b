// What the review commands do, apart from their options (review.ts) so that --help and the other commands
// never load the review and findings code.
import { reconcileStore } from '../reconcile/index.ts';
import { parseCorrection, type CorrectionInput } from '../review/correction.ts';
import { decide, DecisionError } from '../review/decide.ts';
import { listDecisions, type Decision, type DecisionAction, type TargetSnapshot } from '../review/decisions.ts';
import { describeSnapshot, findOrphans } from '../review/orphans.ts';
import { loadTargets, observationSnapshot, type Targets } from '../review/targets.ts';
import { findingsLine } from './findings-options.ts';
import { UsageError } from './main.ts';
import { openExistingStoreOrFail } from './open-store.ts';

export interface DecisionOptions extends CorrectionInput {
  db: string;
  by: string;
  comment?: string;
  /** The figure the reviewer saw ("24.6", "pending"): the decision is refused if the store now says another. */
  seenValue?: string;
}

/** The target as the reviewer saw it: as stored now, but with the figure they say they saw. */
function seenWith(targets: Targets, id: string, seenValue: string | undefined): TargetSnapshot | undefined {
  if (seenValue === undefined) return undefined;
  const observation = targets.observations.get(id);
  if (!observation) throw new UsageError(`--seen-value is for observations in this store; ${id} is not one`);
  const pending = /^\s*pending\s*$/i.test(seenValue);
  const value = Number(seenValue.replace(/[,%\s]/g, ''));
  if (!pending && (seenValue.trim() === '' || !Number.isFinite(value))) throw new UsageError(`--seen-value "${seenValue}" is not a figure or "pending"`);
  return { ...observationSnapshot(observation), state: pending ? 'pending' : 'value', value: pending ? null : value };
}

function correctionText(d: Decision): string {
  const c = d.correction;
  const parts = [
    c.value !== undefined ? `value ${c.value}` : null, c.unit !== undefined ? `unit ${c.unit || 'none'}` : null,
    c.period !== undefined ? `period ${c.period || 'none'}` : null, c.code !== undefined ? `code ${c.code}` : null,
  ].filter(Boolean);
  return parts.length ? ` → ${parts.join(', ')}` : '';
}

export function decisionLine(d: Decision): string {
  const comment = d.comment ? ` — “${d.comment}”` : '';
  return `#${d.id} ${d.decidedAt.slice(0, 19)} ${d.decidedBy}: ${d.action} ${d.targetId} (${describeSnapshot(d.previous)})${correctionText(d)}${comment} [${d.origin}]`;
}

export function record(id: string, action: DecisionAction, opts: DecisionOptions): void {
  const { correction, errors } = parseCorrection(opts);
  if (errors.length) throw new UsageError(errors.join('; '));
  const store = openExistingStoreOrFail(opts.db);
  try {
    let outcome;
    try {
      // Read and record in one write transaction: a reviewer deciding at the same moment waits, then sees this.
      outcome = store.db.transaction(() => {
        const targets = loadTargets(store.db);
        const seen = seenWith(targets, id, opts.seenValue);
        return decide(store.db, targets, { targetId: id, action, correction, by: opts.by, comment: opts.comment, seen }, { origin: 'cli' });
      }).immediate();
    } catch (error) {
      if (error instanceof DecisionError) throw new UsageError(error.message);
      throw error;
    }
    if (outcome.status === 'unchanged') {
      process.stdout.write(`already in effect: ${action} ${id}; nothing recorded\n`);
      return;
    }
    process.stdout.write(`recorded ${decisionLine(outcome.decision)}\n`);
    // Findings are checked on reviewed values: a correction can settle (or raise) one.
    process.stderr.write(findingsLine(reconcileStore(store.db, { trigger: 'review' }).counts, opts.db));
  } finally {
    store.close();
  }
}

export function listOrphans(opts: { db: string }): void {
  const store = openExistingStoreOrFail(opts.db);
  try {
    const orphans = findOrphans(store.db);
    if (!orphans.length) process.stdout.write('no decisions without their target\n');
    for (const o of orphans) process.stdout.write(`${o.kind.padEnd(7)} ${decisionLine(o.decision)}\n        ${o.reason}${o.decisions > 1 ? ` (${o.decisions} decisions in the audit trail)` : ''}\n`);
  } finally {
    store.close();
  }
}

export function printLog(opts: { db: string; id?: string }): void {
  const store = openExistingStoreOrFail(opts.db);
  try {
    const decisions = listDecisions(store.db).filter((d) => !opts.id || d.targetId === opts.id);
    if (!decisions.length) process.stdout.write('no decisions recorded\n');
    for (const d of decisions) process.stdout.write(`${decisionLine(d)}\n`);
  } finally {
    store.close();
  }
}
