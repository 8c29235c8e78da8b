// The low-confidence check: observations under the threshold with the extractor's reasons. The threshold is
// an option (default 0.6) that later recomputations keep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileStore } from '../../../src/reconcile/index.ts';
import { readFindings } from '../../../src/reconcile/store.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';

describe('low-confidence check', () => {
  let small: Imported;
  beforeAll(async () => {
    small = await importDocuments({
      'odd-codes.txt': plan('Testshire Local Strategic Partnership', [
        ['NI 250', 'Something local', ['Baseline: NI 250 40% (2007/08)']],
        ['NI 6', 'Participation in regular volunteering', ['Baseline: NI 6 17.5% (2008/09)']],
      ]),
    });
  });
  afterAll(() => small.store.close());

  it('reports an observation below the default threshold of 0.6 with its reasons', () => {
    const [f] = small.of('low-confidence');
    expect(f.indicator).toBe('NI 250');
    expect(f.message).toMatch(/NI 250 baseline 2007\/08 40%: confidence 0\.4 is below 0\.6 — NI code outside the National Indicator Set/);
    expect(f.evidence[0].confidenceReasons).toContain('NI code outside the National Indicator Set');
  });

  it('uses a configured threshold, and keeps it for later recomputations', () => {
    reconcileStore(small.store.db, { trigger: 'report', options: { confidenceThreshold: 0.96 } });
    expect(readFindings(small.store.db).filter((f) => f.check === 'low-confidence').map((f) => f.indicator).sort()).toEqual(['NI 250', 'NI 6']);
    const again = reconcileStore(small.store.db, { trigger: 'review' });
    expect(again.options.confidenceThreshold).toBe(0.96);
  });
});
