import { describe, expect, it } from 'vitest';
import { textExportIngester } from '../../../src/ingest/text-export/index.ts';
import { RejectedInput } from '../../../src/ingest/types.ts';
import type { Table } from '../../../src/model/document.ts';

async function ingest(text: string | Uint8Array) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return (await textExportIngester.ingest(bytes, { fileName: 'plan.txt', contentHash: 'h' })).value;
}

function tables(doc: Awaited<ReturnType<typeof ingest>>): Table[] {
  return doc.blocks.filter((b): b is Table => b.kind === 'table');
}

describe('text-export ingester', () => {
  it('reads consecutive tab rows as one table with cell provenance', async () => {
    const doc = await ingest('Intro line\n\nA\tB\tC\n1\t2\t3\n');
    const [table] = tables(doc);
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['A', 'B', 'C'], ['1', '2', '3']]);
    expect(table.rows[1].cells[2].provenance).toMatchObject({ file: 'plan.txt', line: 4, table: 0, row: 1, col: 2 });
  });

  it('reads rows written between pipes as a table, empty cells in their places, and leaves a pipe in prose alone', async () => {
    const doc = await ingest('| PI | Description | 2007/08 Outturn |\n|---|---|---|\n| BV 8 | Invoices paid | 97.2% |\n| BV 12 |  | 9.9 |\n\nEither | or.\n');
    const [table] = tables(doc);
    expect(table.method).toBe('tabs');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['PI', 'Description', '2007/08 Outturn'], ['BV 8', 'Invoices paid', '97.2%'], ['BV 12', '', '9.9']]);
    expect(table.rows[2].cells[2].provenance).toMatchObject({ line: 4, row: 2, col: 2 });
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'paragraph', text: 'Either | or.' });
  });

  it('parses HTML fragments in cells into structure, not markup', async () => {
    const doc = await ingest('<u>Baseline</u> 29%\t<ul><li>First point</li><li>Second <i>point</i></li></ul>\t<p>One</p> <p>Two</p>\n');
    const [row] = tables(doc)[0].rows;
    expect(row.cells[0].text).toBe('Baseline 29%');
    expect(row.cells[0].spans[0]).toMatchObject({ start: 0, end: 8, style: { underline: true } });
    expect(row.cells[1].text).toBe('First point\nSecond point');
    expect(row.cells[1].content[0].kind).toBe('list');
    expect(row.cells[2].text).toBe('One\nTwo');
    expect(row.cells.map((c) => c.text).join(' ')).not.toMatch(/<\/?\w/);
  });

  it('rejoins a cell broken across a page break after a repeated header row', async () => {
    const text = [
      'ACTION\tOUTCOME\tNOTES',
      'Young people\tMore to do and\tSummer schemes',
      '',
      'ACTION\tOUTCOME\tNOTES',
      '\tsomewhere to go.\t',
      'Health\tBetter health\tCampaigns',
    ].join('\n');
    const rows = tables(await ingest(text))[0].rows;
    expect(rows.map((r) => r.cells[1]?.text)).toEqual(['OUTCOME', 'More to do and somewhere to go.', 'Better health']);
  });

  it('rejoins a spilled-over cell in a row of empty cells after a gap', async () => {
    const text = 'Code\tLead\tPartners\nNI 193\tHCC\tBroxbourne BC Dacorum BC\n\n\t\tWatford BC Herts Waste Partnership\t\n';
    const rows = tables(await ingest(text))[0].rows;
    expect(rows[1].cells[2].text).toBe('Broxbourne BC Dacorum BC Watford BC Herts Waste Partnership');
    expect(rows).toHaveLength(2);
  });

  it('keeps a row with an empty first cell inside a page as a row of its own', async () => {
    const rows = tables(await ingest('\t<u>Baseline</u> 5%\t08/09 6%\n\t<u>Actions:</u> Do things\n'))[0].rows;
    expect(rows).toHaveLength(2);
  });

  it('drops export artefact lines', async () => {
    const rows = tables(await ingest('A\tB\n---\t---\nC\tD\n'))[0].rows;
    expect(rows.map((r) => r.cells[0].text)).toEqual(['A', 'C']);
  });

  it('reads Windows-1252 bytes, dashes and pound signs included', async () => {
    const bytes = Uint8Array.from([...Buffer.from('Target '), 0x96, ...Buffer.from(' '), 0xa3, ...Buffer.from('450 '), 0x93, ...Buffer.from('ok'), 0x94]);
    const doc = await ingest(bytes);
    const first = doc.blocks[0];
    expect(first.kind !== 'table' && first.kind !== 'list' ? first.text : '').toBe('Target – £450 “ok”');
  });

  it('reads UTF-8 with a byte order mark and CRLF line ends', async () => {
    const doc = await ingest(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Ümlaut line\r\nA\tB\r\n')]));
    expect(doc.blocks[0]).toMatchObject({ text: 'Ümlaut line' });
    expect(tables(doc)[0].rows[0].cells[1].text).toBe('B');
  });

  it('finds headings, lists and the partnership name', async () => {
    const doc = await ingest('Vision 100\nRochford District\nLocal Strategic Partnership\n\nStrategic Priority 1: Ageing\n- one\n- two\n');
    expect(doc.partnership).toBe('Rochford District Local Strategic Partnership');
    expect(doc.blocks.find((b) => b.kind === 'heading')).toMatchObject({ text: 'Strategic Priority 1: Ageing' });
    expect(doc.blocks.find((b) => b.kind === 'list')).toMatchObject({ items: [{ text: 'one' }, { text: 'two' }] });
  });

  it.each([
    ['DRAFT LSP ACTION PLAN 2008/09', null],
    ['local strategic partnership in a deprived area', null],
    ['Derbyshire Dales & High Peak Local Strategic Partnership', 'Derbyshire Dales & High Peak Local Strategic Partnership'],
    ['Harbourside City Partnership', 'Harbourside City Partnership'],
  ])('partnership in "%s" is %s', async (line, partnership) => {
    expect((await ingest(`${line}\n\nSome text.\n`)).partnership).toBe(partnership);
  });

  it('names the partnership a document keeps mentioning when no heading names it', async () => {
    const body = 'Theme Name:\n\nHertfordshire Forward agreed the plan. The Waste Partnership met.\nHertfordshire Forward will review it.\nReport to Hertfordshire Forward.\n';
    expect((await ingest(body)).partnership).toBe('Hertfordshire Forward');
    expect((await ingest('Theme Name:\n\nHertfordshire Forward agreed the plan.\n')).partnership).toBeNull();
  });

  it('rejects empty, blank and binary files with one clear reason', async () => {
    await expect(textExportIngester.ingest(new Uint8Array(), { fileName: 'e', contentHash: 'h' })).rejects.toThrow(RejectedInput);
    await expect(ingest('   \n\n')).rejects.toThrow(/whitespace/);
    await expect(ingest(Uint8Array.from({ length: 400 }, (_, i) => i % 7))).rejects.toThrow(/binary/);
  });
});
