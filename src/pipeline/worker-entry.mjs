// Only when a worker thread is started from the TypeScript sources (the tests, `node --import tsx`): worker
// threads start without the parent's TypeScript loader, so register tsx, then run the worker's module — the
// pool's worker-main.ts, or the one `workerData.sourceEntry` names (the findings step's). Compiled code (dist/)
// starts its workers on the compiled module directly and never loads this file or tsx.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData?.sourceEntry ?? './worker-main.ts');
