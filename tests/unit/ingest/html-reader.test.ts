import { describe, expect, it } from 'vitest';
import { decodeHtml, htmlIngester, looksLikeHtml, readHtml } from '../../../src/ingest/html/index.ts';
import type { Block, Cell, Table } from '../../../src/model/document.ts';

function read(html: string) {
  return readHtml(html, { file: 'plan.html', tableMethod: 'html' });
}

function tables(blocks: Block[]): Table[] {
  return blocks.filter((b): b is Table => b.kind === 'table');
}

function shape(table: Table) {
  return table.rows.map((r) => r.cells.map((c) => `${c.col}${c.colSpan > 1 ? `+${c.colSpan}` : ''}${c.rowSpan > 1 ? `v${c.rowSpan}` : ''}:${c.text}`));
}

function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

describe('HTML reader: tables', () => {
  it('keeps rowspan/colspan as spans on one cell and places later cells in their grid column', () => {
    const { blocks } = read(`<table>
      <tr><th rowspan="2">Indicator</th><th rowspan="2">Baseline</th><th colspan="3">Targets</th></tr>
      <tr><th>08/09</th><th>09/10</th><th>10/11</th></tr>
      <tr><td rowspan="2">Safer</td><td>1.2</td><td colspan="2">To be set</td><td>0.9</td></tr>
      <tr><td>6.4</td><td>6.1</td><td>5.8</td><td>5.5</td></tr>
    </table>`);
    const [table] = tables(blocks);
    expect(shape(table)).toEqual([
      ['0v2:Indicator', '1v2:Baseline', '2+3:Targets'],
      ['2:08/09', '3:09/10', '4:10/11'],
      ['0v2:Safer', '1:1.2', '2+2:To be set', '4:0.9'],
      ['1:6.4', '2:6.1', '3:5.8', '4:5.5'],
    ]);
    // Never copied into the slots a merged cell covers.
    const texts = table.rows.flatMap((r) => r.cells.map((c) => c.text));
    expect(texts.filter((t) => t === 'Targets')).toHaveLength(1);
    expect(texts.filter((t) => t === 'Safer')).toHaveLength(1);
    expect(table.rows[3].cells[0].provenance).toMatchObject({ file: 'plan.html', table: 0, row: 3, col: 1, line: 1 });
  });

  it('clamps rowspan past the last row, reads rowspan="0" to the end, and ignores junk spans', () => {
    const { blocks } = read('<table><tr><td rowspan="0">A</td><td colspan="x">B</td></tr><tr><td>C</td></tr><tr><td rowspan="9">D</td></tr></table>');
    expect(shape(tables(blocks)[0])).toEqual([['0v3:A', '1:B'], ['1:C'], ['1:D']]);
  });

  it('marks header rows from <thead> and from rows of <th>', () => {
    const { blocks } = read('<table><thead><tr><td>Indicator</td></tr></thead><tr><th>Baseline</th><th>Target</th></tr><tr><th>NI 1</th><td>76%</td></tr></table>');
    expect(tables(blocks)[0].rows.map((r) => r.header)).toEqual([true, true, false]);
  });

  it('makes a nested table its own block right after the outer one, the outer cell keeping its text', () => {
    const { blocks } = read(`<p>Before</p><table>
      <tr><td>Outer A</td><td><p>Milestones:</p><table><tr><td>Q1</td><td>Q2</td></tr><tr><td>77%</td><td>78%<table><tr><td>deep</td><td>er</td></tr></table></td></tr></table></td></tr>
      <tr><td>Outer B</td><td>x</td></tr>
    </table><p>After</p>`);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'table', 'table', 'paragraph']);
    const [outer, inner, deep] = tables(blocks);
    expect([outer.index, inner.index, deep.index]).toEqual([0, 1, 2]);
    expect(outer.rows[0].cells[1].text).toBe('Milestones:\nQ1\nQ2\n77%\n78%\ndeep\ner');
    expect(outer.rows[0].cells[1].content.map((c) => c.kind)).toEqual(Array(7).fill('paragraph'));
    expect(shape(inner)).toEqual([['0:Q1', '1:Q2'], ['0:77%', '1:78%\ndeep\ner']]);
    expect(shape(deep)).toEqual([['0:deep', '1:er']]);
    // The outer table's later rows are not disturbed by the nested ones.
    expect(shape(outer)[1]).toEqual(['0:Outer B', '1:x']);
    expect(inner.rows[0].cells[0].provenance).toMatchObject({ table: 1, row: 0, col: 0 });
    // Paragraph indexes run on in reading order: outer table, its nested tables, then the next paragraph.
    expect(blocks.map((b) => b.provenance.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('joins a cell\'s paragraphs and list items with newlines and keeps them as content', () => {
    const { blocks } = read('<table><tr><td><p>Moorside <u>Waste</u></p><ul><li>One</li><li>Two <i>b</i></li></ul>tail</td><td>2</td></tr></table>');
    const cell: Cell = tables(blocks)[0].rows[0].cells[0];
    expect(cell.text).toBe('Moorside Waste\nOne\nTwo b\ntail');
    expect(cell.content.map((c) => c.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(cell.spans).toContainEqual({ start: 9, end: 14, style: { underline: true } });
    expect(cell.spans).toContainEqual({ start: 23, end: 24, style: { italic: true } });
  });

  it('unwraps tables that only lay out the page, keeping data tables inside them', () => {
    const { blocks } = read(`<table role="presentation"><tr><td>Menu</td><td><h1>Ashcombe LSP</h1><p>Intro</p>
      <table><tr><th>Indicator</th><th>Target</th></tr><tr><td>NI 1</td><td>80%</td></tr></table></td></tr></table>
      <table><tr><td><h2>Boxed heading</h2><p>Boxed text</p></td><td>Side</td></tr></table>
      <table><tr><td>Only one cell</td></tr></table>`);
    expect(blocks.map((b) => `${b.kind}:${b.kind === 'table' ? b.rows.length : 'text' in b ? b.text : ''}`)).toEqual([
      'paragraph:Menu', 'heading:Ashcombe LSP', 'paragraph:Intro', 'table:2', 'heading:Boxed heading', 'paragraph:Boxed text', 'paragraph:Side', 'paragraph:Only one cell',
    ]);
    expect(tables(blocks)[0].index).toBe(0);
  });

  it('drops the invisible width row Word puts at the end of its HTML tables', () => {
    const { blocks } = read('<table><tr><td>A</td><td>B</td></tr><![if !supportMisalignedColumns]><tr height=0><td width=40 style="border:none"></td><td width=60 style="border:none"></td></tr><![endif]></table>');
    expect(tables(blocks)[0].rows).toHaveLength(1);
  });
});

describe('HTML reader: text', () => {
  it('reads headings, paragraphs, nested lists and styles', () => {
    const { blocks } = read(`<h1>Northmoor <b>LSP</b></h1><p>Plain <strong>bold</strong> and <span style="text-decoration: underline">under</span><br>next line</p>
      <ol><li>one<ul><li>one a</li></ul></li><li>two</li></ol><h3>Risks</h3>`);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'heading']);
    const [h1, p, list, h3] = blocks;
    expect(h1).toMatchObject({ kind: 'heading', level: 1, text: 'Northmoor LSP' });
    expect(h3).toMatchObject({ kind: 'heading', level: 3 });
    expect(p).toMatchObject({ text: 'Plain bold and under\nnext line' });
    if (p.kind !== 'paragraph' || list.kind !== 'list') throw new Error('kinds');
    expect(p.spans).toContainEqual({ start: 6, end: 10, style: { bold: true } });
    expect(p.spans).toContainEqual({ start: 15, end: 20, style: { underline: true } });
    expect(list.ordered).toBe(true);
    expect(list.items.map((i) => [i.depth, i.text, i.provenance.line])).toEqual([[0, 'one', 3], [1, 'one a', 4], [0, 'two', 5]]);
    expect(h3.provenance.line).toBe(6);
  });

  it('lets font-weight:normal undo inherited bold', () => {
    const { blocks } = read('<p><b>Bold <span style="font-weight:normal">plain</span></b></p>');
    const p = blocks[0];
    expect(p.kind === 'paragraph' && p.spans).toEqual([{ start: 0, end: 5, style: { bold: true } }, { start: 5, end: 10 }]);
  });

  it("reads Word's 'Save as Web Page' list paragraphs as list items without their typed bullets", () => {
    const { blocks } = read(`<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>First</p>
      <p class=MsoListParagraphCxSpLast style='mso-list:l0 level2 lfo1'><![if !supportLists]><span>o<span>&nbsp; </span></span><![endif]>Second</p><p class=MsoNormal>After</p>`);
    expect(blocks.map((b) => b.kind)).toEqual(['list', 'paragraph']);
    const list = blocks[0];
    expect(list.kind === 'list' && list.items.map((i) => [i.depth, i.text])).toEqual([[0, 'First'], [1, 'Second']]);
  });

  it('skips scripts, styles, comments and hidden elements', () => {
    const { blocks } = read('<style>p{}</style><script>var x = "<p>no</p>";</script><!-- <p>no</p> --><p style="display:none">hidden</p><p>yes</p>');
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['yes']);
  });

  it('survives hostile nesting: 20,000 divs, 2,000 nested lists and tables', () => {
    const divs = read(`<div>${'<div>'.repeat(20_000)}NI 8 Adult participation 20%${'</div>'.repeat(20_000)}</div>`);
    expect(divs.blocks).toMatchObject([{ kind: 'paragraph', text: 'NI 8 Adult participation 20%' }]);
    const lists = read(`${'<ul><li>x'.repeat(2000)}deep${'</li></ul>'.repeat(2000)}`);
    const list = lists.blocks[0];
    expect(list.kind === 'list' && list.items.at(-1)?.text.endsWith('deep')).toBe(true);
    const nested = read(`${'<table><tr><td>a</td><td>'.repeat(2000)}deep${'</td></tr></table>'.repeat(2000)}`);
    const all = tables(nested.blocks);
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBeLessThan(100);
    expect(all[0].rows[0].cells[1].text.endsWith('deep')).toBe(true);
  });

  it('finds the title and partnership', async () => {
    const html = '<html><head><title>Microsoft Word - plan.doc</title></head><body><p>Wealdshire Local Strategic Partnership</p><p>Delivery plan</p></body></html>';
    const { value } = await htmlIngester.ingest(new TextEncoder().encode(html), { fileName: 'p.htm', contentHash: 'h' });
    expect(value.partnership).toBe('Wealdshire Local Strategic Partnership');
    expect(value.title).toBe('Wealdshire Local Strategic Partnership');
    const titled = await htmlIngester.ingest(new TextEncoder().encode('<html><head><title>Harbourside LSP Annual Report</title></head><body><p>Figures</p></body></html>'), { fileName: 'p.htm', contentHash: 'h' });
    expect(titled.value.title).toBe('Harbourside LSP Annual Report');
    expect(titled.value.partnership).toBe('Harbourside LSP');
  });
});

describe('HTML character sets', () => {
  const body = 'Target \x93met\x94 \x96 \xa3412,000';
  const expected = 'Target “met” – £412,000';

  it('honours <meta http-equiv content-type> with windows-1252 (0x80–0x9F included)', () => {
    const bytes = latin1(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>${body}</p></body></html>`);
    const decoded = decodeHtml(bytes, 'p.htm');
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'meta' });
    expect(decoded.text).toContain(expected);
  });

  it('reads iso-8859-1 as windows-1252, as browsers do', () => {
    const decoded = decodeHtml(latin1(`<meta charset="ISO-8859-1"><p>${body}</p>`), 'p.htm');
    expect(decoded.text).toContain(expected);
  });

  it('prefers a byte-order mark over the declaration', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<meta charset="windows-1252"><p>“met” – £</p>', 'utf16le')]);
    const decoded = decodeHtml(new Uint8Array(utf16), 'p.htm');
    expect(decoded).toMatchObject({ encoding: 'utf-16le', source: 'bom' });
    expect(decoded.text).toContain('“met” – £');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>£</p>')]);
    expect(decodeHtml(new Uint8Array(utf8), 'p.htm').text).toBe('<p>£</p>');
  });

  it('falls back to windows-1252 when a page claims UTF-8 but is not, and says so', () => {
    const decoded = decodeHtml(latin1(`<meta charset="utf-8"><p>${body}</p>`), 'p.htm');
    expect(decoded.text).toContain(expected);
    expect(decoded.messages[0]).toMatchObject({ rule: 'ingest:html-charset-mismatch', severity: 'warning' });
  });

  it('guesses UTF-8, then windows-1252, when nothing is declared', () => {
    expect(decodeHtml(new TextEncoder().encode('<p>“met” £</p>'), 'p.htm')).toMatchObject({ encoding: 'utf-8', source: 'guess' });
    const guessed = decodeHtml(latin1(`<p>${body}</p>`), 'p.htm');
    expect(guessed.encoding).toBe('windows-1252');
    expect(guessed.text).toContain(expected);
  });

  it('ingests a windows-1252 page end to end', async () => {
    const bytes = latin1(`<!DOCTYPE html><html><head><meta charset=windows-1252></head><body><table><tr><td>${body}</td><td>x</td></tr></table></body></html>`);
    const { value } = await htmlIngester.ingest(bytes, { fileName: 'p.htm', contentHash: 'h' });
    expect(tables(value.blocks)[0].rows[0].cells[0].text).toBe(expected);
  });
});

describe('HTML sniffing', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('accepts pages by their first tag', () => {
    for (const s of ['<!DOCTYPE html><html>', '  \n<HTML xmlns:v="urn:schemas-microsoft-com:vml">', '\ufeff<html>', '<?xml version="1.0"?>\n<!-- saved --><html>', '<table border=1><tr>', '<head><title>x</title>']) {
      expect(looksLikeHtml(enc(s)), s).toBe(true);
    }
  });
  it('leaves text exports, even with markup in cells, to the text ingester', () => {
    for (const s of ['Northmoor LSP\n\n<u>Baseline</u>\t29%', '<u>Baseline</u> 31%\t<p>x</p>', 'Measure\tTarget\n<table>', '%PDF-1.4']) {
      expect(looksLikeHtml(enc(s)), s).toBe(false);
    }
  });
});
