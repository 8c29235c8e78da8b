// What word processors do to tables that a browser print does not, on synthetic pages: cells spanning rows
// (an indicator's cell beside several value rows), value columns under a wide code cell, rows cut by a page
// break, repeated title rows, wrapped cell text, bullets set apart from their text, tables of one row.
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/layout/document-layout.ts';
import { VALUE_LABEL_CELL } from '../../../src/vocabulary/kinds.ts';
import { cellText } from '../../../src/layout/join-tables.ts';
import { layoutPage } from '../../../src/layout/page-layout.ts';
import { layoutToBlocks } from '../../../src/layout/to-document.ts';
import type { PageInput, TableBlock, TableCell, TextBlock, Word } from '../../../src/layout/types.ts';
import { grid, page, text, word } from './synthetic.ts';

const tables = (blocks: Array<{ kind: string }>) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const at = (t: TableBlock, r: number, c: number): TableCell | undefined => t.rows[r].cells.find((cell) => cell.col === c);

describe('a borderless cell spanning rows', () => {
  // One indicator's cell (five lines at line spacing) beside three value rows set a row gap apart.
  const COLS = [50, 230, 330, 430];
  const words: Word[] = [
    ...text('Indicator', COLS[0], 100),
    ...text('Baseline', COLS[1], 100),
    ...text('Target', COLS[2], 100),
    ...text('Lead', COLS[3], 100),
    ...['NI 186 Per capita CO2', 'emissions in the LA', 'area, the county and', 'its districts', '(tonnes per head)'].flatMap((line, k) => text(line, COLS[0], 126 + k * 12)),
    ...[
      ['7.4 tonnes', '6.1 tonnes', 'County'],
      ['6.9 tonnes', '5.8 tonnes', 'Stevenage BC'],
      ['7.8 tonnes', '6.5 tonnes', 'Watford BC'],
    ].flatMap((cells, k) => cells.flatMap((c, i) => text(c, COLS[i + 1], 126 + k * 24))),
  ];
  const table = tables(layoutPage(page(words)).blocks)[0];

  it('finds the rows in the columns where they start, though the spanning cell hides them from the lines', () => {
    expect(table.method).toBe('borderless');
    expect(table.rows).toHaveLength(4);
    expect([1, 2, 3].map((r) => cellText(at(table, r, 1)!))).toEqual(['7.4 tonnes', '6.9 tonnes', '7.8 tonnes']);
  });

  it('keeps every line of the spanning cell in it, and gives it every row it spans', () => {
    const code = at(table, 1, 0)!;
    expect(cellText(code)).toBe('NI 186 Per capita CO2\nemissions in the LA\narea, the county and\nits districts\n(tonnes per head)');
    expect(code.rowSpan).toBe(3);
    // The rows it spans have no cell of their own in its column, and none of its words.
    expect(at(table, 2, 0)).toBeUndefined();
    expect(at(table, 3, 0)).toBeUndefined();
    expect(table.rows[3].cells.map(cellText)).toEqual(['7.8 tonnes', '6.5 tonnes', 'Watford BC']);
  });
});

describe('value columns under a wide code cell', () => {
  // "Measure and Target" and the indicator's code cell span the four value columns; only the value row
  // divides them, in one line.
  const words: Word[] = [
    ...text('Measure and Target for this indicator', 50, 100),
    ...text('Lead Individual', 430, 100),
    ...text('NI 175 Access to services and facilities by public transport, and', 50, 126),
    ...text('walking and cycling', 50, 138),
    ...text('Trevor Mason', 430, 126),
    ...text('and Trevor Mose', 430, 138),
    ...text('Baseline 29%', 50, 164),
    ...text('08/09 26%', 150, 164),
    ...text('09/10 25%', 250, 164),
    ...text('10/11 24%', 350, 164),
  ];
  const table = tables(layoutPage(page(words)).blocks)[0];

  it('finds the value columns from the one row that shows them', () => {
    expect(table.xs).toHaveLength(6);
    expect(table.rows[2].cells.map(cellText)).toEqual(['Baseline 29%', '08/09 26%', '09/10 25%', '10/11 24%', '']);
  });

  it('gives the code cell the value columns as its span', () => {
    const code = table.rows[1].cells[0];
    expect(cellText(code)).toBe('NI 175 Access to services and facilities by public transport, and\nwalking and cycling');
    expect(code.colSpan).toBe(4);
  });
});

