// A word's box cut to its text line. Engines report a word's box as the extent of everything they took into
// the word, and on a photocopy that includes specks far above or below the line, which would put the word on
// another line or bridge two paragraphs. The line's own geometry (its baseline, how far text rises above
// it and drops below it) is steadier: the word's box is cut to that, with a little slack.
import type { OcrWord } from './engine.ts';

export interface TextLineGeometry {
  /** y of the baseline at x. */
  baselineAt(x: number): number;
  /** Height of the line's text, ascenders to descenders. */
  height: number;
  /** How far descenders drop below the baseline (positive). */
  descent: number;
}

export function clipToLine(box: OcrWord['box'], line: TextLineGeometry | null): OcrWord['box'] {
  const [x0, y0, x1, y1] = box;
  if (!line || !(line.height > 0)) return box;
  const baseY = line.baselineAt((x0 + x1) / 2);
  const descent = Math.max(0, line.descent);
  const slack = line.height * 0.15;
  const top = Math.max(y0, baseY - (line.height - descent) - slack);
  const bottom = Math.min(y1, baseY + descent + slack);
  // A word that would all but vanish is not on this line after all: keep what the engine said.
  return bottom - top >= line.height * 0.3 ? [x0, top, x1, bottom] : box;
}
