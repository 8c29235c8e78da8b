import type Database from 'better-sqlite3';
import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import type { ExportOptions } from '../export/records.ts';
import { UsageError } from './main.ts';

const FORMATS = ['jsonl', 'csv', 'xlsx'];
/** What one JSONL line or CSV row is: an observation (the contract's records) or a document's indicator. */
const RECORDS = ['observations', 'indicators'];

interface ExportCliOptions {
  db: string;
  format: string;
  out?: string;
  includeRejected?: boolean;
  reviewedOnly?: boolean;
  records?: string;
}

function exportOptions(opts: ExportCliOptions): ExportOptions {
  if (opts.includeRejected && opts.reviewedOnly) throw new UsageError('--reviewed-only keeps accepted and corrected observations only; it cannot include rejected ones');
  return { includeRejected: Boolean(opts.includeRejected), reviewedOnly: Boolean(opts.reviewedOnly) };
}

const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');

async function observationText(db: Database.Database, format: string, options: ExportOptions): Promise<string> {
  const { exportRecords } = await import('../export/records.ts');
  const records = exportRecords(db, options);
  return format === 'csv' ? (await import('../export/csv.ts')).toCsv(records) : jsonl(records);
}

async function indicatorText(db: Database.Database, format: string, options: ExportOptions): Promise<string> {
  const { exportIndicatorRecords } = await import('../export/indicator-records.ts');
  const records = exportIndicatorRecords(db, options);
  return format === 'csv' ? (await import('../export/indicator-csv.ts')).toIndicatorCsv(records) : jsonl(records);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every observation (or every indicator of every document) as JSONL or CSV (the export contract), or a workbook of the whole store (XLSX)')
    .requiredOption('--db <path>', 'SQLite store to read')
    .option('--format <format>', 'jsonl, csv or xlsx (sheets documents, indicators, observations, findings, decisions; needs --out)', 'jsonl')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--include-rejected', 'also write observations a reviewer rejected (review_state "rejected")')
    .option('--reviewed-only', 'only observations a reviewer accepted or corrected (review_state "accepted" or "corrected")')
    .option('--records <type>', 'observations (default: one record per observation) or indicators (one per document and indicator, with or without figures)')
    .action(async (opts: ExportCliOptions) => {
      if (!FORMATS.includes(opts.format)) throw new UsageError(`unknown format "${opts.format}" (${FORMATS.join(', ')})`);
      if (opts.records !== undefined && !RECORDS.includes(opts.records)) throw new UsageError(`unknown records "${opts.records}" (${RECORDS.join(', ')})`);
      if (opts.records !== undefined && opts.format === 'xlsx') throw new UsageError('--records is for jsonl and csv: the workbook has both, as its indicators and observations sheets');
      if (opts.format === 'xlsx' && !opts.out) throw new UsageError('--format xlsx writes a workbook: give the file with --out');
      const options = exportOptions(opts);
      if (!existsSync(opts.db)) throw new UsageError(`no database at ${opts.db}`);
      const { openStoreOrFail } = await import('./open-store.ts');
      const store = openStoreOrFail(opts.db, true);
      try {
        if (opts.format === 'xlsx') {
          // exceljs loads only for a workbook.
          const { exportWorkbook } = await import('../export/xlsx/index.ts');
          writeFileSync(opts.out!, await exportWorkbook(store.db, options));
          return;
        }
        const text = opts.records === 'indicators' ? await indicatorText(store.db, opts.format, options) : await observationText(store.db, opts.format, options);
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      } finally {
        store.close();
      }
    });
}
