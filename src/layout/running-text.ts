// Running headers, footers and page numbers: text in the top or bottom margin band that repeats at the same
// place on most pages (digits ignored, so "Page 3 of 7" matches "Page 4 of 7"), or that is nothing but a
// page number. Only running text is looked at, never table cells.
import { unionBox } from './geometry.ts';
import type { Box, Line, PageLayout, TextBlock } from './types.ts';

/** Share of the page height at the top and at the bottom where running text lives. */
const MARGIN_BAND = 0.12;
const PAGE_NUMBER = /^(?:(?:page|p\.?)\s*\d+(?:\s*(?:of|\/)\s*\d+)?|-\s*\d+\s*-|\d+\s*(?:of|\/)\s*\d+|\d{1,4}|[ivx]{1,5})$/i;

interface Candidate {
  page: number;
  block: TextBlock;
  line: Line;
  key: string;
  y: number;
  top: boolean;
}

function keyOf(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

export function removeRunningText(pages: PageLayout[]): Array<{ page: number; text: string; box: Box }> {
  const candidates: Candidate[] = [];
  for (const p of pages) {
    for (const block of p.blocks) {
      if (block.kind !== 'text') continue;
      for (const line of block.lines) {
        const top = line.box[3] <= p.height * MARGIN_BAND;
        const bottom = line.box[1] >= p.height * (1 - MARGIN_BAND);
        if (top || bottom) candidates.push({ page: p.page, block, line, key: keyOf(line.text), y: (line.box[1] + line.box[3]) / 2, top });
      }
    }
  }
  const threshold = Math.max(2, Math.ceil(pages.length * 0.5));
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (!byKey.has(c.key)) byKey.set(c.key, []);
    byKey.get(c.key)!.push(c);
  }
  const remove = new Set<Line>();
  for (const group of byKey.values()) {
    for (const c of group) {
      if (PAGE_NUMBER.test(c.line.text.trim())) {
        remove.add(c.line);
        continue;
      }
      // Same text, same place (within two text sizes) on enough distinct pages.
      const near = group.filter((o) => o.top === c.top && Math.abs(o.y - c.y) <= c.line.size * 2);
      if (new Set(near.map((o) => o.page)).size >= threshold) remove.add(c.line);
    }
  }
  const removed: Array<{ page: number; text: string; box: Box }> = [];
  for (const p of pages) {
    p.blocks = p.blocks.filter((block) => {
      if (block.kind !== 'text') return true;
      const kept = block.lines.filter((l) => {
        if (!remove.has(l)) return true;
        removed.push({ page: p.page, text: l.text, box: l.box });
        return false;
      });
      if (kept.length === block.lines.length) return true;
      block.lines = kept;
      if (kept.length) block.box = unionBox(kept.map((l) => l.box));
      return kept.length > 0;
    });
  }
  return removed;
}
