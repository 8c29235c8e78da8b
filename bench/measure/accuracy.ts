// Recall and precision of extracted records against the generated truth, record by record (the same
// multiset comparison the fixture tests use), tallied overall, per format and per layout.
import { compareRecords, type Comparison, type ExpectedObservation } from '../../tests/support/compare.ts';
import type { Observation } from '../../src/model/observation.ts';

export interface Tally {
  expected: number;
  actual: number;
  matched: number;
}

export interface AccuracyReport extends Tally {
  recall: number;
  precision: number;
  byFormat: Record<string, Tally>;
  byLayout: Record<string, Tally>;
  /** A few mismatches to look at: document, missing and unexpected record keys. */
  examples: Array<{ document: string; missing: string[]; unexpected: string[] }>;
}

/** An observation as the fields recordKey compares. */
export function comparable(o: Observation): ExpectedObservation {
  return {
    indicator: o.indicator.code, kind: o.kind, state: o.state, value: o.value, unit: o.unit, period: o.period, area: o.area,
    relative_change: o.relativeChange, denominator: o.denominator,
  };
}

const empty = (): Tally => ({ expected: 0, actual: 0, matched: 0 });

function add(t: Tally, c: Comparison, expected: number, actual: number): void {
  t.expected += expected;
  t.actual += actual;
  t.matched += c.matched;
}

export class Accuracy {
  private total = empty();
  private byFormat = new Map<string, Tally>();
  private byLayout = new Map<string, Tally>();
  private examples: AccuracyReport['examples'] = [];

  constructor(private readonly keepExamples = 20) {}

  /** Compare one document; returns the comparison so callers can print it. */
  add(document: string, format: string, layouts: string[], expected: ExpectedObservation[], actual: ExpectedObservation[]): Comparison {
    const c = compareRecords(expected, actual);
    add(this.total, c, expected.length, actual.length);
    const formatTally = this.byFormat.get(format) ?? empty();
    add(formatTally, c, expected.length, actual.length);
    this.byFormat.set(format, formatTally);
    // A document with several layouts counts toward each (a miss cannot be pinned on one layout).
    for (const layout of layouts) {
      const t = this.byLayout.get(layout) ?? empty();
      add(t, c, expected.length, actual.length);
      this.byLayout.set(layout, t);
    }
    if ((c.missing.length || c.unexpected.length) && this.examples.length < this.keepExamples) {
      this.examples.push({ document, missing: c.missing.slice(0, 5), unexpected: c.unexpected.slice(0, 5) });
    }
    return c;
  }

  report(): AccuracyReport {
    const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
    return {
      ...this.total,
      recall: ratio(this.total.matched, this.total.expected),
      precision: ratio(this.total.matched, this.total.actual),
      byFormat: Object.fromEntries(this.byFormat),
      byLayout: Object.fromEntries(this.byLayout),
      examples: this.examples,
    };
  }
}
