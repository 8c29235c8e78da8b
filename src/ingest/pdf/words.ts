// pdfjs text items → positioned words. An item is a run of text in one font on one line (it may hold many
// words); its width is known but not where each character sits, so words get an x range in proportion to
// typical glyph widths. That is accurate to a fraction of a character, plenty for columns and cells.
import type { Word } from '../../layout/types.ts';
import { pdfjs } from './load.ts';

export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL?: boolean;
}

export interface FontFacts {
  bold: boolean;
  italic: boolean;
  /** Ascent and descent as fractions of the font size (descent negative). */
  ascent: number;
  descent: number;
}

/** Rough advance widths (em) by character class, for placing words inside an item. */
function advance(ch: string): number {
  if (ch === ' ') return 0.28;
  if (/[ijlI.,:;'|!`]/.test(ch)) return 0.25;
  if (/[frt()[\]{}\-/]/.test(ch)) return 0.35;
  if (/[mwMW@%]/.test(ch)) return 0.85;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[0-9]/.test(ch)) return 0.56;
  return 0.52;
}

/** `advance` of every ASCII character, looked up rather than tested (it runs for every character of a PDF). */
const ASCII_ADVANCE = Array.from({ length: 128 }, (_, code) => advance(String.fromCharCode(code)));

/** The summed advance of the characters (code points) of `text`, in order: the same sum as adding up `advance`. */
function advanceOf(text: string): number {
  let total = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    total += code < 128 ? ASCII_ADVANCE[code] : advance(ch);
  }
  return total;
}

export interface WordsResult {
  words: Word[];
  /** Items set at an angle (rotated labels, watermarks): not laid out. */
  rotated: number;
  /** Font name of each word, for the garbage check. */
  fontOf: Map<Word, string>;
}

export function itemsToWords(items: PdfTextItem[], viewportTransform: number[], fonts: Map<string, FontFacts>): WordsResult {
  const words: Word[] = [];
  const fontOf = new Map<Word, string>();
  let rotated = 0;
  for (const item of items) {
    if (!item.str || !item.str.trim()) continue;
    const m = pdfjs.Util.transform(viewportTransform, item.transform) as number[];
    const [a, b, c, d, e, f] = m;
    // Horizontal, left-to-right text only: a>0 and no shear/rotation to speak of.
    if (a <= 0 || Math.abs(b) > Math.abs(a) * 0.05 || Math.abs(c) > Math.abs(d) * 0.05) {
      rotated++;
      continue;
    }
    const size = Math.hypot(c, d);
    const font = fonts.get(item.fontName) ?? { bold: false, italic: false, ascent: 0.8, descent: -0.2 };
    const top = f - font.ascent * size;
    const bottom = f - font.descent * size;
    const scaleX = a / Math.hypot(item.transform[0], item.transform[1]) || 1;
    const width = item.width > 0 ? item.width * scaleX : item.str.length * size * 0.5;
    const total = advanceOf(item.str) || 1;
    const unit = width / total;
    let x = e;
    const re = /\S+|\s+/g;
    for (const match of item.str.matchAll(re)) {
      const piece = match[0];
      const w = advanceOf(piece) * unit;
      if (piece.trim()) {
        const word: Word = { text: piece, box: [x, top, x + w, bottom], fontSize: size };
        if (font.bold) word.bold = true;
        if (font.italic) word.italic = true;
        words.push(word);
        fontOf.set(word, item.fontName);
      }
      x += w;
    }
  }
  return { words, rotated, fontOf };
}

const BOLD = /bold|black|heavy|semibold|demibold|extrabold|[-,](?:bd|sb)\b/i;
const ITALIC = /italic|oblique|[-,]it\b/i;

/** Bold and italic from the font's PostScript name ("ABCDEF+Arial-BoldMT"); metrics from pdfjs styles. */
export function fontFacts(name: string | undefined, style: { ascent?: number; descent?: number } | undefined): FontFacts {
  const base = (name ?? '').replace(/^[A-Z]{6}\+/, '');
  let ascent = style?.ascent ?? 0.8;
  let descent = style?.descent ?? -0.2;
  // Some fonts report nonsense metrics; keep the box within sensible bounds.
  if (!(ascent > 0.5 && ascent < 1.3)) ascent = 0.8;
  if (!(descent < 0 && descent > -0.5)) descent = -0.2;
  return { bold: BOLD.test(base), italic: ITALIC.test(base), ascent, descent };
}
