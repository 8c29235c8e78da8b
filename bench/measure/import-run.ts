// One timed import through the real CLI in a child process, so peak RSS is the importing process's own
// (worker threads included): GNU time -v reports it, with CPU time; the run summary (--summary-json) gives
// documents, pages and observations.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunSummary } from '../../src/pipeline/import.ts';
import { load, type Load } from './machine.ts';

const BIN = fileURLToPath(new URL('../../bin/planharvest.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export interface ImportRun {
  jobs: number;
  command: string;
  load: Load;
  /** Seconds from spawning the process to its exit (Node start-up and the closing reconciliation included). */
  wallSeconds: number;
  /** The import's own clock (summary.seconds): walking, processing, storing and reconciling. */
  importSeconds: number;
  counts: RunSummary['counts'];
  documents: number;
  pages: number;
  observations: number;
  peakRssMb: number | null;
  cpuSeconds: number | null;
  /** Per format (by file extension): documents and the summed per-file latency (read to committed, batch wait included). */
  byFormat: Record<string, { documents: number; seconds: number }>;
  rejected: Array<{ path: string; reason: string }>;
}

function hasGnuTime(): boolean {
  return existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true'], { stdio: 'ignore' }).status === 0;
}

function field(report: string, label: string): number | null {
  const m = new RegExp(`${label}[^:]*:\\s*([\\d.]+)`).exec(report);
  return m ? Number(m[1]) : null;
}

export async function timedImport(docs: string, db: string, jobs: number, workDir: string): Promise<ImportRun> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  const summaryPath = join(workDir, `summary-jobs${jobs}.json`);
  const stderrPath = join(workDir, `stderr-jobs${jobs}.txt`);
  const args = [BIN, 'import', docs, '--db', db, '--jobs', String(jobs), '--quiet', '--summary-json', summaryPath];
  const timed = hasGnuTime();
  const [cmd, argv] = timed ? [GNU_TIME, ['-v', process.execPath, ...args]] : [process.execPath, args];
  const before = load();
  const err = openSync(stderrPath, 'w');
  const start = process.hrtime.bigint();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', err] });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(err);
  const stderr = readFileSync(stderrPath, 'utf8');
  if (code !== 0) throw new Error(`import --jobs ${jobs} exited with ${code}:\n${stderr.slice(-2000)}`);
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as RunSummary;
  const byFormat: ImportRun['byFormat'] = {};
  for (const f of summary.files) {
    const format = extname(f.path).slice(1) || 'none';
    const entry = (byFormat[format] ??= { documents: 0, seconds: 0 });
    entry.documents++;
    entry.seconds += f.ms / 1000;
  }
  const rss = timed ? field(stderr, 'Maximum resident set size') : null;
  const user = timed ? field(stderr, 'User time') : null;
  const system = timed ? field(stderr, 'System time') : null;
  return {
    jobs,
    command: `planharvest import <corpus> --db <store> --jobs ${jobs} --quiet --summary-json <file>${timed ? ' (under /usr/bin/time -v)' : ''}`,
    load: before,
    wallSeconds,
    importSeconds: summary.seconds,
    counts: summary.counts,
    documents: summary.files.length,
    pages: summary.pages,
    observations: summary.observations,
    peakRssMb: rss === null ? null : Math.round((rss / 1024) * 10) / 10,
    cpuSeconds: user === null || system === null ? null : Math.round((user + system) * 100) / 100,
    byFormat,
    rejected: summary.files.filter((f) => f.status === 'rejected').map((f) => ({ path: f.path, reason: f.reason ?? '' })),
  };
}
