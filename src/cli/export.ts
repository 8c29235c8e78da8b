import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { toCsv } from '../export/csv.ts';
import { exportRecords } from '../export/records.ts';
import { UsageError } from './main.ts';
import { openStoreOrFail } from './open-store.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every observation as JSONL or CSV (the export contract)')
    .requiredOption('--db <path>', 'SQLite store to read')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--include-rejected', 'also write observations a reviewer rejected (review_state "rejected")')
    .action((opts: { db: string; format: string; out?: string; includeRejected?: boolean }) => {
      if (!['jsonl', 'csv'].includes(opts.format)) throw new UsageError(`unknown format "${opts.format}" (jsonl or csv)`);
      if (!existsSync(opts.db)) throw new UsageError(`no database at ${opts.db}`);
      const store = openStoreOrFail(opts.db, true);
      try {
        const records = exportRecords(store.db, { includeRejected: Boolean(opts.includeRejected) });
        const text = opts.format === 'csv' ? toCsv(records) : records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      } finally {
        store.close();
      }
    });
}
