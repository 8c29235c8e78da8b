// The National Indicator catalogue (data/ni-catalogue.tsv) must list the whole 2008 set: NI 1 to NI 199 without
// the withdrawn NI 31, once each, each with a title and a source that is either the address of a page where the
// title was seen or an honest "not confirmed in stored pages".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/detect/catalogue.ts';

const path = fileURLToPath(new URL('../../data/ni-catalogue.tsv', import.meta.url));
const text = readFileSync(path, 'utf8');
const lines = text.split('\n');
const rows = lines.slice(1).filter((line) => line !== '').map((line) => line.split('\t'));
const NOT_CONFIRMED = 'not confirmed in stored pages';

describe('data/ni-catalogue.tsv', () => {
  it('has the header line and three tab-separated fields on every row', () => {
    expect(lines[0]).toBe('code\ttitle\tsource');
    for (const fields of rows) expect(fields, fields.join(' | ')).toHaveLength(3);
  });

  it('lists exactly the 198 codes NI 1 to NI 199 without the withdrawn NI 31, in order and once each', () => {
    const codes = rows.map(([code]) => code);
    const expected = Array.from({ length: 199 }, (_, i) => `NI ${i + 1}`).filter((code) => code !== 'NI 31');
    expect(expected).toHaveLength(198);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expected);
  });

  it('gives every indicator a non-empty title without stray whitespace', () => {
    for (const [code, title] of rows) {
      expect(title?.trim(), code).toBeTruthy();
      expect(title, code).toBe(title?.trim());
    }
  });

  it('gives every source as an http(s) address or the words "not confirmed in stored pages"', () => {
    for (const [code, , source] of rows) {
      const ok = source === NOT_CONFIRMED || /^https?:\/\/\S+/.test(source ?? '');
      expect(ok, `${code}: ${source}`).toBe(true);
    }
  });

  it('loads through the catalogue reader with every code', () => {
    const catalogue = loadCatalogue(path);
    expect(catalogue.size).toBe(198);
    expect(catalogue.has('NI 31')).toBe(false);
    expect(catalogue.get('NI 192')?.title).toBe('Percentage of household waste sent for reuse, recycling and composting');
  });
});
