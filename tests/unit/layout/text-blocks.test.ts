import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/layout/document-layout.ts';
import type { TextBlock } from '../../../src/layout/types.ts';
import { page, text, word } from './synthetic.ts';

describe('paragraphs, lists and headings', () => {
  const words = [
    ...text('Strategic Priority 2: Community Cohesion', 50, 60, { size: 14, bold: true }),
    ...text('The partnership will work with the theme groups to', 50, 90),
    ...text('raise volunteering across the district.', 50, 102),
    ...text('Actions agreed', 50, 126, { bold: true }),
    ...text('• publish quarterly progress reports', 50, 146),
    ...text('• hold a volunteering fair in the town', 50, 158),
    ...text('centre every summer', 58.4, 170),
    ...text('agree a compact with the voluntary sector', 62, 182),
  ];
  // The last item's bullet is drawn, not typed: a small filled square left of the line.
  const marks: Array<[number, number, number, number]> = [[52, 177, 56, 181]];
  const layout = layoutDocument([page(words, { marks })]);
  const blocks = layout.pages[0].blocks as TextBlock[];

  it('decides headings by size against the body text, and bold short lines below them', () => {
    expect(layout.bodySize).toBe(10);
    expect(blocks[0]).toMatchObject({ role: 'heading', level: 1 });
    expect(blocks[2]).toMatchObject({ role: 'heading', level: 2 });
  });

  it('joins wrapped lines into one paragraph', () => {
    expect(blocks[1].role).toBe('paragraph');
    expect(blocks[1].lines.map((l) => l.text).join(' ')).toBe('The partnership will work with the theme groups to raise volunteering across the district.');
  });

  it('makes list items of typed and drawn bullets, continuation lines included', () => {
    const items = blocks.filter((b) => b.role === 'list-item');
    expect(items.map((b) => b.lines.map((l) => l.text).join(' '))).toEqual([
      '• publish quarterly progress reports',
      '• hold a volunteering fair in the town centre every summer',
      'agree a compact with the voluntary sector',
    ]);
    expect(items.map((b) => b.marker)).toEqual(['•', '•', '']);
  });

  it('does not take a word with a superscript for two lines', () => {
    const sup = [word('1', 50, 300), word('st', 55, 296.5, { size: 6 }), ...text('quarter figures', 64, 300)];
    const b = layoutDocument([page(sup)]).pages[0].blocks as TextBlock[];
    expect(b).toHaveLength(1);
    expect(b[0].lines[0].text).toBe('1st quarter figures');
  });
});
