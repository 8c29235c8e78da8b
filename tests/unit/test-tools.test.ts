// tests/support/tools.ts: a test that needs a Debian tool fails with the tool's name and its install line
// when the tool is missing, and `bash .ci/run` (the README's test command) installs every tool tests require.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/run.ts';
import { findTool, requireTool } from '../support/tools.ts';
import { POSTGRES_INSTALL, postgresBin, startPostgres } from '../support/postgres.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PATH = process.env.PATH;

describe('requireTool', () => {
  afterEach(() => {
    process.env.PATH = PATH;
  });

  it('fails with the tool name and the install line when the tool is missing', () => {
    expect(() => requireTool('planharvest-no-such-tool', 'planharvest-no-such-package')).toThrow(
      new Error('planharvest-no-such-tool is missing: apt-get update && apt-get install -y planharvest-no-such-package'),
    );
  });

  it('gives the path of a tool on PATH', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'planharvest-tool'), '#!/bin/sh\n');
    chmodSync(join(dir, 'planharvest-tool'), 0o755);
    process.env.PATH = ['/nonexistent', dir].join(delimiter);
    expect(requireTool('planharvest-tool', 'some-package')).toBe(join(dir, 'planharvest-tool'));
  });

  it('takes neither a folder nor a file that cannot run for the tool', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder-tool'));
    writeFileSync(join(dir, 'plain-tool'), 'not a program\n');
    chmodSync(join(dir, 'plain-tool'), 0o644);
    process.env.PATH = dir;
    expect(findTool('folder-tool')).toBeNull();
    expect(findTool('plain-tool')).toBeNull();
    expect(() => requireTool('plain-tool', 'plain-package')).toThrow('plain-tool is missing: apt-get update && apt-get install -y plain-package');
  });
});

describe('the PostgreSQL server of the tests', () => {
  afterEach(() => {
    process.env.PATH = PATH;
  });

  it('is found on PATH or in Debian\'s folder, and its absence fails with the install line', async () => {
    process.env.PATH = '/nonexistent';
    expect(postgresBin(join(tempDir(), 'no-postgresql'))).toBeNull();
    const debian = tempDir();
    for (const tool of ['initdb', 'pg_ctl']) {
      mkdirSync(join(debian, '15', 'bin'), { recursive: true });
      writeFileSync(join(debian, '15', 'bin', tool), '#!/bin/sh\n');
    }
    mkdirSync(join(debian, '9', 'bin'), { recursive: true });
    expect(postgresBin(debian)).toBe(join(debian, '15', 'bin'));
    await expect(startPostgres(null)).rejects.toThrow(POSTGRES_INSTALL);
    expect(POSTGRES_INSTALL).toBe('initdb is missing: apt-get update && apt-get install -y postgresql');
  });
});

/** Every requireTool('name', 'package') call in the tests and their support files. */
function requiredTools(): Array<{ name: string; pkg: string; file: string }> {
  const found: Array<{ name: string; pkg: string; file: string }> = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !path.endsWith('test-tools.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/requireTool\('([^']+)', '([^']+)'\)/g)) found.push({ name: m[1], pkg: m[2], file: path });
      }
    }
  };
  visit(join(ROOT, 'tests'));
  return found;
}

describe('bash .ci/run', () => {
  it('installs every Debian tool the tests require, after apt-get update', () => {
    const run = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const tools = requiredTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['chromium', 'soffice', 'unshare', 'setpriv']));
    for (const t of tools) expect(run, `${t.file}: ${t.name} from ${t.pkg}`).toContain(`command -v ${t.name} >/dev/null || need_apt+=(${t.pkg})`);
    expect(run.indexOf('apt-get update')).toBeGreaterThan(-1);
    expect(run.indexOf('apt-get update')).toBeLessThan(run.indexOf('apt-get install'));
  });

  it('installs PostgreSQL for the store tests, whose server binaries Debian keeps off PATH', () => {
    const run = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(run).toContain('command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)');
    expect(run.indexOf('need_apt+=(postgresql)')).toBeLessThan(run.indexOf('apt-get install'));
  });

  it('is the README\'s test command: the second line of its first command block', () => {
    const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
    const start = lines.findIndex((l) => l.startsWith('    '));
    expect(lines[start + 1]).toBe('    bash .ci/run');
  });
});
