import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvDelimiter, csvIngester, parseCsv } from '../../../src/ingest/sheet/csv.ts';
import { formatDate, formatNumber } from '../../../src/ingest/sheet/number-format.ts';
import { cellAddress, headerRowIndexes } from '../../../src/ingest/sheet/table.ts';
import { xlsxIngester } from '../../../src/ingest/sheet/xlsx.ts';
import { RejectedInput } from '../../../src/ingest/types.ts';
import type { Table } from '../../../src/model/document.ts';

const options = { fileName: 'targets.xlsx', contentHash: 'h' };

function tables(blocks: Array<{ kind: string }>): Table[] {
  return blocks.filter((b): b is Table => b.kind === 'table');
}

describe('number formats', () => {
  it('shows a stored percent fraction as the percentage, and reports the shown quantity', () => {
    expect(formatNumber(0.265, '0.0%')).toEqual({ text: '26.5%', number: 26.5, percent: true });
    expect(formatNumber(0.29, '0%')).toMatchObject({ text: '29%', number: 29 });
    expect(formatNumber(0.334, '0.0#%')).toMatchObject({ text: '33.4%', number: 33.4 });
  });

  it('formats decimals, thousands, currency, units and sections', () => {
    const cases: Array<[number, string, string]> = [
      [0.61, '0.00', '0.61'],
      [6, '0.0', '6.0'],
      [1412, '#,##0', '1,412'],
      [1234.5, '#,##0.00', '1,234.50'],
      [412000, '£#,##0', '£412,000'],
      [5, '[$£-809]#,##0.00', '£5.00'],
      [702, '0 "kg"', '702 kg'],
      [-5, '#,##0;(#,##0)', '(5)'],
      [-5, '0.0', '-5.0'],
      [0, '#,##0;-#,##0;"-"', '-'],
      [12.5, '#,##0.0_);(#,##0.0)', '12.5'],
      [1234567, '#,##0,"k"', '1,235k'],
      [0.1 + 0.2, 'General', '0.3'],
      [2008, 'General', '2008'],
    ];
    for (const [value, format, text] of cases) expect(formatNumber(value, format).text, `${value} ${format}`).toBe(text);
  });

  it('formats dates from the stored value', () => {
    const april = new Date(Date.UTC(2008, 3, 1, 14, 5));
    expect(formatDate(april, 'mmm-yy')).toBe('Apr-08');
    expect(formatDate(april, 'dd/mm/yyyy hh:mm')).toBe('01/04/2008 14:05');
    expect(formatDate(april, 'd mmmm yyyy')).toBe('1 April 2008');
    expect(formatDate(april, undefined)).toBe('01/04/2008');
  });
});

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('xlsx ingester', () => {
  it('reads each sheet as a table: typed numbers, formats, merges, header rows, addresses', async () => {
    const bytes = await workbook((wb) => {
      wb.title = 'Kestrelshire LAA targets';
      const ws = wb.addWorksheet('Safer');
      ws.getCell('A1').value = 'Kestrelshire Local Strategic Partnership';
      ws.getRow(3).values = ['Indicator', 'Baseline', 'Targets'];
      ws.mergeCells('C3:E3');
      ws.getRow(4).values = ['', '2007/08', '2008/09', '2009/10', '2010/11'];
      ws.getRow(5).values = ['NI 15 Serious violent crime', 0.265, 0.25, null, 1412];
      ws.getCell('B5').numFmt = '0.0%';
      ws.getCell('C5').numFmt = '0%';
      ws.getCell('E5').numFmt = '#,##0';
      ws.mergeCells('A6:A7');
      ws.getCell('A6').value = 'NI 20 Assault';
      ws.getCell('B6').value = { formula: 'B5*2', result: 0.53 } as ExcelJS.CellFormulaValue;
      ws.getCell('B6').numFmt = '0.0%';
      ws.getCell('B7').value = { richText: [{ text: 'Target ' }, { text: 'tbc', font: { bold: true, underline: true } }] };
      ws.getCell('C7').value = new Date(Date.UTC(2009, 2, 31));
      ws.getCell('C7').numFmt = 'dd/mm/yyyy';
      const hidden = wb.addWorksheet('Lookups');
      hidden.state = 'hidden';
      hidden.getCell('A1').value = 'x';
      wb.addWorksheet('Empty');
    });
    expect(xlsxIngester.sniff(bytes)).toBe(true);
    const { value, messages } = await xlsxIngester.ingest(bytes, options);
    expect(value.format).toBe('xlsx');
    expect(value.title).toBe('Kestrelshire LAA targets');
    expect(value.partnership).toBe('Kestrelshire Local Strategic Partnership');
    const [table] = tables(value.blocks);
    expect(tables(value.blocks)).toHaveLength(1);
    expect(table).toMatchObject({ method: 'sheet', provenance: { sheet: 'Safer', table: 0 } });
    // Empty row 2 is dropped; rows keep their real addresses.
    const rows = table.rows.map((r) => r.cells.map((c) => `${c.provenance.address}${c.colSpan > 1 ? `+${c.colSpan}` : ''}${c.rowSpan > 1 ? `v${c.rowSpan}` : ''}=${c.text}`));
    expect(rows).toEqual([
      ['A1=Kestrelshire Local Strategic Partnership'],
      ['A3=Indicator', 'B3=Baseline', 'C3+3=Targets'],
      ['A4=', 'B4=2007/08', 'C4=2008/09', 'D4=2009/10', 'E4=2010/11'],
      ['A5=NI 15 Serious violent crime', 'B5=26.5%', 'C5=25%', 'D5=', 'E5=1,412'],
      ['A6v2=NI 20 Assault', 'B6=53.0%'],
      ['B7=Target tbc', 'C7=31/03/2009'],
    ]);
    expect(table.rows.map((r) => r.header)).toEqual([false, true, true, false, false, false]);
    const b5 = table.rows[3].cells[1];
    expect(b5).toMatchObject({ text: '26.5%', number: 26.5, numberFormat: '0.0%', col: 1 });
    expect(b5.provenance).toMatchObject({ file: 'targets.xlsx', sheet: 'Safer', address: 'B5', table: 0, row: 3, col: 1 });
    expect(table.rows[3].cells[4]).toMatchObject({ number: 1412, numberFormat: '#,##0' });
    expect(table.rows[4].cells[1]).toMatchObject({ text: '53.0%', number: 53 });
    const b7 = table.rows[5].cells[0];
    expect(b7.col).toBe(1);
    expect(b7.spans).toEqual([{ start: 0, end: 7 }, { start: 7, end: 10, style: { bold: true, underline: true } }]);
    expect(table.rows[5].cells[1].number).toBeUndefined();
    expect(messages.map((m) => m.rule).sort()).toEqual(['ingest:xlsx-empty-sheet', 'ingest:xlsx-hidden-sheet']);
  });

  it('refuses a workbook with no cells', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('Blank'));
    await expect(xlsxIngester.ingest(bytes, options)).rejects.toBeInstanceOf(RejectedInput);
  });

  it('finds header rows below a title and stops at the first data row', () => {
    const row = (n: number, ...cells: Array<string | number>) => ({
      rowNumber: n,
      cells: cells.map((c, col) => (typeof c === 'number' ? { col, text: String(c), number: c } : { col, text: c })),
    });
    expect([...headerRowIndexes([row(1, 'Greyholme LSP'), row(2, 'Code', 'Indicator', 'Baseline'), row(3, '', '2008/09', 2009), row(4, 'BV 126', 'Burglary', 14.2)])]).toEqual([1, 2]);
    expect([...headerRowIndexes([row(1, 'NI 1', 'Cohesion', 76)])]).toEqual([]);
    expect(cellAddress(27, 7)).toBe('AB7');
  });
});

