// The reconcile engine and its store: findings recomputed at the end of every import with the run that
// produced them, ids that survive re-imports (and in-place edits of a value), and a failing check that
// becomes one error finding instead of stopping the others.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelines } from '../../../pipelines/index.ts';
import { importFiles } from '../../../src/pipeline/import.ts';
import { loadContext } from '../../../src/reconcile/context.ts';
import { runChecks } from '../../../src/reconcile/engine.ts';
import { readFindings } from '../../../src/reconcile/store.ts';
import { DEFAULT_RECONCILE_OPTIONS, type Check } from '../../../src/reconcile/types.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';
import { importInto, SEEDS } from '../../support/run.ts';

const DOC = plan('Testshire Local Strategic Partnership', [
  ['NI 16', 'Serious acquisitive crime rate', ['Baseline: NI 16 16,022 (2007/08)', 'Target: NI 16 4% reduction (14,000) (2010/11)']],
]);

describe('reconcile engine', () => {
  let small: Imported;
  beforeAll(async () => {
    small = await importDocuments({ 'plan.txt': DOC });
  });
  afterAll(() => small.store.close());

  it('stores findings with the import run that produced them', () => {
    const runId = small.store.db.prepare('SELECT MAX(id) FROM import_runs').pluck().get();
    expect(small.findings.length).toBeGreaterThan(0);
    expect(small.findings.every((f) => f.runId === runId)).toBe(true);
    const summary = JSON.parse(small.store.db.prepare('SELECT summary_json FROM import_runs WHERE id = ?').pluck().get(runId) as string);
    expect(summary.findings.byCheck.arithmetic).toEqual({ warning: 1 });
    expect(small.store.db.prepare('SELECT trigger FROM reconciliations').pluck().all()).toEqual(['import']);
  });

  it('keeps a finding’s id when the value it is about is corrected in the document', async () => {
    const [before] = small.of('arithmetic');
    expect(before.severity).toBe('warning');
    writeFileSync(join(small.dir, 'plan.txt'), DOC.replace('(14,000)', '(15,381)'));
    const summary = await importFiles([small.dir], small.store, { pipeline: pipelines.default });
    expect(summary.counts.replaced).toBe(1);
    const [after] = readFindings(small.store.db).filter((f) => f.check === 'arithmetic');
    expect(after.id).toBe(before.id);
    expect(after.severity).toBe('info');
    expect(after.runId).toBe(summary.runId);
  });

  it('gives the same ids to the same documents imported into another store', async () => {
    const a = (await importInto([SEEDS])).store;
    const b = (await importInto([SEEDS])).store;
    const ids = (s: typeof a) => readFindings(s.db).map((f) => f.id).sort();
    expect(ids(a)).toEqual(ids(b));
    expect(new Set(ids(a)).size).toBe(ids(a).length);
    a.close();
    b.close();
  });

  it('turns a check that throws into one error finding and runs the others', () => {
    const broken: Check = { id: 'broken', severity: 'warning', describe: 'always fails', run: () => { throw new Error('boom'); } };
    const fine: Check = { id: 'fine', severity: 'info', describe: 'finds nothing', run: () => [] };
    const findings = runChecks(loadContext(small.store.db, DEFAULT_RECONCILE_OPTIONS), [broken, fine]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'reconcile', severity: 'error' });
    expect(findings[0].message).toMatch(/The broken check failed \(boom\)/);
  });
});
