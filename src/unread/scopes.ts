// The places a figure counts as "near" an indicator: every cell of a table row that names an indicator in
// any of its cells, and every sentence of running text (paragraph, heading, list item) that names one. A row
// or sentence an observation was read from is about an indicator too, even when its code is written in the
// row above (seed 001's "Baseline 29% (05/06) | 08/09 26%" under the row naming NI 175) or in the sentence
// before ("The 2009/10 target is 25 days."). Mentions and observations are matched to text units by
// provenance and text, so this works for any extractor that keeps the whole text unit with its provenance.
import type { Block, PlanDocument, Provenance, TextUnit } from '../model/document.ts';
import type { SourceRef } from '../model/observation.ts';
import type { MentionLike, Nearness, ObservationLike } from './types.ts';

export interface Scope {
  unit: TextUnit;
  /** The sentence's offsets in the unit (the whole unit for a table cell). */
  from: number;
  to: number;
  near: Nearness;
  /** Indicator codes the scope is about: named in the cell (or sentence) first, then the row, then read there. */
  codes: string[];
  /** Mentions in the scope, for the indicators' titles (their numbers are not figures). */
  mentions: MentionLike[];
  /** The mentions written in the scope itself (the cell, the sentence): their spans are codes or titles, never figures. */
  own: MentionLike[];
  /** A row's first cell holding only a number ("Ref | Indicator | …" over "4 | NI 171 … | 48.2"): a row number. */
  rowNumber: boolean;
}

/** Where a text unit is: page, line, table cell, spreadsheet cell. */
function placeKey(p: Partial<Provenance>): string {
  return [p.page, p.line, p.table, p.row, p.col, p.sheet, p.address].map((v) => v ?? '').join('|');
}

/** The same text unit: same place and same words. */
export function sameUnit(a: { provenance: Partial<Provenance>; text: string }, b: { provenance: Partial<Provenance>; text: string }): boolean {
  return a.text === b.text && placeKey(a.provenance) === placeKey(b.provenance);
}

/**
 * Items by the text unit they are in: two units with the same place and words are the same unit. Keyed by
 * place, then by the text itself, so a long paragraph's text is never copied into a key (its hash is cached).
 */
export class ByUnit<T> {
  private readonly places = new Map<string, Map<string, T[]>>();

  add(provenance: Partial<Provenance>, text: string, item: T): void {
    const place = placeKey(provenance);
    let texts = this.places.get(place);
    if (!texts) this.places.set(place, (texts = new Map()));
    const list = texts.get(text);
    if (list) list.push(item);
    else texts.set(text, [item]);
  }

  get(provenance: Partial<Provenance>, text: string): T[] {
    return this.places.get(placeKey(provenance))?.get(text) ?? [];
  }
}

function byUnit<T extends { source: SourceRef }>(items: T[]): ByUnit<T> {
  const index = new ByUnit<T>();
  for (const item of items) index.add(item.source.provenance, item.source.text, item);
  return index;
}

/** Items grouped by the sentence their span starts in (binary search: long units with many mentions stay linear). */
function bySentence<T extends { source: SourceRef }>(items: T[], ranges: Array<[number, number]>): T[][] {
  const groups: T[][] = ranges.map(() => []);
  for (const item of items) {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid][0] <= item.source.start) lo = mid;
      else hi = mid - 1;
    }
    groups[lo].push(item);
  }
  return groups;
}

/** Sentence ranges, split where extraction splits prose: after . ; ! ? and before a capital or bracket. */
export function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (const m of text.matchAll(/(?<=[.;!?])\s+(?=[A-Z(])/g)) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, text.length]);
  return out;
}

const ROW_NUMBER = /^\s*\d{1,3}(?:\.\d{1,2})*[.)]?\s*$/;

const unique = (codes: string[]) => [...new Set(codes)];

interface Found {
  mentions: ByUnit<MentionLike>;
  observations: ByUnit<ObservationLike>;
}

function runningText(unit: TextUnit, found: Found): Scope[] {
  const own = found.mentions.get(unit.provenance, unit.text);
  const read = found.observations.get(unit.provenance, unit.text);
  if (!own.length && !read.length) return [];
  const ranges = sentences(unit.text);
  const named = bySentence(own, ranges);
  const values = bySentence(read, ranges);
  return ranges.flatMap(([from, to], i): Scope[] => {
    if (!named[i].length && !values[i].length) return [];
    const codes = unique([...named[i], ...values[i].map((o) => o.indicator)].map((x) => x.code));
    return [{ unit, from, to, near: 'sentence', codes, mentions: named[i], own: named[i], rowNumber: false }];
  });
}

function tableRows(block: Extract<Block, { kind: 'table' }>, found: Found): Scope[] {
  const scopes: Scope[] = [];
  for (const row of block.rows) {
    const perCell = row.cells.map((cell) => found.mentions.get(cell.provenance, cell.text));
    const named = perCell.flat();
    const read = row.cells.flatMap((cell) => found.observations.get(cell.provenance, cell.text));
    if (!named.length && !read.length) continue;
    row.cells.forEach((cell, i) => {
      const own = perCell[i];
      const codes = unique([...own, ...named, ...read.map((o) => o.indicator)].map((x) => x.code));
      const rowNumber = i === 0 && !own.length && ROW_NUMBER.test(cell.text);
      scopes.push({ unit: cell, from: 0, to: cell.text.length, near: own.length ? 'cell' : 'row', codes, mentions: named, own, rowNumber });
    });
  }
  return scopes;
}

/** Every scope of the document in reading order. */
export function nearScopes(doc: PlanDocument, mentions: MentionLike[], observations: ObservationLike[]): Scope[] {
  const found: Found = { mentions: byUnit(mentions), observations: byUnit(observations) };
  return doc.blocks.flatMap((block): Scope[] => {
    if (block.kind === 'table') return tableRows(block, found);
    if (block.kind === 'list') return block.items.flatMap((item) => runningText(item, found));
    return runningText(block, found);
  });
}
