// PDF ingest speed: planharvest's full PDF ingest (text, drawing operators, layout, model) against pdfjs alone
// extracting text (getTextContent on every page), and against poppler's pdftotext when it is installed.
//
//   node --import tsx bench/pdf-ingest.ts [files or folders...] [--rounds N]
//
// Defaults to fixtures/pdf. Each tool reads every file `rounds` times; the first round is a warm-up and is
// not timed. Prints pages per second for each.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfIngester } from '../src/ingest/pdf/index.ts';
import { openPdf } from '../src/ingest/pdf/load.ts';

export interface PdfBenchResult {
  files: number;
  pages: number;
  rounds: number;
  /** Pages per second; null when the tool is not available. */
  planharvest: number;
  pdfjsText: number;
  pdftotext: number | null;
}

function listPdfs(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) out.push(...readdirSync(p).filter((f) => f.endsWith('.pdf')).map((f) => join(p, f)));
    else if (p.endsWith('.pdf')) out.push(p);
  }
  return out.sort();
}

async function pdfjsText(bytes: Uint8Array): Promise<number> {
  const doc = await openPdf(bytes);
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

async function time(fn: () => Promise<void> | void): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function benchPdfIngest(paths: string[], rounds = 3): Promise<PdfBenchResult> {
  const files = listPdfs(paths).map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
  let pages = 0;
  for (const { bytes } of files) pages += await pdfjsText(bytes); // also warms pdfjs up
  const runPlanharvest = async () => {
    for (const { f, bytes } of files) await pdfIngester.ingest(bytes, { fileName: basename(f), contentHash: 'bench' });
  };
  const runPdfjs = async () => {
    for (const { bytes } of files) await pdfjsText(bytes);
  };
  const runPdftotext = () => {
    for (const { f } of files) execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
  };
  await runPlanharvest(); // warm-up
  let tPlan = 0;
  let tPdfjs = 0;
  let tPoppler = 0;
  const poppler = hasPdftotext();
  for (let r = 0; r < rounds; r++) {
    tPlan += await time(runPlanharvest);
    tPdfjs += await time(runPdfjs);
    if (poppler) tPoppler += await time(runPdftotext);
  }
  const rate = (t: number) => Math.round(((pages * rounds) / t) * 10) / 10;
  return { files: files.length, pages, rounds, planharvest: rate(tPlan), pdfjsText: rate(tPdfjs), pdftotext: poppler ? rate(tPoppler) : null };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--rounds');
  const rounds = at >= 0 ? Number(args[at + 1]) : 3;
  const paths = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const targets = paths.length ? paths : [join(root, 'fixtures', 'pdf')];
  const r = await benchPdfIngest(targets, rounds);
  console.log(`PDF ingest: ${r.files} files, ${r.pages} pages, ${r.rounds} timed rounds`);
  console.log(`  planharvest ingest (text + rules + layout + model): ${r.planharvest} pages/s`);
  console.log(`  pdfjs getTextContent only:                         ${r.pdfjsText} pages/s`);
  console.log(`  pdftotext -layout (poppler, one process per file):  ${r.pdftotext ?? 'not installed'}${r.pdftotext ? ' pages/s' : ''}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
