// planharvest as a library: the typed entry point (`import { openStore, importFiles, exportRecords } from
// 'planharvest'`). The same stages the command line runs, taking an open Store rather than a path each time.
//
//   const store = openStore('plans.db');
//   const summary = await importFiles(['plans/'], store);
//   const records = exportRecords(store, { reviewedOnly: true });
//   store.close();
import type Database from 'better-sqlite3';
import { pipelineByName, pipelines, type Pipeline } from '../pipelines/index.ts';
import { compareStore, type CompareRequest, type CompareResult } from './compare/index.ts';
import type { WrittenComparison } from './compare/write.ts';
import { exportIndicatorRecords as exportStoreIndicators, type IndicatorRecord } from './export/indicator-records.ts';
import { exportRecords as exportStoreRecords, readExportRecords as readStoreRecords, type ExportOptions, type ExportRecord } from './export/records.ts';
import { importFiles as importIntoStore, type ImportOptions, type RunSummary } from './pipeline/import.ts';
import { sqliteReader, Store } from './store/index.ts';
import type { StoreReader } from './store/reader.ts';
import type { PostgresStore } from './store/postgres/store.ts';

export { openStore, Store } from './store/index.ts';
export { ExportRecord, REVIEWED_STATES, type ExportOptions } from './export/records.ts';
export { toCsv } from './export/csv.ts';
export { IndicatorRecord } from './export/indicator-records.ts';
export { toIndicatorCsv } from './export/indicator-csv.ts';
export { exportRecordJsonSchema } from './export/schema.ts';
export type { FileReport, FileStatus, RunSummary } from './pipeline/import.ts';
export type { ReviewState } from './review/decisions.ts';
export type { CompareRequest, CompareResult, IndicatorComparison, SharedIndicator } from './compare/index.ts';
export type { ComparedSeries, UnitGroup } from './compare/comparison.ts';
export type { Ambition, Change, Progress, ProgressStatus } from './compare/measures.ts';
export type { WrittenComparison } from './compare/write.ts';
export type { PostgresStore } from './store/postgres/store.ts';

/**
 * The PostgreSQL store at a postgresql:// URL, its schema brought up to date; `importFiles` writes it and
 * `readExportRecords` reads it as they do a SQLite store. `close()` ends its connections.
 */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  // node-postgres loads only for a PostgreSQL store, not with the package.
  const { PostgresStore: Opened } = await import('./store/postgres/store.ts');
  return Opened.open(url);
}

/** A store opened with openStore, or its better-sqlite3 connection. */
export type StoreLike = Store | Database.Database;

function dbOf(store: StoreLike): Database.Database {
  return store instanceof Store ? store.db : store;
}

function readerOf(store: StoreLike | PostgresStore): StoreReader {
  return 'reader' in store ? store.reader() : sqliteReader(store);
}

export interface LibraryImportOptions extends Omit<ImportOptions, 'pipeline'> {
  /** A pipeline name (`default`, `text-only`, `office-libreoffice`, …) or a Pipeline; `default` when not given. */
  pipeline?: string | Pipeline;
}

export const PIPELINE_NAMES: readonly string[] = Object.keys(pipelines);

/**
 * Imports files and folders (recursively) into the store, one transaction per document, then recomputes the
 * findings. Bad files are reported in the summary (status "rejected"), never thrown. In this thread unless
 * `jobs` asks for worker threads.
 */
export async function importFiles(inputs: string | string[], store: Store | PostgresStore, options: LibraryImportOptions = {}): Promise<RunSummary> {
  const named = options.pipeline ?? 'default';
  const pipeline = typeof named === 'string' ? pipelineByName(named) : named;
  if (!pipeline) throw new Error(`unknown pipeline "${named}" (${PIPELINE_NAMES.join(', ')})`);
  return importIntoStore(Array.isArray(inputs) ? inputs : [inputs], store, { ...options, pipeline });
}

/** The export records (CONTRACT.md), review decisions applied; rejected ones left out unless asked for. */
export function exportRecords(store: StoreLike, options: ExportOptions = {}): ExportRecord[] {
  return exportStoreRecords(dbOf(store), options);
}

/** The same records from either store: a SQLite `Store` or a `PostgresStore`. */
export async function readExportRecords(store: Store | PostgresStore, options: ExportOptions = {}): Promise<ExportRecord[]> {
  return readStoreRecords(store.reader(), options);
}

/** One record per document and indicator, with or without figures (`export --records indicators`). */
export function exportIndicatorRecords(store: StoreLike, options: ExportOptions = {}): IndicatorRecord[] {
  return exportStoreIndicators(dbOf(store), options);
}

/** The XLSX workbook `export --format xlsx` writes, as bytes, from either store. */
export async function exportWorkbook(store: StoreLike | PostgresStore, options: ExportOptions = {}): Promise<Buffer> {
  // exceljs loads on the first workbook, not with the package.
  const { exportWorkbook: exportStoreWorkbook } = await import('./export/xlsx/index.ts');
  return exportStoreWorkbook(readerOf(store), options);
}

/** One indicator across partnerships, or the most shared ones: the data behind `compare`, without files. */
export function compare(store: StoreLike, request: CompareRequest = {}): CompareResult {
  return compareStore(dbOf(store), request);
}

/** What `compare --out` writes: compare.html, comparison.json and the charts (SVG and Vega-Lite specs). */
export async function writeComparison(store: StoreLike, outDir: string, request: CompareRequest = {}, label = 'store'): Promise<WrittenComparison> {
  // The charts (vega, vega-lite) load on the first comparison written, not with the package.
  const { writeComparison: writeComparisonTo } = await import('./compare/write.ts');
  return writeComparisonTo(compareStore(dbOf(store), request), outDir, { databaseLabel: label, showShared: !request.indicator });
}
