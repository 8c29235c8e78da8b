import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { pipelineByName, pipelines } from '../../pipelines/index.ts';
import { importFiles, type FileReport } from '../pipeline/import.ts';
import { UsageError } from './main.ts';
import { openStoreOrFail } from './open-store.ts';

function fileLine(r: FileReport): string {
  if (r.status === 'rejected') return `rejected  ${r.path}: ${r.reason} — ${r.advice}`;
  const extra = r.observations !== undefined ? ` (${r.observations} observations${r.warnings ? `, ${r.warnings} warnings` : ''})` : '';
  return `${r.status.padEnd(9)} ${r.path}${extra}`;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import plan documents (files or folders, any mix of formats) into the store')
    .argument('<paths...>', 'files or folders to import (folders are walked recursively)')
    .requiredOption('--db <path>', 'SQLite store to write (created if missing)')
    .option('--pipeline <name>', `pipeline to run: ${Object.keys(pipelines).join(', ')}`, 'default')
    .option('--quiet', 'print only rejected files and the summary')
    .option('--summary-json <file>', 'write the run summary as JSON for scripts')
    .action(async (paths: string[], opts: { db: string; pipeline: string; quiet?: boolean; summaryJson?: string }) => {
      const pipeline = pipelineByName(opts.pipeline);
      if (!pipeline) throw new UsageError(`unknown pipeline "${opts.pipeline}" (known: ${Object.keys(pipelines).join(', ')})`);
      const store = openStoreOrFail(opts.db);
      try {
        const summary = await importFiles(paths, store, {
          pipeline,
          onFile: (r) => {
            if (r.status === 'rejected') process.stderr.write(`${fileLine(r)}\n`);
            else if (!opts.quiet) process.stderr.write(`${fileLine(r)}\n`);
          },
        });
        const c = summary.counts;
        process.stderr.write(
          `\nrun ${summary.runId} (${summary.pipeline}): ${c.imported} imported, ${c.replaced} replaced, ${c.unchanged} unchanged, ${c.rejected} rejected; ` +
            `${summary.observations} observations in ${summary.seconds.toFixed(1)} s\n`,
        );
        for (const r of summary.files.filter((f) => f.status === 'rejected')) process.stderr.write(`  ${fileLine(r)}\n`);
        if (opts.summaryJson) writeFileSync(opts.summaryJson, `${JSON.stringify(summary, null, 2)}\n`);
      } finally {
        store.close();
      }
    });
}
