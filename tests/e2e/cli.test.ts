// The command line as a user runs it: real processes, real files, exit codes and one line per bad file.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportRecord } from '../../src/export/records.ts';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/compare.ts';
import { SEEDS, tempDir } from '../support/run.ts';

const run = runCli;

function jsonl(stdout: string): ExportRecord[] {
  return stdout.trim().split('\n').filter(Boolean).map((line) => ExportRecord.parse(JSON.parse(line)));
}

describe('planharvest CLI', () => {
  it('imports the seeds and exports contract records as JSONL and CSV', () => {
    const db = join(tempDir(), 'seeds.db');
    const imported = run('import', SEEDS, '--db', db);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/5 imported, 0 replaced, 0 unchanged, 0 rejected/);
    const records = jsonl(run('export', '--db', db, '--format', 'jsonl').stdout);
    expect(records.length).toBeGreaterThan(150);
    const csv = run('export', '--db', db, '--format', 'csv').stdout.trim().split('\r\n');
    expect(csv[0].split(',').slice(0, 19)).toEqual([
      'document', 'partnership', 'indicator', 'aliases', 'indicator_title', 'catalogue_title', 'inferred', 'kind', 'state', 'value',
      'unit', 'period', 'area', 'relative_change', 'denominator', 'confidence', 'source.page', 'source.line', 'source.text',
    ]);
    expect(csv.length - 1).toBe(records.length);
    const stats = run('stats', '--db', db);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/003_b93e07daa693e4b6\.txt\s+text-export\s+11\s+26/);
  });

  it('changes nothing when the same bytes are imported again, and replaces a changed file', () => {
    const dir = tempDir();
    const db = join(dir, 'store.db');
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const plan = join(docs, 'plan.txt');
    copyFileSync(join(SEEDS, '003_b93e07daa693e4b6.txt'), plan);
    expect(run('import', docs, '--db', db).code).toBe(0);
    const before = run('export', '--db', db).stdout;
    const again = run('import', docs, '--db', db);
    expect(again.stderr).toMatch(/0 imported, 0 replaced, 1 unchanged/);
    expect(run('export', '--db', db).stdout).toBe(before);
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('Target LI 2.1 33.0% (2010/11)', 'Target LI 2.1 34.0% (2010/11)'));
    expect(run('import', docs, '--db', db).stderr).toMatch(/0 imported, 1 replaced/);
    const after = jsonl(run('export', '--db', db).stdout);
    expect(after.filter((r) => r.indicator === 'LI 2.1' && r.kind === 'target').map((r) => r.value)).toEqual([34]);
    // Ids follow a record's meaning and place, not its value: review decisions find the corrected record again.
    expect(new Set(after.map((r) => r.id))).toEqual(new Set(jsonl(before).map((r) => r.id)));
  });

  it('gives each bad file one line and imports the rest', () => {
    const dir = tempDir();
    const docs = join(dir, 'mixed');
    mkdirSync(docs);
    writeFileSync(join(docs, 'empty.txt'), '');
    writeFileSync(join(docs, 'blank.txt'), '  \n \n');
    writeFileSync(join(docs, 'binary.bin'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)));
    copyFileSync(join(FIXTURES, 'text', '08-saltings-action-plan.txt'), join(docs, 'good.txt'));
    const db = join(dir, 'store.db');
    const r = run('import', docs, join(dir, 'does-not-exist.txt'), '--db', db);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 imported, 0 replaced, 0 unchanged, 4 rejected/);
    const rejectedLines = r.stderr.split('\n').filter((l) => l.startsWith('rejected'));
    expect(rejectedLines).toHaveLength(4);
    for (const line of rejectedLines) expect(line).toMatch(/^rejected\s+\S.*: .+ — .+$/);
    expect(jsonl(run('export', '--db', db).stdout).length).toBeGreaterThan(0);
  });

  it('exits 2 when the run cannot happen', () => {
    expect(run('import', SEEDS).code).toBe(2);
    const notADir = join(tempDir(), 'file');
    writeFileSync(notADir, 'x');
    const unusable = run('import', SEEDS, '--db', join(notADir, 'x.db'));
    expect(unusable.code).toBe(2);
    expect(unusable.stderr).toMatch(/cannot open database/);
    expect(run('export', '--db', join(tempDir(), 'missing.db')).code).toBe(2);
    expect(run('export', '--db', join(tempDir(), 'x.db'), '--format', 'xml').code).toBe(2);
    expect(run('import', SEEDS, '--db', join(tempDir(), 'x.db'), '--pipeline', 'nope').code).toBe(2);
  });

  it('prints help for every command', () => {
    for (const command of ['import', 'export', 'stats']) {
      const r = run(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: planharvest/);
    }
  });
});
