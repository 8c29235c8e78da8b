// A paragraph cut by a column or page break: the piece at the foot of a column (or page) ends mid-sentence
// and the piece at the head of the next begins in lower case. Glue them back so a sentence, and any value
// in it, stays whole. Lines keep their own boxes (and page), so provenance still points at each piece.
import { unionBox } from './geometry.ts';
import type { PageLayout, TextBlock } from './types.ts';

const ENDS_SENTENCE = /[.:;!?)]["'’”]?$/;

function lastText(b: TextBlock): string {
  return b.lines[b.lines.length - 1].text;
}

function continues(a: TextBlock, b: TextBlock): boolean {
  return (
    a.role === 'paragraph' &&
    b.role === 'paragraph' &&
    Math.abs(a.size - b.size) <= a.size * 0.1 &&
    a.bold === b.bold &&
    !ENDS_SENTENCE.test(lastText(a)) &&
    /^[a-z]/.test(b.lines[0].text)
  );
}

export function joinRunOns(pages: PageLayout[]): void {
  let prev: { block: TextBlock; page: PageLayout } | null = null;
  for (const p of pages) {
    const kept = [];
    for (const block of p.blocks) {
      if (block.kind === 'text' && prev && continues(prev.block, block)) {
        const samePage = prev.page === p;
        // On one page, only a jump to the head of the next column (up and to the right) is a column break.
        const nextColumn = samePage && block.box[1] < prev.block.box[3] && block.box[0] >= prev.block.box[2] - block.size;
        if (!samePage || nextColumn) {
          for (const line of block.lines) prev.block.lines.push(samePage ? line : { ...line, page: p.page });
          if (samePage) prev.block.box = unionBox([prev.block.box, block.box]);
          continue;
        }
      }
      kept.push(block);
      prev = block.kind === 'text' ? { block, page: p } : null;
    }
    p.blocks = kept;
  }
}
