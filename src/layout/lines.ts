// Words → bands (everything sharing a baseline across the page) → lines (horizontally contiguous runs).
// Grouping is by vertical overlap with the band's dominant-size words rather than by equal y, so superscripts,
// subscripts, mixed fonts and OCR's ragged word boxes still land on their line.
import { boxHeight, mergeIntervals, sizeOf, unionBox, weightedMode } from './geometry.ts';
import type { Box, Line, Word } from './types.ts';

export interface Band {
  words: Word[];
  box: Box;
  /** Dominant text size of the band. */
  size: number;
}

interface Building {
  words: Word[];
  /** Vertical extent of the band's dominant-size words: what a new word must overlap. */
  coreTop: number;
  coreBottom: number;
  coreSize: number;
  coreCount: number;
}

/** Share of the smaller box's height two boxes must overlap to be on one line. */
const MIN_OVERLAP = 0.5;

function addToCore(b: Building, w: Word): void {
  const size = sizeOf(w);
  if (size > b.coreSize * 1.15) {
    // A bigger word defines the line (the first word seen may have been a superscript).
    b.coreTop = w.box[1];
    b.coreBottom = w.box[3];
    b.coreSize = size;
    b.coreCount = 1;
  } else if (size >= b.coreSize * 0.87) {
    b.coreTop = (b.coreTop * b.coreCount + w.box[1]) / (b.coreCount + 1);
    b.coreBottom = (b.coreBottom * b.coreCount + w.box[3]) / (b.coreCount + 1);
    b.coreCount++;
  }
}

export function groupBands(words: Word[]): Band[] {
  const sorted = [...words].sort((a, b) => a.box[1] + a.box[3] - (b.box[1] + b.box[3]));
  const bands: Building[] = [];
  for (const w of sorted) {
    const h = boxHeight(w.box);
    let best: Building | null = null;
    let bestScore = 0;
    // Bands are created top-down; only the last few can still overlap this word.
    for (let i = bands.length - 1; i >= 0 && i >= bands.length - 8; i--) {
      const b = bands[i];
      const ov = Math.min(b.coreBottom, w.box[3]) - Math.max(b.coreTop, w.box[1]);
      const score = ov / Math.max(1e-6, Math.min(h, b.coreBottom - b.coreTop));
      if (score > bestScore) [best, bestScore] = [b, score];
    }
    if (best && bestScore >= MIN_OVERLAP) {
      best.words.push(w);
      addToCore(best, w);
    } else {
      bands.push({ words: [w], coreTop: w.box[1], coreBottom: w.box[3], coreSize: sizeOf(w), coreCount: 1 });
    }
  }
  return bands
    .map((b) => {
      const ws = b.words.sort((p, q) => p.box[0] - q.box[0]);
      return { words: ws, box: unionBox(ws.map((w) => w.box)), size: dominantSize(ws) };
    })
    .sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

/** The size most characters are set in: a superscript or a bold lead-in word does not decide it. */
export function dominantSize(words: Word[]): number {
  const exact = weightedMode(words.map((w) => ({ value: sizeOf(w), weight: Math.max(1, w.text.length) })), 0.25);
  return exact || sizeOf(words[0]);
}

/** Join words into text: a space where the gap looks like one, nothing where a word was split in pieces. */
export function joinWords(words: Word[], size: number): string {
  let text = '';
  let prev: Word | null = null;
  for (const w of words) {
    if (prev) {
      const gap = w.box[0] - prev.box[2];
      // Overlapping boxes far apart in reading order (a word drawn twice for fake bold) also get a space.
      if (gap > size * 0.1 || gap < -size * 0.5) text += ' ';
    }
    text += w.text;
    prev = w;
  }
  return text.replace(/\s+/g, ' ').trim();
}

export function makeLine(words: Word[]): Line {
  const ws = [...words].sort((a, b) => a.box[0] - b.box[0]);
  const size = dominantSize(ws);
  return { words: ws, box: unionBox(ws.map((w) => w.box)), text: joinWords(ws, size), size };
}

/** Horizontal pieces of a band separated by gaps wider than `gapFactor` × text size. */
export function splitChunks(words: Word[], gapFactor: number): Word[][] {
  const ws = [...words].sort((a, b) => a.box[0] - b.box[0]);
  const chunks: Word[][] = [];
  let right = -Infinity;
  for (const w of ws) {
    const size = sizeOf(w);
    if (chunks.length && w.box[0] - right <= size * gapFactor) chunks[chunks.length - 1].push(w);
    else chunks.push([w]);
    right = Math.max(right, w.box[2]);
  }
  return chunks;
}

/** A band's lines: chunks far enough apart to be separate pieces of text (a header's two ends, two columns). */
export function bandLines(band: Band, gapFactor = 2): Line[] {
  return splitChunks(band.words, gapFactor).map(makeLine);
}

/** Lines of a set of words that all belong to one place (a table cell): bands, no splitting. */
export function linesOf(words: Word[]): Line[] {
  return groupBands(words).map((b) => makeLine(b.words));
}

/** Occupied x-intervals of a band, word gaps up to `bridge` closed. */
export function bandIntervals(band: Band, bridge: number): Array<[number, number]> {
  return mergeIntervals(
    band.words.map((w) => [w.box[0], w.box[2]] as [number, number]),
    bridge,
  );
}
