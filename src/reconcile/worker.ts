// Runs inside a worker thread (./apart.ts): one reconciliation over the store file through its own connection,
// under the heap limit the thread was given.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.ts';
import type { ApartRequest, ApartResponse } from './apart.ts';
import { reconcileStore } from './index.ts';
import { ImportChanges } from './scope.ts';

if (!parentPort) throw new Error('the findings worker must run in a worker thread');
const { path, request } = workerData as ApartRequest;
let response: ApartResponse;
const store = openStore(path);
try {
  const changes = request.changes ? ImportChanges.restore(store.db, request.changes) : undefined;
  response = { ok: true, reconciliation: reconcileStore(store.db, { ...request, changes }) };
} catch (error) {
  response = { ok: false, message: (error as Error).message };
} finally {
  store.close();
}
parentPort.postMessage(response);
