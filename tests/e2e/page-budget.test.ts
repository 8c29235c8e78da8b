// The import's time limit is a budget per page: a scanned plan many pages long imports with a limit that each
// of its pages keeps but the whole document does not, and a page over the limit is named in the one line that
// rejects the document. Real OCR on a real scan (fixture 08's three photocopied pages, three times over). The
// limit leaves each page room for a machine twice as busy as usual (pages take 2–4 s here, the first more, as
// the engine starts), while nine pages together still take longer than it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { FIXTURES } from '../support/compare.ts';
import { tempDir } from '../support/run.ts';
import { requireTool } from '../support/tools.ts';

const SCAN = join(FIXTURES, 'scanned', '08-saltings-action-plan.photocopy.pdf');

describe('a time budget per page', () => {
  let ninePages = '';
  beforeAll(() => {
    ninePages = join(tempDir(), 'saltings-thrice.pdf');
    const r = spawnSync(requireTool('qpdf', 'qpdf'), ['--empty', '--pages', SCAN, SCAN, SCAN, '--', ninePages], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('imports a nine-page scan whose whole reading takes longer than the limit each page keeps', { timeout: 300_000 }, () => {
    const db = join(tempDir(), 'store.db');
    const started = Date.now();
    const r = runCli('import', ninePages, '--db', db, '--jobs', '1', '--timeout', '12');
    const seconds = (Date.now() - started) / 1000;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^imported\s+\S*saltings-thrice\.pdf/m);
    expect(r.stderr).toMatch(/, 0 rejected;/);
    // The point of the test: the document as a whole took longer than the limit (nine OCRed pages at 2–4 s).
    expect(seconds).toBeGreaterThan(12);
  });

  it('names the page that ran over the limit', { timeout: 120_000 }, () => {
    const r = runCli('import', ninePages, '--db', join(tempDir(), 'store.db'), '--jobs', '1', '--timeout', '1');
    expect(r.stderr).toMatch(/took longer than 1 s on page 1 of 9 and was stopped/);
  });
});
