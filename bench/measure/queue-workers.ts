// The scaled mode's throughput (issue 13): one sample of the corpus imported through the queue of a PostgreSQL
// store by 1, 2 and 4 worker processes (each one document at a time, `--jobs 0`), beside the same sample
// imported into SQLite by one process (`import --jobs 1`), in the same run; and the PostgreSQL store's writes
// alone (pre-processed documents, one writer, then four at once), which bound what any number of machines can
// add. The server is the tests' own (tests/support/postgres.ts: initdb in a temporary folder, fsync off).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processBytes } from '../../src/pipeline/process.ts';
import { PostgresStore } from '../../src/store/postgres/store.ts';
import { postgresBin, startPostgres, type PostgresServer } from '../../tests/support/postgres.ts';
import { timedImport } from './import-run.ts';
import { load, type Load } from './machine.ts';

const BIN = fileURLToPath(new URL('../../bin/planharvest.js', import.meta.url));
const WORKER_COUNTS = [1, 2, 4];

export interface WorkerRun {
  processes: number;
  /** From starting the workers to the last one leaving with the queue drained. */
  seconds: number;
  documentsPerSecond: number;
  load: Load;
}

export interface PostgresWrites {
  writers: number;
  documents: number;
  observations: number;
  seconds: number;
  observationsPerSecond: number;
  documentsPerSecond: number;
}

export interface QueueWorkersResult {
  documents: number;
  /** `queue add` of the sample: reading, hashing, storing the bytes, sending the jobs. */
  addSeconds: number;
  /** The same sample into SQLite by `import --jobs 1`, wall time. */
  sqliteSeconds: number;
  sqliteDocumentsPerSecond: number;
  workers: WorkerRun[];
  writes: PostgresWrites[];
}

function cli(args: string[]): void {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`planharvest ${args.slice(0, 2).join(' ')} exited with ${r.status}: ${r.stderr.slice(-1000)}`);
}

function runWorkers(url: string, processes: number): Promise<number> {
  const start = process.hrtime.bigint();
  const exits = Array.from({ length: processes }, () => new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'worker', '--db', url, '--jobs', '0', '--until-empty', '--check-every', '5'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a worker exited with ${code}: ${err}`))));
  }));
  return Promise.all(exits).then(() => Number(process.hrtime.bigint() - start) / 1e9);
}

async function timeWrites(server: PostgresServer, name: string, docs: Array<Extract<Awaited<ReturnType<typeof processBytes>>, { ok: true }> & { path: string }>, writers: number): Promise<PostgresWrites> {
  const store = await PostgresStore.open(await server.createDatabase(name), { connections: writers });
  try {
    const run = await store.beginRun('bench');
    let next = 0;
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: writers }, async () => {
      while (next < docs.length) {
        const d = docs[next++];
        await store.saveDocument(run, d.path, d.document, d.result, d.messages, d.crops, d.unread);
      }
    }));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const observations = docs.reduce((n, d) => n + d.result.observations.length, 0);
    return { writers, documents: docs.length, observations, seconds, observationsPerSecond: observations / seconds, documentsPerSecond: docs.length / seconds };
  } finally {
    await store.close();
  }
}

/** Null when the machine has no PostgreSQL server binaries (the bench says so and goes on). */
export async function benchQueueWorkers(files: string[], work: string): Promise<QueueWorkersResult | null> {
  if (!postgresBin()) return null;
  const sample = join(work, 'queue-sample');
  rmSync(sample, { recursive: true, force: true });
  mkdirSync(sample, { recursive: true });
  for (const f of files) copyFileSync(f, join(sample, basename(f)));
  const sqlite = await timedImport(sample, join(work, 'queue-sqlite.db'), 1, work);
  const server = await startPostgres();
  try {
    const workers: WorkerRun[] = [];
    let addSeconds = 0;
    for (const processes of WORKER_COUNTS) {
      const url = await server.createDatabase(`queue_${processes}`);
      const added = process.hrtime.bigint();
      cli(['queue', 'add', sample, '--db', url]);
      addSeconds = Number(process.hrtime.bigint() - added) / 1e9;
      const before = load();
      const seconds = await runWorkers(url, processes);
      workers.push({ processes, seconds, documentsPerSecond: files.length / seconds, load: before });
    }
    const prepared = [];
    for (const path of files) {
      const r = await processBytes(new Uint8Array(readFileSync(path)), basename(path));
      if (r.ok) prepared.push({ ...r, path });
    }
    const writes = [await timeWrites(server, 'writes_1', prepared, 1), await timeWrites(server, 'writes_4', prepared, 4)];
    return { documents: files.length, addSeconds, sqliteSeconds: sqlite.wallSeconds, sqliteDocumentsPerSecond: files.length / sqlite.wallSeconds, workers, writes };
  } finally {
    server.stop();
  }
}
