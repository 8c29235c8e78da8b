// The package as a user gets it: `npm pack`, installed into an empty folder, used from plain JavaScript (an
// .mjs file importing 'planharvest') and through its bin. Nothing of the checkout is on the resolution path:
// no tsx, no TypeScript, no sources, only the tarball and its production dependencies.
//
// Installed offline: the empty project gets a package-lock.json made of this checkout's lock entries for the
// production dependencies (with their registry URLs and integrity hashes) plus the tarball, and `npm ci
// --offline` takes every one from npm's cache, which this checkout's `npm ci` filled. Install scripts are off
// (`--ignore-scripts`): the only dependency that needs one, better-sqlite3, would fetch a prebuilt binary or
// compile SQLite for minutes; the test copies in the binary this checkout's install produced instead, which is
// what the prebuilt download would provide.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/run.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'fixtures', 'text', '01-northmoor-laa-delivery-plan.txt');

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

function ok(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (r.status !== 0) throw new Error(`${what} exited with ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

interface LockEntry {
  dev?: boolean;
  [key: string]: unknown;
}

/** A lock for a project depending on the tarball alone: the tarball, then this checkout's production entries. */
function lockFor(tarball: string, name: string): object {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = {
    '': { name, dependencies: { planharvest: `file:${name}` } },
    'node_modules/planharvest': {
      version: manifest.version,
      resolved: `file:${name}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path.startsWith('node_modules/') && !entry.dev) packages[path] = entry;
  }
  return { name: 'planharvest-tryout', lockfileVersion: 3, requires: true, packages };
}

const USE = `import { exportRecords, importFiles, openStore, PIPELINE_NAMES } from 'planharvest';

const [db, file] = process.argv.slice(2);
const store = openStore(db);
const summary = await importFiles(file, store, { jobs: 1 });
const records = exportRecords(store);
store.close();
console.log(JSON.stringify({ pipelines: PIPELINE_NAMES, counts: summary.counts, indicators: [...new Set(records.map((r) => r.indicator))].sort(), records: records.length }));
`;

describe('the npm package', () => {
  it('packs only what runs, installs offline into an empty folder and works from plain JavaScript and its bin', () => {
    const dir = tempDir('planharvest-package-');

    // --ignore-scripts: the test run's setup has just built dist/, and `prepare` would rebuild it from nothing
    // under the feet of the tests running beside this one.
    const packed = ok(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT), 'npm pack');
    const [{ filename, files }] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining([
      'bin/planharvest.js', 'package.json', 'README.md', 'LICENSE', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js',
      'dist/src/pipeline/worker-main.js', 'dist/pipelines/index.js', 'dist/data/ni-catalogue.tsv', 'dist/src/store/migrations/001_initial.sql',
    ]));
    // No sources, tests, fixtures, benchmarks, scripts or build state; no TypeScript but declarations.
    expect(paths.filter((p) => /^(src|tests|fixtures|bench|scripts|docs|data|output|node_modules)\//.test(p) || /(?<!\.d)\.ts$|\.tsbuildinfo$/.test(p))).toEqual([]);
    // Every file the code reads at run time: each migration (beside the NI catalogue above).
    const migrations = readdirSync(join(ROOT, 'src', 'store', 'migrations')).map((m) => `dist/src/store/migrations/${m}`);
    expect(paths).toEqual(expect.arrayContaining(migrations));

    const app = join(dir, 'app');
    mkdirSync(app);
    const tarball = join(app, filename);
    copyFileSync(join(dir, filename), tarball);
    writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'planharvest-tryout', private: true, dependencies: { planharvest: `file:${filename}` } }, null, 2)}\n`);
    writeFileSync(join(app, 'package-lock.json'), `${JSON.stringify(lockFor(tarball, filename), null, 2)}\n`);
    ok(run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app), 'npm ci --offline (every production dependency must be in npm\'s cache)');
    const modules = join(app, 'node_modules');
    const binary = join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(join(modules, 'better-sqlite3', 'build', 'Release'), { recursive: true });
    copyFileSync(join(ROOT, 'node_modules', binary), join(modules, binary));
    // Only production dependencies: the code must run without the build tools.
    expect(existsSync(join(modules, 'tsx'))).toBe(false);
    expect(existsSync(join(modules, 'typescript'))).toBe(false);
    expect(existsSync(join(modules, 'planharvest', 'dist', 'src', 'index.d.ts'))).toBe(true);

    // The API from a plain .mjs file, importing files in a worker thread (jobs: 1), so the workers run compiled too.
    writeFileSync(join(app, 'use.mjs'), USE);
    const used = ok(run(process.execPath, ['use.mjs', join(dir, 'api.db'), FIXTURE], app), 'node use.mjs');
    const api = JSON.parse(used.stdout) as { pipelines: string[]; counts: Record<string, number>; indicators: string[]; records: number };
    expect(api.pipelines).toContain('default');
    expect(api.counts).toEqual({ imported: 1, replaced: 0, unchanged: 0, rejected: 0 });
    expect(api.records).toBeGreaterThan(10);
    expect(api.indicators).toContain('NI 175');

    // The bin npm linked, started the way a shell starts it (its #! line).
    const bin = join(modules, '.bin', 'planharvest');
    const help = ok(run(bin, ['--help'], app), 'planharvest --help');
    for (const command of ['import', 'export', 'stats', 'report', 'review', 'decisions', 'compare']) expect(help.stdout).toContain(command);
    const db = join(dir, 'cli.db');
    const imported = ok(run(bin, ['import', FIXTURE, '--db', db], app), 'planharvest import');
    expect(imported.stderr).toMatch(/1 imported, 0 replaced, 0 unchanged, 0 rejected/);
    const exported = ok(run(bin, ['export', '--db', db], app), 'planharvest export');
    expect(exported.stdout.trim().split('\n')).toHaveLength(api.records);
  }, 120_000);
});
