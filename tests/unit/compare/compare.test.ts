// Comparing one indicator across partnerships: series per partnership and unit (never mixing units), ambition
// signed by the desired direction, progress against the straight-line path, ranking, reviewed values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ambitionRows, ambitionSpec, trajectoryRows, trajectorySpec } from '../../../src/compare/charts/specs.ts';
import { compareIndicator, type IndicatorComparison } from '../../../src/compare/comparison.ts';
import { compareStore } from '../../../src/compare/index.ts';
import { reviewedObservations } from '../../../src/review/reviewed.ts';
import { decide } from '../../../src/review/decide.ts';
import { loadTargets } from '../../../src/review/targets.ts';
import { exportRecords } from '../../../src/export/records.ts';
import { reconcileStore } from '../../../src/reconcile/index.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';

const CO2 = 'Per capita reduction in CO2 emissions in the LA area';

const DOCUMENTS = {
  'alpha.txt': plan('Alphashire Local Strategic Partnership', [
    ['NI 186', CO2, [
      'Baseline: NI 186 8.0 tonnes per capita (2005)',
      'Target: NI 186 7.4 tonnes per capita (2008/09) 7.0 tonnes per capita (2010/11)',
      'Outturn for NI 186 in 2008/09 was 7.2 tonnes per capita.',
    ]],
    // The same code in % in the same document: a different series, never on the tonnes axis.
    ['NI 186', CO2, ['Baseline: NI 186 95% (2007/08)', 'Target: NI 186 90% (2010/11)']],
    ['NI 54', 'Services for disabled children', ['Baseline: NI 54 60% (2007/08)', 'Target: NI 54 64% (2010/11)']],
  ]),
  'beta.txt': plan('Betashire Local Strategic Partnership', [
    ['NI 186', CO2, [
      'Baseline: NI 186 6.0 tonnes per capita (2005)',
      'Target: NI 186 6.3 tonnes per capita (2010/11)',
      'Outturn for NI 186 in 2008/09 was 6.5 tonnes per capita.',
    ]],
    ['NI 54', 'Services for disabled children', ['Baseline: NI 54 50% (2007/08)', 'Target: NI 54 55% (2010/11)']],
  ]),
  // No partnership named: compared under its file name.
  'gamma-plan.txt': ['Delivery Plan 2008-11', '', `Performance Indicators: NI 186 ${CO2}`, '',
    'Baseline: NI 186 5.0 tonnes per capita (2005)', 'Target: NI 186 4.5 tonnes per capita (2010/11)', ''].join('\n'),
};