describe('cell text in the document model', () => {
  // A ruled cell 120 points wide: its paragraph wraps where the next word does not fit; a list item and a
  // short line are the author's breaks.
  const XS = [40, 160, 300];
  const YS = [80, 100, 150];
  const words: Word[] = [
    ...text('Baseline', 44, 94),
    ...text('Partners', 164, 94),
    ...text('6.7 tonnes per capita', 44, 114),
    ...text('(2005) for the county', 44, 126),
    word('•', 164, 114),
    ...text('Schools', 176, 114),
    word('•', 164, 126),
    ...text('Watford Adult Learning', 176, 126),
    ...text('Centre', 176, 138),
  ];
  const model = layoutToBlocks(layoutDocument([page(words, { segments: grid(XS, YS) })]), 'plan.pdf').find((b) => b.kind === 'table')!;
  const cells = model.kind === 'table' ? model.rows[1].cells : [];

  it('joins wrapped lines with a space, so a value and its unit stay one phrase', () => {
    expect(cells[0].text).toBe('6.7 tonnes per capita (2005) for the county');
  });

  it('keeps list items apart and leaves out their typed bullets', () => {
    expect(cells[1].text).toBe('Schools\nWatford Adult Learning Centre');
  });
});

describe('rows cut by a page break', () => {
  const XS = [40, 140, 240, 340, 430, 500, 570];
  /** A page with a ruled table: rows of [text per column], each row `heights[k]` tall, starting at `top`. */
  function tablePage(n: number, rows: Array<Array<string[]>>, top: number, heights: number[], spans: Array<[number, number, number]> = []): PageInput {
    const ys = [top];
    for (const h of heights) ys.push(ys[ys.length - 1] + h);
    const words = rows.flatMap((cells, r) => cells.flatMap((lines, c) => lines.flatMap((line, k) => (line ? text(line, XS[c] + 4, ys[r] + 14 + k * 12) : []))));
    // Rules: every row edge, except inside cells that span columns ([row, first col, last col]).
    const segments = grid(XS, ys).filter((s) => !(s.axis === 'v' && spans.some(([r, c0, c1]) => s.at > XS[c0] && s.at < XS[c1 + 1] && s.from <= ys[r] && s.to >= ys[r + 1])));
    for (let r = 0; r < rows.length; r++) for (let c = 0; c <= XS.length - 1; c++) if (!spans.some(([sr, c0, c1]) => sr === r && XS[c] > XS[c0] && XS[c] < XS[c1 + 1])) segments.push({ axis: 'v', at: XS[c], from: ys[r], to: ys[r + 1], thickness: 0.75 });
    return { page: n, width: 595, height: 842, words, segments };
  }
  const header = [['Measure and Target'], [], [], [], ['Lead'], []];

  it('gives the rest of a cut cell back to it, and keeps the value row under it a row of its own', () => {
    // Page 1 ends with the indicator's code row; its Lead cell is cut after a full line.
    const p1 = tablePage(1, [header, [['NI 178 Bus services'], [], [], [], ['Progress on', 'this is shown'], []]], 760, [20, 40], [
      [0, 0, 3],
      [1, 0, 3],
    ]);
    // Page 2 repeats the header, then the value row, with the rest of the Lead cell beside it.
    const p2 = tablePage(2, [header, [['Baseline 80%'], ['08/09 80%'], ['09/10 83%'], ['10/11 85%'], ['Monthly'], []]], 60, [20, 40], [[0, 0, 3]]);
    const t = tables(layoutDocument([p1, p2], { isValueLabel: (text) => VALUE_LABEL_CELL.test(text) }).pages.flatMap((p) => p.blocks));
    expect(t).toHaveLength(1);
    const rows = t[0].rows;
    expect(rows).toHaveLength(3);
    expect(cellText(at(t[0], 1, 4)!)).toBe('Progress on\nthis is shown\nMonthly');
    expect(rows[2].cells.map(cellText).slice(0, 4)).toEqual(['Baseline 80%', '08/09 80%', '09/10 83%', '10/11 85%']);
    expect(at(t[0], 2, 4) && cellText(at(t[0], 2, 4)!)).toBe('');
    // The glued lines keep the page they are printed on.
    expect(at(t[0], 1, 4)!.lines[2].page).toBe(2);
  });

  it('joins the parts of a ruled table whose pages draw different column edges', () => {
    const p1 = tablePage(1, [header, [['NI 178 Bus services'], [], [], [], ['J. Sykes'], ['HCC']]], 700, [20, 20], [
      [0, 0, 3],
      [1, 0, 3],
    ]);
    const p2 = tablePage(2, [header, [['Baseline 80%'], ['08/09 80%'], ['09/10 83%'], ['10/11 85%'], [], []]], 60, [20, 20], [[0, 0, 3]]);
    const t = tables(layoutDocument([p1, p2]).pages.flatMap((p) => p.blocks));
    expect(t).toHaveLength(1);
    expect(t[0].xs).toHaveLength(7);
    expect(t[0].rows.map((r) => r.cells.map(cellText).filter(Boolean))).toEqual([
      ['Measure and Target', 'Lead'],
      ['NI 178 Bus services', 'J. Sykes', 'HCC'],
      ['Baseline 80%', '08/09 80%', '09/10 83%', '10/11 85%'],
    ]);
    expect(t[0].rows[1].cells[0].colSpan).toBe(4);
  });
});

