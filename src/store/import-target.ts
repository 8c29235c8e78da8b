// What an import run asks of the store it writes, whichever engine holds it (src/pipeline/import.ts): a run
// record, whether a file's bytes are stored already, each document's all-or-nothing write (told once it is
// committed), rejections, and the findings recomputed for what the run wrote. The SQLite store writes in
// batches of documents (./batch.ts) and recomputes findings itself (src/reconcile/); the PostgreSQL store
// writes each document in its own transaction (./postgres/store.ts).
import type { Message } from '../model/message.ts';
import type { PlanDocument } from '../model/document.ts';
import type { Normalised } from '../normalise/index.ts';
import type { ValueCrop } from '../ocr/crops.ts';
import type { FindingCounts, ReconcileOptions } from '../reconcile/index.ts';
import type { UnreadReport } from '../unread/types.ts';
import type { Settled } from './batch.ts';
import type { DocumentOutcome } from './index.ts';

/** A document as the pipeline finished it, ready to store. */
export interface FinishedDocument {
  document: PlanDocument;
  result: Normalised;
  messages: Message[];
  crops: ValueCrop[];
  unread: UnreadReport | null;
}

export interface FindingsRequest {
  runId: number;
  options?: Partial<ReconcileOptions>;
  /** Worker threads the import ran with: with any, the findings step gets a thread of its own. */
  jobs: number;
}

/** The findings stored after the run; `inThread`: why they were computed in the importing thread rather than one of their own. */
export interface FindingsOutcome {
  counts: FindingCounts;
  inThread?: string;
}

export interface ImportTarget {
  beginRun(pipeline: string): Promise<number>;
  isUnchanged(path: string, contentHash: string): Promise<boolean>;
  /** Stores a document; `done` is told once it is committed, or why nothing of it was. */
  write(runId: number, path: string, finished: FinishedDocument, done: (stored: Settled<DocumentOutcome>) => void): void;
  /** Records a file the run could not take, with the writes. */
  reject(runId: number, path: string, reason: string, advice: string): void;
  /** Commits every write still open and waits for it. */
  flush(): Promise<void>;
  findings(request: FindingsRequest): Promise<FindingsOutcome>;
  finishRun(runId: number, summary: unknown): Promise<void>;
}
