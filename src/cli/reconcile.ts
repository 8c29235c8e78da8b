import type { Command } from 'commander';
import { confidenceThreshold, CONFIDENCE_THRESHOLD_HELP, findingsLine } from './findings-options.ts';

export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description('recompute every finding over the whole store (an import recomputes only what it touched; this is for after an upgrade, or to check)')
    .option('--db <store>', 'SQLite file or postgresql:// URL of the store to check (default: $PLANHARVEST_DB)')
    .option('--confidence-threshold <n>', CONFIDENCE_THRESHOLD_HELP, confidenceThreshold)
    .action(async (opts: { db?: string; confidenceThreshold?: number }) => {
      const { openAnyStoreOrFail, storeAddress } = await import('./open-store.ts');
      const db = storeAddress(opts.db);
      const store = await openAnyStoreOrFail(db, true);
      try {
        const started = Date.now();
        const r = await store.recomputeFindings('reconcile', opts.confidenceThreshold === undefined ? undefined : { confidenceThreshold: opts.confidenceThreshold });
        process.stderr.write(`recomputed every finding in ${((Date.now() - started) / 1000).toFixed(1)} s\n${findingsLine(r.counts, db)}`);
      } finally {
        await store.close();
      }
    });
}
