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

export interface WorkerResponse {
  id: number;
  result: ProcessResult;
}

export function slim(result: ProcessResult): ProcessResult {
  if (!result.ok) return result;
  const document: PlanDocument = { ...result.document, blocks: [] };
  return { ...result, document };
}
