// Several reviewers on one store at the same moment, each in their own process as they would be: no decision is
// lost, and a decision about a figure someone else changed in the meantime is refused with the reason.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/export/csv.ts';
import { ExportRecord } from '../../src/export/records.ts';
import { parseCsv } from '../../src/review/csv-read.ts';
import { runCli as run, runCliAtOnce } from '../support/cli.ts';
import { SEEDS, tempDir } from '../support/run.ts';

describe('reviewers deciding at the same time', () => {
  const dir = tempDir();
  const docs = join(dir, 'docs');
  const db = join(dir, 'store.db');
  const out = join(dir, 'report');
  let records: ExportRecord[];
  const decisionsLogged = () => run('review', 'log', '--db', db).stdout.trim().split('\n').filter(Boolean);

  beforeAll(() => {
    mkdirSync(docs);
    copyFileSync(join(SEEDS, '001_bb7cceca8e2011e9.txt'), join(docs, 'plan.txt'));
    expect(run('import', docs, '--db', db).code).toBe(0);
    records = run('export', '--db', db).stdout.trim().split('\n').map((l) => ExportRecord.parse(JSON.parse(l)));
    expect(records.length).toBeGreaterThan(40);
    expect(run('report', '--db', db, '--out', out).code).toBe(0);
  });

  it('records every decision of reviewers applying their files and deciding one by one at once', async () => {
    const csv = readFileSync(join(out, 'decisions.csv'), 'utf8');
    const [header, ...rows] = parseCsv(csv);
    const observationRows = rows.filter((r) => r.fields[header.fields.indexOf('target_type')] === 'observation');
    // Each reviewer's own copy of the file, with accepts on their own share of the rows.
    const fileFor = (name: string, share: number) => {
      const lines = [header.fields.join(',')];
      observationRows.slice(share * 15, share * 15 + 15).forEach(({ fields }) => {
        const row = Object.fromEntries(header.fields.map((n, i) => [n, fields[i] ?? '']));
        row.decision = 'accept';
        row.reviewer = name;
        lines.push(header.fields.map((n) => csvField(row[n])).join(','));
      });
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, `${lines.join('\r\n')}\r\n`);
      return path;
    };
    const singles = observationRows.slice(30, 36).map(({ fields }) => fields[header.fields.indexOf('id')]);
    const results = await Promise.all([
      runCliAtOnce('decisions', 'apply', fileFor('Ann', 0), '--db', db),
      runCliAtOnce('decisions', 'apply', fileFor('Bo', 1), '--db', db),
      ...singles.map((id, i) => runCliAtOnce('review', 'accept', id, '--db', db, '--by', `Reviewer ${i}`)),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(decisionsLogged()).toHaveLength(36);
  });

  it('refuses the second of two corrections made on the same figure as both reviewers saw it', async () => {
    const target = records.find((r) => r.state === 'value' && r.kind === 'target' && r.value !== null)!;
    const seen = String(target.value);
    const before = decisionsLogged().length;
    const [ann, bo] = await Promise.all([
      runCliAtOnce('review', 'correct', target.id, '--db', db, '--by', 'Ann', '--value', '101', '--seen-value', seen),
      runCliAtOnce('review', 'correct', target.id, '--db', db, '--by', 'Bo', '--value', '202', '--seen-value', seen),
    ]);
    const codes = [ann.code, bo.code].sort();
    expect(codes).toEqual([0, 2]);
    const refused = ann.code === 2 ? ann : bo;
    const winner = ann.code === 0 ? '101' : '202';
    expect(refused.stderr).toMatch(new RegExp(`${target.id} changed since it was seen \\(figure .* → ${winner}.*; last decision: correct by (Ann|Bo) at`));
    expect(decisionsLogged()).toHaveLength(before + 1);
    const now = run('export', '--db', db).stdout.trim().split('\n').map((l) => ExportRecord.parse(JSON.parse(l))).find((r) => r.id === target.id)!;
    expect(now).toMatchObject({ value: Number(winner), review_state: 'corrected' });
    // Looking again at what the store holds now, the other reviewer can decide.
    expect(run('review', 'accept', target.id, '--db', db, '--by', 'Bo', '--seen-value', winner).code).toBe(0);
  });

  it('refuses a decisions file row about a figure corrected since the file was written, and records nothing from it', () => {
    const csv = readFileSync(join(out, 'decisions.csv'), 'utf8');
    const [header, ...rows] = parseCsv(csv);
    // A row no earlier test decided on: the first 36 observations of the file were accepted above.
    const idAt = header.fields.indexOf('id');
    const untouched = rows.filter((r) => r.fields[header.fields.indexOf('target_type')] === 'observation' && r.fields[header.fields.indexOf('state')] === 'value').slice(40);
    const id = untouched.find((r) => r.fields[idAt] !== records.find((x) => x.state === 'value' && x.kind === 'target')!.id)!.fields[idAt];
    expect(run('review', 'correct', id, '--db', db, '--by', 'Ann', '--value', '7.5').code).toBe(0);
    const lines = [header.fields.join(',')];
    for (const { fields } of rows) {
      const row = Object.fromEntries(header.fields.map((n, i) => [n, fields[i] ?? '']));
      if (row.id === id) Object.assign(row, { decision: 'accept', reviewer: 'Cy' });
      lines.push(header.fields.map((n) => csvField(row[n])).join(','));
    }
    const file = join(dir, 'stale.csv');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const before = decisionsLogged().length;
    const applied = run('decisions', 'apply', file, '--db', db);
    expect(applied.code).toBe(2);
    expect(applied.stderr).toMatch(new RegExp(`line \\d+: ${id} changed since it was seen \\(figure [^)]* → 7\\.5[^;]*; review state machine → corrected`));
    expect(decisionsLogged()).toHaveLength(before);
  });
});
