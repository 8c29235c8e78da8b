// One OCR engine per thread, started the first time a page needs OCR and reused by every later document
// that thread reads, so workers (and their language data) are loaded once. An in-process import (--jobs 0)
// gets one worker per core. A pool thread's engine is a stand-in for the pool's one shared engine in the
// main thread (remote-engine.ts, engine-host.ts), so the pages of one scan spread over every core.
import { availableParallelism } from 'node:os';
import type { OcrEngine } from './engine.ts';

export interface OcrSettings {
  /** OCR workers in this thread. */
  workers: number;
  /** Folder of the language data (default: the installed @tesseract.js-data/eng). */
  langPath?: string;
  /** How to start an engine: tesseract.js unless told otherwise (the OCR benchmark runs native tesseract
   * through the same pipeline this way). */
  create?: (settings: OcrSettings) => Promise<OcrEngine>;
}

const settings: OcrSettings = {
  workers: availableParallelism(),
  langPath: process.env.PLANHARVEST_OCR_LANG_PATH || undefined,
};
let engine: Promise<OcrEngine> | null = null;

/** Change the settings for engines started from now on (an engine already running keeps its own). */
export function configureOcr(change: Partial<OcrSettings>): void {
  Object.assign(settings, change);
}

/** Start an engine with this thread's settings and `workers` workers (the pool's OCR host sizes its own). */
export function startEngine(workers: number = settings.workers): Promise<OcrEngine> {
  // Loaded on first use: a run that never meets a scan never loads the engine.
  const chosen = { ...settings, workers };
  return chosen.create ? chosen.create(chosen) : import('./tesseract.ts').then(({ createTesseractEngine }) => createTesseractEngine(chosen));
}

export function ocrEngine(): Promise<OcrEngine> {
  if (!engine) {
    const starting = startEngine();
    // A failed start is not kept: the next document tries again (and gets the same clear error).
    starting.catch(() => {
      if (engine === starting) engine = null;
    });
    engine = starting;
  }
  return engine;
}

/** Stop this thread's OCR workers, if any were started. Safe to call more than once. */
export async function shutdownOcr(): Promise<void> {
  const running = engine;
  engine = null;
  if (!running) return;
  const started = await running.catch(() => null);
  await started?.shutdown();
}
