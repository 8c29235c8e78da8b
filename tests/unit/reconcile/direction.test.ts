// The direction check: seed 003's NI 165 result went from 24.9% to 24.6% where higher is better; targets set
// below a baseline where higher is better, or below an earlier target, are reported; unclear titles are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desiredDirection, directionOf } from '../../../src/reconcile/direction-words.ts';
import { readFindings } from '../../../src/reconcile/store.ts';
import type { Store } from '../../../src/store/index.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';
import { importInto, SEEDS } from '../../support/run.ts';

describe('desired direction from titles', () => {
  it.each([
    ['Serious acquisitive crime rate', 'lower'],
    ['Percentage of municipal waste land filled', 'lower'],
    ['Rate of proven re-offending by young offenders', 'lower'],
    ['Per capita reduction in CO2 emissions in the LA area', 'lower'],
    ['Reduce the % of people on out of work benefits in Stevenage', 'lower'],
    ['Access to services (the percentage of people who find it difficult to travel to a local hospital)', 'lower'],
    ['Improved street and environmental cleanliness (levels of graffiti, litter, detritus and fly posting)', 'lower'],
    ['Working age population qualified to at least Level 4', 'higher'],
    ['Percentage of household waste sent for reuse, recycling and composting', 'higher'],
    ['YOUNG OFFENDERS ENGAGEMENT IN SUITABLE EDUCATION, TRAINING OR EMPLOYMENT', 'higher'],
    ['Increase the proportion of the population qualified to at least Level 2', 'higher'],
  ])('%s → %s is better', (title, direction) => {
    expect(directionOf(title)?.direction).toBe(direction);
  });

  it('gives no direction for unclear or contradictory wording', () => {
    expect(directionOf('Planning to adapt to climate change')).toBeNull();
    expect(directionOf('Services for disabled children')).toBeNull();
    expect(desiredDirection('Crime reduction participation', null)).toBeNull();
    expect(desiredDirection('Reduce landfill', 'Recycling achieved')).toBeNull();
    expect(desiredDirection(null, 'Serious violent crime rate')).toMatchObject({ direction: 'lower', from: 'catalogue title' });
  });
});

describe('direction check', () => {
  let seeds: Store;
  let small: Imported;
  beforeAll(async () => {
    seeds = (await importInto([SEEDS])).store;
    small = await importDocuments({
      'recycling.txt': plan('Testshire Local Strategic Partnership', [
        ['NI 192', 'Percentage of household waste sent for reuse, recycling and composting', [
          'Baseline: NI 192 38.6% (2007/08)', 'Target: NI 192 40.0% (2008/09) 36.0% (2009/10)', 'Target: NI 192 41.0% (2010/11)',
        ]],
        ['NI 16', 'Serious acquisitive crime rate', ['Baseline: NI 16 2,048 (2007/08)', 'Target: NI 16 1,990 (2009/10)', 'Target: NI 16 2,010 (2010/11)']],
        ['NI 54', 'Services for disabled children', ['Baseline: NI 54 60% (2007/08)', 'Target: NI 54 50% (2010/11)']],
      ]),
    });
  });
  afterAll(() => {
    seeds.close();
    small.store.close();
  });

  it('reports seed 003’s NI 165 result moving the wrong way, seed 001’s NI 123 and NI 56 targets on the wrong side of their baseline, nothing else', () => {
    const found = readFindings(seeds.db).filter((f) => f.check === 'direction');
    expect(found).toHaveLength(7);
    // Obesity among year 6 children (NI 56, lower is better from the catalogue title): West Herts targets 14.4,
    // 14.3 and 14.2 all sit above the 14.1% baseline. The gap indicators (NI 92 "narrowing the gap") give none.
    expect(found.filter((f) => f.indicator === 'NI 56')).toHaveLength(3);
    expect(found.filter((f) => f.indicator === 'NI 92')).toHaveLength(0);
    const ni165 = found.filter((f) => f.indicator === 'NI 165');
    expect(ni165).toHaveLength(1);
    const [f] = ni165;
    expect(f).toMatchObject({ severity: 'warning', indicator: 'NI 165', document: '003_b93e07daa693e4b6.txt' });
    expect(f.message).toMatch(/result 2008\/09 \(24\.6%\) moved the wrong way from the baseline 2006 \(24\.9%\): higher is better .*"qualified"/);
    expect(f.evidence.map((e) => e.text.slice(e.start, e.end))).toEqual(['24.6%', '24.9%']);
    // Smoking quitters per 100,000: the plan's E&N Herts targets (822) sit below its 2006/07 baseline (861).
    const ni123 = found.filter((f) => f.indicator === 'NI 123');
    expect(ni123.map((x) => x.message)).toEqual(
      ['2008/09', '2009/10', '2010/11'].map((p) => expect.stringContaining(`the target ${p} (822 per 100,000) is below the baseline 2006/07 (861 per 100,000)`)),
    );
  });

  it('reports a target below the baseline where higher is better, and a later target below an earlier one', () => {
    const messages = small.of('direction').map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/NI 192: the target 2009\/10 \(36%\) is below the baseline 2007\/08 \(38\.6%\)/),
      expect.stringMatching(/NI 16: the target 2010\/11 \(2,010\) is above the target 2009\/10 \(1,990\), although lower is better/),
    ]));
    expect(messages).toHaveLength(2);
    expect(small.of('direction', 'NI 54')).toEqual([]);
  });
});
