// Vitest's global setup: the CLI tests spawn bin/planharvest.js and the library test imports 'planharvest',
// both of which run the compiled dist/. Build it first (incrementally: a few seconds when nothing changed), so
// a test run — `npm test` or `npx vitest run <file>` — never exercises a stale build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export default function buildDist(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  // 2: written, with type errors (npm test's own type check reports them); the tests can still run.
  if (r.status === 2) process.stderr.write(`dist/ built with type errors:\n${output}\n`);
  else if (r.status !== 0) throw new Error(`building dist/ failed (node scripts/build.mjs, status ${r.status}):\n${output || r.error?.message}`);
}
