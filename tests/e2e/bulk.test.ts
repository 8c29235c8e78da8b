// Bulk imports through real child processes: --jobs gives the same store as one worker, guards stop a
// document that runs too long or grows too big, and a run killed with SIGKILL resumes to exactly the
// store an uninterrupted run makes.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/compare.ts';
import { SEEDS, tempDir } from '../support/run.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'planharvest.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 /* a whole export, never cut at Node's 1 MB default */ });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder of many distinct plan documents: the fixtures, each copied with a numbered note appended. */
function corpus(copies: number): string {
  const dir = join(tempDir(), 'corpus');
  mkdirSync(dir);
  const sources = readdirSync(join(FIXTURES, 'text')).filter((f) => /^\d\d-.*\.txt$/.test(f));
  for (let i = 0; i < copies; i++) {
    for (const f of sources) {
      const text = readFileSync(join(FIXTURES, 'text', f));
      writeFileSync(join(dir, `${String(i).padStart(3, '0')}-${f}`), Buffer.concat([text, Buffer.from(`\n\nCopy ${i}.\n`)]));
    }
  }
  return dir;
}

function storedDocuments(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

describe('bulk import', () => {
  it('gives identical exports with --jobs 1 and --jobs 2', () => {
    const dir = tempDir();
    const one = join(dir, 'one.db');
    const two = join(dir, 'two.db');
    expect(run('import', SEEDS, join(FIXTURES, 'text'), '--db', one, '--jobs', '1').code).toBe(0);
    expect(run('import', SEEDS, join(FIXTURES, 'text'), '--db', two, '--jobs', '2').code).toBe(0);
    const a = run('export', '--db', one).stdout;
    expect(a.length).toBeGreaterThan(1000);
    expect(run('export', '--db', two).stdout).toBe(a);
  });

  it('stops a document over the time or memory limit and imports the rest', () => {
    const dir = tempDir();
    const out = tempDir();
    const big = join(dir, 'big.txt');
    const plan = readFileSync(join(FIXTURES, 'text', '01-northmoor-laa-delivery-plan.txt'), 'utf8');
    writeFileSync(big, `${plan}\n`.repeat(900));
    copyFileSync(join(FIXTURES, 'text', '08-saltings-action-plan.txt'), join(dir, 'small.txt'));
    const slow = run('import', dir, '--db', join(out, 'a.db'), '--jobs', '2', '--timeout', '1', '--summary-json', join(out, 'a.json'));
    expect(slow.code).toBe(0);
    expect(slow.stderr).toMatch(/big\.txt: took longer than 1 s and was stopped — /);
    const summary = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8'));
    expect(summary.counts).toMatchObject({ imported: 1, rejected: 1 });
    const greedy = run('import', dir, '--db', join(out, 'b.db'), '--jobs', '1', '--max-memory-mb', '64');
    expect(greedy.stderr).toMatch(/big\.txt: needed more than 64 MB of memory — /);
    expect(greedy.stderr).toMatch(/1 imported, 0 replaced, 0 unchanged, 1 rejected/);
  });

  it('resumes a run killed with SIGKILL to exactly the store of an uninterrupted run', async () => {
    const docs = corpus(8);
    const dir = tempDir();
    const reference = join(dir, 'reference.db');
    expect(run('import', docs, '--db', reference, '--jobs', '2', '--quiet').code).toBe(0);
    const total = storedDocuments(reference);
    const fixtures = readdirSync(join(FIXTURES, 'text')).filter((f) => /^\d\d-.*\.txt$/.test(f)).length;
    expect(total).toBe(8 * fixtures);

    const killed = join(dir, 'killed.db');
    const child = spawn(process.execPath, [BIN, 'import', docs, '--db', killed, '--jobs', '1', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill it in the middle: some documents stored, not all.
    for (let i = 0; i < 600 && storedDocuments(killed) < 10; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exited;
    const partial = storedDocuments(killed);
    expect(partial).toBeGreaterThanOrEqual(10);
    expect(partial).toBeLessThan(total);

    const resumed = run('import', docs, '--db', killed, '--jobs', '2', '--quiet');
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`${total - partial} imported, 0 replaced, ${partial} unchanged, 0 rejected`));
    expect(run('export', '--db', killed).stdout).toBe(run('export', '--db', reference).stdout);
  });
});

describe('worker pool limits', () => {
  it('reports workers that cannot start instead of hanging', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'text', '08-saltings-action-plan.txt'), join(dir, 'small.txt'));
    const r = run('import', dir, '--db', join(tempDir(), 'x.db'), '--jobs', '1', '--max-memory-mb', '4');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/small\.txt: worker threads could not start within 4 MB — raise --max-memory-mb/);
  });
});
