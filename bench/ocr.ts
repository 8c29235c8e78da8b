// The OCR benchmark: seconds per page for tesseract.js inside planharvest beside native tesseract on the
// same page images, and the value recall each gives against the fixtures' truth (their text twins).
//
//   node --import tsx bench/ocr.ts [--only <file part>] [--json <file>] [--spread-pages 60]   (npm run bench:ocr)
//
// Then a long scan (--spread-pages, 0 to skip) is imported with --jobs 1 and --jobs 2 (measure/scan-spread.ts).
//
// Every engine runs through the same pipeline (render or decode, despeckle, deskew, rules painted out, OCR,
// layout, extraction), with one OCR worker and one page at a time, so the engines see identical images and
// only the recognition differs. Native tesseract runs with OMP_THREAD_LIMIT=1, once with planharvest's own
// model (eng best_int, from @tesseract.js-data/eng) and once with Debian's (eng "fast"). Times are wall
// clock: the 1-minute load average is printed beside them, and on a shared machine they are only as good as
// that load allows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { OcrEngine } from '../src/ocr/engine.ts';
import { configureOcr, ocrEngine, shutdownOcr } from '../src/ocr/shared-engine.ts';
import { createTesseractEngine, defaultLangPath } from '../src/ocr/tesseract.ts';
import { processBytes } from '../src/pipeline/process.ts';
import type { ScannedManifestEntry } from '../scripts/fixtures/make-scanned-fixtures.ts';
import { compareRecords, type ExpectedObservation } from '../tests/support/compare.ts';
import { observationsOf } from '../tests/support/parity.ts';
import { benchScanSpread, formatScanSpread, type ScanSpreadResult } from './measure/scan-spread.ts';
import { createNativeEngine, nativeTesseractVersion } from './ocr-native.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCANNED = join(ROOT, 'fixtures/scanned');

export interface EngineFigures {
  engine: string;
  /** Starting the engine (loading the model), once. */
  startSeconds: number;
  pages: number;
  /** Recognition alone, per page: what differs between the engines. */
  ocrSecondsPerPage: number;
  /** The whole pipeline per page (render, clean, OCR, layout, extraction). */
  pipelineSecondsPerPage: number;
  truth: number;
  matched: number;
  extra: number;
  recall: number;
  precision: number;
  load: [before: number, after: number];
}

export interface OcrBenchResult {
  date: string;
  machine: { cpu: string; cores: number; node: string; native: string | null; uptime: string };
  fixtures: string[];
  engines: EngineFigures[];
}

interface Contender {
  label: string;
  start(): Promise<OcrEngine>;
}

/** planharvest's model unpacked where native tesseract can read it. */
function unpackedModel(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planharvest-tessdata-'));
  writeFileSync(join(dir, 'eng.traineddata'), gunzipSync(readFileSync(join(defaultLangPath(), 'eng.traineddata.gz'))));
  return dir;
}

/** The engine, with the time each page's recognition took recorded. */
function timed(engine: OcrEngine, seconds: number[]): OcrEngine {
  return {
    ...engine,
    async recognise(image) {
      const t0 = performance.now();
      try {
        return await engine.recognise(image);
      } finally {
        seconds.push((performance.now() - t0) / 1000);
      }
    },
  };
}

const toRecord = (o: { indicator: { code: string }; kind: string; state: string; value: number | null; unit: string | null; period: string | null; area: string | null; relativeChange: number | null; denominator: number | null }): ExpectedObservation => ({
  indicator: o.indicator.code, kind: o.kind, state: o.state, value: o.value, unit: o.unit, period: o.period, area: o.area, relative_change: o.relativeChange, denominator: o.denominator,
});

