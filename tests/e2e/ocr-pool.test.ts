// The pages of one scan spread over the pool's OCR workers: a pool thread reading a three-page scan keeps two
// pages in the pool's one engine at once (one per worker), and the document it stores is the one an
// in-process import gives. Real worker threads, real tesseract.js, a real photocopied scan (fixture 08).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline/process.ts';
import { WorkerPool } from '../../src/pipeline/pool.ts';
import { FIXTURES } from '../support/compare.ts';

const SCAN = join(FIXTURES, 'scanned', '08-saltings-action-plan.photocopy.pdf');

function values(result: Awaited<ReturnType<typeof processBytes>>): string[] {
  if (!result.ok) throw new Error(result.reason);
  return result.result.observations.map((o) => `${o.indicator.code} ${o.kind} ${o.value ?? o.pendingReason} ${o.period ?? ''} p${o.source.provenance.page}`);
}

describe('one scan through a pool of two', () => {
  it('has two of its pages recognised at once and stores what an in-process import stores', { timeout: 180_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(SCAN));
    const pool = new WorkerPool({ size: 2, timeoutMs: 120_000, maxMemoryMb: 2048 });
    let pooled;
    try {
      pooled = await pool.run('default', '08-saltings-action-plan.photocopy.pdf', bytes.slice());
      expect(pool.ocrStats()).toMatchObject({ pages: 3, peakFromOneThread: 2, restarts: 0, inEngine: 0 });
    } finally {
      await pool.close();
    }
    const inProcess = await processBytes(bytes, '08-saltings-action-plan.photocopy.pdf', { ocr: true });
    expect(values(pooled).length).toBeGreaterThan(10);
    expect(values(pooled)).toEqual(values(inProcess));
  });
});
