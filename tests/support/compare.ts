// Record-by-record comparison of extracted observations with a fixture's expected records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExpectedObservation {
  indicator: string;
  kind: string;
  state: string;
  value: number | null;
  unit: string | null;
  period: string | null;
  area: string | null;
  relative_change: number | null;
  denominator: number | null;
}

export interface ExpectedDocument {
  document: string;
  partnership: string | null;
  indicators: string[];
  observations: ExpectedObservation[];
  milestones?: Array<{ text: string; status: string }>;
}

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export function loadExpected(name: string): ExpectedDocument {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected', `${name}.json`), 'utf8')) as ExpectedDocument;
}

/** The fields two readings of one document must agree on. */
export function recordKey(o: ExpectedObservation): string {
  return [o.indicator, o.kind, o.state, o.value, o.unit, o.period, o.area, o.relative_change, o.denominator].map((v) => (v === null || v === undefined ? '∅' : String(v))).join(' | ');
}

export interface Comparison {
  missing: string[];
  unexpected: string[];
  matched: number;
}

/** Multiset difference of expected and actual records. */
export function compareRecords(expected: ExpectedObservation[], actual: ExpectedObservation[]): Comparison {
  const pool = new Map<string, number>();
  for (const a of actual) pool.set(recordKey(a), (pool.get(recordKey(a)) ?? 0) + 1);
  const missing: string[] = [];
  let matched = 0;
  for (const e of expected) {
    const key = recordKey(e);
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      pool.set(key, left - 1);
      matched++;
    } else missing.push(key);
  }
  const unexpected = [...pool.entries()].flatMap(([key, n]) => Array(n).fill(key) as string[]);
  return { missing, unexpected, matched };
}
