// The distributed import queue (issue 13) on a real PostgreSQL server the test starts: `queue add`, worker
// processes started as a user starts them, `queue status` and `queue retry`. Three workers on one queue, one
// killed with SIGKILL mid-run and started again, store what one import process stores — no document twice or in
// part; a document that kills its worker ends failed after its attempts, with its reason, and the rest complete.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelines } from '../../pipelines/index.ts';
import { readExportRecords } from '../../src/export/records.ts';
import { importFiles } from '../../src/pipeline/import.ts';
import { openStore } from '../../src/store/index.ts';
import { PostgresStore } from '../../src/store/postgres/store.ts';
import { runCli } from '../support/cli.ts';
import { findingsWithoutRuns } from '../support/findings.ts';
import { FIXTURES } from '../support/compare.ts';
import { startPostgres, type PostgresServer } from '../support/postgres.ts';
import { SEEDS, tempDir } from '../support/run.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'planharvest.js');

let server: PostgresServer;
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(() => server?.stop());

/** Seeds, text exports, workbooks, web pages, Word and PDF files, copied into one folder. */
function corpus(): string {
  const dir = join(tempDir(), 'corpus');
  mkdirSync(dir);
  const copy = (from: string, keep: (f: string) => boolean) => {
    for (const f of readdirSync(from).filter(keep)) copyFileSync(join(from, f), join(dir, f));
  };
  copy(SEEDS, (f) => f.endsWith('.txt'));
  copy(join(FIXTURES, 'text'), (f) => /^\d\d-.*\.txt$/.test(f));
  copy(join(FIXTURES, 'office'), (f) => /^0[1-4]-.*\.(xlsx|html|docx)$/.test(f));
  copy(join(FIXTURES, 'pdf'), (f) => /^(01|09)-.*\.pdf$/.test(f));
  return dir;
}

interface Worker {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

function startWorker(url: string, env: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', url, '--jobs', '0', '--until-empty', '--check-every', '1'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr: () => err };
}

async function jobStates(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query("SELECT state::text AS state, COUNT(*)::int AS n FROM pgboss.job WHERE name = 'planharvest-import' GROUP BY state")).rows as Array<{ state: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    await client.end();
  }
}

async function until(what: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What one import process stores from the same folder, for comparison: its records and findings. */
async function singleProcess(dir: string) {
  const sqlite = openStore(join(tempDir(), 'single.db'));
  await importFiles([dir], sqlite, { pipeline: pipelines.default });
  const stored = { records: await readExportRecords(sqlite.reader()), findings: findingsWithoutRuns(await sqlite.reader().findings()) };
  sqlite.close();
  return stored;
}

describe('the import queue', () => {
  it('stores what one process stores when three workers share it and one is killed mid-run and restarted', async () => {
    const dir = corpus();
    const files = readdirSync(dir).length;
    const url = await server.createDatabase(`queue_${++databases}`);
    const added = runCli('queue', 'add', dir, '--db', url, '--lease', '8');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toMatch(new RegExp(`queued ${files} files \\(${files} stored`));
    // Queued again: the same bytes are not stored twice; the extra jobs find their documents stored.
    expect(runCli('queue', 'add', join(dir, readdirSync(dir)[0]), '--db', url).stderr).toMatch(/queued 1 files \(0 stored, 1 with bytes stored already\)/);

    const workers = [startWorker(url), startWorker(url), startWorker(url)];
    // Killed once it is working: a job of its may be in hand, which comes back when its lease runs out.
    await until(async () => ((await jobStates(url)).completed ?? 0) >= 3, 60_000);
    workers[0].child.kill('SIGKILL');
    expect((await workers[0].exited).signal).toBe('SIGKILL');
    workers[0] = startWorker(url);
    const ends = await Promise.all(workers.map((w) => w.exited));
    for (const [i, end] of ends.entries()) expect(end.code, workers[i].stderr()).toBe(0);

    const status = runCli('queue', 'status', '--db', url, '--json');
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual({ waiting: 0, active: 0, done: files + 1, failed: 0, findingsPending: 0, failures: [] });
    // The workers recomputed the findings of the partnerships documents landed in, once no file was waiting.
    expect(workers.map((w) => w.stderr()).join('')).toMatch(/findings of \d+ landed parts?: recomputed/);
    const store = await PostgresStore.open(url);
    try {
      const single = await singleProcess(dir);
      expect(await readExportRecords(store.reader())).toEqual(single.records);
      expect(single.findings.length).toBeGreaterThan(50);
      expect(findingsWithoutRuns(await store.reader().findings())).toEqual(single.findings);
      const [documents] = (await (async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query('SELECT COUNT(*)::int AS n, COUNT(DISTINCT path)::int AS paths FROM documents')).rows;
        } finally {
          await client.end();
        }
      })()) as Array<{ n: number; paths: number }>;
      expect(documents).toEqual({ n: files, paths: files });
    } finally {
      await store.close();
    }
  });

  it('marks a document that crashes its worker failed after its attempts, with the reason, and completes the rest', async () => {
    const dir = corpus();
    // Bytes of its own (the same bytes as another file would be done as unchanged without being read).
    writeFileSync(join(dir, 'poison.txt'), `${readFileSync(join(dir, '01-northmoor-laa-delivery-plan.txt'), 'utf8')}\nA line of its own.\n`);
    const files = readdirSync(dir).length;
    const url = await server.createDatabase(`queue_${++databases}`);
    expect(runCli('queue', 'add', dir, '--db', url, '--attempts', '2', '--lease', '3').code).toBe(0);
    // Each worker that takes the poison document dies with it; a new one is started until one ends by itself.
    let crashes = 0;
    for (;;) {
      const worker = startWorker(url, { PLANHARVEST_CRASH_ON: 'poison.txt' });
      const end = await worker.exited;
      if (end.signal === null) {
        expect(end.code, worker.stderr()).toBe(0);
        break;
      }
      expect(end.signal).toBe('SIGKILL');
      expect(++crashes).toBeLessThanOrEqual(2);
    }
    expect(crashes).toBe(2);
    const status = runCli('queue', 'status', '--db', url);
    expect(status.stdout).toMatch(new RegExp(`^waiting 0, active 0, done ${files - 1}, failed 1\\n`));
    expect(status.stdout).toMatch(/failed: .*poison\.txt after 2 attempts: its worker stopped or took longer than the lease before finishing it/);

    // Sent again, for one more attempt, to a worker it does not crash: it is stored.
    expect(runCli('queue', 'retry', '--db', url).stderr).toMatch(/queued 1 failed files again/);
    const last = startWorker(url);
    expect((await last.exited).code, last.stderr()).toBe(0);
    expect(JSON.parse(runCli('queue', 'status', '--db', url, '--json').stdout)).toMatchObject({ waiting: 0, active: 0, done: files, failed: 0 });
  });

  it('refuses a SQLite store and an unreachable server in one line each', async () => {
    const sqlite = runCli('queue', 'status', '--db', join(tempDir(), 'x.db'));
    expect(sqlite.code).not.toBe(0);
    expect(sqlite.stderr).toMatch(/the queue lives in a PostgreSQL store/);
    const down = runCli('worker', '--db', `postgresql://postgres:pw@127.0.0.1:${server.port + 1}/none`, '--until-empty');
    expect(down.code).not.toBe(0);
    expect(down.stderr).toMatch(/cannot open the queue at postgresql:\/\/postgres:\*\*\*@/);
  });
});
