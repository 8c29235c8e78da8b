import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/layout/document-layout.ts';
import { cellText } from '../../../src/layout/join-tables.ts';
import { layoutToBlocks } from '../../../src/layout/to-document.ts';
import type { PageInput, Segment, TableBlock, Word } from '../../../src/layout/types.ts';
import { grid, text } from './synthetic.ts';

const XS = [40, 220, 330, 440, 550];

function runningText(n: number, of: number): Word[] {
  return [...text('Northmoor LSP Delivery Plan 2008/09', 40, 30, { size: 8 }), ...text(`Page ${n} of ${of}`, 270, 820, { size: 8 })];
}

/** Table rows as text cells at row baselines, and the rules round them. */
function tableRows(rows: string[][], top: number): { words: Word[]; segments: Segment[] } {
  const ys = rows.map((_, k) => top + k * 20);
  ys.push(top + rows.length * 20);
  const words = rows.flatMap((cells, k) => cells.flatMap((c, col) => (c ? text(c, XS[col] + 4, ys[k] + 14) : [])));
  return { words, segments: grid(XS, ys) };
}

const HEADER = ['Indicator', 'Baseline', '09/10', '10/11'];
const data = (from: number, count: number) =>
  Array.from({ length: count }, (_, k) => [`NI ${from + k} Indicator title`, `${10 + k}%`, `${12 + k}%`, `${14 + k}%`]);

function tablePage(n: number, of: number, rows: string[][], top: number, before: Word[] = []): PageInput {
  const t = tableRows(rows, top);
  return { page: n, width: 595, height: 842, words: [...runningText(n, of), ...before, ...t.words], segments: t.segments };
}

describe('running headers and footers', () => {
  it('removes text repeated at the same place on most pages, and page numbers', () => {
    const pages: PageInput[] = [1, 2, 3].map((n) => ({
      page: n,
      width: 595,
      height: 842,
      words: [...runningText(n, 3), ...text(`Body text of page ${n} about the targets agreed.`, 40, 200)],
    }));
    const layout = layoutDocument(pages);
    const all = layout.pages.flatMap((p) => p.blocks.map((b) => (b.kind === 'text' ? b.lines.map((l) => l.text).join(' ') : '')));
    expect(all).toEqual([1, 2, 3].map((n) => `Body text of page ${n} about the targets agreed.`));
    expect(layout.removed).toHaveLength(6);
  });

  it('keeps a line that appears in the margin of one page only (a title)', () => {
    const pages: PageInput[] = [1, 2, 3].map((n) => ({
      page: n,
      width: 595,
      height: 842,
      words: [...(n === 1 ? text('Annual Report', 40, 60, { size: 16 }) : []), ...text(`Body of page ${n}.`, 40, 300)],
    }));
    const layout = layoutDocument(pages);
    expect(layout.pages[0].blocks).toHaveLength(2);
  });
});

describe('tables across pages', () => {
  it('joins a table continued on the next page and drops the repeated header row', () => {
    const intro = text('Table 1: indicators and targets', 40, 560);
    const pages = [
      tablePage(1, 3, [HEADER, ...data(1, 10)], 580, intro),
      tablePage(2, 3, [HEADER, ...data(11, 30)], 60),
      tablePage(3, 3, [HEADER, ...data(41, 5)], 60),
    ];
    const layout = layoutDocument(pages);
    const tables = layout.pages.flatMap((p) => p.blocks).filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.pages).toEqual([1, 2, 3]);
    expect(t.rows).toHaveLength(1 + 10 + 30 + 5);
    expect(t.rows[0].header).toBe(true);
    expect(t.rows.filter((r) => cellText(r.cells[0]) === 'Indicator')).toHaveLength(1);
    expect(cellText(t.rows[11].cells[0])).toBe('NI 11 Indicator title');
    // Provenance follows each row to its page.
    const model = layoutToBlocks(layout, 'plan.pdf').find((b) => b.kind === 'table')!;
    expect(model.kind === 'table' && model.rows[45].cells[1].provenance).toMatchObject({ page: 3, table: 0, row: 45, col: 1 });
  });

  it('joins a continuation without a repeated header', () => {
    const pages = [tablePage(1, 2, [HEADER, ...data(1, 10)], 580), tablePage(2, 2, data(11, 4), 60)];
    const tables = layoutDocument(pages).pages.flatMap((p) => p.blocks).filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toHaveLength(15);
    expect(tables[0].rows[0].header).toBe(false);
  });

  it('keeps tables apart when text comes between them or the columns differ', () => {
    const between = [tablePage(1, 2, [HEADER, ...data(1, 3)], 580), tablePage(2, 2, [HEADER, ...data(4, 3)], 120, text('Notes on the table above.', 40, 80))];
    expect(layoutDocument(between).pages.flatMap((p) => p.blocks).filter((b) => b.kind === 'table')).toHaveLength(2);
    const other = tablePage(2, 2, [['Area', 'Target'], ['Oakhurst', '5%']], 60);
    other.segments = grid([40, 300, 550], [60, 80, 100]);
    const tables = layoutDocument([tablePage(1, 2, [HEADER, ...data(1, 3)], 580), other]).pages.flatMap((p) => p.blocks).filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2);
  });
});

