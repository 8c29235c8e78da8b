// A long scan on one core and on two (issue 12: "a 60-page scan on 2 cores in ≤ 0.6× the time it takes on
// one"): the three-page photocopied fixture repeated to the length asked for (qpdf), imported through the
// compiled CLI with --jobs 1 and then --jobs 2. One document, so any gain is its pages spread over the pool's
// OCR workers. The two stores must hold the same observations.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedImport, type ImportRun } from './import-run.ts';
import { storeDigest } from './store-accuracy.ts';

const SCAN = fileURLToPath(new URL('../../fixtures/scanned/08-saltings-action-plan.photocopy.pdf', import.meta.url));
const SCAN_PAGES = 3;

export interface ScanSpreadResult {
  pages: number;
  runs: ImportRun[];
  /** Wall time with --jobs 2 over --jobs 1. Goal ≤ 0.6. */
  ratio: number;
  sameObservations: boolean;
}

export async function benchScanSpread(pages: number, work: string): Promise<ScanSpreadResult> {
  const copies = Math.max(1, Math.round(pages / SCAN_PAGES));
  const folder = join(work, 'scan-spread');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'in'), { recursive: true });
  const file = join(folder, 'in', `saltings-${copies * SCAN_PAGES}-pages.pdf`);
  const qpdf = spawnSync('qpdf', ['--empty', '--pages', ...Array<string>(copies).fill(SCAN), '--', file], { encoding: 'utf8' });
  if (qpdf.error || qpdf.status !== 0) throw new Error(`qpdf could not build the long scan (${qpdf.error?.message ?? qpdf.stderr.trim()}): apt-get install qpdf`);
  const runs: ImportRun[] = [];
  for (const jobs of [1, 2]) runs.push(await timedImport(join(folder, 'in'), join(folder, `jobs${jobs}.db`), jobs, folder));
  return {
    pages: copies * SCAN_PAGES,
    runs,
    ratio: runs[1].wallSeconds / runs[0].wallSeconds,
    sameObservations: storeDigest(join(folder, 'jobs1.db')) === storeDigest(join(folder, 'jobs2.db')),
  };
}

export function formatScanSpread(r: ScanSpreadResult): string {
  const rows = r.runs.map((run) =>
    `| --jobs ${run.jobs} | ${run.pages} | ${run.observations} | ${run.wallSeconds.toFixed(1)} | ${run.peakRssMb?.toFixed(0) ?? '-'} | ${run.load.averages[0]} |`);
  return [
    `A ${r.pages}-page scan, one document (planharvest import <folder> --jobs N):`,
    '',
    '| run | pages | observations | wall s | peak RSS MB | load (1 min) before |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `--jobs 2 / --jobs 1: ${r.ratio.toFixed(2)} (goal ≤ 0.60: ${r.ratio <= 0.6 ? 'met' : 'missed'}); same observations: ${r.sameObservations ? 'yes' : 'NO'}`,
  ].join('\n');
}
