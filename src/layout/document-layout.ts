// The whole document: lay out each page, strip running headers/footers, join tables and paragraphs that
// continue across a page (or column) break, and decide headings against the body text size of the document.
import { weightedMode } from './geometry.ts';
import { joinTables, type JoinOptions } from './join-tables.ts';
import { layoutPage } from './page-layout.ts';
import { joinRunOns } from './run-on.ts';
import { removeRunningText } from './running-text.ts';
import type { DocumentLayout, PageInput, PageLayout, TextBlock } from './types.ts';

export interface LayoutOptions extends JoinOptions {
  /** A line this much bigger than body text is a heading. */
  headingRatio?: number;
}

export function layoutDocument(inputs: PageInput[], options: LayoutOptions = {}): DocumentLayout {
  const pages = inputs.map(layoutPage);
  return finishDocument(pages, options);
}

/** The document-wide steps, for callers that lay pages out themselves (one at a time, to bound memory). */
export function finishDocument(pages: PageLayout[], options: LayoutOptions = {}): DocumentLayout {
  const removed = removeRunningText(pages);
  joinTables(pages, options);
  joinRunOns(pages);
  const bodySize = bodyTextSize(pages);
  assignHeadings(pages, bodySize, options.headingRatio ?? 1.15);
  return { pages, bodySize, removed };
}

function bodyTextSize(pages: PageLayout[]): number {
  const samples: Array<{ value: number; weight: number }> = [];
  for (const p of pages) {
    for (const b of p.blocks) {
      if (b.kind === 'text') for (const l of b.lines) samples.push({ value: l.size, weight: l.text.length });
      else for (const r of b.rows) for (const c of r.cells) for (const l of c.lines) samples.push({ value: l.size, weight: l.text.length });
    }
  }
  return weightedMode(samples, 0.25) || 10;
}

/**
 * Headings: short paragraphs set clearly bigger than body text (levels by size, biggest first), then short
 * single bold lines at body size that do not end like a sentence (one level below the sized ones).
 */
function assignHeadings(pages: PageLayout[], body: number, ratio: number): void {
  const candidates: Array<{ block: TextBlock; size: number | null }> = [];
  for (const p of pages) {
    for (const b of p.blocks) {
      if (b.kind !== 'text' || b.role !== 'paragraph') continue;
      const text = b.lines.map((l) => l.text).join(' ');
      if (text.length > 200 || b.lines.length > 3) continue;
      if (b.size >= body * ratio) candidates.push({ block: b, size: Math.round(b.size * 2) / 2 });
      else if (b.bold && b.lines.length === 1 && text.length <= 100 && b.size >= body * 0.95 && !/[.,;]$/.test(text) && /[A-Za-z]{3}/.test(text)) {
        candidates.push({ block: b, size: null });
      }
    }
  }
  const sizes = [...new Set(candidates.map((c) => c.size).filter((s): s is number => s !== null))].sort((a, b) => b - a);
  for (const c of candidates) {
    c.block.role = 'heading';
    c.block.level = Math.min(6, c.size === null ? sizes.length + 1 : sizes.indexOf(c.size) + 1);
  }
}
