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

/**
 * An engine started on first use and kept for every later page. A failed start is not kept: the next use tries
 * again (and gets the same clear error). This thread's engine is one; the pool's shared engine is another.
 */
export class EngineSlot {
  private current: Promise<OcrEngine> | null = null;

  constructor(private readonly start: () => Promise<OcrEngine>) {}

  /** Whether an engine has been started (or is starting) and not stopped since. */
  get started(): boolean {
    return this.current !== null;
  }

  get(): Promise<OcrEngine> {
    if (!this.current) {
      const starting = this.start();
      starting.catch(() => {
        if (this.current === starting) this.current = null;
      });
      this.current = starting;
    }
    return this.current;
  }

  /** Forget the engine at once, and shut it down once it has started. Safe to call more than once. */
  async stop(): Promise<void> {
    const running = this.current;
    this.current = null;
    const started = await running?.catch(() => null);
    await started?.shutdown();
  }
}

const threadEngine = new EngineSlot(() => startEngine());

export function ocrEngine(): Promise<OcrEngine> {
  return threadEngine.get();
}

/** Stop this thread's OCR workers, if any were started. Safe to call more than once. */
export function shutdownOcr(): Promise<void> {
  return threadEngine.stop();
}
