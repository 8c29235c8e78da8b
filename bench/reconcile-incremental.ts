// The findings reconciliation that ends an import, before and after it recomputed only what the import
// touched, in one run: a store of --base generated documents, then an import of --extra more, and the
// reconciliation step of that import timed alone, in its own process, three ways (bench/measure/reconcile-step.mjs):
// the whole store at once (what every import did before), the whole store streamed (`planharvest reconcile`),
// and only what the import touched (what an import does now). Also the import itself, end to end.
//
//   npm run build && node --import tsx bench/reconcile-incremental.ts [--base 2000] [--extra 100] [--seed 1] [--rounds 2]
//
// Reuses output/bench/reconcile-<base>+<extra>-s<seed>/ (corpus, base store) when it is there. Writes
// output/bench-reconcile-<base>+<extra>.json.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { docsDir, generateCorpus, parseArgs, positive } from './generate/index.ts';
import { load } from './measure/machine.ts';

const BIN = fileURLToPath(new URL('../bin/planharvest.js', import.meta.url));
const STEP = fileURLToPath(new URL('./measure/reconcile-step.mjs', import.meta.url));
const MODES = ['whole-at-once', 'whole', 'incremental'] as const;

function timed(args: string[]): { seconds: number; peakRssMb: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}:\n${r.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size[^:]*:\s*(\d+)/.exec(r.stderr);
  return { seconds, peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN, stdout: r.stdout };
}

/** A copy of a store, its write-ahead log folded in first. */
function copyStore(from: string, to: string): void {
  const db = new Database(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  copyFileSync(from, to);
}

function findingsDigest(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT COUNT(*) || ':' || SUM(length(id || message || evidence_json)) || ':' || group_concat(id, '') FROM (SELECT * FROM findings ORDER BY id)").pluck().get() as string;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { base: '2000', extra: '100', seed: '1', rounds: '2' });
  const base = positive('base', args.base);
  const extra = positive('extra', args.extra);
  const rounds = positive('rounds', args.rounds);
  const seed = Number(args.seed);
  const dir = resolve(`output/bench/reconcile-${base}+${extra}-s${seed}`);
  const corpus = join(dir, 'corpus');
  const extraDir = join(dir, 'extra');
  const baseDb = join(dir, 'base.db');
  mkdirSync(dir, { recursive: true });

  if (!existsSync(extraDir)) {
    const m = await generateCorpus({ docs: base + extra, seed, out: corpus });
    console.log(`generated ${m.docs} documents in ${m.seconds.toFixed(1)} s`);
    mkdirSync(extraDir);
    // Document i is the same whatever the corpus size: the last --extra are the import measured.
    for (const name of readdirSync(docsDir(corpus)).sort().slice(base)) renameSync(join(docsDir(corpus), name), join(extraDir, name));
  }
  if (!existsSync(baseDb)) {
    const r = timed([BIN, 'import', docsDir(corpus), '--db', baseDb, '--jobs', '1', '--quiet']);
    console.log(`base store: ${base} documents imported in ${r.seconds.toFixed(1)} s, peak ${r.peakRssMb} MB`);
  }

  // The import of the extra documents, end to end through the CLI, reconciling what it touched.
  const imported = join(dir, 'imported.db');
  copyStore(baseDb, imported);
  const importLoad = load();
  const importRun = timed([BIN, 'import', extraDir, '--db', imported, '--jobs', '1', '--quiet']);
  console.log(`import of ${extra} into ${base} (load ${importLoad.averages[0]}): ${importRun.seconds.toFixed(2)} s wall, peak ${importRun.peakRssMb} MB`);

  const steps: Array<Record<string, unknown>> = [];
  const digests: Record<string, string> = {};
  for (let round = 1; round <= rounds; round++) {
    for (const mode of MODES) {
      const db = join(dir, `step-${mode}.db`);
      copyStore(imported, db);
      const before = load();
      const r = timed([STEP, mode, db]);
      const step = { round, load: before.averages[0], ...JSON.parse(r.stdout.trim()), processSeconds: r.seconds, processPeakRssMb: r.peakRssMb };
      steps.push(step);
      console.log(JSON.stringify(step));
      digests[mode] = findingsDigest(db);
    }
  }
  const same = new Set(Object.values(digests)).size === 1;
  console.log(same ? 'the three leave the same findings' : 'THE FINDINGS DIFFER between the modes');
  const out = resolve(`output/bench-reconcile-${base}+${extra}.json`);
  writeFileSync(out, `${JSON.stringify({ base, extra, seed, rounds, import: { ...importRun, stdout: undefined, load: importLoad }, steps, sameFindings: same }, null, 2)}\n`);
  console.log(`→ ${out}`);
  if (!same) process.exitCode = 1;
}

await main();
