import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import type { StoreReader } from '../store/reader.ts';
import type { ExportOptions } from '../export/records.ts';
import { UsageError } from './main.ts';

const FORMATS = ['jsonl', 'csv', 'xlsx'];
/** What one JSONL line or CSV row is: an observation (the contract's records) or a document's indicator. */
const RECORDS = ['observations', 'indicators'];

interface ExportCliOptions {
  db?: string;
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

async function observationText(reader: StoreReader, format: string, options: ExportOptions): Promise<string> {
  const { readExportRecords } = await import('../export/records.ts');
  const records = await readExportRecords(reader, options);
  return format === 'csv' ? (await import('../export/csv.ts')).toCsv(records) : jsonl(records);
}

async function indicatorText(reader: StoreReader, format: string, options: ExportOptions): Promise<string> {
  const { readIndicatorRecords } = await import('../export/indicator-records.ts');
  const records = await readIndicatorRecords(reader, options);
  return format === 'csv' ? (await import('../export/indicator-csv.ts')).toIndicatorCsv(records) : jsonl(records);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every observation (or every indicator of every document) as JSONL or CSV (the export contract), or a workbook of the whole store (XLSX)')
    .option('--db <store>', 'SQLite file or postgresql:// URL of the store to read (default: $PLANHARVEST_DB)')
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
      const { openAnyStoreOrFail, storeAddress } = await import('./open-store.ts');
      const store = await openAnyStoreOrFail(storeAddress(opts.db), true);
      try {
        if (opts.format === 'xlsx') {
          // exceljs loads only for a workbook.
          const { exportWorkbook } = await import('../export/xlsx/index.ts');
          writeFileSync(opts.out!, await exportWorkbook(store.reader(), options));
          return;
        }
        const reader = store.reader();
        const text = opts.records === 'indicators' ? await indicatorText(reader, opts.format, options) : await observationText(reader, opts.format, options);
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      } finally {
        await store.close();
      }
    });
}
