// PDF text extraction speed on the same files: planharvest's PDF ingest (text, drawing operators, layout,
// document model), its whole per-document pipeline (ingest + segment + extract + normalise), pdfjs alone
// pulling the text out (getTextContent on every page), and poppler's pdftotext when it is installed (one
// process per file, as a script would run it). Folded in from the former bench/pdf-ingest.ts.
//
//   node --import tsx bench/measure/pdf-tools.ts [files or folders...] [--rounds N]     (default fixtures/pdf)
//
// Each tool reads every file once untimed (warm-up: module loading, JIT, pdfjs's font data), then `rounds`
// timed times; rounds are interleaved so a burst of load elsewhere hits every tool alike.
//
// Two pdfjs baselines. `pdfjsText` runs in this process, after planharvest has loaded pdfjs, so it shares
// what planharvest does to the process: it puts back the engine's Array.prototype.push and JSON functions
// that pdfjs's bundled polyfills replace (src/ingest/pdf/builtins.ts), which makes pdfjs itself faster; the
// ratio to it is planharvest's own overhead over the same pdfjs. `pdfjsShipped` is pdfjs-dist as a user
// runs it, in a Node process of its own that loads nothing else (the issue's "Node process running pdfjs-dist
// getTextContent"), with the same warm-up and rounds.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfIngester } from '../../src/ingest/pdf/index.ts';
import { openPdf } from '../../src/ingest/pdf/load.ts';
import { processBytes } from '../../src/pipeline/process.ts';

export interface ToolTiming {
  /** Seconds for one pass over all the files (mean of the timed rounds). */
  seconds: number;
  pagesPerSecond: number;
}

export interface PdfToolsResult {
  files: number;
  pages: number;
  rounds: number;
  planharvestIngest: ToolTiming;
  planharvestPipeline: ToolTiming;
  pdfjsText: ToolTiming;
  /** pdfjs-dist getTextContent as shipped, in a Node process of its own (see the top of this file). */
  pdfjsShipped: ToolTiming;
  pdftotext: ToolTiming | null;
  /** planharvest's time over each tool's: how many times longer planharvest takes (goal: ingest ≤ 1.5× pdfjs). */
  ratios: {
    ingestOverPdfjs: number;
    pipelineOverPdfjs: number;
    ingestOverPdfjsShipped: number;
    pipelineOverPdfjsShipped: number;
    ingestOverPdftotext: number | null;
    pipelineOverPdftotext: number | null;
  };
}

/** The script `pdfjsShippedSeconds` runs: argv = pdfjs's module path, rounds, files; prints seconds a pass. */
export const SHIPPED_SCRIPT = `
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [modulePath, rounds, ...files] = process.argv.slice(1);
const pdfjs = await import(pathToFileURL(modulePath).href);
const root = join(dirname(modulePath), '../..');
const folder = (name) => join(root, name) + '/';
const loaded = files.map((f) => new Uint8Array(readFileSync(f)));
async function pass() {
  for (const bytes of loaded) {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: folder('standard_fonts'), cMapUrl: folder('cmaps'), cMapPacked: true, wasmUrl: folder('wasm'), iccUrl: folder('iccs'), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
    for (let n = 1; n <= doc.numPages; n++) { const page = await doc.getPage(n); await page.getTextContent(); page.cleanup(); }
    await doc.destroy();
  }
}
await pass();
let total = 0;
for (let r = 0; r < Number(rounds); r++) { const start = process.hrtime.bigint(); await pass(); total += Number(process.hrtime.bigint() - start) / 1e9; }
console.log(JSON.stringify({ seconds: total / Number(rounds) }));
`;

/** Seconds a pass of pdfjs-dist as shipped over the files, in a Node process of its own (warm-up, then `rounds` passes). */
export function pdfjsShippedSeconds(files: string[], rounds: number): number {
  const modulePath = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SHIPPED_SCRIPT, modulePath, String(rounds), ...files], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(out.trim().split('\n').pop()!) as { seconds: number }).seconds;
}