describe('compare one indicator', () => {
  let docs: Imported;
  let ni186: IndicatorComparison;
  beforeAll(async () => {
    docs = await importDocuments(DOCUMENTS);
    ni186 = compareIndicator(reviewedObservations(docs.store.db), 'NI 186');
  });
  afterAll(() => docs.store.close());

  const series = (c: IndicatorComparison, unit: string | null, label: string) => c.groups.find((g) => g.unit === unit)!.series.find((s) => s.label === label)!;

  it('keeps figures in different units apart: one group per unit', () => {
    expect(ni186.groups.map((g) => [g.unit, g.series.map((s) => s.label)])).toEqual([
      ['tonnes per capita', ['Alphashire Local Strategic Partnership', 'gamma-plan.txt', 'Betashire Local Strategic Partnership']],
      ['%', ['Alphashire Local Strategic Partnership']],
    ]);
    for (const g of ni186.groups) {
      const spec = JSON.stringify(trajectorySpec(ni186, g));
      const rows = trajectoryRows(g);
      expect(new Set(rows.map((r) => r.series))).toEqual(new Set(g.series.map((s) => s.label)));
      expect(spec).toContain(`NI 186 (${g.unit})`);
    }
    expect(trajectoryRows(ni186.groups[0]).map((r) => r.value)).not.toContain(95);
  });

  it('reads the desired direction from the titles and signs ambition by it, ranked within the unit', () => {
    expect(ni186.direction).toMatchObject({ known: { direction: 'lower' } });
    const alpha = series(ni186, 'tonnes per capita', 'Alphashire Local Strategic Partnership');
    expect(alpha.baseline?.value).toBe(8);
    expect(alpha.finalTarget).toMatchObject({ value: 7, period: '2010/11', year: 2011 });
    expect(alpha.ambition?.change).toEqual({ absolute: -1, percent: -12.5 });
    expect(alpha.ambition?.ambition).toEqual({ absolute: 1, percent: 12.5 });
    const beta = series(ni186, 'tonnes per capita', 'Betashire Local Strategic Partnership');
    expect(beta.ambition?.ambition).toEqual({ absolute: -0.3, percent: -5 });
    expect(ambitionRows(ni186.groups[0]).map((r) => [r.series, r.percent, r.toward])).toEqual([
      ['Alphashire Local Strategic Partnership', 12.5, 'desired direction'],
      ['gamma-plan.txt', 10, 'desired direction'],
      ['Betashire Local Strategic Partnership', -5, 'away from it'],
    ]);
  });

  it('measures progress against the straight line from baseline to final target', () => {
    const alpha = series(ni186, 'tonnes per capita', 'Alphashire Local Strategic Partnership');
    // 2005 → 2011 from 8.0 to 7.0: in 2009 (2008/09) the path is at 8 − 4/6 = 7.333; 7.2 is ahead of it.
    expect(alpha.progress?.expected).toBeCloseTo(7.3333, 4);
    expect(alpha.progress?.gap).toBeCloseTo(0.1333, 4);
    expect(alpha.progress?.achieved).toBeCloseTo(80, 6);
    expect(alpha.progress?.status).toBe('ahead of path');
    expect(series(ni186, 'tonnes per capita', 'Betashire Local Strategic Partnership').progress?.status).toBe('moved the wrong way');
    expect(series(ni186, 'tonnes per capita', 'gamma-plan.txt')).toMatchObject({ progress: null, progressNote: 'no result yet' });
  });

  it('does not rank when no title says which way is better, unless told', () => {
    const observations = reviewedObservations(docs.store.db);
    const ni54 = compareIndicator(observations, 'NI 54');
    expect('unknown' in ni54.direction).toBe(true);
    expect(ni54.groups[0].series.every((s) => s.ambition?.ambition === null && s.ambition.change.absolute > 0)).toBe(true);
    expect(ambitionSpec(ni54, ni54.groups[0])).toBeNull();
    const told = compareIndicator(observations, 'NI 54', { direction: 'higher' });
    expect(told.groups[0].series.map((s) => [s.label, s.ambition?.ambition?.percent])).toEqual([
      ['Alphashire Local Strategic Partnership', 6.666666667],
      ['Betashire Local Strategic Partnership', 10],
    ].sort((a, b) => (b[1] as number) - (a[1] as number)));
    // Told the opposite of what the titles say, the sign follows the user.
    expect(series(compareIndicator(observations, 'NI 186', { direction: 'higher' }), 'tonnes per capita', 'gamma-plan.txt').ambition?.ambition?.percent).toBe(-10);
  });

  it('filters partnerships by part of the name, and ranks the indicators they share', () => {
    const result = compareStore(docs.store.db, { partnerships: ['alpha', 'GAMMA'] });
    expect(result.shared[0]).toMatchObject({ indicator: 'NI 186', partnerships: ['Alphashire Local Strategic Partnership', 'gamma-plan.txt'] });
    expect(result.comparisons[0].groups[0].series.map((s) => s.label)).toEqual(['Alphashire Local Strategic Partnership', 'gamma-plan.txt']);
    const all = compareStore(docs.store.db, {});
    expect(all.shared.map((s) => [s.indicator, s.partnerships.length])).toEqual([['NI 186', 3], ['NI 54', 2]]);
  });

  it('compares reviewed values: corrections applied, rejected figures left out', () => {
    const records = exportRecords(docs.store.db);
    const betaTarget = records.find((r) => r.document === 'beta.txt' && r.indicator === 'NI 186' && r.kind === 'target')!;
    const alphaFinal = records.find((r) => r.document === 'alpha.txt' && r.indicator === 'NI 186' && r.kind === 'target' && r.period === '2010/11' && r.unit === 'tonnes per capita')!;
    const targets = () => loadTargets(docs.store.db);
    decide(docs.store.db, targets(), { targetId: betaTarget.id, action: 'correct', correction: { value: 5.7 }, by: 'Ann' }, { origin: 'test' });
    decide(docs.store.db, targets(), { targetId: alphaFinal.id, action: 'reject', by: 'Ann' }, { origin: 'test' });
    reconcileStore(docs.store.db, { trigger: 'review' });
    const reviewed = compareIndicator(reviewedObservations(docs.store.db), 'NI 186');
    const beta = series(reviewed, 'tonnes per capita', 'Betashire Local Strategic Partnership');
    expect(beta.finalTarget?.observation.reviewState).toBe('corrected');
    expect(beta.ambition?.ambition).toEqual({ absolute: 0.3, percent: 5 });
    const alpha = series(reviewed, 'tonnes per capita', 'Alphashire Local Strategic Partnership');
    expect(alpha.finalTarget).toMatchObject({ value: 7.4, period: '2008/09' });
  });
});
