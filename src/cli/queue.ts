// The scaled mode's commands (issue 13): `queue add` puts files on the queue of a PostgreSQL store, `worker`
// (started on any number of machines) imports them, `queue status` and `queue retry` watch and mend. See
// src/queue/.
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { pipelineByName, pipelines } from '../../pipelines/index.ts';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS } from '../pipeline/limits.ts';
import { isPostgresUrl } from '../store/postgres/url.ts';
import { positiveInteger } from './import.ts';
import { UsageError } from './main.ts';

const DB_HELP = 'postgresql:// URL of the store (default: $PLANHARVEST_DB)';

async function openQueueOrFail(db: string | undefined, supervise = false, checkEverySeconds?: number) {
  const [{ redacted, storeAddress }, { ImportQueue }] = await Promise.all([import('./open-store.ts'), import('../queue/index.ts')]);
  const url = storeAddress(db);
  if (!isPostgresUrl(url)) throw new UsageError('the queue lives in a PostgreSQL store: give --db postgresql://… (a SQLite store imports with `import`)');
  try {
    return { url, queue: await ImportQueue.open(url, { supervise, checkEverySeconds }) };
  } catch (error) {
    throw new UsageError(`cannot open the queue at ${redacted(url)}: ${(error as Error).message}`);
  }
}