describe('tables across pages: harder cases', () => {
  it('glues a row cut by the page break back together', () => {
    const p1 = tablePage(1, 2, [HEADER, ...data(1, 3), ['NI 99 Indicator title', '50%', '55%', 'Lead agency to']], 600);
    // The tail of the cut row: the first cell is empty, the last carries on the text above.
    const p2 = tablePage(2, 2, [HEADER, ['', '', '', 'confirm by May'], ...data(4, 2)], 60);
    const t = layoutDocument([p1, p2]).pages.flatMap((p) => p.blocks).find((b): b is TableBlock => b.kind === 'table')!;
    expect(t.rows).toHaveLength(1 + 4 + 2);
    expect(cellText(t.rows[4].cells[3])).toBe('Lead agency to\nconfirm by May');
    expect(cellText(t.rows[5].cells[0])).toBe('NI 4 Indicator title');
  });

  it('puts a borderless table on the finer column split when its pages split columns differently', () => {
    const cols = [50, 150, 250, 350, 450];
    const at = (cells: string[], y: number, xs = cols) => cells.flatMap((c, k) => (c ? text(c, xs[k], y) : []));
    // Page 1: the year columns are still empty, so only "Measure" | "Lead" | "Agency" show as columns.
    const p1: PageInput = {
      page: 1,
      width: 595,
      height: 842,
      words: [...at(['Measure', '', '', 'Lead', 'Agency'], 700), ...at(['NI 186 CO2', '', '', 'Sam Okonedo', 'County'], 722)],
    };
    const p2: PageInput = {
      page: 2,
      width: 595,
      height: 842,
      words: [...at(['Measure', '', '', 'Lead', 'Agency'], 60), ...at(['Baseline 7.4', '08/09 4.1%', '09/10 6.8%', '', ''], 82), ...at(['(2005)', 'reduction', 'reduction', '', ''], 104)],
    };
    const tables = layoutDocument([p1, p2]).pages.flatMap((p) => p.blocks).filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.xs).toHaveLength(6);
    expect(t.rows.map((r) => r.cells.map((c) => cellText(c)))).toEqual([
      ['Measure', '', '', 'Lead', 'Agency'],
      ['NI 186 CO2', '', '', 'Sam Okonedo', 'County'],
      ['Baseline 7.4', '08/09 4.1%', '09/10 6.8%', '', ''],
      ['(2005)', 'reduction', 'reduction', '', ''],
    ]);
  });

  it('starts a new borderless table where the header row comes round again on the same page', () => {
    const cols = [50, 250, 350];
    const at = (cells: string[], y: number) => cells.flatMap((c, k) => text(c, cols[k], y));
    const words = [
      ...at(['Indicator', 'Baseline', 'Target'], 100),
      ...at(['NI 6 Volunteering', '17.5%', '19.5%'], 122),
      ...at(['Indicator', 'Baseline', 'Target'], 144),
      ...at(['NI 8 Sport', '20.2%', '24.7%'], 166),
    ];
    const tables = layoutDocument([{ page: 1, width: 595, height: 842, words }]).pages[0].blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(2);
  });
});

describe('paragraphs across pages', () => {
  it('joins a sentence cut by the page break, each line keeping its page', () => {
    const pages: PageInput[] = [
      { page: 1, width: 595, height: 842, words: text('The board agreed that the target for 2010/11 should', 40, 700) },
      { page: 2, width: 595, height: 842, words: text('be reviewed once the Place Survey has reported.', 40, 80) },
    ];
    const layout = layoutDocument(pages);
    expect(layout.pages[1].blocks).toHaveLength(0);
    const [para] = layoutToBlocks(layout, 'plan.pdf');
    expect(para.kind === 'paragraph' && para.text).toBe('The board agreed that the target for 2010/11 should be reviewed once the Place Survey has reported.');
    expect(para.kind === 'paragraph' && para.spans.map((s) => s.provenance?.page)).toEqual([1, 2]);
  });
});
