// The gaps check: seed 001's pending baselines (NI 32 deferred, NI 40 tbc, NI 172 awaiting) and empty target
// cells, indicators named with no figures, and a baseline dated after its target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFindings, type StoredFinding } from '../../../src/reconcile/store.ts';
import type { Store } from '../../../src/store/index.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';
import { importInto, SEEDS } from '../../support/run.ts';

describe('gaps check', () => {
  let seeds: Store;
  let found: StoredFinding[];
  let small: Imported;
  beforeAll(async () => {
    seeds = (await importInto([SEEDS])).store;
    found = readFindings(seeds.db).filter((f) => f.check === 'gaps');
    small = await importDocuments({
      'late.txt': plan('Testshire Local Strategic Partnership', [
        ['NI 6', 'Participation in regular volunteering', ['Baseline: NI 6 17.5% (2010/11)', 'Target: NI 6 19.5% (2008/09)']],
        ['NI 7', 'Environment for a thriving third sector', []],
      ]),
    });
  });
  afterAll(() => {
    seeds.close();
    small.store.close();
  });

  it('reports the pending NI 32 baseline as a warning, with its words', () => {
    const f = found.find((x) => x.indicator === 'NI 32' && x.severity === 'warning')!;
    expect(f.message).toBe('NI 32: baseline pending (deferred).');
    expect(f.evidence[0].text).toMatch(/^NI 32 is a deferred Indicator/);
    expect(f.evidence[0].line).toBe(517);
  });

  it('reports every pending baseline as a warning and pending targets as info', () => {
    const baselines = found.filter((f) => f.severity === 'warning').map((f) => f.indicator);
    expect(baselines).toEqual(expect.arrayContaining(['NI 7', 'NI 17', 'NI 32', 'NI 40', 'NI 172', 'NI 125']));
    const ni16 = found.filter((f) => f.indicator === 'NI 16').map((f) => f.message);
    expect(ni16).toEqual(['NI 16: target 2008/09 pending (empty cell).', 'NI 16: target 2009/10 pending (empty cell).']);
  });

  it('reports indicators named with no figures, showing where they are named', () => {
    const f = found.find((x) => x.indicator === 'LI 5.1')!;
    expect(f).toMatchObject({ severity: 'info', document: '003_b93e07daa693e4b6.txt' });
    expect(f.evidence[0].text).toMatch(/LI 5\.1 Access to Services/);
    expect(small.of('gaps', 'NI 7')[0].message).toMatch(/NI 7 is named in this document, but no baseline, target or result/);
  });

  it('reports a baseline later than its target', () => {
    const [f] = small.of('gaps', 'NI 6');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f.message).toBe('NI 6 baseline 2010/11 is later than its target for 2008/09.');
  });
});
