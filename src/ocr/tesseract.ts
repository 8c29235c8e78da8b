// The tesseract.js engine, offline only. Language data comes from the @tesseract.js-data/eng package on
// disk: without a local langPath tesseract.js goes to a CDN, and that failure crashes the process or hangs
// (TOOLCHAIN.md), so a missing file is refused before any worker starts. A scheduler spreads pages over the
// workers; the caller keeps the engine for the life of the thread and shuts it down at the end.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { OcrUnavailable, type OcrEngine, type OcrWord } from './engine.ts';
import type { GreyImage } from './grey-image.ts';
import { clipToLine, type TextLineGeometry } from './line-clip.ts';

const { createScheduler, createWorker, OEM, PSM } = Tesseract;
const require = createRequire(import.meta.url);

/** Where npm installs the English LSTM data (the "best_int" models: integer LSTM, fast, accurate). */
export function defaultLangPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

export interface TesseractOptions {
  workers: number;
  /** Folder holding eng.traineddata.gz; a local folder, never a URL. */
  langPath?: string;
}

/**
 * Page segmentation for tables: sparse text (PSM 11) finds every isolated cell value; the default (a single
 * uniform block) dropped cells of the fixture tables. Lines and columns are rebuilt by src/layout anyway.
 */
const PAGE_SEGMENTATION = PSM.SPARSE_TEXT;

/** Binary greyscale PGM: the cheapest format leptonica reads (no compression to undo). */
function toPgm(image: GreyImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1');
  return Buffer.concat([header, Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength)]);
}

/**
 * A traineddata file starts with its number of components and an offset for each (-1 when absent), every
 * offset inside the file. Checked here because tesseract.js, given a file it cannot parse, answers its own
 * "initialization failed" twice and the second answer crashes the process.
 */
function isTrainedData(data: Buffer): boolean {
  if (data.length < 4) return false;
  const entries = data.readInt32LE(0);
  if (entries < 1 || entries > 64 || data.length < 4 + 8 * entries) return false;
  const offsets = Array.from({ length: entries }, (_, i) => Number(data.readBigInt64LE(4 + 8 * i)));
  return offsets.some((o) => o > 0) && offsets.every((o) => o === -1 || (o >= 4 + 8 * entries && o < data.length));
}

function checkLangPath(langPath: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(langPath)) {
    throw new OcrUnavailable(`OCR language path ${langPath} is a URL`, 'planharvest only reads OCR language data from disk; point it at a local folder');
  }
  const file = join(langPath, 'eng.traineddata.gz');
  if (!existsSync(file)) {
    throw new OcrUnavailable(`OCR language data not found (${file})`, 'install the dependencies again (npm ci), which brings @tesseract.js-data/eng');
  }
  let ok = false;
  try {
    ok = isTrainedData(gunzipSync(readFileSync(file)));
  } catch {
    ok = false;
  }
  if (!ok) throw new OcrUnavailable(`OCR language data is damaged (${file})`, 'install the dependencies again (rm -rf node_modules && npm ci)');
}

/** tesseract.js's line geometry: the baseline as two points, the row's height and descenders. */
function lineGeometry(line: Tesseract.Line): TextLineGeometry | null {
  const base = line.baseline;
  const row = line.rowAttributes;
  if (!base || !row?.rowHeight) return null;
  return {
    baselineAt: (x) => base.y0 + ((base.y1 - base.y0) * (x - base.x0)) / Math.max(1, base.x1 - base.x0),
    height: row.rowHeight,
    descent: row.descenders,
  };
}

export async function createTesseractEngine(options: TesseractOptions): Promise<OcrEngine> {
  const langPath = options.langPath ?? defaultLangPath();
  checkLangPath(langPath);
  const scheduler = createScheduler();
  const workers: Tesseract.Worker[] = [];
  try {
    for (let i = 0; i < Math.max(1, options.workers); i++) {
      // errorHandler: without one, tesseract.js rethrows every failed job (a damaged language file, an image it
      // cannot read) from an event handler, which kills the process; the job's promise rejects either way.
      const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true, errorHandler: () => undefined });
      await worker.setParameters({
        tessedit_pageseg_mode: PAGE_SEGMENTATION,
        // Told rather than guessed (a guess prints "Estimating resolution as …"): PDF pages are rendered at
        // 300 dpi, and page images are scans, mostly made at 300 dpi too.
        user_defined_dpi: '300',
        // Tesseract's own warnings ("Empty page!!") would land in the middle of the import's output.
        debug_file: '/dev/null',
      });
      workers.push(worker);
      scheduler.addWorker(worker);
    }
  } catch (error) {
    await scheduler.terminate().catch(() => undefined);
    throw new OcrUnavailable(`the OCR engine could not start (${String((error as Error)?.message ?? error).slice(0, 160)})`, 'reinstall the dependencies (npm ci); report it if it persists');
  }
  let stopped = false;
  return {
    name: `tesseract.js ${require('tesseract.js/package.json').version as string}`,
    workers: workers.length,
    async recognise(image) {
      if (stopped) throw new Error('the OCR engine has been shut down');
      const result = await scheduler.addJob('recognize', toPgm(image), {}, { blocks: true, text: false });
      const words: OcrWord[] = [];
      for (const block of result.data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const w of line.words) {
              const text = w.text.trim();
              if (!text) continue;
              words.push({
                text,
                box: clipToLine([w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1], lineGeometry(line)),
                confidence: Math.max(0, Math.min(1, w.confidence / 100)),
                lineHeight: line.rowAttributes?.rowHeight || undefined,
              });
            }
          }
        }
      }
      return words;
    },
    async shutdown() {
      if (stopped) return;
      stopped = true;
      await scheduler.terminate();
    },
  };
}
