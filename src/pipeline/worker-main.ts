// Runs inside a worker thread: one document at a time through the pure stages.
import { parentPort } from 'node:worker_threads';
import { pipelineByName } from '../../pipelines/index.ts';
import { slim, type WorkerRequest, type WorkerResponse } from './worker-protocol.ts';

if (!parentPort) throw new Error('worker-main must run in a worker thread');
const port = parentPort;

port.postMessage('ready');

port.on('message', async (request: WorkerRequest) => {
  const pipeline = pipelineByName(request.pipeline);
  let response: WorkerResponse;
  if (!pipeline) {
    response = { id: request.id, result: { ok: false, reason: `unknown pipeline ${request.pipeline}`, advice: 'use a pipeline listed in --help' } };
  } else {
    const result = await pipeline.process(request.bytes, request.fileName, request.overrides);
    response = { id: request.id, result: slim(result) };
  }
  port.postMessage(response);
});
