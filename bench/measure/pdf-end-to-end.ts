// A long text-layer PDF imported end to end (issue 12: "≤ 1.5× a Node process running pdfjs-dist getTextContent
// over the same file; peak RSS ≤ 250 MB"): `planharvest import` into a new store (start-up, ingest,
// extraction, store, findings) beside a Node process that loads pdfjs-dist and runs getTextContent over every
// page once, alternately, in the same minutes. The PDF is the first 61 pages of the word-processor rendering of
// seed 001 (ruled), cut with qpdf.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, type Load } from './machine.ts';
import { SHIPPED_SCRIPT } from './pdf-tools.ts';
import { median, once } from './startup.ts';

const BIN = fileURLToPath(new URL('../../bin/planharvest.js', import.meta.url));
const SOURCE = fileURLToPath(new URL('../../fixtures/pdf/wordprocessor/001_bb7cceca8e2011e9.ruled.pdf', import.meta.url));
const PAGES = 61;

export interface EndToEndSample {
  command: string;
  seconds: number[];
  rssMb: Array<number | null>;
  medianSeconds: number;
  medianRssMb: number | null;
}

export interface PdfEndToEndResult {
  pages: number;
  rounds: number;
  load: Load;
  planharvest: EndToEndSample;
  pdfjs: EndToEndSample;
  /** Median planharvest wall over median pdfjs wall. Goal ≤ 1.5. */
  ratio: number;
}

function sample(command: string, runs: Array<{ seconds: number; rssMb: number | null }>): EndToEndSample {
  const rss = runs.map((r) => r.rssMb);
  return {
    command, seconds: runs.map((r) => r.seconds), rssMb: rss, medianSeconds: median(runs.map((r) => r.seconds)),
    medianRssMb: rss.every((r) => r !== null) ? median(rss as number[]) : null,
  };
}

export function benchPdfEndToEnd(work: string, rounds = 5): PdfEndToEndResult {
  mkdirSync(work, { recursive: true });
  const pdf = join(work, `seed-001-${PAGES}-pages.pdf`);
  const qpdf = spawnSync('qpdf', ['--empty', '--pages', SOURCE, `1-${PAGES}`, '--', pdf], { encoding: 'utf8' });
  if (qpdf.error || qpdf.status !== 0) throw new Error(`qpdf could not cut the PDF (${qpdf.error?.message ?? qpdf.stderr.trim()}): apt-get install qpdf`);
  const timed = existsSync('/usr/bin/time');
  const pdfjsModule = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const db = join(work, 'end-to-end.db');
  const importOnce = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    return once([BIN, 'import', pdf, '--db', db, '--quiet'], timed);
  };
  // One pass of getTextContent over every page, in a process of its own (the script's timed rounds: none).
  const pdfjsOnce = () => once(['--input-type=module', '-e', SHIPPED_SCRIPT, pdfjsModule, '0', pdf], timed);
  const before = load();
  // Untimed: the page cache warm for both.
  importOnce();
  pdfjsOnce();
  const runs = { planharvest: [] as Array<ReturnType<typeof once>>, pdfjs: [] as Array<ReturnType<typeof once>> };
  for (let i = 0; i < rounds; i++) {
    runs.planharvest.push(importOnce());
    runs.pdfjs.push(pdfjsOnce());
  }
  const planharvest = sample(`planharvest import <${PAGES}-page pdf> --db <new store> --quiet`, runs.planharvest);
  const pdfjs = sample('node: pdfjs-dist getDocument + getTextContent on every page, once', runs.pdfjs);
  return { pages: PAGES, rounds, load: before, planharvest, pdfjs, ratio: planharvest.medianSeconds / pdfjs.medianSeconds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = benchPdfEndToEnd(join(process.argv[2] ?? 'output', 'bench', 'pdf-end-to-end'), Number(process.argv[3] ?? 5));
  const fmt = (s: EndToEndSample) => `${s.seconds.map((x) => x.toFixed(2)).join(' ')} s (median ${s.medianSeconds.toFixed(2)}), RSS median ${s.medianRssMb?.toFixed(0) ?? '-'} MB`;
  console.log(`load before: ${r.load.averages.join(', ')}\nplanharvest: ${fmt(r.planharvest)}\npdfjs:       ${fmt(r.pdfjs)}\nratio ${r.ratio.toFixed(2)} (goal ≤ 1.5)`);
}
