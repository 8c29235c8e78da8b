// Messages between the import's main thread and its workers. Only what the store needs crosses back:
// the document's blocks stay in the worker, which keeps structured cloning cheap.
import type { PlanDocument } from '../model/document.ts';
import type { ProcessOptions, ProcessResult } from './process.ts';

export interface WorkerRequest {
  id: number;
  pipeline: string;
  fileName: string;
  bytes: Uint8Array;
  overrides: ProcessOptions;
}

/**
 * Control messages between the pool and a worker: the worker says `ready` once its modules are loaded;
 * the pool says `shutdown` when the run ends, and the worker answers `closed` once its OCR engine (its line
 * to the pool's shared engine, or an engine of its own when run without one) has stopped.
 */
export type WorkerControl = 'ready' | 'shutdown' | 'closed';

/** A worker reading a paged document says as each page starts: the pool's time limit restarts per page. */
export interface WorkerProgress {
  id: number;
  page: number;
  pages: number;
}

export interface WorkerResponse {
  id: number;
  result: ProcessResult;
}

export function slim(result: ProcessResult): ProcessResult {
  if (!result.ok) return result;
  const document: PlanDocument = { ...result.document, blocks: [] };
  return { ...result, document };
}
