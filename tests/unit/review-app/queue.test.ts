// The review app's queue and claims: worst first, then low confidence (least sure first), then a repeatable
// sample of the confident figures; done once decided; filters; claims that expire and end when their holder moves.
import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../src/reconcile/store.ts';
import { Claims } from '../../../src/review-app/claims.ts';
import { buildQueue, countByTier, isDone, matches } from '../../../src/review-app/queue.ts';
import type { ReviewIndexRow } from '../../../src/store/read.ts';

const row = (id: string, confidence: number, extra: Partial<ReviewIndexRow> = {}): ReviewIndexRow => ({
  id, documentId: 1, document: 'plan.txt', partnership: 'Testshire LSP', indicator: 'NI 16', confidence, table: null, col: null, ...extra,
});

const finding = (id: string, severity: StoredFinding['severity'], observationIds: string[], check = 'arithmetic'): StoredFinding => ({
  id, check, severity, message: `${check} says so`, document: 'plan.txt', indicator: 'NI 16', key: id, runId: 1, reconciliationId: 1,
  evidence: observationIds.map((observationId) => ({ observationId, role: 'value', label: 'target', document: 'plan.txt', page: null, line: 3, box: null, cell: null, text: 'Target 12%', start: 7, end: 10, confidence: 0.9, confidenceReasons: [] })),
});

const INDEX = [
  row('obs_a', 0.95), row('obs_b', 0.4), row('obs_c', 0.55, { indicator: 'NI 186', document: 'other.txt' }), row('obs_d', 0.9), row('obs_e', 0.3),
  ...Array.from({ length: 200 }, (_, i) => row(`obs_s${i}`, 0.9)),
];
const FINDINGS = [finding('fnd_w', 'warning', ['obs_d']), finding('fnd_e', 'error', ['obs_a', 'obs_b']), finding('fnd_i', 'info', ['obs_c']), finding('fnd_none', 'warning', [], 'code-title')];

describe('the review queue', () => {
  const queue = buildQueue(INDEX, FINDINGS, { confidenceThreshold: 0.6, sampleShare: 0.1, seed: 'x' });

  it('puts error findings first, then warnings, then figures under the threshold least sure first, then the sample', () => {
    expect(queue.slice(0, 5).map((i) => [i.tier, i.key])).toEqual([
      ['error', 'fnd_e'], ['warning', 'fnd_w'], ['warning', 'fnd_none'], ['low-confidence', 'obs_e'], ['low-confidence', 'obs_b'],
    ]);
    // A finding shows its first figure, which is not queued again; its other figures are queued on their own
    // merits (obs_b, unsure, is looked at as such); info findings are not queued.
    expect(queue[0].observationId).toBe('obs_a');
    expect(queue[2].observationId).toBeNull();
    expect(queue.filter((i) => i.observationId === 'obs_a')).toHaveLength(1);
    expect(queue.some((i) => i.key === 'fnd_i')).toBe(false);
    expect(queue.filter((i) => i.observationId === 'obs_d')).toHaveLength(1);
  });

  it('samples about the share asked of the confident figures, the same ones for the same seed', () => {
    const sample = queue.filter((i) => i.tier === 'sample');
    expect(sample.length).toBeGreaterThan(8);
    expect(sample.length).toBeLessThan(40);
    expect(buildQueue(INDEX, FINDINGS, { confidenceThreshold: 0.6, sampleShare: 0.1, seed: 'x' }).filter((i) => i.tier === 'sample')).toEqual(sample);
    expect(buildQueue(INDEX, FINDINGS, { confidenceThreshold: 0.6, sampleShare: 0.1, seed: 'y' }).filter((i) => i.tier === 'sample')).not.toEqual(sample);
    expect(buildQueue(INDEX, FINDINGS, { confidenceThreshold: 0.6, sampleShare: 0, seed: 'x' }).filter((i) => i.tier === 'sample')).toEqual([]);
  });

  it('counts an item done once its figure or its finding has a decision, and filters by what it is about', () => {
    const decided = new Set(['obs_a', 'fnd_none', 'obs_e']);
    expect(queue.slice(0, 4).map((i) => isDone(i, decided))).toEqual([true, false, true, true]);
    expect(countByTier(queue, decided).slice(0, 3)).toEqual([
      { tier: 'error', done: 1, left: 0 }, { tier: 'warning', done: 1, left: 1 }, { tier: 'low-confidence', done: 1, left: 2 },
    ]);
    expect(queue.filter((i) => matches(i, { indicator: 'NI 186' })).map((i) => i.key)).toEqual(['obs_c']);
    expect(queue.filter((i) => matches(i, { check: 'code-title' })).map((i) => i.key)).toEqual(['fnd_none']);
    expect(queue.filter((i) => matches(i, { document: 'other.txt', tier: 'sample' }))).toEqual([]);
  });
});

describe('claims', () => {
  it('keeps an item open in one session from the others until it is released or runs out', () => {
    let now = 1_000;
    const claims = new Claims(60_000, () => now);
    expect(claims.claim('fnd_e', 'ann')).toBe(true);
    expect(claims.heldByOther('fnd_e', 'bo')).toBe(true);
    expect(claims.heldByOther('fnd_e', 'ann')).toBe(false);
    expect(claims.claim('fnd_e', 'bo')).toBe(false);
    // Moving on releases the last item.
    expect(claims.claim('fnd_w', 'ann')).toBe(true);
    expect(claims.claim('fnd_e', 'bo')).toBe(true);
    // A claim left alone runs out.
    now += 60_001;
    expect(claims.heldByOther('fnd_w', 'bo')).toBe(false);
    expect(claims.claim('fnd_w', 'bo')).toBe(true);
    claims.release('bo');
    expect(claims.heldByOther('fnd_w', 'ann')).toBe(false);
  });
});
