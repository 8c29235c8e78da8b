// Partnership name and title as the document states them; shared by every ingester so the rule is one.
import type { Block } from '../model/document.ts';

const PARTNERSHIP = /\b(?:Local Strategic Partnership|LSP|Strategic Partnership)\b/;
/** Only in the title lines is a bare "… Partnership" the document's own name ("Harbourside City Partnership"). */
const TITLE_PARTNERSHIP = /\bPartnership(?=\s*$)/;
const TITLE_LINES = 8;
/** Words of document titles, not of place names: "DRAFT LSP ACTION PLAN" names no partnership. */
const NOT_A_PLACE = /^(?:draft|action|plan|annual|report|the|our|this|final|revised|update|performance|delivery|executive|board)$/i;
const GENERIC_ONLY = /^(?:the\s+)?(?:local strategic partnership|lsp)$/i;

function lineTexts(blocks: Block[], limit: number): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (out.length >= limit) break;
    if (block.kind === 'paragraph' || block.kind === 'heading') out.push(...block.text.split('\n'));
    else if (block.kind === 'table') for (const row of block.rows.slice(0, 2)) for (const cell of row.cells) out.push(cell.text);
  }
  return out.map((t) => t.replace(/\*\*/g, '').trim()).filter(Boolean);
}

function tidy(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/[\s:–—-]+$/, '').trim();
}

/**
 * The partnership names itself near the top: "Derbyshire Dales & High Peak Local Strategic Partnership",
 * or a place on one line and "Local Strategic Partnership" on the next. Generic mentions
 * ("local strategic partnership in a deprived area", "DRAFT LSP ACTION PLAN") name no partnership.
 */
export function findPartnership(blocks: Block[]): string | null {
  return findHeadedPartnership(blocks) ?? findRecurringPartnership(blocks);
}

function findHeadedPartnership(blocks: Block[]): string | null {
  const lines = lineTexts(blocks, 60);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const match = PARTNERSHIP.exec(line) ?? (i < TITLE_LINES ? TITLE_PARTNERSHIP.exec(line) : null);
    if (!match) continue;
    const upTo = tidy(line.slice(0, match.index + match[0].length));
    if (GENERIC_ONLY.test(upTo)) {
      const previous = lines[i - 1];
      if (previous && previous.length <= 60 && /^[A-Z][\w'&.,-]*(?:\s+(?:[A-Z&][\w'&.,-]*|of|and|upon|on|the))*$/.test(previous) && !/\d/.test(previous)) {
        return tidy(`${previous} ${upTo}`);
      }
      continue;
    }
    const words = upTo.split(/\s+/);
    const placeWords = words.slice(0, words.length - match[0].split(' ').length);
    // A name starts with a capitalised place: reject sentences that merely mention an LSP.
    if (placeWords.length === 0 || placeWords.length > 8 || !/^[A-Z]/.test(placeWords[0])) continue;
    if (!placeWords.every((w) => /^[A-Z&]|^(?:of|and|upon|on|the|de|in)$/.test(w))) continue;
    if (placeWords.some((w) => NOT_A_PLACE.test(w))) continue;
    return upTo;
  }
  return null;
}

/**
 * Names under which English LSPs went ("Hertfordshire Forward", "Cambridgeshire Together", "Sheffield
 * First", "Devon Strategic Partnership"). A document that never heads itself with its partnership still
 * names it in passing, again and again.
 */
const RECURRING_NAME = /\b((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s){1,3})(Forward|Together|First|Local Strategic Partnership|Strategic Partnership|LSP)\b/g;
const MIN_RECURRENCES = 3;

function allTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') for (const row of block.rows) for (const cell of row.cells) out.push(cell.text);
    else if (block.kind === 'list') for (const item of block.items) out.push(item.text);
    else out.push(block.text);
  }
  return out;
}

/** The most repeated partnership-like name in the whole document, when it recurs often enough. */
export function findRecurringPartnership(blocks: Block[]): string | null {
  const counts = new Map<string, number>();
  for (const text of allTexts(blocks)) {
    for (const m of text.matchAll(RECURRING_NAME)) {
      const place = m[1].trim().split(/\s+/).filter((w) => !NOT_A_PLACE.test(w));
      if (!place.length) continue;
      const name = `${place.join(' ')} ${m[2]}`;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= MIN_RECURRENCES ? best[0] : null;
}

export function findTitle(blocks: Block[]): string | null {
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'paragraph') {
      const text = block.text.replace(/\*\*/g, '').trim();
      if (text && text.length <= 160) return text;
    }
  }
  return null;
}
