// Header paths: a figure's column is read through every header cell above it (merged cells included) and its
// row through every label cell beside it (a code cell merged down over "Target" and "Actual" rows included).
// Tables are written as the HTML a word processor or a council web page gives, merged cells and all.
import { describe, expect, it } from 'vitest';
import { combineRoles, rowPaths } from '../../../src/extract/header-paths.ts';
import { headerFromLabels, spreadStackedKinds } from '../../../src/extract/table-header.ts';
import { readTable } from '../../../src/extract/table.ts';
import { IndicatorScope } from '../../../src/extract/scope.ts';
import type { Row } from '../../../src/model/document.ts';
import { processBytes } from '../../../src/pipeline/process.ts';

async function read(html: string) {
  const result = await processBytes(new TextEncoder().encode(`<html><body>${html}</body></html>`), 'probe.html');
  if (!result.ok) throw new Error(result.reason);
  return result.result.observations.filter((o) => o.state === 'value').map((o) => [o.indicator.code, o.kind, o.value, o.period]);
}

describe('column header paths', () => {
  it('a year merged over "Target | Actual" dates both columns', async () => {
    expect(await read(`<table>
      <tr><th rowspan="2">Indicator</th><th rowspan="2">Baseline 2007/08</th><th colspan="2">2008/09</th><th colspan="2">2009/10</th></tr>
      <tr><th>Target</th><th>Actual</th><th>Target</th><th>Actual</th></tr>
      <tr><td>NI 192 Household waste recycled</td><td>31%</td><td>33%</td><td>34.2%</td><td>36%</td><td>37.5%</td></tr>
    </table>`)).toEqual([
      ['NI 192', 'baseline', 31, '2007/08'], ['NI 192', 'target', 33, '2008/09'], ['NI 192', 'result', 34.2, '2008/09'],
      ['NI 192', 'target', 36, '2009/10'], ['NI 192', 'result', 37.5, '2009/10'],
    ]);
  });

  it('a quarter under a merged year is a label of the header, not the end of it', async () => {
    expect(await read(`<table>
      <tr><th rowspan="2">PI</th><th rowspan="2">Description</th><th colspan="2">2008/09</th><th colspan="2">2009/10</th><th rowspan="2">Status</th></tr>
      <tr><th>Target</th><th>Actual</th><th>Target</th><th>Q2</th></tr>
      <tr><td>BV 12</td><td>Working days lost to sickness</td><td>9.0</td><td>9.6</td><td>8.8</td><td>4.1</td><td>Amber</td></tr>
    </table>`)).toEqual([
      ['BV 12', 'target', 9, '2008/09'], ['BV 12', 'result', 9.6, '2008/09'], ['BV 12', 'target', 8.8, '2009/10'], ['BV 12', 'result', 4.1, '2009-09'],
    ]);
  });

  it('indicators heading the columns over a blank stub cell, with "Latest (APS 2008/09)" a result, and no guess for a row that names neither kind nor year', async () => {
    expect(await read(`<table>
      <tr><th></th><th>NI 8 Adult participation in sport</th><th>NI 11 Engagement in the arts</th></tr>
      <tr><td>Baseline (APS 2005/06)</td><td>21.3%</td><td>44.1%</td></tr>
      <tr><td>Target 2010/11</td><td>24.3%</td><td>47.0%</td></tr>
      <tr><td>Latest (APS 2008/09)</td><td>22.0%</td><td>45.2%</td></tr>
      <tr><td>Most recent (APS3)</td><td>22.4%</td><td>45.9%</td></tr>
    </table>`)).toEqual([
      ['NI 8', 'baseline', 21.3, '2005/06'], ['NI 11', 'baseline', 44.1, '2005/06'],
      ['NI 8', 'target', 24.3, '2010/11'], ['NI 11', 'target', 47, '2010/11'],
      ['NI 8', 'result', 22, '2008/09'], ['NI 11', 'result', 45.2, '2008/09'],
    ]);
  });

  it('a year then its quarter ("2009/10 Q2") heads a result column for that quarter', async () => {
    expect(await read(`<h2>NI 111 First time entrants to the Youth Justice System</h2><table>
      <tr><th>District</th><th>2009/10 Target</th><th>2009/10 Q2</th></tr>
      <tr><td>Allerdale</td><td>110</td><td>51</td></tr>
    </table>`)).toEqual([['NI 111', 'target', 110, '2009/10'], ['NI 111', 'result', 51, '2009-09']]);
  });

  it('quarters right of the latest year\'s columns are that year\'s quarters', async () => {
    expect(await read(`<table>
      <tr><th>Ref</th><th>Indicator</th><th>2008/09 Outturn</th><th>2009/10 Target</th><th>Q1</th><th>Q2</th><th>YTD</th></tr>
      <tr><td>NI 181</td><td>Benefit processing (days)</td><td>12.1</td><td>11</td><td>11.5</td><td>10.9</td><td>11.2</td></tr>
    </table>`)).toEqual([
      ['NI 181', 'result', 12.1, '2008/09'], ['NI 181', 'target', 11, '2009/10'], ['NI 181', 'result', 11.5, '2009-06'],
      ['NI 181', 'result', 10.9, '2009-09'], ['NI 181', 'result', 11.2, '2009/10'],
    ]);
  });

  it('a heading naming two kinds ("Target / Actual") reads one figure of each, and nothing from a cell of one', async () => {
    expect(await read(`<table>
      <tr><th>Indicator</th><th>2009/10 Target / Actual</th></tr>
      <tr><td>NI 8 Adult participation in sport</td><td>23% / 21.5%</td></tr>
      <tr><td>NI 11 Engagement in the arts</td><td>48%</td></tr>
    </table>`)).toEqual([['NI 8', 'target', 23, '2009/10'], ['NI 8', 'result', 21.5, '2009/10']]);
  });

  it('a row label of a kind and a calendar year dates its row ("Baseline 2006")', async () => {
    expect(await read(`<table>
      <tr><th>Indicator</th><th>NI 8 Adult participation in sport</th><th>NI 11 Engagement in the arts</th></tr>
      <tr><td>Baseline 2006</td><td>21.3%</td><td>45.0%</td></tr>
      <tr><td>Target 2010/11</td><td>24.3%</td><td>48.0%</td></tr>
    </table>`)).toEqual([
      ['NI 8', 'baseline', 21.3, '2006'], ['NI 11', 'baseline', 45, '2006'], ['NI 8', 'target', 24.3, '2010/11'], ['NI 11', 'target', 48, '2010/11'],
    ]);
  });

  it('a kind merged over three years makes all three that kind, not only the first', async () => {
    expect(await read(`<table>
      <tr><th rowspan="2">BVPI</th><th rowspan="2">Description</th><th colspan="3">Actual</th><th colspan="2">Targets</th></tr>
      <tr><th>2004/05</th><th>2005/06</th><th>2006/07</th><th>2007/08</th><th>2008/09</th></tr>
      <tr><td>BV 12</td><td>Working days lost to sickness absence</td><td>10.2</td><td>9.8</td><td>9.5</td><td>9.3</td><td>9.0</td></tr>
    </table>`)).toEqual([
      ['BV 12', 'result', 10.2, '2004/05'], ['BV 12', 'result', 9.8, '2005/06'], ['BV 12', 'result', 9.5, '2006/07'],
      ['BV 12', 'target', 9.3, '2007/08'], ['BV 12', 'target', 9, '2008/09'],
    ]);
  });

  it('undated quarters under a merged "Quarter results 2008/09" end in that year\'s quarter months', async () => {
    expect(await read(`<table>
      <tr><th>Ref</th><th>Measure</th><th>Outturn 2007/08</th><th colspan="3">Quarter results 2008/09</th><th>Target 2008/09</th></tr>
      <tr><th></th><th></th><th></th><th>Q1</th><th>Q2</th><th>Q3</th><th></th></tr>
      <tr><td>NI 8</td><td>Adult participation in sport</td><td>21.5%</td><td>21.9%</td><td>22.3%</td><td>22.4%</td><td>23%</td></tr>
    </table>`)).toEqual([
      ['NI 8', 'result', 21.5, '2007/08'], ['NI 8', 'result', 21.9, '2008-06'], ['NI 8', 'result', 22.3, '2008-09'],
      ['NI 8', 'result', 22.4, '2008-12'], ['NI 8', 'target', 23, '2008/09'],
    ]);
  });

  it('a top-quartile heading merged over years keeps every one of its columns out', async () => {
    expect(await read(`<table>
      <tr><th rowspan="2">PI</th><th colspan="2">Outturn</th><th colspan="2">Top quartile</th></tr>
      <tr><th>2006/07</th><th>2007/08</th><th>2006/07</th><th>2007/08</th></tr>
      <tr><td>BV 8</td><td>92%</td><td>94%</td><td>97%</td><td>98%</td></tr>
    </table>`)).toEqual([['BV 8', 'result', 92, '2006/07'], ['BV 8', 'result', 94, '2007/08']]);
  });
});

