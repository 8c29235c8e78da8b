import type { Command } from 'commander';
import { confidenceThreshold, CONFIDENCE_THRESHOLD_HELP } from './findings-options.ts';
import { UsageError } from './main.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write report.html, summary.md, findings.csv and decisions.csv: the findings with their source text, for review')
    .option('--db <store>', 'SQLite file or postgresql:// URL of the store to read (default: $PLANHARVEST_DB)')
    .requiredOption('--out <folder>', 'folder to write the report files into (created if missing)')
    .option('--confidence-threshold <n>', CONFIDENCE_THRESHOLD_HELP, confidenceThreshold)
    .action(async (opts: { db?: string; out: string; confidenceThreshold?: number }) => {
      const [{ writeReport }, { openAnyStoreOrFail, redacted, storeAddress }] = await Promise.all([import('../report/index.ts'), import('./open-store.ts')]);
      const db = storeAddress(opts.db);
      const store = await openAnyStoreOrFail(db, true);
      try {
        // Every import stores its findings; recompute only for a store that has none yet, or for a new threshold.
        if (opts.confidenceThreshold !== undefined || !(await store.reader().reconciled())) {
          await store.recomputeFindings('report', opts.confidenceThreshold === undefined ? undefined : { confidenceThreshold: opts.confidenceThreshold });
        }
        let written;
        try {
          written = await writeReport(store.reader(), opts.out, redacted(db));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code) throw new UsageError(`cannot write the report to ${opts.out}: ${(error as Error).message}`);
          throw error;
        }
        const s = written.data.counts.bySeverity;
        process.stderr.write(
          `wrote ${Object.values(written.files).join(', ')}\n` +
            `${written.data.counts.total} findings: ${s.error} errors, ${s.warning} warnings, ${s.info} info; ${written.data.orphans.length} decisions no longer apply\n`,
        );
      } finally {
        await store.close();
      }
    });
}
