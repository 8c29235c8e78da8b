// The PostgreSQL store's schema (issue 13, src/store/postgres/migrations/), on a real server the test starts
// (tests/support/postgres.ts): its numbered migrations give the tables, columns, indexes and views of the
// SQLite store's migrations of the same numbers; the decisions stay an append-only audit trail; processes that
// migrate a new database at once apply each migration once; and over the same rows the two engines answer
// alike — every table and view after migration 008 converts a store of the previous version, and every view of
// a store the current pipeline wrote (findings, decisions and reviewed values included).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelines } from '../../pipelines/index.ts';
import { importFiles } from '../../src/pipeline/import.ts';
import { processBytes } from '../../src/pipeline/process.ts';
import { reconcileStore } from '../../src/reconcile/index.ts';
import { recordDecision, type ObservationSnapshot } from '../../src/review/decisions.ts';
import { openStore } from '../../src/store/index.ts';
import { migrate } from '../../src/store/migrate.ts';
import { connectPostgres, isPostgresUrl } from '../../src/store/postgres/connect.ts';
import { migratePostgres } from '../../src/store/postgres/migrate.ts';
import { FIXTURES } from '../support/compare.ts';
import { copySqliteToPostgres, postgresRows, sqliteRows } from '../support/postgres-copy.ts';
import { startPostgres, type PostgresServer } from '../support/postgres.ts';
import { SEEDS, tempDir } from '../support/run.ts';
import { beginRun007, openStore007, saveDocument007 } from '../support/store-007.ts';

const VERSIONS = readdirSync(join(import.meta.dirname, '..', '..', 'src', 'store', 'migrations')).filter((f) => /^\d{3}_/.test(f)).map((f) => Number(f.slice(0, 3))).sort((a, b) => a - b);
const VIEWS = ['observations_flat', 'indicator_summary', 'provenance'];

let server: PostgresServer;
const clients: pg.Client[] = [];
let databases = 0;

/** A client on a new, empty database of the server. */
async function newDatabase(): Promise<pg.Client> {
  const client = await connectPostgres(await server.createDatabase(`store_${++databases}`));
  clients.push(client);
  return client;
}

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  server?.stop();
});

/** Tables and views with their columns in order, and the indexes a migration made (not those of keys). */
function sqliteSchema(db: Database.Database) {
  const relations = db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string; type: string }>;
  return {
    relations: Object.fromEntries(relations.map((r) => [r.name, { type: r.type, columns: (db.prepare(`SELECT * FROM ${r.name} LIMIT 0`).columns() as Array<{ name: string }>).map((c) => c.name) }])),
    indexes: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[]),
  };
}

async function postgresSchema(client: pg.Client) {
  const relations = (await client.query("SELECT table_name AS name, CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END AS type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name COLLATE \"C\"")).rows as Array<{ name: string; type: string }>;
  const out: Record<string, { type: string; columns: string[] }> = {};
  for (const r of relations) {
    const columns = (await client.query('SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position', ['public', r.name])).rows.map((c) => c.column_name as string);
    out[r.name] = { type: r.type, columns };
  }
  // Indexes of primary keys and UNIQUE constraints are the constraints' own (SQLite names them sqlite_autoindex_…).
  const indexes = (await client.query(
    `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
     WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) ORDER BY 1`,
  )).rows.map((r) => r.name as string);
  return { relations: out, indexes };
}

