// The arithmetic check on real-shaped data: seed 001's relative targets (NI 16 by district, NI 186 in
// tonnes per capita) are consistent within the document's rounding; a figure that does not follow from its
// baseline and change is a warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFindings, type StoredFinding } from '../../../src/reconcile/store.ts';
import type { Store } from '../../../src/store/index.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';
import { importInto, SEEDS } from '../../support/run.ts';

describe('arithmetic check', () => {
  let seeds: Store;
  let found: StoredFinding[];
  let small: Imported;

  beforeAll(async () => {
    seeds = (await importInto([SEEDS])).store;
    found = readFindings(seeds.db).filter((f) => f.check === 'arithmetic');
    small = await importDocuments({
      'testshire.txt': plan('Testshire Local Strategic Partnership', [
        ['NI 16', 'Serious acquisitive crime rate', ['Baseline: NI 16 16,022 (2007/08)', 'Target: NI 16 4% reduction (14,000) (2010/11)']],
        ['NI 191', 'Residual household waste per household', ['Target: NI 191 2% reduction (733 kg) (2010/11)']],
      ]),
    });
  });
  afterAll(() => {
    seeds.close();
    small.store.close();
  });

  it('finds Herts 16,022 − 4% = 15,381 and the other districts consistent, as info', () => {
    const ni16 = found.filter((f) => f.indicator === 'NI 16');
    expect(ni16.map((f) => f.severity)).toEqual(['info', 'info', 'info']);
    const herts = ni16.find((f) => f.message.includes('Herts:'))!;
    expect(herts.message).toMatch(/16,022 − 4% = 15,381\.12; the document writes 15,381: consistent/);
    // Evidence: the target and its baseline, each with its words and the value's span.
    const [target, baseline] = herts.evidence;
    expect(target.text.slice(target.start, target.end)).toBe('- 4% reduction (15,381)');
    expect(baseline.text.slice(baseline.start, baseline.end)).toBe('16,022');
    expect(baseline.line).toBe(449);
  });

  it('allows for the rounding of the baseline: 6.7 − 6.6% = 6.26 is consistent with a written 6.2', () => {
    const ni186 = found.filter((f) => f.indicator === 'NI 186');
    expect(ni186).toHaveLength(3);
    expect(ni186.every((f) => f.severity === 'info')).toBe(true);
    expect(ni186.map((f) => f.message).join('\n')).toMatch(/6\.7 tonnes per capita − 4\.2% = 6\.42 tonnes per capita; the document writes 6\.4/);
  });

  it('warns when the figure does not follow from the baseline and the change', () => {
    const [f] = small.of('arithmetic', 'NI 16');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/16,022 − 4% = 15,381\.12, but the document writes 14,000 \(its figures allow 15,300\.5–15,461\.7\)/);
  });

  it('says when a relative target has no baseline to be checked against', () => {
    const [f] = small.of('arithmetic', 'NI 191');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/no baseline figure/);
  });
});
