// What the commands above a store read from it, whichever engine holds it: documents, the indicators each
// names, observations with their sources, and the review decisions. The SQLite store answers from its
// synchronous reads (./read.ts), the PostgreSQL store (./postgres/store.ts) runs the same queries over the
// network; both map rows the same way, so a record read from either is the same record.
import type { Decision } from '../review/decisions.ts';
import type { StoreStats } from './stats.ts';
import type { DocumentFilter, DocumentInfo, ObservationFilter, StoredIndicator, StoredObservation } from './read.ts';

export interface StoreReader {
  documents(filter?: DocumentFilter): Promise<DocumentInfo[]>;
  indicators(documentId?: number): Promise<StoredIndicator[]>;
  observations(filter?: ObservationFilter): Promise<StoredObservation[]>;
  /** Every review decision, oldest first. */
  decisions(): Promise<Decision[]>;
  /** What `planharvest stats` prints (./stats.ts). */
  stats(): Promise<StoreStats>;
}