export function registerQueue(program: Command): void {
  const queue = program.command('queue').description('the import queue of a PostgreSQL store: add files, watch it, retry what failed');

  queue
    .command('add')
    .description('store each file once (by content) in the database and queue it for the workers')
    .argument('<paths...>', 'files or folders (folders are walked recursively)')
    .option('--db <url>', DB_HELP)
    .option('--attempts <n>', 'tries before a file is marked failed', positiveInteger('--attempts'), 3)
    .option('--lease <seconds>', 'how long a worker may hold a file before it is given to another', positiveInteger('--lease'), 1800)
    .action(async (paths: string[], opts: { db?: string; attempts: number; lease: number }) => {
      if (opts.attempts < 1) throw new UsageError('--attempts must be at least 1');
      if (opts.lease < 1) throw new UsageError('--lease must be at least 1 second');
      const [{ collectFiles }, { contentHash }, { readFileSync }] = await Promise.all([import('../pipeline/files.ts'), import('../pipeline/content-hash.ts'), import('node:fs')]);
      const { queue: q } = await openQueueOrFail(opts.db);
      try {
        const { files, problems } = collectFiles(paths);
        let queued = 0;
        let newBytes = 0;
        for (const p of problems) process.stderr.write(`  ${p.path}: not queued, ${p.reason} (${p.advice})\n`);
        for (const file of files) {
          let bytes: Uint8Array;
          try {
            bytes = new Uint8Array(readFileSync(file.path));
          } catch (error) {
            process.stderr.write(`  ${file.path}: not queued, cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the file still exists and is readable\n`);
            continue;
          }
          const added = await q.add({ path: file.path, fileName: basename(file.path), contentHash: contentHash(bytes), bytes }, { attempts: opts.attempts, leaseSeconds: opts.lease });
          queued++;
          if (added.stored) newBytes++;
        }
        process.stderr.write(`queued ${queued} files (${newBytes} stored, ${queued - newBytes} with bytes stored already)${problems.length ? `; ${problems.length} not queued` : ''}\n`);
      } finally {
        await q.close();
      }
    });

  queue
    .command('status')
    .description('jobs waiting, active, done and failed, with each failure\'s file and reason')
    .option('--db <url>', DB_HELP)
    .option('--json', 'print the counts and failures as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { queue: q } = await openQueueOrFail(opts.db);
      try {
        const [counts, failures, findingsPending] = [await q.counts(), await q.failures(), await q.findingsPending()];
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...counts, findingsPending, failures }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`waiting ${counts.waiting}, active ${counts.active}, done ${counts.done}, failed ${counts.failed}\n`);
        if (findingsPending) process.stdout.write(`findings to recompute for documents that landed: ${findingsPending} job${findingsPending === 1 ? '' : 's'} (a worker takes them once no file is waiting)\n`);
        for (const f of failures) process.stdout.write(`  failed: ${f.path} after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}: ${f.reason}\n`);
      } finally {
        await q.close();
      }
    });

  queue
    .command('retry')
    .description('queue every failed file again, for one more attempt')
    .option('--db <url>', DB_HELP)
    .action(async (opts: { db?: string }) => {
      const { queue: q } = await openQueueOrFail(opts.db);
      try {
        process.stderr.write(`queued ${await q.retryFailed()} failed files again\n`);
      } finally {
        await q.close();
      }
    });

  program
    .command('worker')
    .description('import files from the queue of a PostgreSQL store until stopped (start as many as you like, on any machines)')
    .option('--db <url>', DB_HELP)
    .option('--pipeline <name>', `pipeline to run: ${Object.keys(pipelines).join(', ')}`, 'default')
    .option('--jobs <n>', 'files taken at once, each in a worker thread (0 = one at a time in this process)', positiveInteger('--jobs'), availableParallelism())
    .option('--timeout <seconds>', 'stop a document when one of its pages takes longer than this', positiveInteger('--timeout'), DEFAULT_TIMEOUT_MS / 1000)
    .option('--max-memory-mb <mb>', 'heap limit of each worker thread', positiveInteger('--max-memory-mb'), DEFAULT_MAX_MEMORY_MB)
    .option('--until-empty', 'stop once no file is waiting, being imported or to be retried')
    .option('--check-every <seconds>', 'how often to look for files whose worker stopped (their lease ran out)', positiveInteger('--check-every'), 30)
    .action(async (opts: { db?: string; pipeline: string; jobs: number; timeout: number; maxMemoryMb: number; untilEmpty?: boolean; checkEvery: number }) => {
      const pipeline = pipelineByName(opts.pipeline);
      if (!pipeline) throw new UsageError(`unknown pipeline "${opts.pipeline}" (known: ${Object.keys(pipelines).join(', ')})`);
      if (opts.checkEvery < 1) throw new UsageError('--check-every must be at least 1 second');
      const { url, queue: q } = await openQueueOrFail(opts.db, true, opts.checkEvery);
      const [{ openAnyStoreOrFail }, { QueueWorker }, { findingsLine }] = await Promise.all([
        import('./open-store.ts'), import('../queue/worker.ts'), import('./findings-options.ts'),
      ]);
      const store = await openAnyStoreOrFail(url).catch(async (error: Error) => {
        await q.close();
        throw error;
      });
      if (store.engine !== 'postgresql') throw new UsageError('the worker needs a PostgreSQL store');
      const worker = new QueueWorker(q, store, {
        pipeline, jobs: opts.jobs, timeoutMs: opts.timeout * 1000, maxMemoryMb: opts.maxMemoryMb, untilDrained: Boolean(opts.untilEmpty),
        crashOn: process.env.PLANHARVEST_CRASH_ON || null,
        onJob: (job, outcome) => process.stderr.write(`  ${job.data.path}: ${'failed' in outcome ? `failed (attempt ${job.attempt}): ${outcome.failed}` : outcome.status}\n`),
        onFindings: (parts, outcome) =>
          process.stderr.write(`  findings of ${parts} landed part${parts === 1 ? '' : 's'}: ${'failed' in outcome ? `failed: ${outcome.failed}` : `recomputed (${outcome.counts.total} findings stored)`}\n`),
      });
      // Ctrl-C or a service stop: finish the files in hand, then leave.
      const stop = () => worker.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const s = await worker.run();
        process.stderr.write(
          `worker run ${s.runId}: ${s.done.imported} imported, ${s.done.replaced} replaced, ${s.done.unchanged} unchanged, ${s.done.rejected} rejected, ${s.failed} failed\n` +
            (s.counts ? findingsLine(s.counts, url) : ''),
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await store.close();
        await q.close();
      }
    });
}
