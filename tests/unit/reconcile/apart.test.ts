// The import's findings step in a thread of its own with a bounded heap (src/reconcile/apart.ts): it stores
// exactly what the step run in the importing thread stores, for a first import and for one that recomputes
// only what it touched; a heap too small for the step has it run again in the calling thread, with the reason
// and the same result; an in-memory store, which no other thread can open, is reconciled in the caller's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelines } from '../../../pipelines/index.ts';
import { importFiles } from '../../../src/pipeline/import.ts';
import { reconcileApart } from '../../../src/reconcile/apart.ts';
import { reconcileStore } from '../../../src/reconcile/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { FIXTURES } from '../../support/compare.ts';
import { SEEDS, tempDir } from '../../support/run.ts';

const TEXT = join(FIXTURES, 'text');
const texts = readdirSync(TEXT).filter((f) => /^\d\d-.*\.txt$/.test(f)).sort().map((f) => join(TEXT, f));

/** What a reconciliation leaves in the store: the findings, reviewed values and what it recorded of itself. */
function stored(store: Store) {
  return {
    findings: store.db.prepare('SELECT id, check_id, severity, message, document, indicator, key, evidence_json, scope FROM findings ORDER BY id').all(),
    reviewed: store.db.prepare('SELECT * FROM reviewed_values ORDER BY observation_id').all(),
    reconciliations: store.db.prepare('SELECT trigger, options_json, counts_json, scope_json, basis FROM reconciliations ORDER BY id').all(),
  };
}

describe('the findings step in its own thread', () => {
  it('stores what the importing thread would, for a first import and for one that touches part of the store', async () => {
    const [apart, inThread] = [openStore(join(tempDir(), 'apart.db')), openStore(join(tempDir(), 'in-thread.db'))];
    for (const batch of [[SEEDS, ...texts.slice(0, 6)], texts.slice(6)]) {
      const a = await importFiles(batch, apart, { pipeline: pipelines.default, jobs: 1 });
      const b = await importFiles(batch, inThread, { pipeline: pipelines.default, jobs: 0 });
      expect(a.findingsInThread).toBeUndefined();
      expect(a.findings).toEqual(b.findings);
    }
    expect(stored(apart).findings.length).toBeGreaterThan(50);
    expect(JSON.parse((stored(apart).reconciliations.at(-1) as { scope_json: string }).scope_json)).toMatchObject({ documents: texts.length - 6 });
    expect(stored(apart)).toEqual(stored(inThread));
    apart.close();
    inThread.close();
  });

  it('runs again in the calling thread, with the reason, when its heap is too small', async () => {
    const [small, reference] = [openStore(join(tempDir(), 'small.db')), openStore(join(tempDir(), 'reference.db'))];
    for (const store of [small, reference]) await importFiles([SEEDS], store, { pipeline: pipelines.default, jobs: 0 });
    const reasons: string[] = [];
    const r = await reconcileApart(small.db, { trigger: 'reconcile' }, { heapMb: 1, onFallback: (reason) => reasons.push(reason) });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/ERR_WORKER_OUT_OF_MEMORY|out of memory/i);
    expect(r.counts).toEqual(reconcileStore(reference.db, { trigger: 'reconcile' }).counts);
    expect(stored(small)).toEqual(stored(reference));
    small.close();
    reference.close();
  });

  it('reconciles an in-memory store in the calling thread', async () => {
    const store = openStore(':memory:');
    await importFiles([SEEDS], store, { pipeline: pipelines.default, jobs: 0 });
    const reasons: string[] = [];
    const r = await reconcileApart(store.db, { trigger: 'reconcile' }, { heapMb: 1, onFallback: (reason) => reasons.push(reason) });
    expect(reasons).toEqual([]);
    expect(r.counts.total).toBe(store.db.prepare('SELECT COUNT(*) FROM findings').pluck().get());
    store.close();
  });
});
