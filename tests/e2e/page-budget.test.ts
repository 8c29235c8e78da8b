// The import's time limit is a budget per page: a scanned plan many pages long imports with a limit that each
// of its pages keeps but the whole document does not, and a page over the limit is named in the one line that
// rejects the document. Real OCR on a real scan (fixture 08's three photocopied pages, twice over).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/compare.ts';
import { tempDir } from '../support/run.ts';
import { requireTool } from '../support/tools.ts';

const SCAN = join(FIXTURES, 'scanned', '08-saltings-action-plan.photocopy.pdf');

describe('a time budget per page', () => {
  let sixPages = '';
  beforeAll(() => {
    sixPages = join(tempDir(), 'saltings-twice.pdf');
    const r = spawnSync(requireTool('qpdf', 'qpdf'), ['--empty', '--pages', SCAN, SCAN, '--', sixPages], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('imports a six-page scan whose whole reading takes longer than the limit each page keeps', { timeout: 300_000 }, () => {
    const db = join(tempDir(), 'store.db');
    const started = Date.now();
    const r = runCli('import', sixPages, '--db', db, '--jobs', '1', '--timeout', '8');
    const seconds = (Date.now() - started) / 1000;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^imported\s+\S*saltings-twice\.pdf/m);
    expect(r.stderr).toMatch(/, 0 rejected;/);
    // The point of the test: the document as a whole took longer than the limit (six OCRed pages at 2–4 s).
    expect(seconds).toBeGreaterThan(8);
  });

  it('names the page that ran over the limit', { timeout: 120_000 }, () => {
    const r = runCli('import', sixPages, '--db', join(tempDir(), 'store.db'), '--jobs', '1', '--timeout', '1');
    expect(r.stderr).toMatch(/took longer than 1 s on page 1 of 6 and was stopped/);
  });
});
