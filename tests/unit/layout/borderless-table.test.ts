import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout/page-layout.ts';
import type { TableBlock, TextBlock, Word } from '../../../src/layout/types.ts';
import { page, text } from './synthetic.ts';

const cellText = (t: TableBlock, r: number, c: number) =>
  t.rows[r].cells.find((cell) => cell.col === c)?.lines.map((l) => l.text).join('\n');

/** Columns start at these x; rows are set 22pt apart (10pt of padding), wrapped lines 12pt apart. */
const COLS = [50, 230, 330, 430];

function row(y: number, cells: string[][]): Word[] {
  return cells.flatMap((lines, c) => lines.flatMap((line, k) => (line ? text(line, COLS[c], y + k * 12) : [])));
}

describe('borderless tables', () => {
  const words = [
    ...text('Performance against targets', 50, 60),
    ...row(100, [['Indicator'], ['Baseline'], ['08/09'], ['09/10']]),
    ...row(122, [['NI 8 Adult participation', 'in sport'], ['20.2%'], ['21.9%'], ['23.3%']]),
    ...row(156, [['NI 6 Volunteering'], ['17.5%', '(2008/09)'], ['18.0%'], ['18.8%']]),
    ...row(190, [['NI 186 CO2 per head'], ['7.4 t'], [''], ['tbc']]),
    ...text('The figures above are the latest validated outturns.', 50, 230),
  ];
  const blocks = layoutPage(page(words)).blocks;
  const table = blocks.find((b): b is TableBlock => b.kind === 'table')!;

  it('finds the columns from the whitespace between them', () => {
    expect(table.method).toBe('borderless');
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0].cells.map((c) => c.lines.map((l) => l.text).join(' '))).toEqual(['Indicator', 'Baseline', '08/09', '09/10']);
  });

  it('keeps a wrapped cell as one cell, its lines joined in order', () => {
    expect(cellText(table, 1, 0)).toBe('NI 8 Adult participation\nin sport');
    expect(cellText(table, 2, 1)).toBe('17.5%\n(2008/09)');
  });

  it('keeps an empty cell in its place', () => {
    expect(table.rows[3].cells.map((c) => c.col)).toEqual([0, 1, 2, 3]);
    expect(cellText(table, 3, 2)).toBe('');
    expect(cellText(table, 3, 3)).toBe('tbc');
  });

  it('leaves the paragraphs before and after as text', () => {
    const texts = blocks.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.lines.map((l) => l.text).join(' '));
    expect(texts).toEqual(['Performance against targets', 'The figures above are the latest validated outturns.']);
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'table', 'text']);
  });

  it('gives a header cell that crosses column gutters a colSpan', () => {
    const spanning = [
      ...row(100, [['Indicator'], ['Baseline'], [''], ['']]),
      ...text('Targets for 2009/10 and 2010/11', 330, 100),
      ...row(122, [['NI 6 Volunteering'], ['17.5%'], ['18.8%'], ['19.5%']]),
      ...row(144, [['NI 8 Sport'], ['20.2%'], ['23.3%'], ['24.7%']]),
      ...row(166, [['NI 192 Recycling'], ['38.2%'], ['42%'], ['45%']]),
    ];
    const t = layoutPage(page(spanning)).blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(t.xs).toHaveLength(5);
    const head = t.rows[0].cells;
    expect(head.map((c) => [c.col, c.colSpan])).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
    ]);
    expect(head[2].lines[0].text).toBe('Targets for 2009/10 and 2010/11');
    expect(t.rows[1].cells.map((c) => c.lines[0]?.text)).toEqual(['NI 6 Volunteering', '17.5%', '18.8%', '19.5%']);
  });
});
