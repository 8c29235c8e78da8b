// Scans as a user imports them: a folder of scanned and born-digital documents in one run, through the
// worker pool; the review report showing low-confidence values with the page image around them; and an
// OCR import with the network unavailable (a network namespace of its own: `unshare -n`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/compare.ts';
import { tempDir } from '../support/run.ts';
import { requireTool } from '../support/tools.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'planharvest.js');

function planharvest(args: string[], prefix: string[] = []) {
  const command = [...prefix, process.execPath, BIN, ...args];
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

/**
 * The command prefix that runs a process in a network namespace of its own: `unshare -n` as root; for anyone
 * else `unshare -rn` (a user namespace where the caller is root). Fails, never skips, when it cannot.
 */
function offline(): string[] {
  const unshare = requireTool('unshare', 'util-linux');
  const prefix = [unshare, process.getuid?.() === 0 ? '-n' : '-rn'];
  const probe = spawnSync(prefix[0], [...prefix.slice(1), 'true'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`${prefix.join(' ')} is not permitted here (${probe.stderr.trim() || probe.error?.message || `exit ${probe.status}`}): ` +
      'the offline OCR test needs a network namespace; run the tests as root, and in a container give it CAP_SYS_ADMIN (docker run --cap-add SYS_ADMIN)');
  }
  return prefix;
}

describe('scanned documents from the command line', () => {
  it('imports a mixed folder in one run and shows low-confidence OCR values with their crop in the report', { timeout: 300_000 }, () => {
    const folder = join(tempDir(), 'plans');
    mkdirSync(folder);
    const files = [
      ['scanned', '09-wealdshire-relative-targets.fax.tif'],
      ['scanned', '03-harbourside-years-as-rows.scan.jpg'],
      ['pdf', '05-ashcombe-quarterly-report.ruled.pdf'],
      ['text', '06-brindley-bvpp.txt'],
    ];
    for (const [dir, name] of files) copyFileSync(join(FIXTURES, dir, name), join(folder, name));
    const db = join(tempDir(), 'store.db');
    const imported = planharvest(['import', folder, '--db', db, '--jobs', '2']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/4 imported, 0 replaced, 0 unchanged, 0 rejected/);

    const out = join(tempDir(), 'report');
    const report = planharvest(['report', '--db', db, '--out', out, '--confidence-threshold', '0.7']);
    expect(report.code, report.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const cards = html.split('<div class="finding ').slice(1).filter((c) => c.includes('data-check="low-confidence"'));
    const withCrop = cards.filter((c) => c.includes('<figure class="crop"><img src="data:image/png;base64,'));
    expect(withCrop.length).toBeGreaterThan(0);
    expect(withCrop.every((c) => /09-wealdshire|03-harbourside/.test(c))).toBe(true);
    expect(withCrop.some((c) => c.includes('OCR confidence'))).toBe(true);
  });

  it('imports a scan with the network unavailable', { timeout: 300_000 }, () => {
    const prefix = offline();
    // The namespace really has no network: a fetch fails there.
    const probe = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, '-e', "fetch('https://registry.npmjs.org/').then(() => console.log('online'), () => console.log('offline'))"], { encoding: 'utf8', timeout: 60_000 });
    expect(probe.stdout.trim()).toBe('offline');
    const folder = join(tempDir(), 'scans');
    mkdirSync(folder);
    copyFileSync(join(FIXTURES, 'scanned', '06-brindley-bvpp.scan.png'), join(folder, '06-brindley-bvpp.scan.png'));
    const db = join(tempDir(), 'offline.db');
    // In this process (--jobs 0): the OCR engine is started and stopped by the import itself.
    const r = planharvest(['import', folder, '--db', db, '--jobs', '0'], prefix);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/imported .*06-brindley-bvpp\.scan\.png \(18 observations\)/);
  });
});
