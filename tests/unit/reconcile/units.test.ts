// The units check: figures of one indicator in two units, figures without a unit beside ones with a unit
// (seed 001's NI 99–101 second baseline figures), and percentages above 100.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFindings } from '../../../src/reconcile/store.ts';
import type { Store } from '../../../src/store/index.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';
import { importInto, SEEDS } from '../../support/run.ts';

describe('units check', () => {
  let seeds: Store;
  let small: Imported;
  beforeAll(async () => {
    seeds = (await importInto([SEEDS])).store;
    small = await importDocuments({
      'sport.txt': plan('Testshire Local Strategic Partnership', [
        ['NI 8', 'Adult participation in sport and active recreation', [
          'Baseline: NI 8 20.2% (2007/08)', 'Target: NI 8 22 tonnes (2009/10)', 'Target: NI 8 124.7% (2010/11)',
        ]],
      ]),
    });
  });
  afterAll(() => {
    seeds.close();
    small.store.close();
  });

  it('reports a baseline and targets in different units as a warning, naming the odd one out', () => {
    const [mixed] = small.of('units').filter((f) => f.message.includes('different units'));
    expect(mixed.severity).toBe('warning');
    expect(mixed.message).toMatch(/NI 8 figures are in different units: % \(2 figures\), tonnes \(1 figure\)\. Odd one out: target 2009\/10 22 tonnes/);
    expect(mixed.evidence.map((e) => e.text.slice(e.start, e.end))).toEqual(['20.2%', '22 tonnes']);
  });

  it('reports a percentage above 100', () => {
    const [over] = small.of('units').filter((f) => f.message.includes('above 100'));
    expect(over).toMatchObject({ severity: 'warning', indicator: 'NI 8' });
    expect(over.message).toMatch(/target 2010\/11 124\.7%/);
  });

  it('finds no unit mix in seed 001 once bare second figures ("Baseline 8.6% (summer 2007) 11") are left unread', () => {
    expect(readFindings(seeds.db).filter((f) => f.check === 'units')).toEqual([]);
  });
});
