// The OCR engine a pool thread sees: each page image is sent over a message port to the pool's one engine in
// the main thread (engine-host.ts) and the words come back. One thread reading a 60-page scan then keeps every
// OCR worker of the machine busy, where an engine of its own would recognise its pages one at a time on one
// core while the other threads sat idle. A copy of the image is made and moved (transferred) to the main thread.
import type { MessagePort } from 'node:worker_threads';
import { OcrUnavailable, type OcrEngine, type OcrWord } from './engine.ts';
import type { GreyImage } from './grey-image.ts';

export interface RecogniseRequest {
  id: number;
  image: GreyImage;
}

export type RecogniseReply =
  | { id: number; words: OcrWord[] }
  /** `unavailable`: the engine cannot run at all (reason and advice for the one line that rejects the file). */
  | { id: number; error: string; advice?: string; unavailable?: boolean };

/** `workers`: how many pages the host can recognise at once, so the caller keeps that many in flight. */
export function remoteEngine(port: MessagePort, workers: number): OcrEngine {
  const waiting = new Map<number, { resolve(words: OcrWord[]): void; reject(error: Error): void }>();
  let nextId = 1;
  let stopped = false;
  port.on('message', (reply: RecogniseReply) => {
    const job = waiting.get(reply.id);
    if (!job) return;
    waiting.delete(reply.id);
    if ('words' in reply) job.resolve(reply.words);
    else job.reject(reply.unavailable ? new OcrUnavailable(reply.error, reply.advice ?? 'report this file') : new Error(reply.error));
  });
  // Between documents nothing is waiting: the port must not keep the thread alive on its own.
  port.unref();
  return {
    name: 'the import\'s shared OCR engine',
    workers,
    recognise(image) {
      if (stopped) return Promise.reject(new Error('the OCR engine has been shut down'));
      const id = nextId++;
      // A copy the port can take: the caller may still hold views on the image's buffer.
      const data = image.data.slice();
      return new Promise<OcrWord[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        port.ref();
        port.postMessage({ id, image: { width: image.width, height: image.height, data } } satisfies RecogniseRequest, [data.buffer]);
      }).finally(() => {
        if (!waiting.size) port.unref();
      });
    },
    async shutdown() {
      stopped = true;
      port.close();
    },
  };
}