describe('headers whose merged cells the format does not record', () => {
  async function readText(text: string) {
    const result = await processBytes(new TextEncoder().encode(text), 'probe.txt');
    if (!result.ok) throw new Error(result.reason);
    return result.result.observations.map((o) => [o.kind, o.value, o.period, o.confidenceReasons.some((r) => /merged heading/.test(r))]);
  }

  it('a tab export writes a merged year in its first cell: the blank beside it takes that year, with the doubt said', async () => {
    expect(await readText(['Indicator\t2008/09\t\t2009/10\t', '\tTarget\tActual\tTarget\tActual', 'NI 47 People killed or seriously injured\t42\t40\t38\t35'].join('\n'))).toEqual([
      ['target', 42, '2008/09', false], ['result', 40, '2008/09', true], ['target', 38, '2009/10', false], ['result', 35, '2009/10', true],
    ]);
  });

  it('a kind heading merged over two years reaches the blank beside it; a column with its own full label keeps it', async () => {
    expect(await readText(['Indicator\tOutturn\t\tComment', '\t2007/08\t2008/09\tTarget 2009/10', 'NI 47 People killed or seriously injured\t44\t41\t38'].join('\n'))).toEqual([
      ['result', 44, '2007/08', false], ['result', 41, '2008/09', true], ['target', 38, '2009/10', false],
    ]);
  });
});

