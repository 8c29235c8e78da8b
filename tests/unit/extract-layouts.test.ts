// Layouts beyond the fixtures, as short real-shaped documents: each must give what a careful reader sees.
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline/process.ts';

async function observations(text: string) {
  const result = await processBytes(new TextEncoder().encode(text), 'probe.txt');
  if (!result.ok) throw new Error(result.reason);
  return result.result.observations.map((o) => ({
    code: o.indicator.code, kind: o.kind, value: o.value, unit: o.unit, period: o.period, rel: o.relativeChange, area: o.area, state: o.state,
  }));
}

describe('layouts read by meaning', () => {
  it('reads a scorecard with baseline, targets, an actual and a RAG column', async () => {
    const found = await observations(
      [
        'Indicator\tBaseline (2006/07)\tTarget 2008/09\tTarget 2010/11\tActual 2008/09\tRAG',
        'NI 8 – Adult participation in sport\t19.2%\t20.5%\t22.5%\t20.9%\tG',
        'BV 82a(i) Household waste recycled\t18%\t22%\t26%\t23.1%\tA',
      ].join('\n'),
    );
    expect(found).toContainEqual(expect.objectContaining({ code: 'NI 8', kind: 'baseline', value: 19.2, period: '2006/07' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'NI 8', kind: 'result', value: 20.9, period: '2008/09' }));
    // "BV 82a(i)": the roman sub-part in brackets is kept, as CONTRACT.md keeps "BVPI 82a ii" → BV 82aii.
    expect(found).toContainEqual(expect.objectContaining({ code: 'BV 82ai', kind: 'target', value: 26, period: '2010/11' }));
    expect(found).toHaveLength(8);
  });

  it('takes no place from words of the national title ("Houses in Multiple Occupation"), but does from a local one', async () => {
    const found = await observations(
      [
        'Indicator\tBaseline 2007/08\tTarget 2010/11',
        'NI 12 Refused and deferred Houses in Multiple Occupation (HMOs) licence applications\t28.6%\t28.5%',
        'NI 152 Reduce the % of people on out of work benefits in Stevenage\t10.3%\t10%',
      ].join('\n'),
    );
    expect(found.map((o) => [o.code, o.area])).toEqual([['NI 12', null], ['NI 12', null], ['NI 152', 'Stevenage'], ['NI 152', 'Stevenage']]);
  });

  it('dates the changes listed under a line saying which years they run between', async () => {
    const found = await observations(
      [
        'Our planning service has improved. Between 2003/04 and 2006/07 performance improved as follows:',
        'a)   BVPI 109a – from 41.0% to 58.3% in time',
        'b)   BVPI 109b – from 52.5% to 71.9% in time',
        '',
        'Figures for BVPI 109c rose from 70% to 81%.',
      ].join('\n'),
    );
    expect(found.map((o) => [o.code, o.value, o.period])).toEqual([
      ['BV 109a', 41, '2003/04'], ['BV 109a', 58.3, '2006/07'], ['BV 109b', 52.5, '2003/04'], ['BV 109b', 71.9, '2006/07'],
      ['BV 109c', 70, null], ['BV 109c', 81, null],
    ]);
  });

  it('dates the results listed under a line naming the year they are for, a short year pair included', async () => {
    const found = await observations(
      [
        'The outturn position for 07-08 was as follows:',
        '  • A1, the share of looked after children with three placements or more, is 11%',
        '  • The replacement for A1, placement stability D78, reached 68.2% compared with a comparator group average of 66.0%. This is the share of children looked after for 2 1/2 years in the same placement.',
        '',
        'Targets for 2008/09 are:',
        '  • NI 62 stability of placements, number of moves, is 10%',
      ].join('\n'),
    );
    expect(found.map((o) => [o.code, o.kind, o.value, o.period, o.area])).toEqual([
      ['PAF A1', 'result', 11, '2007/08', null], ['PAF D78', 'result', 68.2, '2007/08', null], ['PAF D78', 'result', 66, '2007/08', 'comparator group'],
      ['NI 62', 'result', 10, null, null],
    ]);
  });

  it('reads a paragraph opening with a year and "Outturn" as the figures of the indicator headed above it', async () => {
    const found = await observations(
      [
        'BV212 – Average time to re-let council homes',
        '',
        '2009/10 Outturn 31.2 days (target 25). This was largely down to a rise in empty homes.',
      ].join('\n'),
    );
    expect(found.map((o) => [o.code, o.kind, o.value, o.unit, o.period])).toEqual([
      ['BV 212', 'result', 31.2, 'days', '2009/10'], ['BV 212', 'target', 25, null, '2009/10'],
    ]);
  });

  it('carries a code opening a row-like paragraph ("12 / LPI 7 / …") into the paragraph after it', async () => {
    const found = await observations(
      [
        '12 / LPI 7 / Street lights repaired within five working days. Performance dipped this year.',
        'It should be noted that the repair figure is 91.5%, short of the 95% target.',
        'Nine in ten residents were satisfied with the lighting of their street.',
      ].join('\n'),
    );
    expect(found.map((o) => [o.code, o.kind, o.value])).toEqual([['LPI 7', 'result', 91.5], ['LPI 7', 'target', 95]]);
  });

  it('reads lines naming the parts of the indicator in scope by subject (BV 109: major, minor, other applications)', async () => {
    const lines = [
      'Major applications: target 60% - out-turn 66%',
      '',
      'Minor applications: target 65% - out-turn 71%',
      '',
      'Other applications: target 80% - out-turn 88%',
      '',
      'Other business: the team answered 40 letters.',
    ];
    const found = await observations(['Planning', '', 'All three BV 109 targets were met in 2008/09. The final out-turn figures were:', '', ...lines].join('\n'));
    expect(found.map((o) => [o.code, o.kind, o.value, o.period])).toEqual([
      ['BV 109a', 'target', 60, '2008/09'], ['BV 109a', 'result', 66, '2008/09'],
      ['BV 109b', 'target', 65, '2008/09'], ['BV 109b', 'result', 71, '2008/09'],
      ['BV 109c', 'target', 80, '2008/09'], ['BV 109c', 'result', 88, '2008/09'],
    ]);
    // Without the parent code in scope, the same lines name nothing.
    expect(await observations(['Planning', '', 'The final out-turn figures for 2008/09 were:', '', ...lines].join('\n'))).toEqual([]);
  });

  it('reads a header over two rows: years above, kinds below', async () => {
    const found = await observations(
      [
        'Indicator\t2007/08\t2008/09\t2008/09\t2010/11',
        '\tActual\tTarget\tActual\tTarget',
        'NI 47 People killed or seriously injured\t42\t40\t38\t35',
      ].join('\n'),
    );
    expect(found.map((o) => [o.kind, o.period, o.value])).toEqual([
      ['result', '2007/08', 42], ['target', '2008/09', 40], ['result', '2008/09', 38], ['target', '2010/11', 35],
    ]);
  });

  it('reads a refresh table: the original target kept with a lower confidence beside the revised one', async () => {
    const result = await processBytes(
      new TextEncoder().encode(['Indicator\tOriginal target 2010/11\tRevised target 2010/11\tReason', 'NI 152 Out of work benefits\t11.5%\t13.0%\tRecession'].join('\n')),
      'refresh.txt',
    );
    if (!result.ok) throw new Error(result.reason);
    const [original, revised] = result.result.observations;
    expect([original.value, revised.value]).toEqual([11.5, 13]);
    expect(original.confidence).toBeLessThan(revised.confidence);
    expect(original.confidenceReasons.join(' ')).toMatch(/replaced/);
  });

  it('reads labelled lines under an indicator heading, periods after the label', async () => {
    const found = await observations(
      ['NI 195 (a) Improved street cleanliness – litter', 'Baseline: 2007/08: 12%', 'Outturn 2008/09: 10%', 'Target: 9% (2009/10), 8% (2010/11)'].join('\n'),
    );
    expect(found.map((o) => [o.code, o.kind, o.period, o.value])).toEqual([
      ['NI 195a', 'baseline', '2007/08', 12], ['NI 195a', 'result', '2008/09', 10], ['NI 195a', 'target', '2009/10', 9], ['NI 195a', 'target', '2010/11', 8],
    ]);
  });

  it('reads quarterly monitoring columns as results dated by the quarter’s last month', async () => {
    const found = await observations(['Indicator\t2008/09 Target\tQ1\tQ2\tQ3\tQ4', 'NI 155 Affordable homes delivered\t250\t48\t61\t57\t70'].join('\n'));
    expect(found.map((o) => [o.kind, o.period, o.value])).toEqual([
      ['target', '2008/09', 250], ['result', '2008-06', 48], ['result', '2008-09', 61], ['result', '2008-12', 57], ['result', '2009-03', 70],
    ]);
  });

  it('reads a target and a result from one sentence of a quarterly report', async () => {
    const found = await observations('The current performance for NI 195a is 8% (litter), against a 2008/09 target of 10%.\n');
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'NI 195a', kind: 'result', value: 8, unit: '%' }),
        expect.objectContaining({ code: 'NI 195a', kind: 'target', value: 10, unit: '%', period: '2008/09' }),
      ]),
    );
  });

  it('reads a relative target and a dated baseline rate from prose', async () => {
    const found = await observations('NI 112: reduce under-18 conceptions by 45% by 2010 from the 1998 baseline of 46.3 per 1,000.\n');
    expect(found).toContainEqual(expect.objectContaining({ code: 'NI 112', kind: 'baseline', value: 46.3, unit: 'per 1,000', period: '1998' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'NI 112', kind: 'target', value: null, rel: -45, period: '2010' }));
  });

  it('does not take a sentence that starts with a label word for a label', async () => {
    const found = await observations('Targets for NI 1 will be set once the Place Survey reports in 2009.\n');
    expect(found.filter((o) => o.state === 'value')).toEqual([]);
  });

  it('reads one-cell table rows as lines (a spreadsheet tracker)', async () => {
    const found = await observations(['Baseline: NI 6 17.5% (2008/09)\t', 'Target: NI 6 19.5% (2010/11)\t'].join('\n'));
    expect(found).toEqual([
      expect.objectContaining({ code: 'NI 6', kind: 'baseline', value: 17.5, period: '2008/09' }),
      expect.objectContaining({ code: 'NI 6', kind: 'target', value: 19.5, period: '2010/11' }),
    ]);
  });
});
