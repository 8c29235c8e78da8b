// The generator's neutral document: what every format writer renders, and the truth it must read back as.
// Kept deliberately small: headings, paragraphs and tables of styled runs are all the layouts need.
import type { ExpectedObservation } from '../../tests/support/compare.ts';

/** One contract record the document should yield (the fields recordKey compares). */
export type Truth = ExpectedObservation;

export const FORMATS = ['text', 'html', 'csv', 'xlsx', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export const EXTENSION: Record<Format, string> = { text: 'txt', html: 'html', csv: 'csv', xlsx: 'xlsx', docx: 'docx', pdf: 'pdf' };

export interface Run {
  text: string;
  underline?: boolean;
}

/** A typed spreadsheet value: what is stored and the number format that shows it as the cell's text. */
export interface TypedNumber {
  value: number;
  numFmt?: string;
}

export interface SynthCell {
  runs: Run[];
  colSpan?: number;
  /** Set when the text is a bare figure a spreadsheet would hold as a number. */
  number?: TypedNumber;
}

export type SynthBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** `headerRows` rows at the top are column headings (thead, repeated on a new PDF page). */
  | { kind: 'table'; headerRows: number; rows: SynthCell[][] };

export interface SynthDoc {
  /** File name, unique in the corpus (observation ids derive from it). */
  name: string;
  format: Format;
  title: string;
  partnership: string;
  /** Which layouts the document uses, for per-layout accuracy. */
  layouts: string[];
  blocks: SynthBlock[];
  truth: Truth[];
  /** PDF options the writer follows (ignored by other formats). */
  pdf: { ruled: boolean; landscape: boolean };
}

export function cellText(cell: SynthCell): string {
  return cell.runs.map((r) => r.text).join('');
}

export function plain(text: string, number?: TypedNumber): SynthCell {
  return number ? { runs: [{ text }], number } : { runs: [{ text }] };
}

export const EMPTY: SynthCell = { runs: [] };
