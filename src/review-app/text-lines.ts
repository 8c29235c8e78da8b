// The lines of a text export around a figure's line, as the document shows them, for the review page: read
// from the file the store says the document came from and decoded as the text-export ingester decodes it.
import { decodeText } from '../ingest/text-export/decode.ts';

export interface ShownLine {
  /** 1-based, as provenance counts lines. */
  n: number;
  text: string;
  /** The line the figure was read from. */
  here: boolean;
}

/** How many lines are shown before and after the figure's. */
const AROUND = 4;
/** A line longer than this is cut (a table row exported without line breaks can run to pages). */
const LONGEST = 600;

export function linesAround(bytes: Uint8Array, file: string, line: number): ShownLine[] {
  const lines = decodeText(bytes, file).text.split(/\r\n|\r|\n/);
  const from = Math.max(1, line - AROUND);
  const to = Math.min(lines.length, line + AROUND);
  const out: ShownLine[] = [];
  for (let n = from; n <= to; n++) {
    const text = lines[n - 1];
    out.push({ n, text: text.length > LONGEST ? `${text.slice(0, LONGEST)} …` : text, here: n === line });
  }
  return out;
}
