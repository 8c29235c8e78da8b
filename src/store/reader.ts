// What the commands above a store read from it, whichever engine holds it: documents, the indicators each
// names, observations with their sources, and the review decisions. The SQLite store answers from its
// synchronous reads (./read.ts), the PostgreSQL store (./postgres/store.ts) runs the same queries over the
// network; both map rows the same way, so a record read from either is the same record.
import type { StoredFinding } from '../reconcile/store.ts';
import type { Decision, NewDecision } from '../review/decisions.ts';
import type { Targets } from '../review/targets.ts';
import type { StoredCrop } from './crops.ts';
import type { StoreStats } from './stats.ts';
import type { DocumentFilter, DocumentInfo, ObservationFilter, ReviewIndexRow, StoreChanges, StoredIndicator, StoredObservation } from './read.ts';
import type { FigureCounts, StoredUnreadFigure } from './unread.ts';

export interface StoreReader {
  documents(filter?: DocumentFilter): Promise<DocumentInfo[]>;
  indicators(documentId?: number): Promise<StoredIndicator[]>;
  observations(filter?: ObservationFilter): Promise<StoredObservation[]>;
  /** Every review decision, oldest first. */
  decisions(): Promise<Decision[]>;
  /** The current findings (all, or those some ids name), worst first. */
  findings(ids?: string[]): Promise<StoredFinding[]>;
  /** What tells a reader the store changed: documents stored, and the last reconciliation (./read.ts STORE_CHANGES). */
  changes(): Promise<StoreChanges>;
  /** What `planharvest stats` prints (./stats.ts). */
  stats(): Promise<StoreStats>;
  /** Every document's unread figures, or one document's (./unread.ts). */
  unread(documentId?: number): Promise<StoredUnreadFigure[]>;
  /** Each document's counts of figures near its indicators, read or not, in file-name order. */
  figureCounts(): Promise<FigureCounts[]>;
  /** The OCR crops of these observations (./crops.ts). */
  crops(observationIds: string[]): Promise<Map<string, StoredCrop>>;
  /** Whether the findings have been computed at least once. */
  reconciled(): Promise<boolean>;
  /** Every observation's place in the review queue, without its sources (./read.ts REVIEW_INDEX). */
  reviewIndex(): Promise<ReviewIndexRow[]>;
}

/**
 * Recording review decisions, whichever engine holds the store: `work` is given the targets as stored now and a
 * way to record a decision, in one transaction that other reviewers wait for (so each decides on what the
 * others decided, and a decision on a target changed since it was seen is refused: src/review/decide.ts).
 */
export type ReviewWork<T> = (targets: Targets, record: (d: NewDecision) => Promise<Decision>) => Promise<T>;

/** Which targets a review reads: every one, or only those some ids name (a review app deciding on one item). */
export interface ReviewScope {
  only?: string[];
}