describe('borderless PDF headings stacked over one year', () => {
  const cell = (col: number, text: string) => ({ text, spans: [], content: [], col, colSpan: 1, rowSpan: 1, provenance: { file: 'x', page: 1, col } });
  const kinds = (texts: string[]) => {
    const header = headerFromLabels({ cells: texts.map((t, i) => cell(i, t)), header: false, provenance: { file: 'x' } })!;
    spreadStackedKinds(header);
    return [...header.columns.values()].map((c) => (c.role.role === 'value' ? [c.role.kind, c.role.period, !!c.doubt] : [c.role.role]));
  };

  it('give each bare year the kind of the nearest stacked heading, with the doubt said', () => {
    expect(kinds(['Ref', '2005/06', 'Actual\n2006/07', '2007/08', '2008/09', 'Targets\n2009/10', '2010/11'])).toEqual([
      ['indicator'], ['result', '2005/06', true], ['result', '2006/07', false], ['result', '2007/08', true],
      ['target', '2008/09', true], ['target', '2009/10', false], ['target', '2010/11', true],
    ]);
  });

  it('leave a year as near to two different headings as it was, doubted', () => {
    expect(kinds(['Ref', 'Actual\n2006/07', '2007/08', 'Target\n2008/09'])).toEqual([
      ['indicator'], ['result', '2006/07', false], [null, '2007/08', true], ['target', '2008/09', false],
    ]);
  });
});

