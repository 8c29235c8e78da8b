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
  /** The stems sorted and joined, for the character-bigram measure. */
  joined: string;
}

const STOP = new Set(['of', 'the', 'in', 'and', 'or', 'to', 'a', 'an', 'by', 'for', 'at', 'on', 'with', 'who', 'that', 'their', 'la', 'area', 'number', 'percentage', 'proportion', 'rate', 'people']);

const stemCache = new Map<string, string>();

/** Porter stems are the expensive part of matching; the vocabulary of plans is small, so remember them. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = porterStemmer.stem(word);
    if (stemCache.size < 50_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

export function titleStems(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/%/g, ' percentage ')
    .replace(/co2/g, 'carbon')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w));
  return new Set(words.map(stem));
}

let cached: Map<string, CatalogueEntry> | null = null;

export function loadCatalogue(path = fileURLToPath(new URL('../../data/ni-catalogue.tsv', import.meta.url))): Map<string, CatalogueEntry> {
  if (cached) return cached;
  const entries = new Map<string, CatalogueEntry>();
  const lines = readFileSync(path, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [code, title] = line.split('\t');
    if (!code || !title) continue;
    const stems = titleStems(title);
    entries.set(code.trim(), { code: code.trim(), title: title.trim(), stems, joined: [...stems].sort().join(' ') });
  }
  cached = entries;
  return entries;
}

export function catalogueTitle(code: string): string | null {
  return loadCatalogue().get(code)?.title ?? null;
}

function stemSimilarity(sa: Set<string>, joinedA: string, sb: Set<string>, joinedB: string): number {
  if (!sa.size || !sb.size) return 0;
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  const words = (2 * shared) / (sa.size + sb.size);
  // Bigrams only matter when the words are close; skip them when they cannot lift the score far.
  if (words < 0.2) return 0.7 * words + 0.3 * words;
  return 0.7 * words + 0.3 * diceCoefficient(joinedA, joinedB);
}

/** Similarity 0..1 of two titles: stemmed-word overlap, steadied by character bigrams. */
export function titleSimilarity(a: string, b: string): number {
  const sa = titleStems(a);
  const sb = titleStems(b);
  return stemSimilarity(sa, [...sa].sort().join(' '), sb, [...sb].sort().join(' '));
}

export interface TitleMatch {
  code: string;
  title: string;
  score: number;
}

const bestMatches = new Map<string, TitleMatch | null>();

function bestMatch(text: string): TitleMatch | null {
  if (bestMatches.has(text)) return bestMatches.get(text)!;
  const stems = titleStems(text);
  const joined = [...stems].sort().join(' ');
  let best: TitleMatch | null = null;
  for (const entry of loadCatalogue().values()) {
    const score = stemSimilarity(stems, joined, entry.stems, entry.joined);
    if (!best || score > best.score) best = { code: entry.code, title: entry.title, score: Math.round(score * 1000) / 1000 };
  }
  if (bestMatches.size < 20_000) bestMatches.set(text, best);
  return best;
}

export function matchTitle(text: string, minScore: number): TitleMatch | null {
  const best = bestMatch(text);
  return best && best.score >= minScore ? best : null;
}
