import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout/page-layout.ts';
import type { Segment, TableBlock } from '../../../src/layout/types.ts';
import { grid, h, page, text, v, word } from './synthetic.ts';

const table = (segments: Segment[], words = cells) =>
  layoutPage(page(words, { segments })).blocks.find((b): b is TableBlock => b.kind === 'table');

// Column edges 40 | 200 | 300 | 400 | 500, row edges 80 | 100 | 134 | 154.
const XS = [40, 200, 300, 400, 500];
const YS = [80, 100, 134, 154];
const cells = [
  ...text('Indicator', 44, 94),
  ...text('Baseline', 204, 94),
  ...text('Target', 304, 94),
  ...text('Lead', 404, 94),
  ...text('NI 186 Per capita CO2', 44, 114),
  ...text('emissions', 44, 126),
  ...text('7.4 tonnes', 204, 114),
  ...text('11.1% reduction', 304, 114),
  ...text('County Council', 404, 114),
  ...text('NI 192 Recycling', 44, 148),
  ...text('38.2%', 204, 148),
  ...text('45%', 304, 148),
  ...text('Waste Partnership', 404, 148),
];

describe('ruled tables', () => {
  it('builds the grid from the rules', () => {
    const t = table(grid(XS, YS))!;
    expect(t.method).toBe('ruled');
    expect(t.rows).toHaveLength(3);
    expect(t.rows.map((r) => r.cells.length)).toEqual([4, 4, 4]);
    expect(t.rows[1].cells[0].lines.map((l) => l.text).join('\n')).toBe('NI 186 Per capita CO2\nemissions');
  });

  it('joins rectangles drawn per cell edge into whole rules', () => {
    // Chromium and Word draw each cell's border on its own: many short pieces.
    const pieces: Segment[] = [];
    for (let c = 0; c < XS.length - 1; c++) for (const y of YS) pieces.push(h(y, XS[c], XS[c + 1]));
    for (let r = 0; r < YS.length - 1; r++) for (const x of XS) pieces.push(v(x, YS[r], YS[r + 1]));
    expect(table(pieces)!.rows).toHaveLength(3);
  });

  it('reads a missing vertical piece as a merged cell (colSpan)', () => {
    const segments = grid(XS, YS).filter((s) => !(s.axis === 'v' && s.at === 300));
    segments.push(v(300, 80, 100), v(300, 134, 154)); // the rule between Baseline and Target, absent in row 2
    const words = cells.filter((w) => !(w.box[1] > 100 && w.box[1] < 134 && w.box[0] >= 200 && w.box[0] < 400));
    words.push(...text('Baseline and target to follow', 204, 114));
    const t = table(segments, words)!;
    const merged = t.rows[1].cells;
    expect(merged.map((c) => [c.col, c.colSpan])).toEqual([
      [0, 1],
      [1, 2],
      [3, 1],
    ]);
    expect(merged[1].lines[0].text).toBe('Baseline and target to follow');
  });

  it('reads a missing horizontal piece as a cell over two rows (rowSpan)', () => {
    const segments = grid(XS, YS).filter((s) => !(s.axis === 'h' && s.at === 134));
    segments.push(h(134, 200, 500));
    const words = cells.filter((w) => !(w.box[1] > 134 && w.box[0] < 200));
    const t = table(segments, words)!;
    expect(t.rows[1].cells[0].rowSpan).toBe(2);
    expect(t.rows[2].cells.map((c) => c.col)).toEqual([1, 2, 3]);
  });

  it('does not take an underline for a table rule', () => {
    const label = word('Baseline', 204, 114);
    const underline = h(116, label.box[0], label.box[2]);
    const words = cells.filter((w) => w.text !== '7.4' && w.text !== 'tonnes');
    words.push(label, ...text('7.4', 250, 114));
    const t = table([...grid(XS, YS), underline], words)!;
    expect(t.rows).toHaveLength(3);
    const cell = t.rows[1].cells[1];
    expect(cell.lines.map((l) => l.text)).toEqual(['Baseline 7.4']);
    expect(cell.lines[0].words[0].underline).toBe(true);
  });

  it('does not make a table of a frame round a paragraph', () => {
    const words = text('A boxed note about the figures.', 60, 120);
    const blocks = layoutPage(page(words, { segments: grid([50, 400], [100, 140]) })).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['text']);
  });
});
