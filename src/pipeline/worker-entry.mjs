// Only when the pool runs from the TypeScript sources (the tests, `node --import tsx`): worker threads start
// without the parent's TypeScript loader, so register tsx, then run the worker. Compiled code (dist/) starts
// its workers on worker-main.js directly and never loads this file or tsx.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
