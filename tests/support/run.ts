// Helpers for tests that import documents into a throwaway store, the way a user would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipelines } from '../../pipelines/index.ts';
import { exportRecords, type ExportRecord } from '../../src/export/records.ts';
import { importFiles, type RunSummary } from '../../src/pipeline/import.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { ExpectedObservation } from './compare.ts';

export const SEEDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');

export function tempDir(prefix = 'planharvest-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function importInto(paths: string[], dbPath = join(tempDir(), 'test.db')): Promise<{ store: Store; summary: RunSummary; records: ExportRecord[]; dbPath: string }> {
  const store = openStore(dbPath);
  const summary = await importFiles(paths, store, { pipeline: pipelines.default });
  return { store, summary, records: exportRecords(store.db), dbPath };
}

export function asComparable(r: ExportRecord): ExpectedObservation {
  return {
    indicator: r.indicator, kind: r.kind, state: r.state, value: r.value, unit: r.unit, period: r.period, area: r.area,
    relative_change: r.relative_change, denominator: r.denominator,
  };
}
