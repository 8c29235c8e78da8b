// Every office twin of a text fixture (fixtures/office: .html, .docx, .doc, .xlsx, .csv, made by
// scripts/fixtures/make-office-fixtures.ts) gives the same observations as its text twin, record by record.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/compare.ts';
import { parityWithTwin } from '../support/parity.ts';

const OFFICE = join(FIXTURES, 'office');
const twins = readdirSync(OFFICE).filter((f) => /^\d\d-.+\.(?:html|docx|doc|xlsx|csv)$/.test(f)).sort();

describe.each(twins)('%s', (file) => {
  it('gives its text twin’s observations, record by record', async () => {
    const stem = file.replace(/\.[a-z]+$/, '');
    const parity = await parityWithTwin(join(OFFICE, file), join(FIXTURES, 'text', `${stem}.txt`));
    expect({ missing: parity.missing, unexpected: parity.unexpected }).toEqual({ missing: [], unexpected: [] });
  });
});

it('covers every office format', () => {
  const formats = new Set(twins.map((f) => f.split('.').pop()));
  expect([...formats].sort()).toEqual(['csv', 'doc', 'docx', 'html', 'xlsx']);
});