describe('borderless PDF code cells centred down over their rows', () => {
  const cell = (col: number, text: string) => ({ text, spans: [], content: [], col, colSpan: 1, rowSpan: 1, provenance: { file: 'x', page: 1, col } });
  const row = (...texts: string[]): Row => ({ cells: texts.map((t, i) => cell(i, t)), header: false, provenance: { file: 'x', page: 1 } });
  const read = (rows: Row[]) =>
    readTable({ kind: 'table', index: 0, method: 'borderless', rows, provenance: { file: 'x', page: 1 } }, new IndicatorScope(), null, { reportingPeriod: null })
      .candidates.filter((c) => c.token.state === 'value')
      .map((c) => [c.indicator.code, c.kind, c.token.value]);

  it('give each Target and Actual row the nearest row naming an indicator', () => {
    expect(read([
      row('Indicator', '', '2008/09', '2009/10'),
      row('', 'Target', '7.1', '6.9'),
      row('NI 186 Per capita CO2 emissions', '', '', ''),
      row('', 'Actual', '7.2', '7.0'),
      row('', 'Target', '31%', '33%'),
      row('NI 192 Household waste recycled', '', '', ''),
      row('', 'Actual', '30%', '34.2%'),
    ])).toEqual([
      ['NI 186', 'target', 7.1], ['NI 186', 'target', 6.9], ['NI 186', 'result', 7.2], ['NI 186', 'result', 7],
      ['NI 192', 'target', 31], ['NI 192', 'target', 33], ['NI 192', 'result', 30], ['NI 192', 'result', 34.2],
    ]);
  });

  it('leave code rows on top of their kind rows to the rows after them', () => {
    expect(read([
      row('Indicator', '', '2008/09', '2009/10'),
      row('NI 186 Per capita CO2 emissions', '', '', ''),
      row('', 'Target', '7.1', '6.9'),
      row('', 'Actual', '7.2', '7.0'),
      row('NI 192 Household waste recycled', '', '', ''),
      row('', 'Target', '31%', '33%'),
    ]).map(([code, , value]) => [code, value])).toEqual([['NI 186', 7.1], ['NI 186', 6.9], ['NI 186', 7.2], ['NI 186', 7], ['NI 192', 31], ['NI 192', 33]]);
  });
});

describe('row header paths', () => {
  it('a code cell merged down over "Target" and "Actual" rows names the indicator of both rows', async () => {
    expect(await read(`<table>
      <tr><th>Indicator</th><th></th><th>2007/08</th><th>2008/09</th></tr>
      <tr><td rowspan="2">NI 186 Per capita CO2 emissions</td><td>Target</td><td>7.1</td><td>6.9</td></tr>
      <tr><td>Actual</td><td>7.2</td><td>7.0</td></tr>
      <tr><td rowspan="2">NI 192 Household waste recycled</td><td>Target</td><td>31%</td><td>33%</td></tr>
      <tr><td>Actual</td><td>30%</td><td>34.2%</td></tr>
    </table>`)).toEqual([
      ['NI 186', 'target', 7.1, '2007/08'], ['NI 186', 'target', 6.9, '2008/09'],
      ['NI 186', 'result', 7.2, '2007/08'], ['NI 186', 'result', 7, '2008/09'],
      ['NI 192', 'target', 31, '2007/08'], ['NI 192', 'target', 33, '2008/09'],
      ['NI 192', 'result', 30, '2007/08'], ['NI 192', 'result', 34.2, '2008/09'],
    ]);
  });

  it('rows below a merged cell see it; rows past its span do not', () => {
    const cell = (col: number, text: string, rowSpan = 1) => ({ text, spans: [], content: [], col, colSpan: 1, rowSpan, provenance: { file: 'x', row: 0, col } });
    const row = (...cells: ReturnType<typeof cell>[]): Row => ({ cells, header: false, provenance: { file: 'x' } });
    const rows = [row(cell(0, 'NI 5', 2), cell(1, '80%')), row(cell(1, '82%')), row(cell(1, '84%'))];
    expect(rowPaths(rows)[1].cells.map((c) => c.text)).toEqual(['NI 5', '82%']);
    expect(rowPaths(rows)[2].cells.map((c) => c.text)).toEqual(['84%']);
  });
});

describe('reading a path top to bottom', () => {
  it('combines kinds and periods, lower cells deciding where both speak', () => {
    expect(combineRoles({ role: 'value', kind: 'target', period: null }, { role: 'value', kind: null, period: '2009/10' })).toEqual({ role: 'value', kind: 'target', period: '2009/10' });
    expect(combineRoles({ role: 'value', kind: 'result', period: '2008/09' }, { role: 'value', kind: 'target', period: null })).toEqual({ role: 'value', kind: 'target', period: '2008/09' });
    expect(combineRoles({ role: 'value', kind: 'result', period: '2009/10' }, { role: 'value', kind: 'result', period: null, quarter: 3 })).toEqual({ role: 'value', kind: 'result', period: '2009-12', quarter: 3 });
    expect(combineRoles({ role: 'threshold' }, { role: 'value', kind: null, period: '2007/08' })).toEqual({ role: 'threshold' });
    expect(combineRoles({ role: 'value', kind: 'result', period: null }, { role: 'other' })).toEqual({ role: 'value', kind: 'result', period: null });
    expect(combineRoles({ role: 'value', kind: 'result', period: null }, { role: 'status' })).toEqual({ role: 'status' });
  });
});
