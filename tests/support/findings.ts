// Helpers for reconcile and review tests: write small plan documents into a temp folder, import them the way
// a user would (findings are computed at the end of the import), and read the stored findings back.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFindings, type StoredFinding } from '../../src/reconcile/store.ts';
import type { Store } from '../../src/store/index.ts';
import { importInto, tempDir } from './run.ts';

/** A plan in the labelled-line style of seed 003: one block per indicator. */
export function plan(partnership: string, blocks: Array<[code: string, title: string, lines: string[]]>): string {
  const body = blocks.map(([code, title, lines]) => [`Performance Indicators: ${code} ${title}`, '', ...lines].join('\n'));
  return [partnership, '', 'Delivery Plan 2008-11', '', ...body.flatMap((b) => [b, ''])].join('\n');
}

export function writeDocuments(files: Record<string, string>, dir = tempDir()): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export interface Imported {
  store: Store;
  dir: string;
  dbPath: string;
  findings: StoredFinding[];
  of(check: string, indicator?: string): StoredFinding[];
}

export async function importDocuments(files: Record<string, string>): Promise<Imported> {
  const dir = writeDocuments(files);
  const { store, dbPath } = await importInto([dir], join(tempDir(), 'store.db'));
  const findings = readFindings(store.db);
  return {
    store, dir, dbPath, findings,
    of: (check, indicator) => findings.filter((f) => f.check === check && (indicator === undefined || f.indicator === indicator)),
  };
}

/** Findings as two stores should agree on them: everything but which reconciliation and run stored them. */
export function findingsWithoutRuns(findings: StoredFinding[]): Array<Omit<StoredFinding, 'runId' | 'reconciliationId'>> {
  return findings.map(({ runId: _run, reconciliationId: _reconciliation, ...f }) => f);
}
