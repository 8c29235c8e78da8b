// The review app at scale (issue 14: "keep the page fast with 100,000 observations in the store"):
//
//   npm run bench:review -- --docs 3200 [--seed 1] [--out output] [--rounds 5] [--report yes|no]
//
// Generates a seeded corpus (about 32 observations a document), imports it with --jobs 2, then starts
// `planharvest review serve` on the store as a user does and times what a reviewer waits for, each the median of `rounds`
// requests: the queue page (the first, which builds the queue, and later ones), an item page, a PDF page
// image, a decision with the findings it recomputes. Beside them, in the same run, the baselines a page that
// loaded the store would pay: reading every observation with its sources, and writing the static report.
// The server's peak RSS is its own (VmHWM). Writes <out>/bench-review-<docs>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { writeReport } from '../src/report/index.ts';
import { openStore } from '../src/store/index.ts';
import { docsDir, generateCorpus, parseArgs, positive } from './generate/index.ts';
import { timedImport } from './measure/import-run.ts';
import { load, loadText, machine } from './measure/machine.ts';

const args = parseArgs(process.argv.slice(2), { docs: '3200', seed: '1', out: 'output', rounds: '5', report: 'yes' });
const docs = positive('docs', args.docs);
const rounds = positive('rounds', args.rounds);
const out = resolve(args.out);
const work = join(out, 'bench', `review-${docs}-s${args.seed}`);
mkdirSync(work, { recursive: true });

function step(text: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

step(`generating ${docs} documents`);
await generateCorpus({ docs, seed: Number(args.seed), out: join(work, 'corpus') });
step('importing them with --jobs 2');
const db = join(work, 'review.db');
const imported = await timedImport(docsDir(join(work, 'corpus')), db, 2, work);
step(`${imported.observations} observations stored in ${imported.wallSeconds.toFixed(1)} s`);

const store = openStore(db);
const reader = store.reader();
const runLoad = load();

// Baselines: what a page would pay to load the store, and the static report.
const fullRead = median(await Promise.all(Array.from({ length: Math.min(rounds, 3) }, async () => (await timed(() => reader.observations())).ms)));
// Minutes at 100,000 observations: `--report no` leaves it out.
const report = args.report === 'no' ? null : (await timed(() => writeReport(reader, join(work, 'report'), 'review.db'))).ms;

store.close();

const BIN = fileURLToPath(new URL('../bin/planharvest.js', import.meta.url));
const server = spawn(process.execPath, [BIN, 'review', 'serve', '--db', db, '--by', 'Bench', '--port', '0', '--sample', '0.02'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((done, fail) => {
  let said = '';
  server.stdout.on('data', (d: Buffer) => {
    said += d.toString();
    const m = / at (http:\/\/\S+\/) /.exec(said);
    if (m) done(m[1]);
  });
  server.on('exit', (code) => fail(new Error(`review serve exited with ${code}`)));
});
const app = { url };

// The first queue page after the server started builds the queue; a decision makes the next one build it again.
const { ms: firstQueue, value: queuePage } = await timed(() => fetch(`${app.url}queue`));
const cookie = queuePage.headers.get('set-cookie')!.split(';')[0];
const token = /name="planharvest-token" content="([^"]+)"/.exec(await queuePage.text())![1];
const get = (path: string) => fetch(`${app.url}${path.replace(/^\//, '')}`, { headers: { cookie }, redirect: 'manual' }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.text() }));
const again = openStore(db);
const readerAgain = again.reader();
const queueMs: number[] = [];
for (let i = 0; i < rounds; i++) queueMs.push((await timed(() => get(`/queue?offset=${i * 50}`))).ms);

const itemMs: number[] = [];
const keys: string[] = [];
let after = '';
for (let i = 0; i < rounds; i++) {
  const next = await get(`/next${after ? `?after=${encodeURIComponent(after)}` : ''}`);
  const location = next.headers.get('location')!;
  after = decodeURIComponent(location.replace(/^\/item\//, '').replace(/\?.*$/, ''));
  keys.push(after);
  itemMs.push((await timed(() => get(location))).ms);
}

// A PDF page drawn for an item (the first time: not yet cached).
const pdfObservation = (await readerAgain.reviewIndex()).find((r) => r.document.endsWith('.pdf'));
let pageImageMs: number | null = null;
if (pdfObservation) {
  const [o] = await readerAgain.observations({ ids: [pdfObservation.id] });
  if (o.source?.page) pageImageMs = (await timed(() => get(`/page/${o.documentId}/${o.source!.page}`))).ms;
}

// Decisions: accept the figure of each item opened, each followed by the findings it recomputes.
const decisionMs: number[] = [];
for (const key of keys) {
  const page = await get(`/item/${encodeURIComponent(key)}`);
  const observation = /data-observation="(obs_[0-9a-f]+)"/.exec(page.body)?.[1];
  const snapshot = /data-snapshot="([^"]+)"/.exec(page.body)?.[1].replaceAll('&quot;', '"');
  if (!observation || !snapshot || snapshot === 'null') continue;
  const { ms, value } = await timed(() =>
    fetch(`${app.url}decide`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'x-planharvest-token': token }, body: JSON.stringify({ key, targetId: observation, action: 'accept', seen: JSON.parse(snapshot) }) }),
  );
  if (value.status !== 200) throw new Error(`decision refused: ${await value.text()}`);
  decisionMs.push(ms);
}
const queueAfterDecision = (await timed(() => get('/queue'))).ms;
// The server's own peak resident memory.
const rssMb = Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024);
server.kill('SIGTERM');
again.close();

const result = {
  command: `npm run bench:review -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine: machine(),
  load: runLoad,
  documents: imported.documents,
  observations: imported.observations,
  baselines: { readEveryObservationMs: Math.round(fullRead), writeStaticReportMs: report === null ? null : Math.round(report) },
  app: {
    firstQueuePageMs: Math.round(firstQueue),
    queuePageMs: Math.round(median(queueMs)),
    itemPageMs: Math.round(median(itemMs)),
    pdfPageImageMs: pageImageMs === null ? null : Math.round(pageImageMs),
    decisionMs: decisionMs.length ? Math.round(median(decisionMs)) : null,
    decisions: decisionMs.length,
    queuePageAfterDecisionMs: Math.round(queueAfterDecision),
    serverRssMb: rssMb,
  },
};
writeFileSync(join(out, `bench-review-${docs}.json`), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  [
    `review app over ${result.observations.toLocaleString('en-GB')} observations (${result.documents} documents), load ${loadText(runLoad)}`,
    `  baselines: every observation read ${result.baselines.readEveryObservationMs} ms; the static report written ${result.baselines.writeStaticReportMs ?? '(not run)'} ms`,
    `  queue page: first ${result.app.firstQueuePageMs} ms, then ${result.app.queuePageMs} ms (median of ${rounds}); after a decision ${result.app.queuePageAfterDecisionMs} ms`,
    `  item page ${result.app.itemPageMs} ms; a PDF page image ${result.app.pdfPageImageMs ?? '-'} ms; a decision with its findings ${result.app.decisionMs ?? '-'} ms (median of ${result.app.decisions})`,
    `  review serve's peak RSS ${result.app.serverRssMb} MB`,
  ].join('\n') + '\n',
);
