import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { toCsv } from '../export/csv.ts';
import { exportRecords, type ExportOptions } from '../export/records.ts';
import { exportWorkbook } from '../export/xlsx/index.ts';
import { UsageError } from './main.ts';
import { openStoreOrFail } from './open-store.ts';

const FORMATS = ['jsonl', 'csv', 'xlsx'];

interface ExportCliOptions {
  db: string;
  format: string;
  out?: string;
  includeRejected?: boolean;
  reviewedOnly?: boolean;
}

function exportOptions(opts: ExportCliOptions): ExportOptions {
  if (opts.includeRejected && opts.reviewedOnly) throw new UsageError('--reviewed-only keeps accepted and corrected observations only; it cannot include rejected ones');
  return { includeRejected: Boolean(opts.includeRejected), reviewedOnly: Boolean(opts.reviewedOnly) };
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every observation as JSONL or CSV (the export contract), or a workbook of the whole store (XLSX)')
    .requiredOption('--db <path>', 'SQLite store to read')
    .option('--format <format>', 'jsonl, csv or xlsx (sheets documents, indicators, observations, findings, decisions; needs --out)', 'jsonl')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--include-rejected', 'also write observations a reviewer rejected (review_state "rejected")')
    .option('--reviewed-only', 'only observations a reviewer accepted or corrected (review_state "accepted" or "corrected")')
    .action(async (opts: ExportCliOptions) => {
      if (!FORMATS.includes(opts.format)) throw new UsageError(`unknown format "${opts.format}" (${FORMATS.join(', ')})`);
      if (opts.format === 'xlsx' && !opts.out) throw new UsageError('--format xlsx writes a workbook: give the file with --out');
      const options = exportOptions(opts);
      if (!existsSync(opts.db)) throw new UsageError(`no database at ${opts.db}`);
      const store = openStoreOrFail(opts.db, true);
      try {
        if (opts.format === 'xlsx') {
          writeFileSync(opts.out!, await exportWorkbook(store.db, options));
          return;
        }
        const records = exportRecords(store.db, options);
        const text = opts.format === 'csv' ? toCsv(records) : records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      } finally {
        store.close();
      }
    });
}
