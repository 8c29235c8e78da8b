// Builds the shipped JavaScript: tsc compiles src/ and pipelines/ to dist/src and dist/pipelines (with .d.ts),
// then the files the code reads at run time are copied beside it, at the same relative paths as in the
// sources: data/ (the NI catalogue, read as ../../data from src/detect) to dist/data, and every file of src/
// and pipelines/ that is not TypeScript (the store's migrations/*.sql) to the same place under dist/.
//
//   node scripts/build.mjs            incremental: recompiles what changed (npm test, the test suite's setup)
//   node scripts/build.mjs --clean    from nothing (prepare: npm ci, npm pack)
//
// Exits with tsc's status: 0 built; 2 built but with type errors; anything else nothing usable was built.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
/** Only for running the sources (it registers tsx); compiled workers start on worker-main.js. */
const SOURCE_ONLY = new Set(['src/pipeline/worker-entry.mjs']);

if (process.argv.includes('--clean')) rmSync(dist, { recursive: true, force: true });

/** Files of src/ and pipelines/, as paths relative to the checkout. */
function sourceFiles() {
  return ['src', 'pipelines'].flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/')),
  );
}

const sources = sourceFiles();
// An incremental build trusts its .tsbuildinfo: when an output is missing (dist/ partly deleted), start over.
const typescript = sources.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'));
if (typescript.some((path) => !existsSync(join(dist, path.replace(/\.ts$/, '.js'))))) rmSync(join(dist, '.tsbuildinfo'), { force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
const status = result.status ?? 1;

if (status === 0 || status === 2) {
  cpSync(join(root, 'data'), join(dist, 'data'), { recursive: true });
  for (const path of sources) {
    if (!path.endsWith('.ts') && !SOURCE_ONLY.has(path)) cpSync(join(root, path), join(dist, path));
  }
}
if (status !== 0) process.stderr.write(`build: tsc exited with ${status}${status === 2 ? ' (dist/ written, with type errors)' : ''}\n`);
process.exitCode = status;
