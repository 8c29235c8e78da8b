// The seeds are real plan exports. These tests list, record by record, what a careful reader finds in
// seeds 001 and 003, and fail when any of it is missing or wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../src/export/records.ts';
import type { Store } from '../../src/store/index.ts';
import { recordKey } from '../support/compare.ts';
import { expand, SEED_001, SEED_003 } from '../support/seed-records.ts';
import { asComparable, importInto, SEEDS } from '../support/run.ts';

function keysOf(records: ExportRecord[], document: string): Map<string, number> {
  const keys = new Map<string, number>();
  for (const r of records.filter((x) => x.document === document)) {
    const key = recordKey(asComparable(r));
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  return keys;
}

let store: Store;
let records: ExportRecord[];
let summary: Awaited<ReturnType<typeof importInto>>['summary'];

beforeAll(async () => {
  ({ store, records, summary } = await importInto([SEEDS]));
});
afterAll(() => store.close());

describe('the seeds', () => {
  it('import cleanly: five documents, none rejected', () => {
    expect(summary.counts).toMatchObject({ imported: 5, rejected: 0 });
  });

  it.each([
    ['003_b93e07daa693e4b6.txt', SEED_003],
    ['001_bb7cceca8e2011e9.txt', SEED_001],
  ])('%s gives every record a careful reader finds', (document, rows) => {
    const found = keysOf(records, document);
    const missing = expand(rows).map(recordKey).filter((key) => {
      const n = found.get(key) ?? 0;
      if (n > 0) found.set(key, n - 1);
      return n === 0;
    });
    expect(missing).toEqual([]);
  });

  it('gives seed 003 nothing beyond its 26 records and names the partnership', () => {
    const own = records.filter((r) => r.document === '003_b93e07daa693e4b6.txt');
    expect(own).toHaveLength(SEED_003.length);
    expect(new Set(own.map((r) => r.partnership))).toEqual(new Set(['Rochford District Local Strategic Partnership']));
  });

  it('names Hertfordshire Forward as the partnership of seed 001, which says so only in passing', () => {
    expect(new Set(records.filter((r) => r.document.startsWith('001')).map((r) => r.partnership))).toEqual(new Set(['Hertfordshire Forward']));
  });

  it('keeps LI 141 and NI 141 as one indicator with an alias', () => {
    const ni141 = records.filter((r) => r.document.startsWith('003') && r.indicator === 'NI 141');
    expect(ni141.length).toBe(2);
    for (const r of ni141) expect(r.aliases).toEqual(['LI 141']);
  });

  it('infers NI 192 and NI 191 from their written titles, with a score', () => {
    const inferred = records.filter((r) => r.document.startsWith('001') && r.inferred);
    expect(new Set(inferred.map((r) => r.indicator))).toEqual(new Set(['NI 192', 'NI 191', 'NI 155']));
    expect(inferred.every((r) => r.confidence < 0.95)).toBe(true);
  });

  it('records pending states with their reason', () => {
    const pending = records.filter((r) => r.state === 'pending');
    const reasons = new Map(pending.map((r) => [`${r.indicator} ${r.kind}`, r.pending_reason]));
    expect(reasons.get('NI 32 baseline')).toBe('deferred');
    expect(reasons.get('NI 40 baseline')).toBe('tbc');
    expect(reasons.get('NI 172 baseline')).toBe('awaiting baseline');
    expect(reasons.get('NI 125 baseline')).toBe('tba');
    for (const r of pending) expect(r.value).toBeNull();
  });

  it('carries provenance to every record', () => {
    for (const r of records) {
      expect(r.source.line).toBeGreaterThan(0);
      expect(r.source.text.length).toBeGreaterThan(0);
    }
    const herts = records.find((r) => r.indicator === 'NI 16' && r.area === 'Herts' && r.kind === 'baseline')!;
    expect(herts.source.line).toBe(449);
    expect(herts.source.text).toContain('Herts: 16,022');
  });

  it.each(['000_0f25aaea35a4e23c.txt', '002_aa041646e31cb0ab.txt', '004_06a7549a770f866b.txt'])('%s invents no indicators', (document) => {
    expect(records.filter((r) => r.document === document)).toEqual([]);
    const indicators = store.db.prepare('SELECT COUNT(*) FROM indicators i JOIN documents d ON d.id = i.document_id WHERE d.file_name = ?').pluck().get(document);
    expect(indicators).toBe(0);
  });

  it('captures the red/amber/green milestones of seed 003 with their text', () => {
    const rows = store.db.prepare("SELECT status, text FROM milestones m JOIN documents d ON d.id = m.document_id WHERE d.file_name LIKE '003%'").all() as Array<{ status: string; text: string }>;
    expect(rows.length).toBe(31);
    expect(rows.filter((r) => r.status === 'red').map((r) => r.text)).toEqual(['Introduction and provision of Domestic Abuse awareness training.']);
    expect(rows.find((r) => r.text.startsWith('CDRP to undertake a self evaluation'))?.status).toBe('green');
  });
});
