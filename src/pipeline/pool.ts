// A pool of worker threads for the CPU-bound stages. Each task has a time limit and each worker a heap
// limit: a document that hangs or balloons has its worker terminated and replaced, and only that
// document is rejected.
import { Worker, type MessagePort } from 'node:worker_threads';
import { OcrHost, type OcrHostStats } from '../ocr/engine-host.ts';
import type { ProcessOptions, ProcessResult } from './process.ts';
import type { WorkerControl, WorkerProgress, WorkerRequest, WorkerResponse } from './worker-protocol.ts';

// Compiled (dist/, what the bin and the package run), a worker starts straight on worker-main.js. From the
// TypeScript sources (the tests, `node --import tsx`), worker-entry.mjs registers tsx in the worker first,
// since worker threads do not inherit the parent's loader.
const ENTRY = import.meta.url.endsWith('.ts') ? new URL('./worker-entry.mjs', import.meta.url) : new URL('./worker-main.js', import.meta.url);

export interface PoolOptions {
  /** Worker threads. */
  size: number;
  /** Workers of the pool's one OCR engine (default `size`): the cores a run may use, even when it has fewer
   * documents than threads would be worth starting. */
  ocrWorkers?: number;
  timeoutMs: number;
  maxMemoryMb: number;
}

interface Slot {
  worker: Worker;
  /** The main thread's end of the worker's line to the shared OCR engine. */
  ocrPort: MessagePort;
  busy: boolean;
  /** Settles once the worker has loaded its modules (true) or died trying (false), so start-up never counts
   * against a document's time. */
  ready: Promise<boolean>;
  started: boolean;
  markReady(ok: boolean): void;
}

/** Workers that die before they are ready this many times in a row mean the limits cannot work at all. */
const MAX_START_FAILURES = 3;
/** How long a worker gets to stop its OCR engine when the run ends before it is ended regardless. */
const SHUTDOWN_GRACE_MS = 5000;

interface Pending {
  resolve(result: ProcessResult): void;
  timer: NodeJS.Timeout;
  slot: Slot;
  /** Restart the time limit: a page was finished. */
  restart(): void;
  /** The page being read, and of how many (0 of 0 before the first page and for documents without pages). */
  page: number;
  pages: number;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  /** One OCR engine for every worker: the pages of one scan spread over all of its workers. */
  private readonly ocr: OcrHost;
  private readonly ocrWorkers: number;

  constructor(private readonly options: PoolOptions) {
    this.ocrWorkers = options.ocrWorkers ?? options.size;
    this.ocr = new OcrHost(this.ocrWorkers);
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const ocr = this.ocr.connect();
    const worker = new Worker(ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
      workerData: { ocrPort: ocr.remote, ocrWorkers: this.ocrWorkers },
      transferList: [ocr.remote],
    });
    let markReady: (ok: boolean) => void = () => {};
    const ready = new Promise<boolean>((resolve) => (markReady = resolve));
    const slot: Slot = { worker, ocrPort: ocr.local, busy: false, ready, started: false, markReady: (ok) => markReady(ok) };
    worker.on('message', (message: WorkerResponse | WorkerProgress | WorkerControl) => {
      if (message === 'ready') {
        slot.started = true;
        this.startFailures = 0;
        slot.markReady(true);
      } else if (typeof message !== 'string' && 'page' in message) this.progress(message);
      else if (typeof message !== 'string') this.settle(message.id, message.result);
    });
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`worker stopped (exit code ${code})`));
    });
    return slot;
  }

  /** A worker died or was killed: reject its task and put a fresh worker in its place. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      const memory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.settle(id, {
        ok: false,
        reason: memory ? `needed more than ${this.options.maxMemoryMb} MB of memory` : `the reader crashed (${error.message.slice(0, 120)})`,
        advice: memory ? 'split the document or raise --max-memory-mb' : 'report this file',
      });
    }
    if (!slot.started) {
      this.startFailures++;
      slot.markReady(false);
    }
    this.ocr.abandon(slot.ocrPort);
    // A worker that cannot even start would be replaced for ever: leave the slot dead and let run() report it.
    this.slots[index] = this.startFailures >= MAX_START_FAILURES ? { ...slot, busy: true } : this.spawn();
    void slot.worker.terminate();
    this.release();
  }

  /** A page starts: the document's time limit starts again for it. */
  private progress(message: WorkerProgress): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    p.page = message.page;
    p.pages = message.pages;
    p.restart();
  }

  private settle(id: number, result: ProcessResult): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.slot.busy = false;
    p.resolve(result);
    this.release();
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  async run(pipeline: string, fileName: string, input: Uint8Array, overrides: ProcessOptions = {}): Promise<ProcessResult> {
    // The bytes are transferred, not copied: make sure they own their whole buffer first.
    const bytes = input.byteOffset === 0 && input.byteLength === input.buffer.byteLength ? input : input.slice();
    let slot: Slot;
    for (;;) {
      if (this.startFailures >= MAX_START_FAILURES) {
        return { ok: false, reason: `worker threads could not start within ${this.options.maxMemoryMb} MB`, advice: 'raise --max-memory-mb or import with --jobs 0' };
      }
      slot = await this.acquire();
      if (await slot.ready) break;
      slot.busy = false;
    }
    const id = this.nextId++;
    return new Promise<ProcessResult>((resolve) => {
      // The limit is a budget per page for paged documents (it restarts as each page is finished), and for the
      // whole document otherwise; the extraction after the last page gets a budget of its own.
      const expire = () => {
        const seconds = Math.round(this.options.timeoutMs / 1000);
        const p = this.pending.get(id);
        const paged = p !== undefined && p.pages > 0;
        const where = paged ? ` on page ${p.page} of ${p.pages}` : '';
        this.settle(id, { ok: false, reason: `took longer than ${seconds} s${where} and was stopped`, advice: paged ? 'raise --timeout (seconds a page)' : 'split the document or raise --timeout' });
        // The worker may be stuck in a loop: replace it rather than wait for it.
        const index = this.slots.indexOf(slot);
        if (index >= 0) {
          this.ocr.abandon(slot.ocrPort);
          this.slots[index] = this.spawn();
          slot.worker.removeAllListeners('exit');
          void slot.worker.terminate();
        }
      };
      const pending: Pending = {
        resolve, slot, page: 0, pages: 0,
        timer: setTimeout(expire, this.options.timeoutMs),
        restart: () => {
          clearTimeout(pending.timer);
          pending.timer = setTimeout(expire, this.options.timeoutMs);
        },
      };
      this.pending.set(id, pending);
      const request: WorkerRequest = { id, pipeline, fileName, bytes, overrides };
      slot.worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => this.stop(s)));
    await this.ocr.close();
  }

  /** What the shared OCR engine did in this run. */
  ocrStats(): OcrHostStats {
    return this.ocr.stats();
  }

  /**
   * End one worker cleanly: it closes its line to the shared OCR engine first, then the thread is terminated;
   * one that does not answer in time is ended regardless. The shared engine itself is stopped by close().
   */
  private async stop(slot: Slot): Promise<void> {
    if (slot.started) {
      let timer: NodeJS.Timeout | undefined;
      const closed = new Promise<void>((resolve) => {
        slot.worker.on('message', (message: unknown) => message === 'closed' && resolve());
        slot.worker.once('exit', () => resolve());
        timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
      });
      slot.worker.postMessage('shutdown' satisfies WorkerControl);
      await closed;
      clearTimeout(timer);
    }
    await slot.worker.terminate();
  }
}
