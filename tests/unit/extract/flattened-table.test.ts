// Tables flattened one cell per line (web copies of PDFs): rebuilt only where the runs are regular.
import { describe, expect, it } from 'vitest';
import { readFlattened } from '../../../src/extract/flattened-table.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, spans: [], provenance: { file: 't.txt', line: i + 1 } }));
const read = (text: string) => readFlattened(lines(text)).candidates.map((c) => [c.indicator.code, c.kind, c.token.value, c.labelPeriod]);

describe('flattened tables', () => {
  it('rebuilds records of header order, the first from the code listed before the table', () => {
    expect(read([
      'NI 55 Obesity in', 'primary school age', 'children in Reception', 'NI 56 Obesity in Year 6',
      'Target', 'Period', 'Performance', 'Direction', 'since last', 'period', 'Polarity',
      '9.5%', '2009/10', '10.1%', '-', 'Lower is', 'better',
      'NI 56 Obesity in', 'Year 6', '17.0%', '2009/10', '18.2%', '-', 'Lower is', 'better',
    ].join('\n'))).toEqual([
      ['NI 55', 'target', 9.5, '2009/10'], ['NI 55', 'result', 10.1, '2009/10'],
      ['NI 56', 'target', 17, '2009/10'], ['NI 56', 'result', 18.2, '2009/10'],
    ]);
  });

  it('gives nothing when the runs of figures are longer than the header', () => {
    expect(read(['2006/07', '2007/08', 'Target', 'Benchmark', 'BV 12', '10.9', '10.5', '10.2', '9.9', '11.0'].join('\n'))).toEqual([]);
  });

  it('gives nothing for year columns without a kind, and nothing without a code', () => {
    expect(read(['2008/09', '2009/10', 'Comments', 'NI 154 Net additional homes', '420', '455', 'On track'].join('\n'))).toEqual([]);
    expect(read(['Target', 'Period', 'Performance', 'Status', '12%', '2009/10', '14%', 'Green'].join('\n'))).toEqual([]);
  });

  it('gives nothing where bare years stand beside kind words: "Baseline" / "2009/10" may be one cell or two', () => {
    expect(read(['Baseline', '2009/10', '2010/11', 'Lead', 'NI 195a Litter', '11%', '10%', '9%', 'Streetscene'].join('\n'))).toEqual([]);
    expect(read(['2000/01', 'Outturn', '2001/02', 'Target', 'BV 11 Women in top 5%', '2.00%', '2.22%', 'Yes'].join('\n'))).toEqual([]);
  });
});
