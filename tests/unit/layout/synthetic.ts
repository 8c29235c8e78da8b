// Synthetic pages for layout tests: words placed like a 10-point sans-serif font, rules as segments.
import type { Box, PageInput, Segment, Word } from '../../../src/layout/types.ts';

export const SIZE = 10;
/** Average advance of a character, in ems. */
const CHAR = 0.5;

/** One word with its baseline at `y`. */
export function word(text: string, x: number, y: number, opts: { size?: number; bold?: boolean; ocr?: boolean } = {}): Word {
  const size = opts.size ?? SIZE;
  const box: Box = [x, y - 0.8 * size, x + text.length * CHAR * size, y + 0.2 * size];
  const w: Word = { text, box };
  if (!opts.ocr) w.fontSize = size;
  if (opts.bold) w.bold = true;
  return w;
}

/** A run of words separated by single spaces, starting at x. */
export function text(line: string, x: number, y: number, opts: { size?: number; bold?: boolean; ocr?: boolean } = {}): Word[] {
  const size = opts.size ?? SIZE;
  const out: Word[] = [];
  let cx = x;
  for (const t of line.split(' ').filter(Boolean)) {
    const w = word(t, cx, y, opts);
    out.push(w);
    cx = w.box[2] + 0.28 * size;
  }
  return out;
}

export const h = (y: number, from: number, to: number): Segment => ({ axis: 'h', at: y, from, to, thickness: 0.75 });
export const v = (x: number, from: number, to: number): Segment => ({ axis: 'v', at: x, from, to, thickness: 0.75 });

export function page(words: Word[], extra: Partial<PageInput> = {}): PageInput {
  return { page: 1, width: 595, height: 842, words, ...extra };
}

/** Grid rules for a table: column edges xs, row edges ys, every edge drawn. */
export function grid(xs: number[], ys: number[]): Segment[] {
  return [...ys.map((y) => h(y, xs[0], xs[xs.length - 1])), ...xs.map((x) => v(x, ys[0], ys[ys.length - 1]))];
}
