// The review app's work list (issue 14), ordered by risk as verification stations order theirs: findings that
// are errors, then warnings, then figures read with low confidence, then a random sample of confident figures
// kept for quality checks. Built from the store's compact review index and its findings (no sources, no text),
// so it stays small with 100,000 observations; an item's detail is read only when it is opened.
import { createHash } from 'node:crypto';
import type { StoredFinding } from '../reconcile/store.ts';
import type { Decision } from '../review/decisions.ts';
import type { ReviewIndexRow } from '../store/read.ts';

export const TIERS = ['error', 'warning', 'low-confidence', 'sample'] as const;
export type Tier = (typeof TIERS)[number];

export interface QueueItem {
  /** The item's id in the app: its finding's id, or its observation's. */
  key: string;
  tier: Tier;
  /** The observation shown and decided on: the finding's first evidence figure; null for a finding about no figure. */
  observationId: string | null;
  findingId: string | null;
  documentId: number | null;
  document: string | null;
  partnership: string | null;
  indicator: string | null;
  check: string | null;
}

export interface QueueOptions {
  confidenceThreshold: number;
  /** Share of the confident figures sampled for quality checks (0..1). */
  sampleShare: number;
  /** Makes the sample: the same seed, the same sample. */
  seed: string;
}

/** Whether a figure falls in the sample: a hash of the seed and its id, so the sample is spread and repeatable. */
function sampleRank(seed: string, id: string): number {
  return createHash('sha256').update(`${seed}\u0000${id}`).digest().readUInt32BE(0) / 0x1_0000_0000;
}

/** The item that shows one figure. */
export function figureItem(o: ReviewIndexRow, tier: Tier): QueueItem {
  return { key: o.id, tier, observationId: o.id, findingId: null, documentId: o.documentId, document: o.document, partnership: o.partnership, indicator: o.indicator, check: null };
}

export function buildQueue(index: ReviewIndexRow[], findings: StoredFinding[], options: QueueOptions): QueueItem[] {
  const byId = new Map(index.map((o) => [o.id, o]));
  const items: QueueItem[] = [];
  const covered = new Set<string>();
  for (const severity of ['error', 'warning'] as const) {
    for (const f of findings.filter((x) => x.severity === severity)) {
      const observationId = f.evidence.find((e) => e.observationId && byId.has(e.observationId))?.observationId ?? null;
      const o = observationId ? byId.get(observationId)! : null;
      if (observationId) covered.add(observationId);
      items.push({
        key: f.id, tier: severity, observationId, findingId: f.id, documentId: o?.documentId ?? null, document: f.document ?? o?.document ?? null,
        partnership: o?.partnership ?? null, indicator: f.indicator, check: f.check,
      });
    }
  }
  const rest = index.filter((o) => !covered.has(o.id));
  const low = rest.filter((o) => o.confidence < options.confidenceThreshold).sort((a, b) => a.confidence - b.confidence);
  items.push(...low.map((o) => figureItem(o, 'low-confidence')));
  const sample = rest
    .filter((o) => o.confidence >= options.confidenceThreshold)
    .map((o) => ({ o, rank: sampleRank(options.seed, o.id) }))
    .filter((x) => x.rank < options.sampleShare)
    .sort((a, b) => a.rank - b.rank);
  items.push(...sample.map((x) => figureItem(x.o, 'sample')));
  return items;
}

export interface QueueFilter {
  tier?: Tier;
  partnership?: string;
  document?: string;
  indicator?: string;
  check?: string;
}

export function matches(item: QueueItem, filter: QueueFilter): boolean {
  return (
    (!filter.tier || item.tier === filter.tier) &&
    (!filter.partnership || item.partnership === filter.partnership) &&
    (!filter.document || item.document === filter.document) &&
    (!filter.indicator || item.indicator === filter.indicator) &&
    (!filter.check || item.check === filter.check)
  );
}

/** An item is done once a decision is recorded on what it shows: its figure, or its finding. */
export function isDone(item: QueueItem, decided: Set<string>): boolean {
  return (item.observationId !== null && decided.has(item.observationId)) || (item.findingId !== null && decided.has(item.findingId));
}

export function decidedTargets(decisions: Decision[]): Set<string> {
  return new Set(decisions.map((d) => d.targetId));
}

export interface TierCount {
  tier: Tier;
  done: number;
  left: number;
}

export function countByTier(items: QueueItem[], decided: Set<string>): TierCount[] {
  return TIERS.map((tier) => {
    const mine = items.filter((i) => i.tier === tier);
    const done = mine.filter((i) => isDone(i, decided)).length;
    return { tier, done, left: mine.length - done };
  });
}
