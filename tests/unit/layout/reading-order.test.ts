import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../src/layout/page-layout.ts';
import type { LayoutBlock } from '../../../src/layout/types.ts';
import { page, text } from './synthetic.ts';

const blockText = (b: LayoutBlock) => (b.kind === 'text' ? b.lines.map((l) => l.text).join(' ') : '[table]');

// Running text, each line about 44 characters (220pt) wide.
const LEFT = [
  'The partnership agreed its delivery plan in',
  'June after a long consultation with the theme',
  'groups, the voluntary sector and residents of',
  'every ward. The plan sets out how each target',
  'will be met and who will lead the work over',
  'the next three years, with a review of the',
];
const RIGHT = [
  'priorities each spring. Progress is reported',
  'to the board every quarter, and the theme',
  'groups publish their own summaries on the',
  'partnership website for residents to read.',
  'Where a target is missed the lead agency',
  'explains why and what it will do about it.',
];

describe('reading order', () => {
  it('reads a two-column page left column first, across a full-width heading', () => {
    const words = [
      ...text('Delivery Plan 2008 to 2011', 50, 60, { size: 16 }),
      ...LEFT.flatMap((line, k) => text(line, 50, 100 + k * 12)),
      ...RIGHT.flatMap((line, k) => text(line, 310, 100 + k * 12)),
      ...text('Appendix: the full list of indicators and their baselines follows overleaf', 50, 200),
    ];
    const blocks = layoutPage(page(words)).blocks.map(blockText);
    expect(blocks).toEqual([
      'Delivery Plan 2008 to 2011',
      LEFT.join(' '),
      RIGHT.join(' '),
      'Appendix: the full list of indicators and their baselines follows overleaf',
    ]);
  });

  it('does not read a two-column table as text columns', () => {
    // Short labels on the left, top-aligned with their cells on the right: a table, rows read across.
    const rows = [
      ['Specific aims', 'Outcomes agreed by the board for the period'],
      ['Public services', 'Services meet local needs better than before'],
      ['Involvement', 'Local people take part in decisions and projects'],
      ['Equal partners', 'Business and community sectors play a full part'],
    ];
    const words = rows.flatMap(([a, b], k) => [...text(a, 50, 100 + k * 24), ...text(b, 250, 100 + k * 24)]);
    const blocks = layoutPage(page(words)).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['table']);
  });
});