describe('csv reader', () => {
  it('parses quotes, doubled quotes, embedded delimiters and line breaks, and blank lines', () => {
    const { records } = parseCsv('a,"b, c","say ""hi"""\r\n\r\n"multi\r\nline",2,3\n', ',');
    expect(records).toEqual([
      { fields: ['a', 'b, c', 'say "hi"'], line: 1 },
      { fields: ['multi\nline', '2', '3'], line: 3 },
    ]);
  });

  it('takes comma or semicolon files with a consistent column count, never tab-separated exports or prose', () => {
    expect(csvDelimiter('Indicator,Baseline,Target\nNI 1,76%,80%\n')).toBe(',');
    expect(csvDelimiter('Indicator;Baseline\nNI 1;26,5\n')).toBe(';');
    expect(csvDelimiter('Measure\tTarget\nNI 1\t80%\n')).toBeNull();
    expect(csvDelimiter('Northmoor LSP\n\nThe plan, agreed in June, sets targets.\nIt replaces, in part, the old plan.\n')).toBeNull();
    expect(csvDelimiter('one,two\nthree,four,five\n')).toBeNull();
    // A title row with fewer fields than the table under it, as a sheet's export writes it.
    const titled = 'Performance Indicators 2008/09,,,\nRef,Indicator,2007/08 Actual,2008/09 Target,Comment\nNI 191,Residual waste,689,650,\nNI 192,Recycling,31.2%,34%,\nBV 8,Invoices paid,94.1,96,\n';
    expect(csvDelimiter(titled)).toBe(',');
    // Prose whose lines happen to hold commas is no table, however many of them agree.
    expect(csvDelimiter('The plan, agreed in June, sets targets, in part.\nIt replaces, in part, the old plan, and more.\nMembers noted, with thanks, the report, today.\nA wider line, with, many, more, commas, than, the rest.\n')).toBeNull();
  });

  it('ingests a CSV as one sheet table with typed numbers and line provenance', async () => {
    const csv = 'Saltings LSP,,\r\nIndicator,Baseline,2008/09\r\n"NI 6, participation",21.3%,"1,234"\r\n';
    const bytes = new TextEncoder().encode(csv);
    expect(csvIngester.sniff(bytes)).toBe(true);
    const { value } = await csvIngester.ingest(bytes, { fileName: 'a.csv', contentHash: 'h' });
    const [table] = tables(value.blocks);
    expect(value.format).toBe('csv');
    expect(table.rows.map((r) => r.header)).toEqual([false, true, false]);
    expect(table.rows[2].cells.map((c) => [c.text, c.number])).toEqual([['NI 6, participation', undefined], ['21.3%', 21.3], ['1,234', 1234]]);
    expect(table.rows[2].cells[1].provenance).toMatchObject({ file: 'a.csv', line: 3, row: 2, col: 1, address: 'B3' });
  });

  it('reads semicolon files with decimal commas, and Windows-1252 bytes', async () => {
    const bytes = new Uint8Array(Buffer.from('Indicator;Target\nNI 153 \x96 claimants;26,5%\n', 'latin1'));
    const { value, messages } = await csvIngester.ingest(bytes, { fileName: 'a.csv', contentHash: 'h' });
    const cells = tables(value.blocks)[0].rows[1].cells;
    expect(cells[0].text).toBe('NI 153 – claimants');
    expect(cells[1].number).toBe(26.5);
    expect(messages[0].rule).toBe('ingest:windows-1252');
  });
});
