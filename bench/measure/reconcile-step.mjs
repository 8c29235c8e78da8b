// One reconciliation step, alone in its own plain-Node process over compiled dist/ (no tsx), so its time and
// peak RSS are the step's: bench/reconcile-incremental.ts runs it under /usr/bin/time -v.
//
//   node bench/measure/reconcile-step.mjs <mode> <store.db>
//
// The store's last import run is the import being reconciled. Modes:
//   import         what an import now does for the documents of that run: only what they touch
//                  (src/reconcile/scope.ts), or everything when they are a bulk import (BULK_WRITE)
//   incremental    only what they touch, however many they are (what every import did before BULK_WRITE)
//   whole          every finding, streamed a document and a partnership at a time (`planharvest reconcile`)
//   whole-at-once  what every import did before: every observation of the store loaded at once, every check
//                  run over it, the findings and reviewed values rewritten (the previous reconcileStore)
// Prints one JSON line: seconds, RSS before the step and peak RSS (MB), findings stored, what was recomputed.
import { fileURLToPath } from 'node:url';

const dist = (path) => fileURLToPath(new URL(`../../dist/src/${path}`, import.meta.url));
const [mode, db] = process.argv.slice(2);
const { openStore } = await import(dist('store/index.js'));
const { reconcileStore } = await import(dist('reconcile/index.js'));
const { footprintOf } = await import(dist('reconcile/scope.js'));
const { loadContext } = await import(dist('reconcile/context.js'));
const { runChecks } = await import(dist('reconcile/engine.js'));
const store = await import(dist('reconcile/store.js'));
const { reviewedObservations } = await import(dist('review/reviewed.js'));
const { saveReviewedValues } = await import(dist('review/reviewed-values.js'));

const { db: conn } = openStore(db);
const runId = conn.prepare('SELECT MAX(id) FROM import_runs').pluck().get();
const written = conn.prepare('SELECT id FROM documents WHERE run_id = ? ORDER BY id').pluck().all(runId);
const rssBefore = process.memoryUsage().rss;
const start = process.hrtime.bigint();
let result;
const footprints = () => written.map((id) => footprintOf(conn, id));
if (mode === 'import') {
  const r = reconcileStore(conn, { trigger: 'import', runId, changes: { runId, count: written.length, footprints } });
  result = { findings: r.counts.total, recomputed: r.recomputed, ...(r.reason ? { reason: r.reason } : {}) };
} else if (mode === 'incremental') {
  // A count of 0: the bulk rule never applies, the footprints of every document written are taken.
  const r = reconcileStore(conn, { trigger: 'import', runId, changes: { runId, count: 0, footprints } });
  if (r.recomputed === 'all') throw new Error(`expected an incremental reconciliation, got everything (${r.reason})`);
  result = { findings: r.counts.total, recomputed: r.recomputed };
} else if (mode === 'whole') {
  const r = reconcileStore(conn, { trigger: 'import', runId });
  result = { findings: r.counts.total, recomputed: r.recomputed };
} else if (mode === 'whole-at-once') {
  const options = store.lastOptions(conn);
  const reviewed = reviewedObservations(conn, { includeRejected: true });
  saveReviewedValues(conn, reviewed);
  const findings = runChecks(loadContext(conn, options, reviewed));
  conn.transaction(() => {
    const id = store.beginReconciliation(conn, { runId, trigger: 'import', options, basis: 'at once', decisionsThrough: null });
    store.deleteAllFindings(conn);
    store.insertFindings(conn, { reconciliationId: id, runId, scope: '' }, findings);
    store.finishReconciliation(conn, id, store.countFindings(findings), null);
  }).immediate();
  result = { findings: findings.length, recomputed: 'all' };
} else {
  throw new Error(`unknown mode ${mode} (import, incremental, whole, whole-at-once)`);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
conn.close();
const mb = (bytes) => Math.round(bytes / 1024 / 1024);
process.stdout.write(`${JSON.stringify({ mode, seconds, rssBeforeMb: mb(rssBefore), peakRssMb: mb(process.resourceUsage().maxRSS * 1024), documentsWritten: written.length, ...result })}\n`);
