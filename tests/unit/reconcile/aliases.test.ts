// The aliases check: seed 003 writes LI 141 in its list of indicators and NI 141 on the baseline line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFindings } from '../../../src/reconcile/store.ts';
import type { Store } from '../../../src/store/index.ts';
import { importInto, SEEDS } from '../../support/run.ts';

describe('aliases check', () => {
  let seeds: Store;
  beforeAll(async () => {
    seeds = (await importInto([SEEDS])).store;
  });
  afterAll(() => seeds.close());

  it('reports LI 141 / NI 141 once, showing where each code is written', () => {
    const found = readFindings(seeds.db).filter((f) => f.check === 'aliases');
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f).toMatchObject({ severity: 'warning', indicator: 'NI 141', document: '003_b93e07daa693e4b6.txt' });
    expect(f.message).toMatch(/NI 141 is also written as LI 141/);
    const written = f.evidence.map((e) => [e.line, e.text.slice(e.start, e.end)]);
    expect(written).toEqual([[108, 'NI 141'], [103, 'LI 141']]);
  });
});
