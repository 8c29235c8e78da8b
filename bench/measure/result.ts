// Everything one benchmark run measured, as written to output/bench-<docs>.json.
import type { CorpusManifest } from '../generate/index.ts';
import type { AccuracyReport } from './accuracy.ts';
import type { GoalVerdict } from './goals.ts';
import type { ImportRun } from './import-run.ts';
import type { Load, Machine } from './machine.ts';
import type { PdfEndToEndResult } from './pdf-end-to-end.ts';
import type { PdfToolsResult } from './pdf-tools.ts';
import type { QueueWorkersResult } from './queue-workers.ts';
import type { ReconcileTiming } from './reconcile-time.ts';
import type { StartupResult } from './startup.ts';
import type { StoreWriteResult } from './store-writes.ts';

export interface BenchResult {
  docs: number;
  seed: number;
  command: string;
  startedAt: string;
  machine: Machine;
  generation: CorpusManifest & { load: Load };
  /** --jobs 1, then --jobs 2. */
  imports: [ImportRun, ImportRun];
  /** Recall and precision of the --jobs 1 store; the --jobs 2 store is checked to read the same. */
  accuracy: AccuracyReport;
  jobsAgree: boolean;
  speedup: number;
  /** The reconciliation each import ends with, timed alone over the --jobs 1 store. */
  reconcile: ReconcileTiming & { load: Load };
  pdf: PdfToolsResult & { load: Load; sampled: boolean };
  storeWrites: StoreWriteResult & { load: Load };
  /** `planharvest --help` beside `node -e 0` (absent in runs recorded before it was measured). */
  startup?: StartupResult;
  /** A 61-page PDF imported end to end beside a pdfjs-only process (absent in earlier runs). */
  pdfEndToEnd?: PdfEndToEndResult;
  /** The queue's workers against PostgreSQL beside a SQLite import (absent in earlier runs; null without a server). */
  queue?: QueueWorkersResult | null;
  goals: GoalVerdict[];
}
