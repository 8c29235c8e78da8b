// The benchmark's figures as a table on stdout.
import { loadText } from './measure/machine.ts';
import type { BenchResult } from './measure/result.ts';

const n = (x: number, digits = 0) => x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

export function printReport(r: BenchResult): void {
  const m = r.machine;
  const g = r.generation;
  const out: string[] = [];
  out.push(`planharvest benchmark — ${r.docs} documents, seed ${r.seed}, ${r.startedAt}`);
  out.push(`machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}`);
  out.push('');
  out.push(`generate: ${n(g.docs)} documents (${Object.entries(g.byFormat).map(([f, k]) => `${k} ${f}`).join(', ')}), ${n(g.records)} truth records, ` +
    `${n(g.pdfPages)} PDF pages, ${(g.bytes / 1024 / 1024).toFixed(1)} MB in ${g.seconds.toFixed(1)} s — load ${loadText(g.load)}`);
  out.push('');
  out.push(table([
    ['import', 'documents', 'pages', 'observations', 'wall s', 'import s', 'after s', 'docs/s', 'pages/s', 'obs/s', 'peak RSS', 'CPU s', 'load before'],
    ...r.imports.map((i) => [
      `--jobs ${i.jobs}`, n(i.documents), n(i.pages), n(i.observations), i.wallSeconds.toFixed(1), i.importSeconds.toFixed(1), (i.wallSeconds - i.importSeconds).toFixed(1),
      n(i.documents / i.wallSeconds, 1), n(i.pages / i.wallSeconds, 1), n(i.observations / i.wallSeconds), i.peakRssMb === null ? '—' : `${n(i.peakRssMb)} MB`,
      i.cpuSeconds === null ? '—' : i.cpuSeconds.toFixed(1), loadText(i.load),
    ]),
  ]));
  out.push('  wall s: process start to exit; import s: the import\'s own clock (read, process, store); after s: the rest (Node start-up,');
  out.push('  the findings reconciliation over the whole store). Rates are over wall s. Pages are PDF pages (the only format with pages).');
  out.push(`  rejected: ${r.imports.map((i) => i.counts.rejected).join(' / ')}; --jobs 2 speed-up ${r.speedup.toFixed(2)}× on wall time, ` +
    `${(r.imports[0].importSeconds / r.imports[1].importSeconds).toFixed(2)}× on the import's own clock`);
  out.push(`  findings reconciliation over the whole store (part of after s), timed alone: ${r.reconcile.seconds.toFixed(1)} s, ${n(r.reconcile.findings)} findings — load ${loadText(r.reconcile.load)}`);
  // A file's time runs from its read to its batch's commit (src/store/batch.ts commits every 200 writes or 250 ms),
  // so it holds waiting beside other files' work: a latency, not a share of the run. The share is the second line.
  out.push(`  per-file latency by format (--jobs 1, read to stored, waits for the write batch included): ${Object.entries(r.imports[0].byFormat).map(([f, t]) => `${f} ${((1000 * t.seconds) / t.documents).toFixed(0)} ms`).join(', ')}`);
  out.push(`  import time per file (--jobs 1, the import's own clock over the files): ${((1000 * r.imports[0].importSeconds) / Math.max(1, r.imports[0].documents)).toFixed(1)} ms`);
  out.push('');
  const a = r.accuracy;
  out.push(`accuracy: recall ${pct(a.recall)} (${n(a.matched)}/${n(a.expected)}), precision ${pct(a.precision)} (${n(a.matched)}/${n(a.actual)}); --jobs 2 store ${r.jobsAgree ? 'reads the same' : 'DIFFERS'}`);
  out.push(`  by format: ${Object.entries(a.byFormat).map(([f, t]) => `${f} ${pct(t.matched / Math.max(1, t.expected))}`).join(', ')}`);
  for (const e of a.examples.slice(0, 5)) out.push(`  ${e.document}: missing ${e.missing.length}, unexpected ${e.unexpected.length} (e.g. ${e.missing[0] ?? e.unexpected[0]})`);
  out.push('');
  const p = r.pdf;
  const tool = (label: string, t: { seconds: number; pagesPerSecond: number } | null, ratio: string) => [label, t ? t.seconds.toFixed(2) : '—', t ? n(t.pagesPerSecond, 1) : 'not installed', ratio];
  out.push(`PDF text extraction on ${n(p.files)} of the generated PDFs${p.sampled ? ' (evenly sampled)' : ''}, ${n(p.pages)} pages, mean of ${p.rounds} rounds — load ${loadText(p.load)}`);
  out.push(table([
    ['tool', 's a pass', 'pages/s', 'planharvest ingest ÷ tool'],
    tool('planharvest PDF ingest', p.planharvestIngest, '1.00×'),
    tool('planharvest pipeline (ingest+extract+normalise)', p.planharvestPipeline, '—'),
    tool('pdfjs-dist getTextContent alone', p.pdfjsText, `${p.ratios.ingestOverPdfjs.toFixed(2)}×`),
    tool('pdftotext -layout (one process per file)', p.pdftotext, p.ratios.ingestOverPdftotext === null ? '—' : `${p.ratios.ingestOverPdftotext.toFixed(2)}×`),
  ]));
  out.push('');
  const s = r.storeWrites;
  out.push(`store writes: ${n(s.observations)} observations of ${n(s.documents)} pre-processed documents saved in ${s.seconds.toFixed(2)} s (median of ${s.rounds}) = ` +
    `${n(s.observationsPerSecond)} obs/s, ${n(s.documentsPerSecond)} docs/s — load ${loadText(s.load)}`);
  for (const v of s.variants) out.push(`  where the time goes — ${v.label}: ${n(v.observationsPerSecond)} obs/s`);
  out.push('');
  if (r.startup) {
    const { node, help, runs } = r.startup;
    const rss = (x: number | null) => (x === null ? 'peak RSS not measured' : `${x.toFixed(0)} MB`);
    out.push(`start-up, median of ${runs} alternating runs — load ${loadText(r.startup.load)}: planharvest --help ${help.medianSeconds.toFixed(3)} s, ${rss(help.peakRssMb)}; ` +
      `node -e 0 ${node.medianSeconds.toFixed(3)} s, ${rss(node.peakRssMb)} (${(help.medianSeconds / node.medianSeconds).toFixed(2)}×)`);
    out.push('');
  }
  if (r.pdfEndToEnd) {
    const e = r.pdfEndToEnd;
    out.push(`a ${e.pages}-page PDF end to end, median of ${e.rounds} alternating runs — load ${loadText(e.load)}: planharvest import ${e.planharvest.medianSeconds.toFixed(2)} s, ` +
      `${e.planharvest.medianRssMb?.toFixed(0) ?? '-'} MB; pdfjs-only process ${e.pdfjs.medianSeconds.toFixed(2)} s, ${e.pdfjs.medianRssMb?.toFixed(0) ?? '-'} MB (${e.ratio.toFixed(2)}×)`);
    out.push('');
  }
  if (r.queue) {
    const q = r.queue;
    out.push(`the queue on PostgreSQL: ${n(q.documents)} documents (queue add ${q.addSeconds.toFixed(1)} s); the same into SQLite by import --jobs 1: ${q.sqliteSeconds.toFixed(1)} s, ${n(q.sqliteDocumentsPerSecond, 1)} docs/s`);
    out.push(table([
      ['worker processes', 's', 'docs/s', '÷ SQLite import', 'load before'],
      ...q.workers.map((w) => [String(w.processes), w.seconds.toFixed(1), n(w.documentsPerSecond, 1), `${(w.documentsPerSecond / q.sqliteDocumentsPerSecond).toFixed(2)}×`, loadText(w.load)]),
    ]));
    for (const w of q.writes) out.push(`  PostgreSQL store writes alone, ${w.writers} writer${w.writers === 1 ? '' : 's'}: ${n(w.observations)} observations of ${n(w.documents)} documents in ${w.seconds.toFixed(2)} s = ${n(w.observationsPerSecond)} obs/s, ${n(w.documentsPerSecond, 1)} docs/s`);
    out.push('');
  } else if (r.queue === null) {
    out.push('the queue on PostgreSQL: not measured (no PostgreSQL server binaries: apt-get install -y postgresql)');
    out.push('');
  }
  out.push('goals:');
  for (const v of r.goals) out.push(`  ${v.met === null ? '  ?   ' : v.met ? '  met ' : 'MISSED'}  ${v.goal}: ${v.measured}${v.shortfall ? ` — ${v.shortfall}` : ''}`);
  console.log(out.join('\n'));
}
