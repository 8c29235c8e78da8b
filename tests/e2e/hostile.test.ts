// The hostile corpus (scripts/fixtures/make-hostile.ts) imported together with good files into a store
// that already holds a document: every good file imports, every bad one gets one clear line, the process
// never crashes, and nothing stored before changes.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMITTED_CASES, HOSTILE, makeRuntimeHostile } from '../../scripts/fixtures/make-hostile.ts';
import { FIXTURES } from '../support/compare.ts';
import { SEEDS, tempDir } from '../support/run.ts';
import { requireTool } from '../support/tools.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'planharvest.js');

/**
 * Root reads every file whatever its mode, so as root the hostile import runs without the two capabilities
 * that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): the file modes then decide, as for any other user,
 * and the unreadable file is refused for real. It stays root, so it still reads the checkout and node
 * wherever they live (a checkout under a folder only root may enter included). Anyone else runs it as is.
 */
function obeyFileModes(): string[] {
  if (process.getuid?.() !== 0) return [];
  const drop = '-dac_override,-dac_read_search';
  return [requireTool('setpriv', 'util-linux'), '--bounding-set', drop, '--inh-caps', drop, '--'];
}

function run(args: string[], prefix: string[] = []) {
  const command = [...prefix, process.execPath, BIN, ...args];
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 600_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('hostile corpus', () => {
  it('rejects each bad file with one clear line, imports the rest, and leaves stored data alone', { timeout: 600_000 }, () => {
    const prefix = obeyFileModes();
    const db = join(tempDir('planharvest-store-'), 'store.db');
    expect(run(['import', join(SEEDS, '003_b93e07daa693e4b6.txt'), '--db', db, '--quiet']).code).toBe(0);
    const before = run(['export', '--db', db]).stdout;

    const corpus = tempDir('planharvest-hostile-');
    for (const c of COMMITTED_CASES) copyFileSync(join(HOSTILE, c.file), join(corpus, c.file));
    const runtime = makeRuntimeHostile(join(corpus, 'runtime'));
    const good = ['08-saltings-action-plan.txt', '04-kestrelshire-district-tables.txt'];
    for (const f of good) copyFileSync(join(FIXTURES, 'text', f), join(corpus, f));

    const r = run(['import', corpus, '--db', db, '--jobs', '2'], prefix);
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    const lineFor = (file: string) => lines.find((l) => l.includes(`${join(corpus, file)}`) && !l.startsWith('  '));

    const cases = [
      ...COMMITTED_CASES,
      ...runtime.map((c) => ({ ...c, file: join('runtime', c.file) })),
      ...good.map((file) => ({ file, expect: 'imported' as const })),
    ];
    for (const c of cases) {
      const line = lineFor(c.file);
      expect(line, c.file).toBeDefined();
      if (c.expect === 'imported') expect(line, c.file).toMatch(/^imported /);
      else {
        expect(line, c.file).toMatch(/^rejected  .+: .+ — .+$/);
        expect(line, c.file).toMatch(c.reason!);
      }
    }
    const afterPrior = run(['export', '--db', db]).stdout.split('\n').filter((l) => l.includes('"003_b93e07daa693e4b6.txt"'));
    expect(afterPrior.join('\n')).toBe(before.trim());
  });
});
