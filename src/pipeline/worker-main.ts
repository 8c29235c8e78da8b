// Runs inside a worker thread: one document at a time through the pure stages.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { pipelineByName } from '../../pipelines/index.ts';
import { configureOcr, shutdownOcr } from '../ocr/shared-engine.ts';
import { remoteEngine } from '../ocr/remote-engine.ts';
// Loaded before 'ready' (the pipelines load their stages on first use), so start-up never counts against a document's time.
import './process.ts';
import { slim, type WorkerControl, type WorkerProgress, type WorkerRequest, type WorkerResponse } from './worker-protocol.ts';

if (!parentPort) throw new Error('worker-main must run in a worker thread');
const port = parentPort;

// OCR goes to the pool's one engine in the main thread, whose workers serve every thread's pages.
const { ocrPort, ocrWorkers } = (workerData ?? {}) as { ocrPort?: MessagePort; ocrWorkers?: number };
if (ocrPort) {
  const engine = remoteEngine(ocrPort, ocrWorkers ?? 1);
  configureOcr({ workers: engine.workers, create: async () => engine });
}

port.postMessage('ready' satisfies WorkerControl);

port.on('message', async (request: WorkerRequest | WorkerControl) => {
  if (request === 'shutdown') {
    await shutdownOcr().catch(() => undefined);
    port.postMessage('closed' satisfies WorkerControl);
    return;
  }
  if (typeof request === 'string') return;
  const pipeline = pipelineByName(request.pipeline);
  let response: WorkerResponse;
  if (!pipeline) {
    response = { id: request.id, result: { ok: false, reason: `unknown pipeline ${request.pipeline}`, advice: 'use a pipeline listed in --help' } };
  } else {
    const onPage = (page: number, pages: number) => port.postMessage({ id: request.id, page, pages } satisfies WorkerProgress);
    const result = await pipeline.process(request.bytes, request.fileName, { ...request.overrides, onPage });
    response = { id: request.id, result: slim(result) };
  }
  port.postMessage(response);
});
