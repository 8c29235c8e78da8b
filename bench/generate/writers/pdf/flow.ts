// Page flow for the PDF writer: a cursor moving down the page, a new page when the next piece does not fit,
// and every page's drawing recorded as plain operations (so the footer can say "Page n of N" once the
// number of pages is known, and drawing is one pass at the end).
import type { PDFFont } from 'pdf-lib';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export type Op =
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number };

export const MARGIN = 56;

/** The pieces a line may break between: words, except that "7 out of 26" stays whole. */
export function unbreakable(text: string): string[] {
  return text.match(/\S+ out of \S+|\S+/g) ?? [];
}
/** Space kept at the foot of the page for the page number. */
const FOOTER = 28;
export const LEADING = 1.25;

export class Flow {
  readonly pages: Op[][] = [[]];
  /** Baseline-free cursor: the y (PDF units, from the bottom) of the top of the next thing drawn. */
  y: number;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly fonts: Fonts,
  ) {
    this.y = height - MARGIN;
  }

  get left(): number {
    return MARGIN;
  }

  get contentWidth(): number {
    return this.width - 2 * MARGIN;
  }

  get pageHeight(): number {
    return this.height - 2 * MARGIN - FOOTER;
  }

  /** True when a new page was started to make room. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN + FOOTER) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = this.height - MARGIN;
  }

  text(x: number, top: number, text: string, size: number, bold = false): void {
    // `top` is the top of the line box; the baseline sits one ascent (about 0.8 em) below it.
    if (text) this.pages[this.pages.length - 1].push({ kind: 'text', x, y: top - size * 0.8, text, size, bold });
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness = 0.6): void {
    this.pages[this.pages.length - 1].push({ kind: 'line', x1, y1, x2, y2, thickness });
  }

  widthOf(text: string, size: number, bold = false): number {
    return (bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(text, size);
  }

  /**
   * Greedy word wrap to `width`; a word longer than the width gets a line of its own. "7 out of 26" is never
   * broken: the extractor does not read a ratio whose "out of" is split over two lines (reported in
   * BENCHMARKS.md).
   */
  wrap(text: string, size: number, width: number, bold = false): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of unbreakable(text)) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && this.widthOf(candidate, size, bold) > width) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    if (current) lines.push(current);
    return lines;
  }
}
