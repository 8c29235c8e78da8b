// Running headers, footers and page numbers: text in the top or bottom margin band that repeats at the same
// place on most pages (digits ignored, so "Page 3 of 7" matches "Page 4 of 7"), or that is nothing but a
// page number. Running text is looked at, and tables where running text may have landed: a table without
// rules takes in the footer under it as a last row of one cell, and a header laid out in pieces across the
// page is a table of one row. Never the cells inside a table.
import { unionBox } from './geometry.ts';
import { makeLine } from './lines.ts';
import type { Box, Line, PageLayout, TableBlock, TableRow, TextBlock } from './types.ts';

/** Share of the page height at the top and at the bottom where running text lives. */
const MARGIN_BAND = 0.12;
const PAGE_NUMBER = /^(?:(?:page|p\.?)\s*\d+(?:\s*(?:of|\/)\s*\d+)?|-\s*\d+\s*-|\d+\s*(?:of|\/)\s*\d+|\d{1,4}|[ivx]{1,5})$/i;

interface Candidate {
  page: number;
  block: TextBlock | TableBlock;
  line: Line;
  /** The table row the line stands for. */
  row?: TableRow;
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
    const consider = (block: TextBlock | TableBlock, line: Line, row?: TableRow) => {
      const top = line.box[3] <= p.height * MARGIN_BAND;
      const bottom = line.box[1] >= p.height * (1 - MARGIN_BAND);
      if (top || bottom) candidates.push({ page: p.page, block, line, row, key: keyOf(line.text), y: (line.box[1] + line.box[3]) / 2, top });
    };
    for (const block of p.blocks) {
      if (block.kind === 'text') {
        for (const line of block.lines) consider(block, line);
        continue;
      }
      // A table of one row, and a first or last row of one cell (a repeated header row of several cells is
      // the table's own), read as one line each: only a row of one line can be running text.
      const ends = block.rows.length > 1 ? [block.rows[0], block.rows[block.rows.length - 1]] : block.rows;
      for (const row of ends) {
        if (block.rows.length > 1 && row.cells.filter((c) => c.lines.length).length > 1) continue;
        const lines = row.cells.flatMap((c) => c.lines);
        const words = lines.flatMap((l) => l.words);
        if (!words.length || new Set(lines.map((l) => Math.round(l.box[1]))).size > 1) continue;
        consider(block, makeLine(words), row);
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
  const removeRows = new Set<TableRow>();
  for (const group of byKey.values()) {
    for (const c of group) {
      const near = group.filter((o) => o.top === c.top && Math.abs(o.y - c.y) <= c.line.size * 2);
      // Nothing but a page number, or the same text at the same place (within two text sizes) on enough
      // distinct pages.
      if (PAGE_NUMBER.test(c.line.text.trim()) || new Set(near.map((o) => o.page)).size >= threshold) {
        if (c.row) removeRows.add(c.row);
        else remove.add(c.line);
      }
    }
  }
  const removed: Array<{ page: number; text: string; box: Box }> = [];
  for (const p of pages) {
    p.blocks = p.blocks.filter((block) => {
      if (block.kind === 'table') {
        const kept = block.rows.filter((r) => {
          if (!removeRows.has(r)) return true;
          const words = r.cells.flatMap((c) => c.lines.flatMap((l) => l.words));
          const line = makeLine(words);
          removed.push({ page: p.page, text: line.text, box: line.box });
          return false;
        });
        if (kept.length === block.rows.length) return true;
        block.rows = kept;
        if (kept.length) block.box = unionBox(kept.map((r) => r.box));
        return kept.length > 0;
      }
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
