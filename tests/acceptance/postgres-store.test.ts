// The PostgreSQL store at work (issue 13), on a real server the test starts (tests/support/postgres.ts): the
// same corpus imported into a SQLite store and a PostgreSQL store gives the same export records, observation
// and indicator ones alike, through the library and through the command line (`--db postgresql://…` or
// PLANHARVEST_DB), and so do stats and compare; a second import of the same files changes nothing, a changed
// file replaces its document, a bad file is one rejected line; two imports of the same files at once store
// each document once; reviewers deciding at once lose no decision, and a decision on a figure changed since it
// was seen is refused with the reason.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelines } from '../../pipelines/index.ts';
import { compareFrom } from '../../src/compare/index.ts';
import { readIndicatorRecords } from '../../src/export/indicator-records.ts';
import { readExportRecords } from '../../src/export/records.ts';
import { importFiles } from '../../src/pipeline/import.ts';
import { openStore } from '../../src/store/index.ts';
import { serveReview } from '../../src/review-app/index.ts';
import { PostgresStore } from '../../src/store/postgres/store.ts';
import { runCli, runCliAtOnce, runCliWith } from '../support/cli.ts';
import { findingsWithoutRuns } from '../support/findings.ts';
import { FIXTURES } from '../support/compare.ts';
import { startPostgres, type PostgresServer } from '../support/postgres.ts';
import { SEEDS, tempDir } from '../support/run.ts';

let server: PostgresServer;
let databases = 0;
const stores: PostgresStore[] = [];

async function newStore(): Promise<{ url: string; store: PostgresStore }> {
  const url = await server.createDatabase(`store_${++databases}`);
  const store = await PostgresStore.open(url);
  stores.push(store);
  return { url, store };
}

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(async () => {
  for (const s of stores) await s.close().catch(() => undefined);
  server?.stop();
});

/** Every kind of input the pipeline reads: seeds, text exports, workbooks, web pages, word-processor and PDF files. */
function corpus(): string[] {
  const inFolder = (dir: string, keep: (f: string) => boolean) => readdirSync(dir).filter(keep).sort().map((f) => join(dir, f));
  return [
    ...inFolder(SEEDS, (f) => f.endsWith('.txt')),
    ...inFolder(join(FIXTURES, 'text'), (f) => /^\d\d-.*\.txt$/.test(f)),
    ...inFolder(join(FIXTURES, 'office'), (f) => /\.(xlsx|html|docx)$/.test(f)),
    ...inFolder(join(FIXTURES, 'pdf'), (f) => /^(01|09)-.*\.pdf$/.test(f)),
  ];
}

/** The corpus copied into a folder of its own, so that a test may change a file. */
function corpusCopy(): string {
  const dir = join(tempDir(), 'corpus');
  mkdirSync(dir);
  for (const file of corpus()) copyFileSync(file, join(dir, file.split('/').pop()!));
  return dir;
}

/**
 * Document ids are given in the order documents are committed, which differs between the two writers (a
 * comparison's series keys start with one): the same records without them.
 */
function withoutIds(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (key, v: unknown) => (key === 'documentId' ? undefined : key === 'key' && typeof v === 'string' ? v.replace(/^\d+\|/, '|') : v)));
}