async function measure(contender: Contender, fixtures: ScannedManifestEntry[], truth: Map<string, ExpectedObservation[]>): Promise<EngineFigures> {
  await shutdownOcr();
  const pageSeconds: number[] = [];
  let name = contender.label;
  configureOcr({ workers: 1, create: async () => {
    const engine = await contender.start();
    name = engine.name;
    return timed(engine, pageSeconds);
  } });
  const load0 = loadavg()[0];
  const t0 = performance.now();
  await ocrEngine();
  const startSeconds = (performance.now() - t0) / 1000;
  let pipeline = 0;
  let matched = 0;
  let extra = 0;
  let total = 0;
  for (const f of fixtures) {
    const t = performance.now();
    const result = await processBytes(new Uint8Array(readFileSync(join(SCANNED, f.file))), f.file, { ocr: true });
    pipeline += (performance.now() - t) / 1000;
    const expected = truth.get(f.twin)!;
    const got = result.ok ? result.result.observations.map(toRecord) : [];
    const comparison = compareRecords(expected, got);
    matched += comparison.matched;
    extra += comparison.unexpected.length;
    total += expected.length;
    process.stderr.write(`  ${contender.label}: ${f.file} ${comparison.matched}/${expected.length}${result.ok ? '' : ` (rejected: ${result.reason})`}\n`);
  }
  await shutdownOcr();
  configureOcr({ create: undefined });
  const pages = pageSeconds.length;
  return {
    engine: name, startSeconds, pages,
    ocrSecondsPerPage: pageSeconds.reduce((a, b) => a + b, 0) / Math.max(1, pages),
    pipelineSecondsPerPage: pipeline / Math.max(1, pages),
    truth: total, matched, extra, recall: matched / Math.max(1, total), precision: matched / Math.max(1, matched + extra),
    load: [load0, loadavg()[0]],
  };
}

export async function runOcrBenchmark(options: { only?: string } = {}): Promise<OcrBenchResult> {
  const manifest = JSON.parse(readFileSync(join(SCANNED, 'manifest.json'), 'utf8')) as ScannedManifestEntry[];
  const fixtures = manifest.filter((m) => !options.only || m.file.includes(options.only));
  const truth = new Map<string, ExpectedObservation[]>();
  for (const f of fixtures) truth.set(f.twin, await observationsOf(join(ROOT, f.twin)));
  const native = nativeTesseractVersion();
  const contenders: Contender[] = [{ label: 'tesseract.js', start: () => createTesseractEngine({ workers: 1 }) }];
  if (native) {
    const model = unpackedModel();
    contenders.push({ label: 'native, same model', start: () => createNativeEngine({ tessdataDir: model }) });
    contenders.push({ label: 'native, Debian model', start: () => createNativeEngine() });
  } else process.stderr.write('native tesseract not installed: measuring tesseract.js only (apt-get install tesseract-ocr)\n');
  const engines: EngineFigures[] = [];
  for (const c of contenders) engines.push(await measure(c, fixtures, truth));
  return {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), node: process.version, native, uptime: execFileSync('uptime', { encoding: 'utf8' }).trim() },
    fixtures: fixtures.map((f) => f.file),
    engines,
  };
}

export function formatOcrBenchmark(r: OcrBenchResult): string {
  const rows = r.engines.map((e) =>
    `| ${e.engine} | ${e.pages} | ${e.ocrSecondsPerPage.toFixed(2)} | ${e.pipelineSecondsPerPage.toFixed(2)} | ${e.startSeconds.toFixed(2)} | ${e.matched}/${e.truth} = ${e.recall.toFixed(3)} | ${e.precision.toFixed(3)} | ${e.load[0].toFixed(2)} → ${e.load[1].toFixed(2)} |`);
  return [
    `${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}; ${r.fixtures.length} scanned fixtures; ${r.date}`,
    `uptime: ${r.machine.uptime}`,
    '',
    '| engine | pages | OCR s/page | pipeline s/page | start s | value recall | precision | load (1 min) |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const result = await runOcrBenchmark({ only: flag('--only') });
  console.log(formatOcrBenchmark(result));
  const spreadPages = Number(flag('--spread-pages') ?? 60);
  let spread: ScanSpreadResult | null = null;
  if (spreadPages > 0) {
    process.stderr.write(`importing a ${spreadPages}-page scan with --jobs 1, then --jobs 2\n`);
    spread = await benchScanSpread(spreadPages, mkdtempSync(join(tmpdir(), 'planharvest-scan-spread-')));
    console.log(`\n${formatScanSpread(spread)}`);
  }
  const json = flag('--json');
  if (json) {
    writeFileSync(json, `${JSON.stringify({ ...result, spread }, null, 2)}\n`);
    console.log(`\nwritten ${basename(json)}`);
  }
}
