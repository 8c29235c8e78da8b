// Applying a decisions CSV: columns found by name, the reviewer from the row or the default, every bad row
// named and nothing recorded, and rows about ids no longer in the store recorded as orphans with what they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileStore } from '../../../src/reconcile/index.ts';
import { readFindings } from '../../../src/reconcile/store.ts';
import { applyDecisionsCsv } from '../../../src/review/apply-csv.ts';
import { listDecisions } from '../../../src/review/decisions.ts';
import { findOrphans } from '../../../src/review/orphans.ts';
import { exportRecords } from '../../../src/export/records.ts';
import { importDocuments, plan, type Imported } from '../../support/findings.ts';

describe('applying a decisions CSV', () => {
  let small: Imported;
  let target: string;
  let finding: string;
  beforeAll(async () => {
    small = await importDocuments({
      'plan.txt': plan('Testshire Local Strategic Partnership', [
        ['NI 6', 'Participation in regular volunteering', ['Baseline: NI 6 tbc', 'Target: NI 6 19.5% (2010/11)']],
      ]),
    });
    target = exportRecords(small.store.db).find((r) => r.kind === 'target')!.id;
    finding = readFindings(small.store.db).find((f) => f.check === 'gaps')!.id;
  });
  afterAll(() => small.store.close());

  it('names every bad row and records nothing', async () => {
    const csv = [
      'decision,id,new_value,reviewer',
      `approve,${target},,Ann`,
      `accept,${target},20,Ann`,
      `acknowledge,${target},,Ann`,
      `accept,${finding},,`,
      `accept,not-an-id,,Ann`,
    ].join('\n');
    const report = await applyDecisionsCsv(small.store, csv, { source: 'bad.csv' });
    expect(report.errors).toEqual([
      'line 2: decision "approve" is not one of accept, reject, correct, acknowledge',
      'line 3: new values are given but the decision is "accept": write correct',
      'line 4: "acknowledge" is not a decision for an observation: use accept, reject, correct',
      'line 5: a decision needs the reviewer’s name (--by, or the reviewer column)',
      'line 6: "not-an-id" is not an observation (obs_…) or finding (fnd_…) id',
    ]);
    expect(listDecisions(small.store.db)).toEqual([]);
    expect((await applyDecisionsCsv(small.store, 'name,value\n', { source: 'x.csv' })).errors[0]).toMatch(/the header has no id or decision column/);
  });

  it('finds columns by name, takes the default reviewer, and records each decision once', async () => {
    const csv = `comment,id,decision,new_value\n"from the ""refresh""",${target},CORRECT,21\n,${finding},acknowledge,\n`;
    const first = await applyDecisionsCsv(small.store, csv, { source: 'mine.csv', defaultBy: 'Bob' });
    expect(first.errors).toEqual([]);
    expect(first.recorded.map((d) => [d.action, d.decidedBy, d.origin])).toEqual([['correct', 'Bob', 'csv:mine.csv:2'], ['acknowledge', 'Bob', 'csv:mine.csv:3']]);
    expect(first.recorded[0].comment).toBe('from the "refresh"');
    expect(await applyDecisionsCsv(small.store, csv, { source: 'mine.csv', defaultBy: 'Bob' })).toMatchObject({ recorded: [], unchanged: 2 });
    expect(exportRecords(small.store.db).find((r) => r.id === target)).toMatchObject({ value: 21, review_state: 'corrected' });
  });

  it('records decisions about ids no longer in the store, with what the row showed, as orphans', async () => {
    const csv = [
      'target_type,id,document,indicator,kind,period,area,state,value,unit,review_state,check,severity,message,decision,reviewer',
      'observation,obs_0123456789abcdef,old.txt,NI 8,target,2010/11,,value,24.7,%,machine,,,,reject,Cat',
      'finding,fnd_0123456789abcdef,old.txt,NI 8,,,,,,,open,units,warning,NI 8 figures are in different units,acknowledge,Cat',
    ].join('\n');
    const report = await applyDecisionsCsv(small.store, csv, { source: 'old.csv' });
    expect(report.errors).toEqual([]);
    expect(report.orphans).toHaveLength(2);
    reconcileStore(small.store.db, { trigger: 'decisions' });
    const orphans = findOrphans(small.store.db).filter((o) => o.decision.origin.startsWith('csv:old.csv'));
    expect(orphans.map((o) => [o.kind, o.targetType, o.reason])).toEqual([
      ['missing', 'observation', 'the observation is no longer in the store (its document changed or was removed)'],
      ['missing', 'finding', 'the finding is no longer raised'],
    ]);
    expect(orphans[0].decision.previous).toMatchObject({ indicator: 'NI 8', kind: 'target', value: 24.7, unit: '%' });
  });
});
