// The project's own fixture documents (fixtures/text) against their expected records (fixtures/expected),
// compared record by record in both directions: nothing missing, nothing invented.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline/process.ts';
import { compareRecords, FIXTURES, loadExpected } from '../support/compare.ts';

const names = readdirSync(join(FIXTURES, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe.each(names)('fixture %s', (name) => {
  const expected = loadExpected(name);

  it('gives exactly the expected observations, partnership, indicators and milestones', async () => {
    const file = `${name}.txt`;
    const result = await processBytes(new Uint8Array(readFileSync(join(FIXTURES, 'text', file))), file);
    if (!result.ok) throw new Error(`rejected: ${result.reason}`);
    const actual = result.result.observations.map((o) => ({
      indicator: o.indicator.code, kind: o.kind, state: o.state, value: o.value, unit: o.unit, period: o.period, area: o.area,
      relative_change: o.relativeChange, denominator: o.denominator,
    }));
    const comparison = compareRecords(expected.observations, actual);
    expect({ missing: comparison.missing, unexpected: comparison.unexpected }).toEqual({ missing: [], unexpected: [] });
    expect(result.document.partnership).toBe(expected.partnership);
    const named = new Set(result.result.indicators.map((i) => i.code));
    for (const code of expected.indicators) expect(named, code).toContain(code);
    const milestones = result.result.milestones.map((m) => ({ status: m.status, text: m.text }));
    for (const m of expected.milestones ?? []) {
      expect(milestones.some((x) => x.status === m.status && x.text.startsWith(m.text)), `${m.status}: ${m.text}`).toBe(true);
    }
    // Provenance: every observation points at a line and at words on it.
    for (const o of result.result.observations) {
      expect(o.source.provenance.line).toBeGreaterThan(0);
      expect(o.source.text.length).toBeGreaterThan(0);
    }
  });
});

it('covers every fixture document with expectations', () => {
  const documents = readdirSync(join(FIXTURES, 'text')).filter((f) => /^\d\d-.*\.txt$/.test(f));
  expect(documents.map((f) => f.replace(/\.txt$/, '')).sort()).toEqual([...names].sort());
});
