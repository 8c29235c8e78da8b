// What the unread-figure check finds in one document: figures written in the same table row, cell or sentence
// as an indicator mention that no observation was read from. The counts are a recall signal for documents
// nobody has annotated: of the figures beside indicator mentions, how many the extractor left unread.
import type { SourceRef } from '../model/observation.ts';

/** Where the indicator is named relative to the figure. */
export type Nearness = 'cell' | 'row' | 'sentence';

export interface UnreadFigure {
  /** The figure as written, with its % sign: "41%", "1,523". */
  figure: string;
  value: number;
  near: Nearness;
  /** Codes named in that cell, row or sentence; the figure's own cell's first. */
  indicators: string[];
  /** The whole text unit (cell, paragraph, list item) and the figure's span in it; the figure's own box when known. */
  source: SourceRef;
}

export interface UnreadReport {
  /** Figures in a row, cell or sentence that names an indicator. */
  near: number;
  /** Of those, the figures an observation's value span covers. */
  read: number;
  /** The rest, in document order. */
  figures: UnreadFigure[];
}

/** What the check needs of an indicator mention (detect's Mention has more). */
export interface MentionLike {
  code: string;
  title?: string | null;
  catalogueTitle?: string | null;
  source: SourceRef;
}

/** What the check needs of an observation: where its value was read, and for which indicator. */
export interface ObservationLike {
  indicator: { code: string };
  source: SourceRef;
}

/** The unread share of the figures near indicator mentions, or null when there were none. */
export function unreadShare(counts: { near: number; read: number }): number | null {
  return counts.near ? (counts.near - counts.read) / counts.near : null;
}

/** "1.3%" for a share of 0.0127; "–" when nothing was measured. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
