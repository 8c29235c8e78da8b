import type { Command } from 'commander';
import { confidenceThreshold, CONFIDENCE_THRESHOLD_HELP, findingsLine } from './findings-options.ts';

export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description('recompute every finding over the whole store (an import recomputes only what it touched; this is for after an upgrade, or to check)')
    .requiredOption('--db <path>', 'SQLite store to check')
    .option('--confidence-threshold <n>', CONFIDENCE_THRESHOLD_HELP, confidenceThreshold)
    .action(async (opts: { db: string; confidenceThreshold?: number }) => {
      const [{ reconcileStore }, { openExistingStoreOrFail }] = await Promise.all([import('../reconcile/index.ts'), import('./open-store.ts')]);
      const store = openExistingStoreOrFail(opts.db);
      try {
        const started = Date.now();
        const r = reconcileStore(store.db, { trigger: 'reconcile', options: opts.confidenceThreshold === undefined ? undefined : { confidenceThreshold: opts.confidenceThreshold } });
        process.stderr.write(`recomputed every finding in ${((Date.now() - started) / 1000).toFixed(1)} s\n${findingsLine(r.counts, opts.db)}`);
      } finally {
        store.close();
      }
    });
}
