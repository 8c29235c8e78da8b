// What the issue's "done when" asks of the seeds' report: the three files, and among the findings the NI 16
// arithmetic (consistent), the LI 141 / NI 141 alias, NI 165's wrong-way result and the pending NI 32 baseline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFindings, type StoredFinding } from '../../src/reconcile/store.ts';
import { writeReport, type WrittenReport } from '../../src/report/index.ts';
import type { Store } from '../../src/store/index.ts';
import { importInto, SEEDS, tempDir } from '../support/run.ts';

describe('findings report on the seeds', () => {
  let store: Store;
  let report: WrittenReport;
  let findings: StoredFinding[];
  let html: string;

  beforeAll(async () => {
    store = (await importInto([SEEDS])).store;
    findings = readFindings(store.db);
    report = await writeReport(store.reader(), join(tempDir(), 'report'), 'seeds.db');
    html = readFileSync(report.files.html, 'utf8');
  });
  afterAll(() => store.close());

  /** The finding's card in the HTML: from its id to the next card. */
  const card = (f: StoredFinding | undefined) => {
    expect(f).toBeDefined();
    const start = html.indexOf(`id="${f!.id}"`);
    expect(start).toBeGreaterThan(0);
    const next = html.indexOf('<div class="finding ', start);
    return html.slice(start, next < 0 ? undefined : next);
  };

  it('shows the NI 16 arithmetic checks as consistent', () => {
    const ni16 = findings.filter((f) => f.check === 'arithmetic' && f.indicator === 'NI 16');
    expect(ni16.map((f) => f.severity)).toEqual(['info', 'info', 'info']);
    for (const f of ni16) expect(card(f)).toMatch(/consistent within its rounding/);
    expect(card(ni16.find((f) => f.message.includes('Herts:')))).toMatch(/<mark>- 4% reduction \(15,381\)<\/mark>/);
  });

  it('shows the LI 141 / NI 141 alias, NI 165’s wrong-way result and the pending NI 32 baseline', () => {
    expect(card(findings.find((f) => f.check === 'aliases' && f.indicator === 'NI 141'))).toMatch(/also written as LI 141/);
    expect(card(findings.find((f) => f.check === 'direction' && f.indicator === 'NI 165'))).toMatch(/moved the wrong way from the baseline 2006 \(24\.9%\)/);
    expect(card(findings.find((f) => f.check === 'gaps' && f.indicator === 'NI 32' && f.severity === 'warning'))).toMatch(/baseline pending \(deferred\)[\s\S]*line 517/);
  });

  it('writes summary.md, findings.csv and decisions.csv to match', () => {
    const summary = readFileSync(report.files.markdown, 'utf8');
    expect(summary).toMatch(new RegExp(`${findings.length} findings`));
    expect(summary).toMatch(/\| arithmetic \| 0 \| 0 \| 6 \|/);
    expect(summary).toMatch(/\*\*warning\*\* direction \(NI 165, 003\\_b93e07daa693e4b6\.txt\)/);
    const csv = readFileSync(report.files.findings, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('id,severity,check,document,indicator,message,acknowledged_by,acknowledged_at,observation_ids,page,line,source_text');
    expect(csv).toHaveLength(findings.length + 1);
    const decisions = readFileSync(report.files.decisions, 'utf8').trim().split('\r\n');
    const observations = store.db.prepare('SELECT COUNT(*) FROM observations').pluck().get() as number;
    expect(decisions).toHaveLength(1 + findings.length + observations);
  });
});
