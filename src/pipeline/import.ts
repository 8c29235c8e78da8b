// Import a batch: walk the inputs, run each file through a pipeline, write each document in its own
// transaction, and account for every file in the run summary. Bad input never stops the batch.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Pipeline } from '../../pipelines/index.ts';
import type { Store } from '../store/index.ts';
import { collectFiles } from './files.ts';
import { contentHash } from './process.ts';

export type FileStatus = 'imported' | 'unchanged' | 'replaced' | 'rejected';

export interface FileReport {
  path: string;
  status: FileStatus;
  reason?: string;
  advice?: string;
  observations?: number;
  warnings?: number;
  ms: number;
}

export interface RunSummary {
  runId: number;
  pipeline: string;
  files: FileReport[];
  counts: Record<FileStatus, number>;
  observations: number;
  seconds: number;
}

export interface ImportOptions {
  pipeline: Pipeline;
  onFile?: (report: FileReport, done: number, total: number) => void;
}

export async function importFiles(inputs: string[], store: Store, options: ImportOptions): Promise<RunSummary> {
  const started = Date.now();
  const runId = store.beginRun(options.pipeline.name);
  const { files, problems } = collectFiles(inputs);
  const reports: FileReport[] = [];
  const total = files.length + problems.length;
  const report = (r: FileReport) => {
    reports.push(r);
    if (r.status === 'rejected') store.recordRejection(runId, r.path, r.reason ?? '', r.advice ?? '');
    options.onFile?.(r, reports.length, total);
  };
  for (const problem of problems) report({ ...problem, status: 'rejected', ms: 0 });

  for (const file of files) {
    const t0 = Date.now();
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file.path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      report({ path: file.path, status: 'rejected', reason: code === 'EACCES' ? 'permission denied' : `cannot be read (${code})`, advice: 'give the importing user read permission', ms: Date.now() - t0 });
      continue;
    }
    if (store.isUnchanged(file.path, contentHash(bytes))) {
      report({ path: file.path, status: 'unchanged', ms: Date.now() - t0 });
      continue;
    }
    const processed = await options.pipeline.process(bytes, basename(file.path));
    if (!processed.ok) {
      report({ path: file.path, status: 'rejected', reason: processed.reason, advice: processed.advice, ms: Date.now() - t0 });
      continue;
    }
    try {
      const status = store.saveDocument(runId, file.path, processed.document, processed.result, processed.messages);
      report({
        path: file.path, status, observations: processed.result.observations.length,
        warnings: processed.messages.filter((m) => m.severity !== 'info').length, ms: Date.now() - t0,
      });
    } catch (error) {
      report({ path: file.path, status: 'rejected', reason: `could not be stored (${(error as Error).message.slice(0, 160)})`, advice: 'nothing was changed for this file; report it', ms: Date.now() - t0 });
    }
  }

  const counts: Record<FileStatus, number> = { imported: 0, unchanged: 0, replaced: 0, rejected: 0 };
  for (const r of reports) counts[r.status]++;
  const summary: RunSummary = {
    runId, pipeline: options.pipeline.name, files: reports, counts,
    observations: reports.reduce((n, r) => n + (r.observations ?? 0), 0),
    seconds: (Date.now() - started) / 1000,
  };
  store.finishRun(runId, summary);
  return summary;
}
