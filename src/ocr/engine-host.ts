// The import pool's one OCR engine, in the main thread, serving every pool thread over a message port of its
// own (remote-engine.ts). Its workers take pages from whichever documents need them, so one long scan uses
// every core. Sized to the pool: `--jobs N` means N OCR workers, as before, when every thread had its own.
//
// A pool thread stopped for time or memory may have pages here: those are abandoned, and since one of them
// may be the page that hangs the engine, the engine is restarted; other threads' pages then run again on
// the new one (a job on a stopped engine is simply asked again, never failed).
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import PQueue from 'p-queue';
import { OcrUnavailable, type OcrWord } from './engine.ts';
import type { RecogniseReply, RecogniseRequest } from './remote-engine.ts';
import { EngineSlot, startEngine } from './shared-engine.ts';

interface Job {
  port: MessagePort;
  request: RecogniseRequest;
  abandoned: boolean;
  /** In the engine now (not waiting for a turn). */
  running: boolean;
}

export interface OcrHostStats {
  /** Pages recognised. */
  pages: number;
  /** Engine restarts after a pool thread was stopped with pages in the engine. */
  restarts: number;
  /** The most pages of one pool thread in the engine at the same time. */
  peakFromOneThread: number;
  /** Pages asked for and not yet answered (in the engine or waiting for a turn). */
  inEngine: number;
  /** Of those, pages an engine worker is recognising now. */
  recognising: number;
}

export class OcrHost {
  private readonly engine = new EngineSlot(() => startEngine(this.workers));
  /** Settles when the current engine is replaced: jobs on it are asked again on the next one. */
  private replaced: { promise: Promise<void>; resolve(): void } = settleable();
  private readonly jobs = new Set<Job>();
  private readonly ports = new Set<MessagePort>();
  private closed = false;
  private readonly counts: Omit<OcrHostStats, 'inEngine' | 'recognising'> = { pages: 0, restarts: 0, peakFromOneThread: 0 };

  /** One turn per engine worker. */
  private readonly turns: PQueue;

  constructor(private readonly workers: number) {
    this.turns = new PQueue({ concurrency: Math.max(1, workers) });
  }

  /** A port for one pool thread (transfer it to the thread); keep the returned `local` end to abandon it. */
  connect(): { local: MessagePort; remote: MessagePort } {
    const { port1: local, port2: remote } = new MessageChannel();
    local.on('message', (request: RecogniseRequest) => void this.serve(local, request));
    // Only pages in the engine keep the process alive, not an idle thread's port.
    local.unref();
    this.ports.add(local);
    return { local, remote };
  }

  /** The thread behind `port` was stopped: drop its pages, and restart the engine if any were in it. */
  abandon(port: MessagePort): void {
    this.ports.delete(port);
    port.close();
    const mine = [...this.jobs].filter((j) => j.port === port);
    for (const job of mine) job.abandoned = true;
    if (mine.some((j) => j.running) && this.engine.started) {
      this.counts.restarts++;
      this.replaceEngine();
    }
  }

  stats(): OcrHostStats {
    return { ...this.counts, inEngine: this.jobs.size, recognising: [...this.jobs].filter((j) => j.running).length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const port of this.ports) port.close();
    this.ports.clear();
    const stopping = this.engine.stop();
    this.replaced.resolve();
    await stopping;
  }

  private replaceEngine(): void {
    const stopping = this.engine.stop();
    const replaced = this.replaced;
    this.replaced = settleable();
    replaced.resolve();
    void stopping.catch(() => undefined);
  }

  private async serve(port: MessagePort, request: RecogniseRequest): Promise<void> {
    const job: Job = { port, request, abandoned: false, running: false };
    this.jobs.add(job);
    port.ref();
    const fromThisThread = [...this.jobs].filter((j) => j.port === port).length;
    this.counts.peakFromOneThread = Math.max(this.counts.peakFromOneThread, fromThisThread);
    let reply: RecogniseReply;
    try {
      reply = { id: request.id, words: await this.recognise(job) };
      this.counts.pages++;
    } catch (error) {
      const unavailable = error instanceof OcrUnavailable;
      reply = { id: request.id, error: unavailable ? error.reason : String((error as Error)?.message ?? error), advice: unavailable ? error.advice : undefined, unavailable };
    } finally {
      this.jobs.delete(job);
      if (![...this.jobs].some((j) => j.port === port)) port.unref();
    }
    if (!job.abandoned && !this.closed) port.postMessage(reply);
  }

  private async recognise(job: Job): Promise<OcrWord[]> {
    for (;;) {
      // Never more pages handed to the engine than it has workers: tesseract.js cannot be stopped with pages
      // queued inside it (it hands them to a terminated worker and the process dies).
      const outcome = await this.turns.add(async () => {
        if (job.abandoned || this.closed) return { error: new Error('the page was abandoned') };
        const replaced = this.replaced.promise;
        const engine = await this.engine.get();
        if (job.abandoned) return { error: new Error('the page was abandoned') };
        job.running = true;
        try {
          return await Promise.race([
            engine.recognise(job.request.image).then((words) => ({ words }), (error: unknown) => (this.replaced.promise !== replaced ? null : { error })),
            // The engine was stopped under this page: ask again on the next one.
            replaced.then(() => null),
          ]);
        } finally {
          job.running = false;
        }
      });
      if (!outcome) continue;
      if ('error' in outcome) throw outcome.error;
      return outcome.words;
    }
  }
}

function settleable(): { promise: Promise<void>; resolve(): void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
