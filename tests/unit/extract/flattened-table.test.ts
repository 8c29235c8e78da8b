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

  it('reads "Baseline" over years only where each record holds one figure per header line: "Baseline" / "2009/10" may be one cell or two', () => {
    // Three figures under three header lines: a baseline, then a target a year.
    expect(read(['Baseline', '2009/10', '2010/11', 'Lead', 'NI 195a Litter', '11%', '10%', '9%', 'Streetscene'].join('\n'))).toEqual([
      ['NI 195a', 'baseline', 11, null], ['NI 195a', 'target', 10, '2009/10'], ['NI 195a', 'target', 9, '2010/11'],
    ]);
    // Two figures under three lines: "Baseline 2009/10" was one cell over two lines, and which is which cannot be told.
    expect(read(['Baseline', '2009/10', '2010/11', 'Lead', 'NI 195a Litter', '11%', '10%', 'Streetscene'].join('\n'))).toEqual([]);
    expect(read(['2000/01', 'Outturn', '2001/02', 'Target', 'BV 11 Women in top 5%', '2.00%', '2.22%', 'Yes'].join('\n'))).toEqual([]);
  });

  it('reads a headline box flattened to lines: a label over the line of its one figure', () => {
    expect(read(['Sickness absence', 'Council BV12 for the year to 31.03.08', '9.6 days per FTE', 'Annual Target for 2008 - 2009', '9.25 days per FTE', 'Figure 1: headline figures'].join('\n'))).toEqual([
      ['BV 12', 'target', 9.25, '2008/09'],
    ]);
  });

  it('leaves label and figure lines alone where they stand in runs (a table whose columns are lost)', () => {
    expect(read(['NI 8 Adult participation in sport', 'Target 2009/10', 'Actual 2009/10', '23%'].join('\n'))).toEqual([]);
    expect(read(['NI 8 Adult participation in sport', 'Target 2009/10', '23%', '21.5%'].join('\n'))).toEqual([]);
  });

  it('needs one indicator named on the label or just above it', () => {
    expect(read(['NI 8 and NI 57 sport measures', 'Target 2009/10', '23%'].join('\n'))).toEqual([]);
    expect(read(['Target 2009/10', '23%'].join('\n'))).toEqual([]);
  });

  it('reads rows that open with a label under a caption that dates the kind columns', () => {
    const parts = readFlattened(lines([
      'BV 109 – processing planning applications', 'The figures for the quarter were as follows:',
      'April to June 2006', 'Performance', 'Target',
      'Major applications in under 13 weeks', '75%', '60%',
      'Minor applications in under 8 weeks', '85%', '65%',
      'Other applications in under 8 weeks', '90%', '80%',
    ].join('\n')));
    expect(parts.candidates.map((c) => [c.indicator.code, c.kind, c.token.value, c.labelPeriod])).toEqual([
      ['BV 109a', 'result', 75, '2006/07'], ['BV 109a', 'target', 60, '2006/07'],
      ['BV 109b', 'result', 85, '2006/07'], ['BV 109b', 'target', 65, '2006/07'],
      ['BV 109c', 'result', 90, '2006/07'], ['BV 109c', 'target', 80, '2006/07'],
    ]);
    expect(parts.parts.map((m) => m.code)).toEqual(['BV 109a', 'BV 109b', 'BV 109c']);
    // A rolling year dates nothing; a label with its own code names its row.
    expect(read(['July 2005 to June 2006', 'Performance', 'Target', 'NI 157a Major applications', '63%', '60%'].join('\n'))).toEqual([
      ['NI 157a', 'result', 63, null], ['NI 157a', 'target', 60, null],
    ]);
    expect(read(['Indicator', 'Actual', 'Target', 'BV 12 Days lost to sickness', '9.6', '9.0'].join('\n'))).toEqual([
      ['BV 12', 'result', 9.6, null], ['BV 12', 'target', 9, null],
    ]);
  });

  it('reads no labelled row whose label names no indicator, or whose run of figures is longer than the header', () => {
    expect(read(['April to June 2006', 'Performance', 'Target', 'Major applications in under 13 weeks', '75%', '60%'].join('\n'))).toEqual([]);
    expect(read(['Indicator', 'Actual', 'Target', 'BV 12 Days lost to sickness', '9.6', '9.0', '8.8'].join('\n'))).toEqual([]);
    expect(read(['Indicator', 'Actual', 'BV 12 Days lost to sickness', '9.6'].join('\n'))).toEqual([]);
  });

  it('reads a table flattened column by column: each value column holds one line per indicator of the label column', () => {
    expect(read([
      'Indicator', 'NI 8 Adult participation in sport', 'NI 11 Engagement in', 'the arts', 'NI 57 Children in PE and sport',
      'Baseline 2008', '21.3%', '45.0%', '60%', 'Target 2010/11', '24.3%', '48.0%', 'tbc', 'Lead officer',
    ].join('\n'))).toEqual([
      ['NI 8', 'baseline', 21.3, '2008'], ['NI 8', 'target', 24.3, '2010/11'],
      ['NI 11', 'baseline', 45, '2008'], ['NI 11', 'target', 48, '2010/11'],
      ['NI 57', 'baseline', 60, '2008'], ['NI 57', 'target', null, '2010/11'],
    ]);
  });

  it('reads no column-major table whose value columns are a line short or long of the label column', () => {
    expect(read(['NI 8 Adult participation in sport', 'NI 11 Engagement in the arts', 'Baseline 2008', '21.3%', 'Target 2010/11', '24.3%', '48.0%'].join('\n'))).toEqual([]);
    expect(read(['NI 8 Adult participation in sport', 'NI 11 Engagement in the arts', 'Baseline 2008', '21.3%', '45.0%', '60%'].join('\n'))).toEqual([]);
  });

  describe('a label column flattened apart from its cells', () => {
    const codes = ['Key measures 2010-2013', 'Fewer people out of work', 'NI 152', 'NI 154', 'NI 155', 'NI 156 (LAA)'];
    const header = ['Baseline', 'Performance', '2010/11', '2011/12'];
    const prose = 'Figures for the housing measures will be refreshed once the regional returns are published.';
    const cells = ['12.1%', '11.8%', '11.5%', '410', '430', '450', '96', '110', 'tbc', '1,250', '1,180', '1,100'];

    it('reads a run of exactly one row per listed code, row by row, where each row keeps one unit', () => {
      expect(read([...codes, ...header, ...cells, prose].join('\n'))).toEqual([
        ['NI 152', 'baseline', 12.1, null], ['NI 152', 'target', 11.8, '2010/11'], ['NI 152', 'target', 11.5, '2011/12'],
        ['NI 154', 'baseline', 410, null], ['NI 154', 'target', 430, '2010/11'], ['NI 154', 'target', 450, '2011/12'],
        ['NI 155', 'baseline', 96, null], ['NI 155', 'target', 110, '2010/11'], ['NI 155', 'target', null, '2011/12'],
        ['NI 156', 'baseline', 1250, null], ['NI 156', 'target', 1180, '2010/11'], ['NI 156', 'target', 1100, '2011/12'],
      ]);
    });

    it('reads the run at the end of the table when rows above it broke the header and cannot be read', () => {
      const brokenHeader = ['Baseline', 'Performance', '7.2', '2010/11', '2011/12', '7.0', '6.8', 'Subject to', 'review'];
      expect(read([...codes, ...brokenHeader, ...cells, prose].join('\n'))).toHaveLength(12);
    });

    it('reads nothing where the counts fit another way, a row mixes units, or the table goes on after the run', () => {
      // Eleven cells for four codes: some row is a cell short, and which cannot be told.
      expect(read([...codes, ...header, ...cells.slice(1), prose].join('\n'))).toEqual([]);
      // Shifted by one cell, rows mix a percentage with counts.
      expect(read([...codes, ...header, '3', ...cells.slice(0, 11), prose].join('\n'))).toEqual([]);
      // A short line after the run may be the next row's first cell.
      expect(read([...codes, ...header, ...cells, 'On track'].join('\n'))).toEqual([]);
      // Two codes: too few rows for the counts to say anything.
      expect(read(['NI 152', 'NI 154', ...header, ...cells.slice(0, 6), prose].join('\n'))).toEqual([]);
    });
  });
});
