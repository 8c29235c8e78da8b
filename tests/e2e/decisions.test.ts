// The review loop as a reviewer runs it: import, report, fill in decisions.csv by hand, apply it, export;
// the decisions survive re-importing the documents (unchanged or lightly edited); a decision whose
// observation disappears from a changed document is reported as an orphan, never dropped.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/export/csv.ts';
import { ExportRecord } from '../../src/export/records.ts';
import { parseCsv } from '../../src/review/csv-read.ts';
import { runCli as run } from '../support/cli.ts';
import { SEEDS, tempDir } from '../support/run.ts';

function exported(db: string, ...extra: string[]): ExportRecord[] {
  const r = run('export', '--db', db, ...extra);
  expect(r.code).toBe(0);
  return r.stdout.trim().split('\n').filter(Boolean).map((line) => ExportRecord.parse(JSON.parse(line)));
}

type Edit = (row: Record<string, string>) => Record<string, string> | null;

/** What a reviewer does in a spreadsheet: fill in decision columns of chosen rows, leave the rest alone. */
function fillIn(csv: string, edit: Edit): string {
  const [header, ...rows] = parseCsv(csv);
  const names = header.fields;
  const lines = [names.join(',')];
  for (const { fields } of rows) {
    const row = Object.fromEntries(names.map((n, i) => [n, fields[i] ?? '']));
    const changed = edit(row) ?? row;
    lines.push(names.map((n) => csvField(changed[n])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('review decisions round trip', () => {
  const dir = tempDir();
  const docs = join(dir, 'docs');
  const plan = join(docs, 'rochford.txt');
  const db = join(dir, 'store.db');
  const out = join(dir, 'report');
  const original = readFileSync(join(SEEDS, '003_b93e07daa693e4b6.txt'), 'utf8');
  let before: ExportRecord[];
  const find = (records: ExportRecord[], indicator: string, kind: string) => records.find((r) => r.indicator === indicator && r.kind === kind);

  beforeAll(() => {
    mkdirSync(docs);
    copyFileSync(join(SEEDS, '003_b93e07daa693e4b6.txt'), plan);
    expect(run('import', docs, '--db', db).code).toBe(0);
    before = exported(db);
    expect(run('report', '--db', db, '--out', out).code).toBe(0);
  });

  it('applies a decisions.csv edited by hand, all or nothing, once', () => {
    const csv = readFileSync(join(out, 'decisions.csv'), 'utf8');
    const edited = fillIn(csv, (row) => {
      if (row.target_type === 'observation' && row.indicator === 'NI 6' && row.kind === 'target') return { ...row, decision: 'correct', new_value: '20.5', reviewer: 'Ann', comment: 'figure from the 2010 refresh' };
      if (row.target_type === 'observation' && row.indicator === 'LI 188' && row.kind === 'result') return { ...row, decision: 'reject', reviewer: 'Ann' };
      if (row.target_type === 'observation' && row.indicator === 'NI 165' && row.kind === 'result') return { ...row, decision: 'accept' };
      if (row.target_type === 'finding' && row.check === 'aliases') return { ...row, decision: 'acknowledge', comment: 'LI 141 is NI 141' };
      return null;
    });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, edited.replace(',correct,20.5,', ',correct,twenty,'));
    const refused = run('decisions', 'apply', bad, '--db', db, '--by', 'Bob');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/line \d+: value "twenty" is not a number/);
    expect(refused.stderr).toMatch(/nothing was recorded/);
    expect(run('review', 'log', '--db', db).stdout).toMatch(/no decisions recorded/);

    const good = join(dir, 'decisions-filled.csv');
    writeFileSync(good, edited);
    const applied = run('decisions', 'apply', good, '--db', db, '--by', 'Bob');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/4 decisions recorded \(1 acknowledge, 1 correct, 1 accept, 1 reject\), 0 already in effect/);
    expect(run('decisions', 'apply', good, '--db', db, '--by', 'Bob').stdout).toMatch(/0 decisions recorded, 4 already in effect/);
  });

  it('changes the export: corrected, accepted, rejected left out unless asked for', () => {
    const after = exported(db);
    expect(find(after, 'NI 6', 'target')).toMatchObject({ value: 20.5, review_state: 'corrected', reviewed_by: 'Ann' });
    expect(find(after, 'NI 165', 'result')).toMatchObject({ value: 24.6, review_state: 'accepted', reviewed_by: 'Bob' });
    expect(find(after, 'LI 188', 'result')).toBeUndefined();
    expect(find(exported(db, '--include-rejected'), 'LI 188', 'result')).toMatchObject({ review_state: 'rejected' });
    expect(after).toHaveLength(before.length - 1);
    // Every contract field is still there, with its meaning, for the records nobody touched.
    expect(find(after, 'NI 8', 'baseline')).toEqual({ ...find(before, 'NI 8', 'baseline'), review_state: 'machine', reviewed_by: null });
  });

  it('keeps the decisions through re-imports of the same and of a lightly edited document', () => {
    const snapshot = exported(db);
    expect(run('import', docs, '--db', db).stderr).toMatch(/0 imported, 0 replaced, 1 unchanged/);
    expect(exported(db)).toEqual(snapshot);
    writeFileSync(plan, original.replace('Target: NI 8 24.7% (2010/11)', 'Target: NI 8 25.0% (2010/11)'));
    expect(run('import', docs, '--db', db).stderr).toMatch(/0 imported, 1 replaced/);
    const edited = exported(db);
    expect(find(edited, 'NI 8', 'target')?.value).toBe(25);
    expect(find(edited, 'NI 6', 'target')).toMatchObject({ value: 20.5, review_state: 'corrected' });
    expect(find(edited, 'NI 165', 'result')).toMatchObject({ review_state: 'accepted' });
    expect(find(edited, 'LI 188', 'result')).toBeUndefined();
    expect(run('report', '--db', db, '--out', out).code).toBe(0);
    const findings = readFileSync(join(out, 'findings.csv'), 'utf8');
    expect(findings).toMatch(/aliases,003_b93e07daa693e4b6\.txt|aliases,rochford\.txt/);
    expect(findings.split('\r\n').find((l) => l.includes(',aliases,'))).toMatch(/,Bob,\d{4}-/);
    expect(run('review', 'orphans', '--db', db).stdout).toMatch(/no decisions without their target/);
  });

  it('reports a decision whose observation disappeared, and an accept of a figure that changed', () => {
    // Same number of lines (ids carry the place in the document): the corrected target's line is emptied,
    // and the accepted result now reads 24.7%.
    writeFileSync(plan, original.replace('Target: NI 6 19.5% (2010/11)', '').replace('Result: LI (NI 165) 24.6% (2008/09)', 'Result: LI (NI 165) 24.7% (2008/09)'));
    expect(run('import', docs, '--db', db).stderr).toMatch(/1 replaced/);
    const orphans = run('review', 'orphans', '--db', db);
    expect(orphans.code).toBe(0);
    expect(orphans.stdout).toMatch(/missing .*correct obs_\w+ \(NI 6 target 2010\/11 19\.5% \(rochford\.txt\)\) → value 20\.5/);
    expect(orphans.stdout).toMatch(/the observation is no longer in the store/);
    expect(orphans.stdout).toMatch(/stale .*accept obs_\w+ \(NI 165 result 2008\/09 24\.6%/);
    expect(orphans.stdout).toMatch(/it now reads 24\.7% for 2008\/09/);
    expect(find(exported(db), 'NI 165', 'result')).toMatchObject({ value: 24.7, review_state: 'machine' });
    expect(run('report', '--db', db, '--out', out).code).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/Decisions that no longer apply \(2\)/);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/## Decisions that no longer apply \(2\)/);
    // The audit trail still has every decision.
    expect(run('review', 'log', '--db', db).stdout.trim().split('\n')).toHaveLength(4);
  });

  it('records single decisions from the command line, refusing what cannot be', () => {
    const id = find(exported(db), 'NI 7', 'baseline')!.id;
    const corrected = run('review', 'correct', id, '--db', db, '--by', 'Cat', '--value', '16.0', '--period', '08/09', '--comment', 'checked');
    expect(corrected.code).toBe(0);
    expect(corrected.stdout).toMatch(/recorded #5 .* Cat: correct obs_\w+ \(NI 7 baseline 2008\/09 15\.9% \(rochford\.txt\)\) → value 16, period 2008\/09 — “checked” \[cli\]/);
    expect(run('review', 'accept', 'obs_doesnotexist', '--db', db, '--by', 'Cat').code).toBe(2);
    expect(run('review', 'correct', id, '--db', db, '--by', 'Cat').code).toBe(2);
    expect(run('review', 'accept', id, '--db', join(dir, 'missing.db'), '--by', 'Cat').code).toBe(2);
    for (const command of [['report'], ['review', 'correct'], ['decisions', 'apply']]) {
      const r = run(...command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: planharvest/);
    }
  });
});
