// Every PDF fixture (fixtures/pdf, made by scripts/fixtures/make-pdf-fixtures.ts from the text fixtures)
// gives the same observations as its text twin, record by record.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/compare.ts';
import { processBytes } from '../../src/pipeline/process.ts';
import { parityWithTwin } from '../support/parity.ts';

interface ManifestEntry {
  pdf: string;
  twin: string;
  layout: string;
  pages: number;
}

const ROOT = join(FIXTURES, '..');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'pdf', 'manifest.json'), 'utf8')) as ManifestEntry[];

describe.each(manifest)('$pdf', ({ pdf, twin, pages }) => {
  it('gives its text twin’s observations, record by record', async () => {
    const parity = await parityWithTwin(join(FIXTURES, 'pdf', pdf), join(ROOT, twin));
    expect({ missing: parity.missing, unexpected: parity.unexpected }).toEqual({ missing: [], unexpected: [] });
    expect(pages).toBeGreaterThan(0);
  });
});

it('the long table fixtures span pages and every observation carries its page and box', async () => {
  for (const name of ['long-table.long-plain.pdf', 'long-table.long-thead.pdf']) {
    const result = await processBytes(new Uint8Array(readFileSync(join(FIXTURES, 'pdf', name))), name);
    if (!result.ok) throw new Error(result.reason);
    const observations = result.result.observations;
    expect(observations.length).toBeGreaterThan(20);
    for (const o of observations) {
      expect(o.source.provenance.page).toBeGreaterThan(0);
      expect(o.source.provenance.box).toHaveLength(4);
    }
    expect(new Set(observations.map((o) => o.source.provenance.page)).size).toBeGreaterThanOrEqual(3);
  }
});

it('every layout the issue names is in the manifest', () => {
  const layouts = new Set(manifest.map((m) => m.layout));
  for (const layout of ['ruled', 'borderless', 'landscape', 'two-column', 'long-thead', 'long-plain']) expect(layouts, layout).toContain(layout);
});
