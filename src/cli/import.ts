import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pipelineByName, pipelines } from '../../pipelines/index.ts';
import { DEFAULT_MAX_TEXT_BYTES } from '../ingest/text-export/limits.ts';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS } from '../pipeline/limits.ts';
import { confidenceThreshold, CONFIDENCE_THRESHOLD_HELP, findingsLine } from './findings-options.ts';
import { UsageError } from './main.ts';

/** An option's value as a whole number (0 or more), or a usage error naming the option. */
export function positiveInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${value}"`);
    return n;
  };
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import plan documents (files or folders, any mix of formats) into the store')
    .argument('<paths...>', 'files or folders to import (folders are walked recursively)')
    .option('--db <store>', 'SQLite file (created if missing) or postgresql:// URL of the store to write (default: $PLANHARVEST_DB)')
    .option('--pipeline <name>', `pipeline to run: ${Object.keys(pipelines).join(', ')}`, 'default')
    .option('--jobs <n>', 'worker threads (0 = none, in this process)', positiveInteger('--jobs'), availableParallelism())
    .option('--timeout <seconds>', 'stop a document when one of its pages (or a document without pages) takes longer than this', positiveInteger('--timeout'), DEFAULT_TIMEOUT_MS / 1000)
    .option('--max-memory-mb <mb>', 'heap limit of each worker', positiveInteger('--max-memory-mb'), DEFAULT_MAX_MEMORY_MB)
    .option('--max-text-mb <mb>', 'largest plain-text export accepted', positiveInteger('--max-text-mb'), DEFAULT_MAX_TEXT_BYTES / 1024 / 1024)
    .option('--quiet', 'print only rejected files and the summary')
    .option('--summary-json <file>', 'write the run summary as JSON for scripts')
    .option('--confidence-threshold <n>', CONFIDENCE_THRESHOLD_HELP, confidenceThreshold)
    .action(async (paths: string[], opts: { db?: string; pipeline: string; jobs: number; timeout: number; maxMemoryMb: number; maxTextMb: number; quiet?: boolean; summaryJson?: string; confidenceThreshold?: number }) => {
      const pipeline = pipelineByName(opts.pipeline);
      if (!pipeline) throw new UsageError(`unknown pipeline "${opts.pipeline}" (known: ${Object.keys(pipelines).join(', ')})`);
      // Loaded here, not above, so other commands and --help never load the readers (see main.ts).
      const [{ importFiles }, { openAnyStoreOrFail, storeAddress }, { createProgress, fileLine }] = await Promise.all([
        import('../pipeline/import.ts'), import('./open-store.ts'), import('./progress.ts'),
      ]);
      const db = storeAddress(opts.db);
      const store = await openAnyStoreOrFail(db);
      try {
        const progress = createProgress({ quiet: Boolean(opts.quiet), tty: Boolean(process.stderr.isTTY) });
        const summary = await importFiles(paths, store, {
          pipeline,
          jobs: opts.jobs,
          timeoutMs: opts.timeout * 1000,
          maxMemoryMb: opts.maxMemoryMb,
          overrides: { maxTextBytes: opts.maxTextMb * 1024 * 1024 },
          onStart: (total) => progress.start(total),
          onFile: (r) => progress.file(r),
          reconcile: opts.confidenceThreshold === undefined ? undefined : { confidenceThreshold: opts.confidenceThreshold },
        });
        progress.stop();
        const c = summary.counts;
        process.stderr.write(
          `\nrun ${summary.runId} (${summary.pipeline}): ${c.imported} imported, ${c.replaced} replaced, ${c.unchanged} unchanged, ${c.rejected} rejected; ` +
            `${summary.observations} observations in ${summary.seconds.toFixed(1)} s\n`,
        );
        for (const r of summary.files.filter((f) => f.status === 'rejected')) process.stderr.write(`  ${fileLine(r)}\n`);
        if (summary.findingsInThread) process.stderr.write(`note: the findings were computed in the importing thread (${summary.findingsInThread})\n`);
        if (summary.findings) process.stderr.write(findingsLine(summary.findings, db));
        if (opts.summaryJson) writeFileSync(opts.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
      } finally {
        await store.close();
      }
    });
}
