// The synthetic corpus: N seeded plan documents in every supported format, with the records each should
// yield. Streams to disk one document at a time (memory stays flat at any N):
//
//   node --import tsx bench/generate/index.ts --docs 1000 [--seed 1] [--out output/bench/corpus-1000]
//
// Writes <out>/docs/<name> for each document, <out>/truth.jsonl (one line per document: name, format, layouts,
// PDF pages, truth records) and <out>/manifest.json (what was made and how long it took).
import { closeSync, createReadStream, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { generateDocument } from './document.ts';
import type { Format, Truth } from './model.ts';
import { writeDocument } from './writers/index.ts';

export interface TruthLine {
  name: string;
  format: Format;
  layouts: string[];
  /** Pages of a PDF; null for formats without pages. */
  pages: number | null;
  truth: Truth[];
}

export interface CorpusManifest {
  seed: number;
  docs: number;
  byFormat: Record<string, number>;
  records: number;
  pdfPages: number;
  bytes: number;
  seconds: number;
}

export interface GenerateOptions {
  docs: number;
  seed: number;
  out: string;
  onProgress?: (done: number) => void;
}

export const docsDir = (out: string) => join(out, 'docs');
export const truthPath = (out: string) => join(out, 'truth.jsonl');

/** The truth of a generated corpus, one document at a time (a 10,000-document corpus need not fit in memory). */
export async function* readTruth(corpus: string): AsyncGenerator<TruthLine> {
  for await (const line of createInterface({ input: createReadStream(truthPath(corpus)) })) if (line.trim()) yield JSON.parse(line) as TruthLine;
}

export async function generateCorpus(options: GenerateOptions): Promise<CorpusManifest> {
  const started = process.hrtime.bigint();
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(docsDir(options.out), { recursive: true });
  const truthFile = openSync(truthPath(options.out), 'w');
  const manifest: CorpusManifest = { seed: options.seed, docs: options.docs, byFormat: {}, records: 0, pdfPages: 0, bytes: 0, seconds: 0 };
  try {
    for (let i = 0; i < options.docs; i++) {
      const doc = generateDocument(options.seed, i);
      const { bytes, pages } = await writeDocument(doc);
      writeFileSync(join(docsDir(options.out), doc.name), bytes);
      const line: TruthLine = { name: doc.name, format: doc.format, layouts: doc.layouts, pages, truth: doc.truth };
      writeSync(truthFile, `${JSON.stringify(line)}\n`);
      manifest.byFormat[doc.format] = (manifest.byFormat[doc.format] ?? 0) + 1;
      manifest.records += doc.truth.length;
      manifest.pdfPages += pages ?? 0;
      manifest.bytes += bytes.length;
      options.onProgress?.(i + 1);
    }
  } finally {
    closeSync(truthFile);
  }
  manifest.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** `--name value` pairs; anything else is an error the caller reports. */
export function parseArgs(argv: string[], defaults: Record<string, string>): Record<string, string> {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)$/.exec(argv[i]);
    if (!m || !(m[1] in defaults) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete argument "${argv[i]}" (known: ${Object.keys(defaults).map((k) => `--${k}`).join(', ')})`);
    out[m[1]] = argv[++i];
  }
  return out;
}

export function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { docs: '100', seed: '1', out: '' });
  const docs = positive('docs', args.docs);
  const seed = Number(args.seed);
  const out = resolve(args.out || `output/bench/corpus-${docs}-s${seed}`);
  const m = await generateCorpus({ docs, seed, out });
  console.log(`${m.docs} documents (${Object.entries(m.byFormat).map(([f, n]) => `${n} ${f}`).join(', ')}), ${m.records} truth records, ` +
    `${m.pdfPages} PDF pages, ${(m.bytes / 1024 / 1024).toFixed(1)} MB in ${m.seconds.toFixed(1)} s → ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
