// Tables flattened to lines of text: a header line of value columns over rows with that many figures in a run.
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../src/detect/mentions.ts';
import { completeTextHeader, parseTextHeader, readTextRow, stackedTextHeader } from '../../../src/extract/text-table.ts';
import { processBytes } from '../../../src/pipeline/process.ts';

const unit = (text: string, line = 1) => ({ text, spans: [], provenance: { file: 't.txt', line } });

function rows(header: string, lines: string[]) {
  const parsed = parseTextHeader(header);
  if (!parsed) throw new Error('not a header');
  let carried = null as ReturnType<typeof findMentions>[number] | null;
  const out: unknown[][] = [];
  for (const line of lines) {
    const row = readTextRow(unit(line), parsed, unit(header), carried);
    if (!row) continue;
    carried = row.indicator;
    for (const c of row.candidates) out.push([c.indicator.code, c.kind, c.token.state === 'value' ? c.token.value : c.token.pendingReason, c.labelPeriod, c.area]);
  }
  return out;
}

describe('text tables', () => {
  it('reads a Target set apart as its own column, bare years beside an undated Target as results, and keeps a figure of the row label out of the cells', () => {
    const header = 'Indicator                     2006/07   2007/08   2008/09   Target';
    expect(rows(header, ['BV 12 Sickness days per FTE     10.2      9.8       9.1       8.5', 'BV 8 Invoices paid in 30 days   92.1%     93.4%     95.0%     97%'])).toEqual([
      ['BV 12', 'result', 10.2, '2006/07', null], ['BV 12', 'result', 9.8, '2007/08', null], ['BV 12', 'result', 9.1, '2008/09', null], ['BV 12', 'target', 8.5, null, null],
      ['BV 8', 'result', 92.1, '2006/07', null], ['BV 8', 'result', 93.4, '2007/08', null], ['BV 8', 'result', 95, '2008/09', null], ['BV 8', 'target', 97, null, null],
    ]);
    // One space joins a year to its kind: "2008/09 Target" is one column, the years before it results.
    expect(parseTextHeader('2006/07 2007/08 2008/09 Target')?.flat().map((c) => [c.kind, c.period])).toEqual([['result', '2006/07'], ['result', '2007/08'], ['target', '2008/09']]);
    // Words between a year and a kind word make a title, not a header.
    expect(parseTextHeader('LAA Refresh 2009 - Proposed Changes to Targets')).toBeNull();
  });


  it('reads the columns of header lines by meaning, in runs split by other labels', () => {
    const cols = (h: string) => parseTextHeader(h)?.map((run) => run.map((c) => [c.kind, c.period, c.area, c.skip]));
    expect(cols('2006/07 2008 2009 2010')).toEqual([[[null, '2006/07', null, false], [null, '2008', null, false], [null, '2009', null, false], [null, '2010', null, false]]]);
    expect(cols('Outturn 07/08 Outturn 08/09 Target 08/09 Top quartile 07/08')).toEqual([[
      ['result', '2007/08', null, false], ['result', '2008/09', null, false], ['target', '2008/09', null, false], [null, '2007/08', null, true],
    ]]);
    expect(cols('PI No Description 08/09 Outturn 09/10 target Good is ? Q1 Q2 Year to date Status')).toEqual([
      [['result', '2008/09', null, false], ['target', '2009/10', null, false]],
      [['result', '2009-06', null, false], ['result', '2009-09', null, false], ['result', '2009/10', null, false]],
    ]);
    expect(cols('Indicator 2007/08 baseline England average')).toEqual([[['baseline', '2007/08', null, false], ['result', null, 'England', false]]]);
  });

  it.each([
    'The table below shows the results for 2008/09 and 2009/10.',
    'Baseline: NI 20 TBA by March 09',
    'NI 8 2008 2009',
    'Total 2008/09 45 2009/10 50',
  ])('takes "%s" for no header', (line) => {
    expect(parseTextHeader(line)).toBeNull();
  });

  it('reads rows under a header, carrying the indicator and reading comparator rows as results for that area', () => {
    expect(rows('2007/08 2008/09 2009/10', [
      'NI 8 – Adult participation Westdale Actual 19.5 21.0 22.4',
      'in sport North West 20.1 20.6 21.2',
      'All England 21.3 21.5 21.6',
      'Notes follow below',
    ])).toEqual([
      ['NI 8', 'result', 19.5, '2007/08', null], ['NI 8', 'result', 21, '2008/09', null], ['NI 8', 'result', 22.4, '2009/10', null],
      ['NI 8', 'result', 20.1, '2007/08', 'North West'], ['NI 8', 'result', 20.6, '2008/09', 'North West'], ['NI 8', 'result', 21.2, '2009/10', 'North West'],
      ['NI 8', 'result', 21.3, '2007/08', 'England'], ['NI 8', 'result', 21.5, '2008/09', 'England'], ['NI 8', 'result', 21.6, '2009/10', 'England'],
    ]);
  });

  it('reads kind columns, keeps pending slots, never stores quartiles, and skips rows that do not line up', () => {
    expect(rows('Outturn 07/08 Outturn 08/09 Target 09/10 Top quartile 07/08', [
      'BV 12 Working days lost to sickness 10.2 9.8 tbc 8.1',
      'BV 8 Invoices paid on time 92% 94%',
      'BV 9 Council tax collected 97.1% 97.4% 98% 98.5%',
    ])).toEqual([
      ['BV 12', 'result', 10.2, '2007/08', null], ['BV 12', 'result', 9.8, '2008/09', null], ['BV 12', 'target', 'tbc', '2009/10', null],
      ['BV 9', 'result', 97.1, '2007/08', null], ['BV 9', 'result', 97.4, '2008/09', null], ['BV 9', 'target', 98, '2009/10', null],
    ]);
  });

  it('stores nothing for a year column whose rows say neither kind nor place', () => {
    expect(rows('2008/09 2009/10', ['NI 154 Net additional homes 420 455'])).toEqual([]);
  });

  it('completes a header of years with a line of kinds just below or above it, one kind per column', async () => {
    const read = async (text: string) => {
      const result = await processBytes(new TextEncoder().encode(text), 'two-line-header.txt');
      if (!result.ok) throw new Error(result.reason);
      return result.result.observations.map((o) => [o.indicator.code, o.kind, o.value, o.period]);
    };
    const expected = [['NI 39', 'result', 1432, '2007/08'], ['NI 39', 'result', 1512, '2008/09'], ['NI 39', 'target', 1480, '2009/10'], ['NI 39', 'target', 1450, '2010/11']];
    expect(await read([
      'Indicator                         2007/08   2008/09   2009/10   2010/11',
      '                                  Actual    Actual    Target    Target',
      'NI 39 Alcohol admissions            1,432     1,512     1,480     1,450', '',
    ].join('\n'))).toEqual(expected);
    expect(await read([
      'Indicator                         Actual    Actual    Target    Target',
      '                                  2007/08   2008/09   2009/10   2010/11',
      'NI 39 Alcohol admissions            1,432     1,512     1,480     1,450', '',
    ].join('\n'))).toEqual(expected);
    // Three kinds for four years: which kind heads which year cannot be told, so the years stay without one.
    const header = parseTextHeader('2007/08   2008/09   2009/10   2010/11')!;
    expect(completeTextHeader(header, 'Actual    Actual    Target')).toBeNull();
    expect(completeTextHeader(header, 'Actual    Actual    Target    Notes')).toBeNull();
  });

  it('reads a header whose labels are stacked over two lines, one label of the second under each column of the first', async () => {
    const result = await processBytes(new TextEncoder().encode([
      'Corporate Performance Scorecard – Quarter 2 2009/10', '',
      'Ref      Indicator                                 2008/09    Q1        Q2        Target     Status',
      '                                                   Outturn    2009/10   2009/10   2009/10',
      'NI 157a  Major planning applications in 13 weeks    68%        75%       81%       70%        Green',
      'BV 12    Days lost to sickness absence per FTE     9.4        2.1       4.3       8.5        Red', '',
    ].join('\n')), 'stacked-header.txt');
    if (!result.ok) throw new Error(result.reason);
    expect(result.result.observations.map((o) => [o.indicator.code, o.kind, o.value, o.period])).toEqual([
      ['NI 157a', 'result', 68, '2008/09'], ['NI 157a', 'result', 75, '2009-06'], ['NI 157a', 'result', 81, '2009-09'], ['NI 157a', 'target', 70, '2009/10'],
      ['BV 12', 'result', 9.4, '2008/09'], ['BV 12', 'result', 2.1, '2009-06'], ['BV 12', 'result', 4.3, '2009-09'], ['BV 12', 'target', 8.5, '2009/10'],
    ]);
    // Three labels under four columns, or a word that labels no value column: which goes where cannot be told.
    const header = parseTextHeader('2008/09    Q1        Q2        Target')!;
    expect(stackedTextHeader(header, '2008/09    Q1        Q2        Target', 'Outturn    2009/10   2009/10', { reportingPeriod: null })).toBeNull();
    expect(stackedTextHeader(header, '2008/09    Q1        Q2        Target', 'Outturn    2009/10   2009/10   Notes', { reportingPeriod: null })).toBeNull();
    expect(stackedTextHeader(header, '2008/09    Q1        Q2        Target', 'Outturn    2009/10   2009/10   2009/10', { reportingPeriod: null })!.flat().map((c) => [c.kind, c.period]))
      .toEqual([['result', '2008/09'], ['result', '2009-06'], ['result', '2009-09'], ['target', '2009/10']]);
  });

  it('reads a web copy\'s table written with " / " between cells, places under an indicator\'s row included, and no row of missing cells', async () => {
    const result = await processBytes(new TextEncoder().encode([
      'Delivery plan 2009', '',
      'Indicator / Baseline / Target 08/09 / Target 09/10 / Target 10/11 / Lead partner',
      'NI 153 – Working age people claiming out of work benefits in the worst neighbourhoods / 32.3% (May 2007) / 31.3% / 30.3% / 29.3% / Jobcentre Plus',
      'Additional indicators to be measured:',
      'Barrow (WNF Recipient) / 32.3% / 31.2% / 30.2% / 29.2% / Barrow LSP',
      // Five cells under six headings: which one is missing the line does not say.
      'SI 1 – People helped into sustained employment / 0 (April 2007) / 200 / County Council', '',
      'Members and / or officers will report to the board.', '',
    ].join('\n')), 'slashes.txt');
    if (!result.ok) throw new Error(result.reason);
    expect(result.result.observations.map((o) => [o.indicator.code, o.kind, o.value, o.period, o.area])).toEqual([
      ['NI 153', 'baseline', 32.3, '2007-05', null], ['NI 153', 'target', 31.3, '2008/09', null], ['NI 153', 'target', 30.3, '2009/10', null], ['NI 153', 'target', 29.3, '2010/11', null],
      ['NI 153', 'baseline', 32.3, null, 'Barrow'], ['NI 153', 'target', 31.2, '2008/09', 'Barrow'], ['NI 153', 'target', 30.2, '2009/10', 'Barrow'], ['NI 153', 'target', 29.2, '2010/11', 'Barrow'],
    ]);
    expect(result.document.blocks.filter((b) => b.kind === 'table').map((b) => b.kind === 'table' && b.method)).toEqual(['slashes']);
  });

  it('reads years before a target column as results, a bracketed note after a year as no column, and notes after figures as part of their slot', () => {
    const header = 'Description 2004-05 2005-06 (to Jan 06) unless otherwise stated 2006-07 Target';
    expect(parseTextHeader(header)?.map((run) => run.map((c) => [c.kind, c.period]))).toEqual([
      [['result', '2004/05'], ['result', '2005/06']], [['target', '2006/07']],
    ]);
    expect(rows(header, [
      'SPI 1b Action taken by the police. 64% (satisfied) 37% (completely/very) 78%',
      'SPI 1a Making contact with the police. 82% (satisfied) 47% (completely/very)',
    ])).toEqual([
      ['SPI 1b', 'result', 64, '2004/05', null], ['SPI 1b', 'result', 37, '2005/06', null], ['SPI 1b', 'target', 78, '2006/07', null],
      ['SPI 1a', 'result', 82, '2004/05', null], ['SPI 1a', 'result', 47, '2005/06', null],
    ]);
    // Bare years without a target column beside them stay without a kind.
    expect(parseTextHeader('2006/07 2008 2009 2010')?.flat().map((c) => c.kind)).toEqual([null, null, null, null]);
  });

  it('reads a quarter written with its year as one column, quarters naming no year (or written as months) as the year reported\'s, and a baseline followed by years as a plan\'s targets', async () => {
    const read = async (text: string) => {
      const result = await processBytes(new TextEncoder().encode(text), 'quarters.txt');
      if (!result.ok) throw new Error(result.reason);
      return result.result.observations.map((o) => [o.indicator.code, o.kind, o.value, o.period]);
    };
    expect(await read([
      'Performance Digest 2008/09 – Quarter 3', '',
      'Indicator            2007/08 Actual   2008/09 Target   Q2 2008/09',
      'NI 181               18.3             16.0             14.2', '',
      'Ref      Indicator                           Q1      Q2      Q3      Target',
      'NI 192   Household waste recycled            36.2%   37.9%   38.4%   40%', '',
      'Code     Measure                             Apr-Jun   Jul-Sep   Oct-Dec   Annual target',
      'LPI 4    Calls answered in 20 seconds        88%       91%       90%       90%', '',
      'Ref      Indicator                           Baseline 2007/08   2008/09   2009/10',
      'NI 8     Adult participation in sport        21.3%              22.3%     23.3%', '',
    ].join('\n'))).toEqual([
      ['NI 181', 'result', 18.3, '2007/08'], ['NI 181', 'target', 16, '2008/09'], ['NI 181', 'result', 14.2, '2008-09'],
      ['NI 192', 'result', 36.2, '2008-06'], ['NI 192', 'result', 37.9, '2008-09'], ['NI 192', 'result', 38.4, '2008-12'], ['NI 192', 'target', 40, '2008/09'],
      ['LPI 4', 'result', 88, '2008-06'], ['LPI 4', 'result', 91, '2008-09'], ['LPI 4', 'result', 90, '2008-12'], ['LPI 4', 'target', 90, '2008/09'],
      ['NI 8', 'baseline', 21.3, '2007/08'], ['NI 8', 'target', 22.3, '2008/09'], ['NI 8', 'target', 23.3, '2009/10'],
    ]);
    // With no year reported, quarters naming none stay undated; a span of months that is no quarter is no column.
    expect(parseTextHeader('Indicator     Q1      Q2      Q3')!.flat().map((c) => c.period)).toEqual([null, null, null]);
    expect(parseTextHeader('Indicator     Apr-Sep      Oct-Mar      Target')).toBeNull();
  });
});
