// The 2008 National Indicator Set shipped as data (data/ni-catalogue.tsv), and title matching against it
// with natural's stemmer and Dice coefficient so "Percentage of household waste recycled or composted"
// finds NI 192 although the words differ.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import diceCoefficient from 'natural/lib/natural/distance/dice_coefficient.js';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

export interface CatalogueEntry {
  code: string;
  title: string;
  stems: Set<string>;
}

const STOP = new Set(['of', 'the', 'in', 'and', 'or', 'to', 'a', 'an', 'by', 'for', 'at', 'on', 'with', 'who', 'that', 'their', 'la', 'area', 'number', 'percentage', 'proportion', 'rate', 'people']);

export function titleStems(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/%/g, ' percentage ')
    .replace(/co2/g, 'carbon')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w));
  return new Set(words.map((w) => porterStemmer.stem(w)));
}

let cached: Map<string, CatalogueEntry> | null = null;

export function loadCatalogue(path = fileURLToPath(new URL('../../data/ni-catalogue.tsv', import.meta.url))): Map<string, CatalogueEntry> {
  if (cached) return cached;
  const entries = new Map<string, CatalogueEntry>();
  const lines = readFileSync(path, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [code, title] = line.split('\t');
    if (!code || !title) continue;
    entries.set(code.trim(), { code: code.trim(), title: title.trim(), stems: titleStems(title) });
  }
  cached = entries;
  return entries;
}

export function catalogueTitle(code: string): string | null {
  return loadCatalogue().get(code)?.title ?? null;
}

/** Similarity 0..1 of two titles: stemmed-word overlap, steadied by character bigrams. */
export function titleSimilarity(a: string, b: string): number {
  const sa = titleStems(a);
  const sb = titleStems(b);
  if (!sa.size || !sb.size) return 0;
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  const words = (2 * shared) / (sa.size + sb.size);
  const chars = diceCoefficient([...sa].sort().join(' '), [...sb].sort().join(' '));
  return 0.7 * words + 0.3 * chars;
}

export interface TitleMatch {
  code: string;
  title: string;
  score: number;
}

export function matchTitle(text: string, minScore: number): TitleMatch | null {
  let best: TitleMatch | null = null;
  for (const entry of loadCatalogue().values()) {
    const score = titleSimilarity(text, entry.title);
    if (!best || score > best.score) best = { code: entry.code, title: entry.title, score };
  }
  return best && best.score >= minScore ? { ...best, score: Math.round(best.score * 1000) / 1000 } : null;
}
