import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findingsLine } from './findings-options.ts';
import { UsageError } from './main.ts';

function count(list: Array<{ action: string }>): string {
  const by = new Map<string, number>();
  for (const d of list) by.set(d.action, (by.get(d.action) ?? 0) + 1);
  return by.size ? ` (${[...by].map(([a, n]) => `${n} ${a}`).join(', ')})` : '';
}

export function registerDecisions(program: Command): void {
  const decisions = program.command('decisions').description('review decisions in bulk, from the decisions.csv a report writes');
  decisions
    .command('apply <csv>')
    .description('record every filled-in decision of a decisions CSV (all or nothing; applying a file twice records nothing new)')
    .option('--db <store>', 'SQLite file or postgresql:// URL of the store (default: $PLANHARVEST_DB)')
    .option('--by <name>', 'reviewer for rows whose reviewer column is empty')
    .action(async (csv: string, opts: { db?: string; by?: string }) => {
      let text: string;
      try {
        text = readFileSync(csv, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${csv}: ${(error as Error).message}`);
      }
      const [{ applyDecisionsCsv }, { openAnyStoreOrFail, storeAddress }] = await Promise.all([import('../review/apply-csv.ts'), import('./open-store.ts')]);
      const db = storeAddress(opts.db);
      const store = await openAnyStoreOrFail(db, true);
      try {
        const report = await applyDecisionsCsv(store, text, { source: basename(csv), defaultBy: opts.by });
        if (report.errors.length) {
          for (const e of report.errors) process.stderr.write(`${csv}: ${e}\n`);
          throw new UsageError(`${report.errors.length} problem${report.errors.length === 1 ? '' : 's'} in ${csv}; nothing was recorded`);
        }
        process.stdout.write(
          `${basename(csv)}: ${report.recorded.length} decisions recorded${count(report.recorded)}, ${report.unchanged} already in effect` +
            (report.orphans.length ? `, ${report.orphans.length} about ids no longer in the store (kept; see planharvest review orphans)` : '') + '\n',
        );
        if (report.recorded.length || report.orphans.length) {
          const findings = await store.findingsAfterDecisions('decisions');
          process.stderr.write(findingsLine(findings.counts, db));
        }
      } finally {
        await store.close();
      }
    });
}
