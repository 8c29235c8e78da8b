// The benchmark (issue 7, item 6):
//
//   npm run bench -- --docs 1000 [--seed 1] [--out output] [--rounds 3] [--pdf-sample 500] [--store-sample 500] [--queue-sample 1000]
//
// 1. generates a seeded corpus of synthetic plans with known truth, in every supported format (timed alone);
// 2. imports it through the CLI in a child process with --jobs 1, then --jobs 2, into separate stores
//    (wall time, pages, observations, peak RSS and CPU from /usr/bin/time -v);
// 3. scores the stores against the truth (recall, precision) and checks both read the corpus alike;
//    and times the findings reconciliation every import ends with (serial, over the whole store);
// 4. times text extraction on the same PDFs: planharvest's ingest, pdfjs alone, pdftotext;
// 5. times Store.saveDocument over pre-processed documents (store write throughput);
// 6. times `planharvest --help` beside `node -e 0` (start-up);
// 7. imports a 61-page PDF end to end beside a Node process running pdfjs alone over it;
// 8. imports a sample through the queue of a PostgreSQL store by 1, 2 and 4 worker processes, beside the same
//    sample imported into SQLite, and times the PostgreSQL store's writes alone (issue 13);
// then prints a table, judges the goals, and writes everything to <out>/bench-<docs>.json.
// The 1-minute load is taken before each timed step: on a shared 2-core machine it says how far to trust them.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { docsDir, generateCorpus, parseArgs, positive } from './generate/index.ts';
import { judge } from './measure/goals.ts';
import { timedImport } from './measure/import-run.ts';
import { load, machine } from './measure/machine.ts';
import { benchPdfEndToEnd } from './measure/pdf-end-to-end.ts';
import { benchPdfTools, listPdfs } from './measure/pdf-tools.ts';
import { timeReconcile } from './measure/reconcile-time.ts';
import type { BenchResult } from './measure/result.ts';
import { storeAccuracy, storeDigest } from './measure/store-accuracy.ts';
import { benchStartup } from './measure/startup.ts';
import { benchStoreWrites } from './measure/store-writes.ts';
import { benchQueueWorkers } from './measure/queue-workers.ts';
import { printReport } from './report.ts';

/** `n` items spread evenly over the list (all of them when it is short enough). */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]);
}

function step(text: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}

function earlierRuns(out: string, docs: number): BenchResult[] {
  const found: BenchResult[] = [];
  for (const f of readdirSync(out).filter((x) => /^bench-\d+\.json$/.test(x) && x !== `bench-${docs}.json`)) {
    try {
      found.push(JSON.parse(readFileSync(join(out, f), 'utf8')) as BenchResult);
    } catch {
      // a half-written or foreign file: not a run to compare with
    }
  }
  return found;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { docs: '1000', seed: '1', out: 'output', rounds: '3', 'pdf-sample': '500', 'store-sample': '500', 'queue-sample': '1000' });
  const docs = positive('docs', args.docs);
  const seed = Number(args.seed);
  const out = resolve(args.out);
  const work = join(out, 'bench', `${docs}-s${seed}`);
  const corpus = join(work, 'corpus');
  mkdirSync(work, { recursive: true });
  const startedAt = new Date().toISOString();

  step(`generating ${docs} documents (seed ${seed}) into ${corpus}`);
  const genLoad = load();
  const manifest = await generateCorpus({ docs, seed, out: corpus, onProgress: (k) => k % 1000 === 0 && step(`  ${k} generated`) });

  // Untimed warm-up: the page cache (the compiled CLI, the corpus), so neither timed run pays for it alone.
  const warm = join(work, 'warm-up');
  rmSync(warm, { recursive: true, force: true });
  mkdirSync(warm);
  for (const f of readdirSync(docsDir(corpus)).slice(0, 6)) writeFileSync(join(warm, f), readFileSync(join(docsDir(corpus), f)));
  await timedImport(warm, join(work, 'warm-up.db'), 1, work);

  const imports = [] as unknown as BenchResult['imports'];
  for (const jobs of [1, 2]) {
    step(`importing with --jobs ${jobs} (load ${load().averages[0]})`);
    imports.push(await timedImport(docsDir(corpus), join(work, `jobs${jobs}.db`), jobs, work));
  }

  step('scoring both stores against the truth');
  const accuracy = await storeAccuracy(corpus, join(work, 'jobs1.db'));
  const jobsAgree = storeDigest(join(work, 'jobs1.db')) === storeDigest(join(work, 'jobs2.db'));
  step('timing the findings reconciliation over the --jobs 1 store');
  const reconcile = { ...timeReconcile(join(work, 'jobs1.db')), load: load() };

  const rounds = positive('rounds', args.rounds);
  const allPdfs = listPdfs([docsDir(corpus)]);
  const pdfs = spread(allPdfs, positive('pdf-sample', args['pdf-sample']));
  step(`PDF text extraction on ${pdfs.length} PDFs, ${rounds} rounds`);
  const pdfLoad = load();
  const pdf = { ...(await benchPdfTools(pdfs, rounds)), load: pdfLoad, sampled: pdfs.length < allPdfs.length };

  const sample = readdirSync(docsDir(corpus)).sort().slice(0, positive('store-sample', args['store-sample'])).map((f) => join(docsDir(corpus), f));
  step(`store writes over ${sample.length} pre-processed documents`);
  const storeLoad = load();
  const storeWrites = { ...(await benchStoreWrites(sample, rounds)), load: storeLoad };

  step('start-up: planharvest --help beside node -e 0');
  const startup = benchStartup();

  step('a 61-page PDF end to end beside a pdfjs-only process');
  const pdfEndToEnd = benchPdfEndToEnd(join(work, 'pdf-end-to-end'));

  const queueSample = spread(readdirSync(docsDir(corpus)).sort(), positive('queue-sample', args['queue-sample'])).map((f) => join(docsDir(corpus), f));
  step(`the queue: ${queueSample.length} documents by 1, 2 and 4 worker processes against PostgreSQL, beside a SQLite import`);
  const queue = await benchQueueWorkers(queueSample, work);

  const result: BenchResult = {
    docs, seed,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    startedAt,
    machine: machine(),
    generation: { ...manifest, load: genLoad },
    imports,
    accuracy,
    jobsAgree,
    speedup: imports[0].wallSeconds / imports[1].wallSeconds,
    reconcile,
    pdf,
    storeWrites,
    startup,
    pdfEndToEnd,
    queue,
    goals: [],
  };
  result.goals = judge(result, earlierRuns(out, docs));
  printReport(result);
  const json = join(out, `bench-${docs}.json`);
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  step(`figures written to ${json}; corpus and stores kept in ${work}`);
}

await main();