describe('a borderless table whose title row is repeated on the next page', () => {
  it('drops the repeated title, which the layout read as text, and joins the table', () => {
    const cols = [50, 200, 330];
    const row = (cells: string[], y: number) => cells.flatMap((c, k) => (c ? text(c, cols[k], y) : []));
    const p1: PageInput = {
      page: 1,
      width: 595,
      height: 842,
      words: [...text('Theme: Safer and Stronger Communities', 50, 700), ...row(['Measure', 'Lead', 'Agency'], 730), ...row(['NI 40 Drug users', 'V. Reid', 'County'], 756), ...row(['NI 32 Repeat incidents', 'S. Taylor', 'Police'], 782)],
    };
    const p2: PageInput = {
      page: 2,
      width: 595,
      height: 842,
      words: [...text('Theme: Safer and Stronger Communities', 50, 60), ...row(['NI 16 Acquisitive crime', 'M. Ross', 'Police'], 90), ...row(['NI 17 Antisocial acts', 'S. Patient', 'Police'], 116)],
    };
    const layout = layoutDocument([p1, p2]);
    const t = tables(layout.pages.flatMap((p) => p.blocks));
    expect(t).toHaveLength(1);
    expect(t[0].rows.map((r) => cellText(r.cells[0]))).toEqual(['Measure', 'NI 40 Drug users', 'NI 32 Repeat incidents', 'NI 16 Acquisitive crime', 'NI 17 Antisocial acts']);
    const texts = layout.pages.flatMap((p) => p.blocks.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.lines.map((l) => l.text).join(' ')));
    expect(texts).toEqual(['Theme: Safer and Stronger Communities']);
  });
});

describe('bullets and one-row tables without rules', () => {
  it('does not take a bulleted list, its bullets set apart from the text, for a table', () => {
    const words = ['Supporting voluntary car schemes', 'Personal travel information for people with learning difficulties', 'Improved bus services to rural leisure activities'].flatMap((line, k) => [word('•', 72, 100 + k * 13), ...text(line, 87, 100 + k * 13)]);
    const blocks = layoutPage(page(words)).blocks;
    expect(tables(blocks)).toHaveLength(0);
    expect(blocks.map((b) => (b.kind === 'text' ? b.role : b.kind))).toEqual(['list-item', 'list-item', 'list-item']);
  });

  it('keeps a bullet with its text in a cell, not in a column of its own', () => {
    const words = [
      ...text('Indicator', 50, 100),
      ...text('Key Partners', 300, 100),
      ...text('NI 101 Children in care', 50, 124),
      word('•', 300, 124),
      ...text('Schools', 312, 124),
      ...text('NI 72 Early years', 50, 148),
      word('•', 300, 148),
      ...text('Nurseries', 312, 148),
    ];
    const t = tables(layoutPage(page(words)).blocks)[0];
    expect(t.xs).toHaveLength(3);
    expect(cellText(at(t, 1, 1)!)).toBe('• Schools');
  });

  it('reads a line of pieces set well apart as a table of one row', () => {
    const words = [...text('Measure and target: NI 159 Supply of housing sites', 50, 80), ...text('Baseline', 50, 110), ...text('08/09', 200, 110), ...text('09/10', 300, 110), ...text('10/11', 400, 110)];
    const blocks = layoutPage(page(words)).blocks;
    const t = tables(blocks);
    expect(t).toHaveLength(1);
    expect(t[0].rows).toHaveLength(1);
    expect(t[0].rows[0].cells.map(cellText)).toEqual(['Baseline', '08/09', '09/10', '10/11']);
    // A sentence with ordinary word spaces is no table.
    expect(blocks[0].kind).toBe('text');
  });
});
