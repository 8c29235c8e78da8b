// The hostile corpus (scripts/fixtures/make-hostile.ts) imported together with good files into a store
// that already holds a document: every good file imports, every bad one gets one clear line, the process
// never crashes, and nothing stored before changes.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMITTED_CASES, HOSTILE, makeRuntimeHostile } from '../../scripts/fixtures/make-hostile.ts';
import { FIXTURES } from '../support/compare.ts';
import { SEEDS, tempDir } from '../support/run.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'planharvest.js');
// As root every file is readable; the permission case is real only when the import runs as another user.
const asOtherUser = process.getuid?.() === 0 && existsSync('/usr/sbin/runuser');

function run(args: string[], user = false) {
  const command = user ? ['/usr/sbin/runuser', '-u', 'nobody', '--', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 600_000, env: { ...process.env, HOME: '/tmp' } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('hostile corpus', () => {
  it('rejects each bad file with one clear line, imports the rest, and leaves stored data alone', { timeout: 600_000 }, () => {
    const store = tempDir('planharvest-store-');
    chmodSync(store, 0o777);
    const db = join(store, 'store.db');
    expect(run(['import', join(SEEDS, '003_b93e07daa693e4b6.txt'), '--db', db, '--quiet']).code).toBe(0);
    const before = run(['export', '--db', db]).stdout;
    chmodSync(db, 0o666);
    for (const f of readdirSync(store)) chmodSync(join(store, f), 0o666);

    const corpus = tempDir('planharvest-hostile-');
    chmodSync(corpus, 0o755);
    for (const c of COMMITTED_CASES) copyFileSync(join(HOSTILE, c.file), join(corpus, c.file));
    const runtime = makeRuntimeHostile(join(corpus, 'runtime'));
    const good = ['08-saltings-action-plan.txt', '04-kestrelshire-district-tables.txt'];
    for (const f of good) copyFileSync(join(FIXTURES, 'text', f), join(corpus, f));

    const r = run(['import', corpus, '--db', db, '--jobs', '2'], asOtherUser);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    const lineFor = (file: string) => lines.find((l) => l.includes(`${join(corpus, file)}`) && !l.startsWith('  '));

    const cases = [
      ...COMMITTED_CASES,
      ...runtime.filter((c) => !c.needsNonRoot || asOtherUser).map((c) => ({ ...c, file: join('runtime', c.file) })),
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