export function listPdfs(paths: string[]): string[] {
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

export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

async function time(fn: () => Promise<void> | void): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function benchPdfTools(files: string[], rounds = 3): Promise<PdfToolsResult> {
  const loaded = files.map((f) => ({ f, name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
  const tools: Record<string, () => Promise<void> | void> = {
    planharvestIngest: async () => {
      for (const { name, bytes } of loaded) await pdfIngester.ingest(new Uint8Array(bytes), { fileName: name, contentHash: 'bench' });
    },
    planharvestPipeline: async () => {
      for (const { name, bytes } of loaded) {
        const r = await processBytes(bytes, name);
        if (!r.ok) throw new Error(`${name}: ${r.reason}`);
      }
    },
    pdfjsText: async () => {
      for (const { bytes } of loaded) await pdfjsText(bytes);
    },
  };
  if (hasPdftotext()) tools.pdftotext = () => {
    for (const { f } of loaded) execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  };
  let pages = 0;
  for (const { bytes } of loaded) pages += await pdfjsText(bytes);
  for (const run of Object.values(tools)) await run(); // warm-up
  const totals = Object.fromEntries(Object.keys(tools).map((k) => [k, 0]));
  for (let r = 0; r < rounds; r++) for (const [k, run] of Object.entries(tools)) totals[k] += await time(run);
  const timing = (k: string): ToolTiming => {
    const seconds = totals[k] / rounds;
    return { seconds, pagesPerSecond: pages / seconds };
  };
  const shipped = pdfjsShippedSeconds(files, rounds);
  const result = {
    files: files.length, pages, rounds,
    planharvestIngest: timing('planharvestIngest'),
    planharvestPipeline: timing('planharvestPipeline'),
    pdfjsText: timing('pdfjsText'),
    pdfjsShipped: { seconds: shipped, pagesPerSecond: pages / shipped },
    pdftotext: tools.pdftotext ? timing('pdftotext') : null,
  };
  return {
    ...result,
    ratios: {
      ingestOverPdfjs: result.planharvestIngest.seconds / result.pdfjsText.seconds,
      pipelineOverPdfjs: result.planharvestPipeline.seconds / result.pdfjsText.seconds,
      ingestOverPdfjsShipped: result.planharvestIngest.seconds / shipped,
      pipelineOverPdfjsShipped: result.planharvestPipeline.seconds / shipped,
      ingestOverPdftotext: result.pdftotext ? result.planharvestIngest.seconds / result.pdftotext.seconds : null,
      pipelineOverPdftotext: result.pdftotext ? result.planharvestPipeline.seconds / result.pdftotext.seconds : null,
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--rounds');
  const rounds = at >= 0 ? Number(args[at + 1]) : 3;
  const paths = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const targets = paths.length ? paths : [fileURLToPath(new URL('../../fixtures/pdf', import.meta.url))];
  const r = await benchPdfTools(listPdfs(targets), rounds);
  const line = (label: string, t: ToolTiming | null) => console.log(`  ${label.padEnd(52)} ${t ? `${t.pagesPerSecond.toFixed(1)} pages/s (${t.seconds.toFixed(2)} s a pass)` : 'not installed'}`);
  console.log(`PDF text extraction: ${r.files} files, ${r.pages} pages, ${r.rounds} timed rounds`);
  line('planharvest ingest (text + rules + layout + model)', r.planharvestIngest);
  line('planharvest pipeline (ingest + extract + normalise)', r.planharvestPipeline);
  line('pdfjs getTextContent only, in this process', r.pdfjsText);
  line('pdfjs getTextContent only, as shipped (own process)', r.pdfjsShipped);
  line('pdftotext -layout (poppler, one process per file)', r.pdftotext);
  console.log(`  planharvest ingest ÷ pdfjs in this process: ${r.ratios.ingestOverPdfjs.toFixed(2)}×, pipeline ÷ pdfjs: ${r.ratios.pipelineOverPdfjs.toFixed(2)}×`);
  console.log(`  planharvest ingest ÷ pdfjs as shipped: ${r.ratios.ingestOverPdfjsShipped.toFixed(2)}×, pipeline ÷ pdfjs as shipped: ${r.ratios.pipelineOverPdfjsShipped.toFixed(2)}×`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