describe('the PostgreSQL store', () => {
  it('gives the export records the SQLite store gives for the same corpus', async () => {
    const files = corpus();
    const sqlite = openStore(join(tempDir(), 'same.db'));
    const sqliteRun = await importFiles(files, sqlite, { pipeline: pipelines.default });
    const { store } = await newStore();
    const pgRun = await importFiles(files, store, { pipeline: pipelines.default });
    expect(pgRun.counts).toEqual(sqliteRun.counts);
    expect(pgRun.counts.imported).toBe(files.length);
    // The same findings, computed a partnership at a time on PostgreSQL.
    expect(pgRun.findings).toEqual(sqliteRun.findings);
    expect(pgRun.findings!.total).toBeGreaterThan(50);
    expect(findingsWithoutRuns(await store.reader().findings())).toEqual(findingsWithoutRuns(await sqlite.reader().findings()));

    const [fromSqlite, fromPg] = [await readExportRecords(sqlite.reader()), await readExportRecords(store.reader())];
    expect(fromPg.length).toBeGreaterThan(500);
    expect(fromPg).toEqual(fromSqlite);
    expect(await readIndicatorRecords(store.reader())).toEqual(await readIndicatorRecords(sqlite.reader()));
    expect(withoutIds(await compareFrom(store.reader(), { indicator: 'NI 186' }))).toEqual(withoutIds(await compareFrom(sqlite.reader(), { indicator: 'NI 186' })));
    expect(withoutIds(await store.reader().stats())).toEqual(withoutIds(await sqlite.reader().stats()));
    // Everything a document's write puts in the store, table by table.
    const client = new pg.Client({ connectionString: server.url(`store_${databases}`) });
    await client.connect();
    try {
      for (const table of ['documents', 'indicators', 'observations', 'sources', 'milestones', 'figure_counts', 'unread_figures', 'ocr_crops', 'reviewed_values', 'findings']) {
        const n = Number((await client.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
        expect(n, table).toBe(sqlite.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get());
      }
    } finally {
      await client.end();
    }
    sqlite.close();
  });

  it('imports and exports through the command line, by --db or PLANHARVEST_DB', async () => {
    const files = corpus().slice(0, 8);
    const sqlitePath = join(tempDir(), 'cli.db');
    expect(runCli('import', '--db', sqlitePath, '--jobs', '1', '--quiet', ...files).code).toBe(0);
    const url = await server.createDatabase(`store_${++databases}`);
    const imported = runCli('import', '--db', url, '--jobs', '1', '--quiet', ...files);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/8 imported/);
    expect(imported.stderr).toMatch(/findings: \d+ errors, \d+ warnings, \d+ info — planharvest report --db postgresql:/);
    for (const args of [['--format', 'jsonl'], ['--format', 'csv'], ['--format', 'jsonl', '--records', 'indicators']]) {
      const fromPg = runCliWith({ PLANHARVEST_DB: url }, 'export', ...args);
      expect(fromPg.code, fromPg.stderr).toBe(0);
      expect(fromPg.stdout.length).toBeGreaterThan(1000);
      expect(fromPg.stdout, args.join(' ')).toBe(runCli('export', '--db', sqlitePath, ...args).stdout);
    }
    const stats = runCli('stats', '--db', url);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toBe(runCli('stats', '--db', sqlitePath).stdout);
    expect(stats.stdout).toMatch(/By indicator scheme/);
    const compared = (db: string) => {
      const out = join(tempDir(), 'compare');
      const r = runCli('compare', '--db', db, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8').replaceAll(JSON.stringify(db), '"<store>"')) as unknown;
      return withoutIds(json);
    };
    expect(compared(url)).toEqual(compared(sqlitePath));
    // The report's review files and the workbook, and a recomputation of every finding, as from SQLite.
    const reported = (db: string) => {
      const out = join(tempDir(), 'report');
      const r = runCli('report', '--db', db, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      return { findings: readFileSync(join(out, 'findings.csv'), 'utf8'), decisions: readFileSync(join(out, 'decisions.csv'), 'utf8'), said: r.stderr.split('\n')[1] };
    };
    const fromPgReport = reported(url);
    expect(fromPgReport.findings.split('\n').length).toBeGreaterThan(10);
    expect(fromPgReport).toEqual(reported(sqlitePath));
    const reconciled = runCli('reconcile', '--db', url, '--confidence-threshold', '0.9');
    expect(reconciled.code, reconciled.stderr).toBe(0);
    expect(reconciled.stderr.split('\n')[1]).toBe(runCli('reconcile', '--db', sqlitePath, '--confidence-threshold', '0.9').stderr.split('\n')[1].replace(sqlitePath, url.replace(/:[^:@/]*@/, ':***@')));
    const workbook = join(tempDir(), 'store.xlsx');
    const xlsx = runCli('export', '--db', url, '--format', 'xlsx', '--out', workbook);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(readFileSync(workbook).subarray(0, 2).toString()).toBe('PK');
    // A server that is not there: one line, the password not shown.
    const down = runCli('export', '--db', `postgresql://someone:secret@127.0.0.1:${server.port + 1}/nothing`);
    expect(down.code).not.toBe(0);
    expect(down.stderr).toMatch(/cannot open the PostgreSQL store at postgresql:\/\/someone:\*\*\*@/);
    expect(down.stderr).not.toMatch(/secret/);
  });

  it('changes nothing on a second import, replaces a changed document and rejects a bad file in one line', async () => {
    const dir = corpusCopy();
    const { store } = await newStore();
    const first = await importFiles([dir], store, { pipeline: pipelines.default });
    const before = await readExportRecords(store.reader());
    const again = await importFiles([dir], store, { pipeline: pipelines.default });
    expect(again.counts).toEqual({ imported: 0, unchanged: first.counts.imported, replaced: 0, rejected: 0 });
    expect(await readExportRecords(store.reader())).toEqual(before);

    const changed = join(dir, '01-northmoor-laa-delivery-plan.txt');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('27.5%', '27.6%'));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4 this is not a PDF');
    const third = await importFiles([dir], store, { pipeline: pipelines.default });
    expect(third.counts.replaced).toBe(1);
    expect(third.counts.rejected).toBe(1);
    expect(third.files.find((f) => f.status === 'rejected')?.path).toMatch(/broken\.pdf$/);
    const after = await readExportRecords(store.reader());
    expect(after.length).toBe(before.length);
    expect(after.filter((r) => r.document !== '01-northmoor-laa-delivery-plan.txt')).toEqual(before.filter((r) => r.document !== '01-northmoor-laa-delivery-plan.txt'));
  });

  it('recomputes after decisions and a changed document only what they touched, and stores what a whole recomputation stores', async () => {
    const dir = corpusCopy();
    const { url, store } = await newStore();
    await importFiles([dir], store, { pipeline: pipelines.default });
    const before = await store.reader().findings();
    // A reviewer rejects the one figure a finding rests on, and corrects another figure.
    const lone = before.find((f) => f.evidence.length === 1 && f.evidence[0].observationId && f.severity !== 'info')!;
    expect(lone).toBeDefined();
    const rejected = runCli('review', 'reject', lone.evidence[0].observationId!, '--db', url, '--by', 'Ann');
    expect(rejected.code, rejected.stderr).toBe(0);
    const value = (await readExportRecords(store.reader())).find((r) => r.state === 'value' && r.document !== lone.document)!;
    expect(runCli('review', 'correct', value.id, '--db', url, '--by', 'Ann', '--value', String((value.value ?? 0) * 10)).code).toBe(0);
    // And a document changes.
    const changed = join(dir, '01-northmoor-laa-delivery-plan.txt');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('27.5%', '27.6%'));
    expect((await importFiles([dir], store, { pipeline: pipelines.default })).counts.replaced).toBe(1);

    const partly = await store.reader().findings();
    expect(partly.map((f) => f.id)).not.toContain(lone.id);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const scopes = (await client.query('SELECT scope_json FROM reconciliations ORDER BY id')).rows.map((r) => r.scope_json as string | null);
      // The import's reconciliation was whole (a new store); those after the decisions and the change were not.
      expect(scopes[0]).toBeNull();
      expect(scopes.slice(1).every((s) => s !== null)).toBe(true);
      const reviewed = async () => (await client.query('SELECT * FROM reviewed_values ORDER BY observation_id')).rows;
      const partlyReviewed = await reviewed();
      await store.recomputeFindings('reconcile');
      expect(findingsWithoutRuns(await store.reader().findings())).toEqual(findingsWithoutRuns(partly));
      expect(await reviewed()).toEqual(partlyReviewed);
    } finally {
      await client.end();
    }
  });

  it('serves the review app on a PostgreSQL store: the queue, an item and a decision', async () => {
    const { store } = await newStore();
    await importFiles([join(SEEDS, '003_b93e07daa693e4b6.txt'), join(SEEDS, '001_bb7cceca8e2011e9.txt')], store, { pipeline: pipelines.default });
    const app = await serveReview({ store, by: 'Ann', port: 0, sampleShare: 0.05, confidenceThreshold: 0.6 });
    try {
      const queue = await fetch(`${app.url}queue`);
      const cookie = queue.headers.get('set-cookie')!.split(';')[0];
      const token = /name="planharvest-token" content="([^"]+)"/.exec(await queue.text())![1];
      const next = await fetch(`${app.url}next`, { headers: { cookie }, redirect: 'manual' });
      expect(next.status).toBe(302);
      const key = decodeURIComponent(next.headers.get('location')!.replace(/^\/item\//, '').replace(/\?.*$/, ''));
      const page = await (await fetch(`${app.url}item/${key}`, { headers: { cookie } })).text();
      const observation = /data-observation="(obs_[0-9a-f]+)"/.exec(page)![1];
      const snapshot = JSON.parse(/data-snapshot="([^"]+)"/.exec(page)![1].replaceAll('&quot;', '"')) as unknown;
      const decide = (headers: Record<string, string>) =>
        fetch(`${app.url}decide`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify({ key, targetId: observation, action: 'accept', seen: snapshot }) });
      expect((await decide({})).status).toBe(403);
      const accepted = await decide({ 'x-planharvest-token': token });
      expect(accepted.status, await accepted.clone().text()).toBe(200);
      expect(await accepted.json()).toMatchObject({ status: 'recorded' });
      expect((await readExportRecords(store.reader())).find((r) => r.id === observation)).toMatchObject({ review_state: 'accepted', reviewed_by: 'Ann' });
      expect((await store.reader().decisions()).at(-1)).toMatchObject({ targetId: observation, origin: 'app' });
    } finally {
      await app.close();
    }
  });

  it('stores each document once when two imports of the same files run at once', async () => {
    const files = corpus();
    const { url, store } = await newStore();
    const other = await PostgresStore.open(url);
    stores.push(other);
    const [a, b] = await Promise.all([importFiles(files, store, { pipeline: pipelines.default }), importFiles(files, other, { pipeline: pipelines.default })]);
    // Whichever run wrote a document first, the other found it stored.
    expect(a.counts.imported + b.counts.imported).toBe(files.length);
    expect(a.counts.rejected + b.counts.rejected).toBe(0);
    const sqlite = openStore(join(tempDir(), 'once.db'));
    await importFiles(files, sqlite, { pipeline: pipelines.default });
    expect(await readExportRecords(store.reader())).toEqual(await readExportRecords(sqlite.reader()));
    sqlite.close();
  });

  it('records every decision of reviewers deciding at once, and refuses a correction of a figure changed since it was seen', async () => {
    const { url, store } = await newStore();
    await importFiles([join(SEEDS, '001_bb7cceca8e2011e9.txt')], store, { pipeline: pipelines.default });
    const records = await readExportRecords(store.reader());
    const values = records.filter((r) => r.state === 'value');
    expect(values.length).toBeGreaterThan(12);
    // Eight reviewers, each in their own process, accepting a figure each at the same moment: none is lost.
    const accepts = await Promise.all(values.slice(0, 8).map((r, i) => runCliAtOnce('review', 'accept', r.id, '--db', url, '--by', `Reviewer ${i}`)));
    for (const r of accepts) expect(r.code, r.stderr).toBe(0);
    expect(accepts[0].stderr).toMatch(/findings: \d+ errors/);
    // A decisions file applied at the same moment as two corrections of one figure both reviewers saw as it was.
    const target = values[10];
    const csv = join(tempDir(), 'mine.csv');
    writeFileSync(csv, `id,decision,reviewer\n${values[11].id},reject,Cy\n${values[12].id},accept,Cy\n`);
    const [ann, bo, file] = await Promise.all([
      runCliAtOnce('review', 'correct', target.id, '--db', url, '--by', 'Ann', '--value', '101', '--seen-value', String(target.value)),
      runCliAtOnce('review', 'correct', target.id, '--db', url, '--by', 'Bo', '--value', '202', '--seen-value', String(target.value)),
      runCliAtOnce('decisions', 'apply', csv, '--db', url),
    ]);
    expect(file.code, file.stderr).toBe(0);
    expect([ann.code, bo.code].sort()).toEqual([0, 2]);
    const refused = ann.code === 2 ? ann : bo;
    expect(refused.stderr).toMatch(new RegExp(`${target.id} changed since it was seen \\(figure .* → (101|202).*last decision: correct by (Ann|Bo)`));
    const log = runCli('review', 'log', '--db', url);
    expect(log.stdout.trim().split('\n')).toHaveLength(11);
    const after = await readExportRecords(store.reader(), { includeRejected: true });
    const corrected = after.find((r) => r.id === target.id)!;
    expect(corrected).toMatchObject({ review_state: 'corrected', value: ann.code === 0 ? 101 : 202, reviewed_by: ann.code === 0 ? 'Ann' : 'Bo' });
    expect(after.find((r) => r.id === values[11].id)?.review_state).toBe('rejected');
    expect(after.filter((r) => r.review_state === 'accepted')).toHaveLength(9);
    expect(runCli('review', 'orphans', '--db', url).stdout).toMatch(/no decisions without their target/);
  });
});
