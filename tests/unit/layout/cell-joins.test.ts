// How a cell's lines join and where a table cut by a page break goes on, on synthetic pages: a borderless
// cell wraps inside its column's widest line (the gutter's padding is unknown), a word the PDF split at a
// ligature is one word to fit, and a row that starts with a leading cell of its own after a page break keeps
// its lower-case cells ("n/a", "tbc") rather than giving them to the row above.
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/layout/document-layout.ts';
import { cellText } from '../../../src/layout/join-tables.ts';
import { layoutToBlocks } from '../../../src/layout/to-document.ts';
import type { PageInput, TableBlock, Word } from '../../../src/layout/types.ts';
import { grid, page, text, word } from './synthetic.ts';

const modelTables = (pages: PageInput[]) => layoutToBlocks(layoutDocument(pages), 'plan.pdf').filter((b) => b.kind === 'table');

describe('a borderless cell whose text wrapped', () => {
  // Column 0 is as wide as its widest line ("Brackenshire", to x 110); the next column's text starts at 140,
  // so the gutter's middle (125) would have room for "Coppice Heath" on one line, though the column did not.
  const rows: Array<[string[], string]> = [
    [['District'], 'Baseline'],
    [['Hollin Dale'], '14.6'],
    [['Coppice', 'Heath'], '11.2'],
    [['Upper Tarn'], '8.9'],
    [['Brackenshire'], '13.8'],
  ];
  const words: Word[] = [];
  let y = 100;
  for (const [label, value] of rows) {
    label.forEach((line, k) => words.push(...text(line, 50, y + k * 12)));
    words.push(...text(value, 140, y), ...text('15.1', 230, y));
    y += 12 * label.length + 14;
  }
  const table = modelTables([page(words)])[0];

  it('joins the wrapped lines with a space', () => {
    expect(table.kind === 'table' && table.method).toBe('borderless');
    const labels = table.kind === 'table' ? table.rows.map((r) => r.cells[0].text) : [];
    expect(labels).toEqual(['District', 'Hollin Dale', 'Coppice Heath', 'Upper Tarn', 'Brackenshire']);
  });
});

describe('a word split at a ligature', () => {
  // "affordable" drawn as "a", "ff", "ordable" (the ligature is a glyph of its own): the whole word did not
  // fit after "Number of" in the ruled cell, though its first piece would have.
  const XS = [40, 140, 240];
  const YS = [80, 100, 140];
  const lig = (x: number, y: number) => [word('a', x, y), word('ff', x + 5, y), word('ordable', x + 15, y)];
  const words: Word[] = [
    ...text('Indicator', 44, 94),
    ...text('Target', 144, 94),
    ...text('Number of', 44, 114),
    ...lig(44, 126),
    ...text('homes', 96.8, 126),
    ...text('120', 144, 114),
  ];
  const table = modelTables([page(words, { segments: grid(XS, YS) })])[0];

  it('is one word to fit, so the line wrapped', () => {
    expect(table.kind === 'table' ? table.rows[1].cells[0].text : '').toBe('Number of affordable homes');
  });
});

describe('a borderless table going on after a page break', () => {
  const cols = [50, 110, 250, 310, 370];
  const row = (cells: string[][], top: number) => cells.flatMap((lines, c) => lines.flatMap((line, k) => (line ? text(line, cols[c], top + k * 12) : [])));
  const header = [['PI Ref'], ['Indicator'], ['Target'], ['Q1'], ['Status']];
  const p1: PageInput = {
    page: 1,
    width: 595,
    height: 842,
    words: [
      ...row(header, 700),
      ...row([['LI 6.1'], ['Average days to', 'process claims'], ['21 days'], ['24 days'], ['On target']], 726),
      // The last row on the page: its indicator cell runs to three lines, every other cell stops at one.
      ...row([['BV009'], ['Percentage of', 'Council Tax', 'collected'], ['98.2%'], ['29.4%'], ['Below']], 764),
    ],
  };
  const p2: PageInput = {
    page: 2,
    width: 595,
    height: 842,
    words: [
      ...row(header, 60),
      // A row of its own: its leading cell starts it, and its Q1 cell happens to start in lower case.
      ...row([['N.I. 154'], ['Net additional', 'homes provided'], ['350'], ['n/a'], ['Annual']], 86),
      ...row([['LPI 12'], ['Working days', 'lost'], ['8.5 days'], ['2.3 days'], ['Below']], 124),
    ],
  };

  it('keeps the rows apart: a lower-case cell under a cell that stopped above the foot is not its rest', () => {
    const t = layoutDocument([p1, p2]).pages.flatMap((p) => p.blocks).filter((b): b is TableBlock => b.kind === 'table');
    expect(t).toHaveLength(1);
    expect(t[0].rows.map((r) => r.cells.map(cellText).map((s) => s.replace(/\n/g, ' ')))).toEqual([
      ['PI Ref', 'Indicator', 'Target', 'Q1', 'Status'],
      ['LI 6.1', 'Average days to process claims', '21 days', '24 days', 'On target'],
      ['BV009', 'Percentage of Council Tax collected', '98.2%', '29.4%', 'Below'],
      ['N.I. 154', 'Net additional homes provided', '350', 'n/a', 'Annual'],
      ['LPI 12', 'Working days lost', '8.5 days', '2.3 days', 'Below'],
    ]);
  });
});
