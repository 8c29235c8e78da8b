// Native tesseract (Debian's tesseract-ocr) behind planharvest's OCR engine interface, for the OCR
// benchmark only: the same page images go through the same pipeline, with only the engine swapped. One
// process per page, single-threaded (OMP_THREAD_LIMIT=1), hOCR out (it carries the line geometry the word
// boxes are cut to, like tesseract.js's).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OcrEngine, OcrWord } from '../src/ocr/engine.ts';
import type { GreyImage } from '../src/ocr/grey-image.ts';
import { clipToLine, type TextLineGeometry } from '../src/ocr/line-clip.ts';

export interface NativeOptions {
  /** A tessdata folder holding eng.traineddata; Debian's own when not given. */
  tessdataDir?: string;
}

export function nativeTesseractVersion(): string | null {
  const r = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).split('\n')[0].trim() : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decode = (text: string) => text.replace(/<[^>]+>/g, '').replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name] ?? (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : m));

function numbers(title: string, key: string): number[] {
  return new RegExp(`${key} ([-\\d. ]+)`).exec(title)?.[1].trim().split(/\s+/).map(Number) ?? [];
}

/** Words of an hOCR page, in order, each cut to its line as tesseract.js words are. */
export function wordsFromHocr(hocr: string): OcrWord[] {
  const words: OcrWord[] = [];
  let line: (TextLineGeometry & { size: number }) | null = null;
  const spans = /<span class=['"](ocr_line|ocr_header|ocr_caption|ocr_textfloat|ocrx_word)['"][^>]*title=['"]([^'"]*)['"][^>]*>([\s\S]*?)(?=<span class=['"]ocr|<\/p>|<\/div>)/g;
  for (const [, kind, title, body] of hocr.matchAll(spans)) {
    const [x0, y0, x1, y1] = numbers(title, 'bbox');
    if (kind !== 'ocrx_word') {
      const [slope = 0, offset = 0] = numbers(title, 'baseline');
      const size = numbers(title, 'x_size')[0] ?? y1 - y0;
      line = { baselineAt: (x) => y1 + offset + slope * (x - x0), height: size, descent: numbers(title, 'x_descenders')[0] ?? 0, size };
      continue;
    }
    const text = decode(body.replace(/<\/span>[\s\S]*$/, '')).trim();
    if (!text) continue;
    words.push({ text, box: clipToLine([x0, y0, x1, y1], line), confidence: (numbers(title, 'x_wconf')[0] ?? 0) / 100, lineHeight: line?.size });
  }
  return words;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`tesseract exited ${code}: ${Buffer.concat(err).toString().slice(0, 200)}`))));
  });
}

export async function createNativeEngine(options: NativeOptions = {}): Promise<OcrEngine> {
  const version = nativeTesseractVersion();
  if (!version) throw new Error('native tesseract is not installed (apt-get install tesseract-ocr)');
  const work = mkdtempSync(join(tmpdir(), 'planharvest-native-ocr-'));
  let page = 0;
  return {
    name: `${version} (native${options.tessdataDir ? ', planharvest model' : ', Debian model'})`,
    workers: 1,
    async recognise(image: GreyImage) {
      const file = join(work, `page-${++page}.pgm`);
      writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`), image.data]));
      const dir = options.tessdataDir ? ['--tessdata-dir', options.tessdataDir] : [];
      // The same settings as the tesseract.js engine: LSTM, sparse text, 300 dpi. hOCR by variable, not by the
      // "hocr" config name, which is looked for in the tessdata folder.
      const hocr = await run([file, '-', ...dir, '-l', 'eng', '--oem', '1', '--psm', '11', '--dpi', '300', '-c', 'tessedit_create_hocr=1']);
      rmSync(file, { force: true });
      return wordsFromHocr(hocr);
    },
    async shutdown() {
      rmSync(work, { recursive: true, force: true });
    },
  };
}
