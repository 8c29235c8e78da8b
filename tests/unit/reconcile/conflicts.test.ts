// The conflicts check: two figures for one slot within a document (error), or in two documents of the same
// partnership (warning). The seeds have none; the same figure written with more decimals is no conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFindings } from '../../../src/reconcile/store.ts';
import type { Store } from '../../../src/store/index.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';
import { importInto, SEEDS } from '../../support/run.ts';

const PARTNERSHIP = 'Testshire Local Strategic Partnership';

describe('conflicts check', () => {
  let seeds: Store;
  let small: Imported;
  beforeAll(async () => {
    seeds = (await importInto([SEEDS])).store;
    small = await importDocuments({
      'plan-2008.txt': plan(PARTNERSHIP, [
        ['NI 8', 'Adult participation in sport and active recreation', [
          'Baseline: NI 8 20.2% (2007/08)', 'Target: NI 8 24.7% (2010/11)', 'Target: NI 8 23.0% (2010/11)',
        ]],
        ['NI 6', 'Participation in regular volunteering', ['Baseline: NI 6 17.5% (2008/09)', 'Target: NI 6 19.50% (2010/11)']],
      ]),
      'plan-2009.txt': plan(PARTNERSHIP, [
        ['NI 8', 'Adult participation in sport and active recreation', ['Baseline: NI 8 21.0% (2007/08)']],
        ['NI 6', 'Participation in regular volunteering', ['Target: NI 6 19.5% (2010/11)']],
      ]),
    });
  });
  afterAll(() => {
    seeds.close();
    small.store.close();
  });

  it('finds none in the seeds', () => {
    expect(readFindings(seeds.db).filter((f) => f.check === 'conflicts')).toEqual([]);
  });

  it('reports two targets for one year in one document as an error, with both places', () => {
    const [f] = small.of('conflicts').filter((x) => x.severity === 'error');
    expect(f).toMatchObject({ indicator: 'NI 8', document: 'plan-2008.txt' });
    expect(f.message).toMatch(/NI 8 has 2 different figures for the target for 2010\/11 in this document: 24\.7% \(line \d+\) and 23% \(line \d+\)/);
    expect(f.evidence.map((e) => e.text.slice(e.start, e.end))).toEqual(['24.7%', '23.0%']);
  });

  it('reports documents of the same partnership that disagree as a warning, and not figures that agree', () => {
    const across = small.of('conflicts').filter((x) => x.severity === 'warning');
    expect(across).toHaveLength(1);
    expect(across[0].message).toMatch(/NI 8 baseline for 2007\/08: documents of Testshire Local Strategic Partnership disagree — plan-2008\.txt says 20\.2%, plan-2009\.txt says 21%/);
    expect(new Set(across[0].evidence.map((e) => e.document))).toEqual(new Set(['plan-2008.txt', 'plan-2009.txt']));
  });
});