describe('the PostgreSQL store schema', () => {
  it('takes postgresql:// and postgres:// URLs for a PostgreSQL store, and anything else for a SQLite file', () => {
    expect(isPostgresUrl('postgresql://planharvest@db.example/plans')).toBe(true);
    expect(isPostgresUrl('postgres://localhost/plans')).toBe(true);
    expect(isPostgresUrl('plans.db')).toBe(false);
    expect(isPostgresUrl('./postgresql/plans.db')).toBe(false);
  });

  it('applies every migration to an empty database once, numbered as the SQLite store\'s', async () => {
    const client = await newDatabase();
    expect(await migratePostgres(client)).toEqual(VERSIONS);
    expect(await migratePostgres(client)).toEqual([]);
    expect((await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version)).toEqual(VERSIONS);
  });

  it('has the tables, columns, views and indexes of the SQLite store', async () => {
    const client = await newDatabase();
    await migratePostgres(client);
    const sqlite = new Database(join(tempDir(), 'schema.db'));
    migrate(sqlite);
    expect(await postgresSchema(client)).toEqual(sqliteSchema(sqlite));
    sqlite.close();
  });

  it('keeps the decisions an append-only audit trail', async () => {
    const client = await newDatabase();
    await migratePostgres(client);
    await client.query(
      `INSERT INTO decisions (target_type, target_id, action, previous_json, decided_by, decided_at, origin)
       VALUES ('observation', 'o1', 'accept', '{}', 'Ann', '2026-12-07T00:00:00Z', 'cli')`,
    );
    await expect(client.query("UPDATE decisions SET decided_by = 'Bob'")).rejects.toThrow('decisions are an audit trail: record a new decision instead of changing one');
    await expect(client.query('DELETE FROM decisions')).rejects.toThrow('decisions are an audit trail and are never deleted');
    await expect(client.query('TRUNCATE decisions')).rejects.toThrow('decisions are an audit trail and are never deleted');
    expect((await client.query('SELECT decided_by FROM decisions')).rows).toEqual([{ decided_by: 'Ann' }]);
  });

  it('applies each migration once when three processes open a new database at the same moment', async () => {
    const first = await newDatabase();
    const url = server.url(`store_${databases}`);
    const others = await Promise.all([connectPostgres(url), connectPostgres(url)]);
    clients.push(...others);
    const applied = await Promise.all([first, ...others].map((c) => migratePostgres(c)));
    expect(applied.flat().sort((a, b) => a - b)).toEqual(VERSIONS);
    expect((await first.query('SELECT COUNT(*) AS n FROM schema_migrations')).rows[0].n).toBe(VERSIONS.length);
  });

  it('converts a store of the previous schema version as the SQLite store converts it, row for row', async () => {
    // The same documents written by the writer of schema 007 into both engines.
    const sqlite = openStore007(join(tempDir(), 'v7.db'));
    const run = beginRun007(sqlite);
    for (const file of fixtureFiles()) {
      const p = await processBytes(new Uint8Array(readFileSync(file)), basename(file));
      if (!p.ok) throw new Error(`${file}: ${p.reason}`);
      saveDocument007(sqlite, run, file, p.document, p.result, p.messages, p.crops, p.unread);
    }
    const crop = sqlite.prepare('SELECT id FROM observations ORDER BY id LIMIT 1').pluck().get() as string;
    sqlite.prepare('INSERT INTO ocr_crops (observation_id, page, box_json, width, height, png) VALUES (?, 1, ?, 2, 1, ?)').run(crop, '[1,2,3,4]', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]));
    const client = await newDatabase();
    await migratePostgres(client, 7);
    await copySqliteToPostgres(sqlite, client);
    expect(await postgresRows(client, 'provenance')).toEqual(sqliteRows(sqlite, 'provenance'));

    migrate(sqlite);
    expect(await migratePostgres(client)).toEqual(VERSIONS.filter((v) => v > 7));
    const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'import_runs') ORDER BY name").pluck().all() as string[];
    expect(names).toEqual(expect.arrayContaining(['sources', ...VIEWS]));
    // Indicators stored before migration 009 are numbered by the order they were written on SQLite, and by
    // where the document first names them on PostgreSQL, which keeps no order of writing: the rest of each
    // row is the same, and each document's are numbered 0, 1, 2… on both.
    for (const name of names.filter((n) => n !== 'indicators')) expect(await postgresRows(client, name), name).toEqual(sqliteRows(sqlite, name));
    const unnumbered = (rows: string[]) => rows.map((r) => JSON.stringify({ ...JSON.parse(r), ordinal: undefined })).sort();
    expect(unnumbered(await postgresRows(client, 'indicators'))).toEqual(unnumbered(sqliteRows(sqlite, 'indicators')));
    const numbering = 'SELECT document_id, COUNT(*) AS n, MIN(ordinal) AS first, MAX(ordinal) AS last, COUNT(DISTINCT ordinal) AS distinct_ordinals FROM indicators GROUP BY document_id ORDER BY document_id';
    const pgNumbering = (await client.query(numbering)).rows as Array<{ n: number; first: number; last: number; distinct_ordinals: number }>;
    expect(pgNumbering).toEqual(sqlite.prepare(numbering).all());
    expect(pgNumbering.every((d) => d.first === 0 && d.last === d.n - 1 && d.distinct_ordinals === d.n)).toBe(true);
    sqlite.close();
  });

  it('gives every view the rows the SQLite store gives, over what the pipeline stored and reviewers decided', async () => {
    const path = join(tempDir(), 'current.db');
    const store = openStore(path);
    await importFiles(fixtureFiles(), store, { pipeline: pipelines.default });
    const ids = store.db.prepare('SELECT id FROM observations ORDER BY id').pluck().all() as string[];
    const previous: ObservationSnapshot = { type: 'observation', document: 'test', kind: 'target', area: null, reviewState: 'machine', indicator: 'NI 1', state: 'value', value: 1, unit: null, period: null };
    const by = { decidedBy: 'tester', comment: null, origin: 'cli' } as const;
    recordDecision(store.db, { targetType: 'observation', targetId: ids[3], action: 'correct', correction: { value: 42, period: '2009/10' }, previous, ...by });
    recordDecision(store.db, { targetType: 'observation', targetId: ids[10], action: 'reject', correction: {}, previous, ...by });
    reconcileStore(store.db, { trigger: 'review' });
    expect(store.db.prepare("SELECT COUNT(*) FROM reviewed_values WHERE review_state <> 'machine'").pluck().get()).toBe(2);
    const client = await newDatabase();
    await migratePostgres(client);
    await copySqliteToPostgres(store.db, client);
    for (const view of VIEWS) {
      const rows = sqliteRows(store.db, view);
      expect(rows.length, view).toBeGreaterThan(10);
      expect(await postgresRows(client, view), view).toEqual(rows);
    }
    store.close();
  });
});

/** Text, office and PDF fixtures: line, sheet and box provenance, areas, pending values, units. */
function fixtureFiles(): string[] {
  const inFolder = (dir: string, keep: (f: string) => boolean) => readdirSync(dir).filter(keep).sort().map((f) => join(dir, f));
  return [
    ...inFolder(SEEDS, (f) => f.endsWith('.txt')),
    ...inFolder(join(FIXTURES, 'text'), (f) => /^\d\d-.*\.txt$/.test(f)),
    ...inFolder(join(FIXTURES, 'office'), (f) => /\.(xlsx|html)$/.test(f)),
    ...inFolder(join(FIXTURES, 'pdf'), (f) => /^(01|09)-.*\.pdf$/.test(f)),
  ];
}
