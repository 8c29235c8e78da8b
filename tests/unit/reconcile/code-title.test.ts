// The code/title check: local codes whose titles read like National Indicators (seed 003's LI 2.1 and LI 188),
// an NI code written with another indicator's title, and no finding for titles that are the catalogue's reworded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFindings, type StoredFinding } from '../../../src/reconcile/store.ts';
import type { Store } from '../../../src/store/index.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';
import { importInto, SEEDS } from '../../support/run.ts';

describe('code-title check', () => {
  let seeds: Store;
  let found: StoredFinding[];
  let small: Imported;

  beforeAll(async () => {
    seeds = (await importInto([SEEDS])).store;
    found = readFindings(seeds.db).filter((f) => f.check === 'code-title');
    small = await importDocuments({
      'mixed-up.txt': plan('Testshire Local Strategic Partnership', [
        ['NI 16', 'Participation in regular volunteering', ['Baseline: NI 16 17.5% (2008/09)']],
        ['LI 5.1', 'Access to Services', ['Baseline: LI 5.1 32.8% (2008/09)']],
        ['NI 175', 'Access to services', ['Baseline: NI 175 29% (2005/06)']],
      ]),
    });
  });
  afterAll(() => {
    seeds.close();
    small.store.close();
  });

  it('reports seed 003’s LI 2.1 as reading like NI 139, with where it is named', () => {
    const f = found.find((x) => x.indicator === 'LI 2.1')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/LI 2\.1 .* reads like NI 139 "The extent to which older people receive the support they need to live independently at home"/);
    expect(f.evidence[0]).toMatchObject({ observationId: null, role: 'code', line: 38 });
    expect(f.evidence[0].text.slice(f.evidence[0].start, f.evidence[0].end)).toBe('LI 2.1');
  });

  it('reports LI 188 as NI 188’s title, and NI 141 written with a title unlike the catalogue’s', () => {
    expect(found.find((x) => x.indicator === 'LI 188')?.message).toMatch(/reads like NI 188 "Planning to adapt to climate change" \(similarity 1\.00\)/);
    expect(found.find((x) => x.indicator === 'NI 141')?.message).toMatch(/does not match the catalogue title for NI 141, "Vulnerable People achieving Independent Living"/);
    // Titles that are the catalogue's reworded raise nothing (NI 175, NI 165, NI 172 in seed 001).
    expect(found.map((x) => x.indicator).sort()).toEqual(['LI 188', 'LI 2.1', 'NI 141']);
  });

  it('names the indicator an NI code’s title really belongs to, and leaves short and shortened titles alone', () => {
    const [f] = small.of('code-title', 'NI 16');
    expect(f.message).toMatch(/does not match the catalogue title for NI 16, "Serious acquisitive crime rate".*It reads more like NI 6 "Participation in regular volunteering"/);
    // "Access to Services" shares two words with NI 88's title: not enough to call it that indicator.
    expect(small.of('code-title', 'LI 5.1')).toEqual([]);
    // A title cut short (a PDF cell at its wrap) is the catalogue's, shortened: no mismatch.
    expect(small.of('code-title', 'NI 175')).toEqual([]);
  });
});
