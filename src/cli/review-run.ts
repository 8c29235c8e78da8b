// What the review commands do, apart from their options (review.ts) so that --help and the other commands
// never load the review and findings code.
import { parseCorrection, type CorrectionInput } from '../review/correction.ts';
import { decideWith, DecisionError } from '../review/decide.ts';
import type { Decision, DecisionAction, TargetSnapshot } from '../review/decisions.ts';
import { describeSnapshot, orphansIn } from '../review/orphans.ts';
import { observationSnapshot, readTargets, type Targets } from '../review/targets.ts';
import { findingsLine } from './findings-options.ts';
import { UsageError } from './main.ts';
import { openAnyStoreOrFail, redacted, storeAddress } from './open-store.ts';
import type { ServeOptions } from './review.ts';
import { DEFAULT_RECONCILE_OPTIONS } from '../reconcile/types.ts';

export interface DecisionOptions extends CorrectionInput {
  db?: string;
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
    c.period !== undefined ? `period ${c.period || 'none'}` : null, c.code !== undefined ? `code ${c.code}` : null, c.kind !== undefined ? `kind ${c.kind}` : null,
  ].filter(Boolean);
  return parts.length ? ` → ${parts.join(', ')}` : '';
}

export function decisionLine(d: Decision): string {
  const comment = d.comment ? ` — “${d.comment}”` : '';
  return `#${d.id} ${d.decidedAt.slice(0, 19)} ${d.decidedBy}: ${d.action} ${d.targetId} (${describeSnapshot(d.previous)})${correctionText(d)}${comment} [${d.origin}]`;
}

export async function record(id: string, action: DecisionAction, opts: DecisionOptions): Promise<void> {
  const { correction, errors } = parseCorrection(opts);
  if (errors.length) throw new UsageError(errors.join('; '));
  const db = storeAddress(opts.db);
  const store = await openAnyStoreOrFail(db, true);
  try {
    let outcome;
    try {
      // Read and record in one write transaction: a reviewer deciding at the same moment waits, then sees this.
      outcome = await store.review(
        (targets, recordIt) => decideWith(recordIt, targets, { targetId: id, action, correction, by: opts.by, comment: opts.comment, seen: seenWith(targets, id, opts.seenValue) }, { origin: 'cli' }),
        // Only the one target is read: a decision on a large store does not load every observation.
        { only: [id] },
      );
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
    const findings = await store.findingsAfterDecisions('review');
    process.stderr.write(findingsLine(findings.counts, db));
  } finally {
    await store.close();
  }
}

export async function listOrphans(opts: { db?: string }): Promise<void> {
  const store = await openAnyStoreOrFail(storeAddress(opts.db), true);
  try {
    const orphans = orphansIn(await readTargets(store.reader()));
    if (!orphans.length) process.stdout.write('no decisions without their target\n');
    for (const o of orphans) process.stdout.write(`${o.kind.padEnd(7)} ${decisionLine(o.decision)}\n        ${o.reason}${o.decisions > 1 ? ` (${o.decisions} decisions in the audit trail)` : ''}\n`);
  } finally {
    await store.close();
  }
}

export async function printLog(opts: { db?: string; id?: string }): Promise<void> {
  const store = await openAnyStoreOrFail(storeAddress(opts.db), true);
  try {
    const decisions = (await store.reader().decisions()).filter((d) => !opts.id || d.targetId === opts.id);
    if (!decisions.length) process.stdout.write('no decisions recorded\n');
    for (const d of decisions) process.stdout.write(`${decisionLine(d)}\n`);
  } finally {
    await store.close();
  }
}

/** `review serve`: the review app on a local port until stopped (Ctrl-C). */
export async function serve(opts: ServeOptions): Promise<void> {
  if (!opts.by.trim()) throw new UsageError('--by needs the reviewer\'s name');
  const { isLoopback, serveReview } = await import('../review-app/index.ts');
  const db = storeAddress(opts.db);
  const store = await openAnyStoreOrFail(db, true);
  let app;
  try {
    app = await serveReview({
      store, by: opts.by.trim(), host: opts.host, port: opts.port, sampleShare: opts.sample, confidenceThreshold: opts.confidenceThreshold ?? DEFAULT_RECONCILE_OPTIONS.confidenceThreshold,
    });
  } catch (error) {
    await store.close();
    throw new UsageError(`cannot listen on ${opts.host}:${opts.port}: ${(error as Error).message}`);
  }
  if (!isLoopback(opts.host)) process.stderr.write(`warning: listening on ${opts.host}, not loopback: anyone who can reach this machine can open the review app\n`);
  process.stdout.write(`review app for ${redacted(db)} at ${app.url} (Ctrl-C stops it)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await store.close();
}
