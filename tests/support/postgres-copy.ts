// Rows of a SQLite store copied as they are into a PostgreSQL store of the same schema version, and both
// stores read back the same way, so a test can compare the two engines row for row: the schema, the
// migrations and the views must give the same answers over the same rows.
import type Database from 'better-sqlite3';
import type pg from 'pg';

/** Every table a store holds, parents before children. A table not listed here fails the copy (list it). */
const TABLES = [
  'import_runs', 'documents', 'indicators', 'observations', 'sources', 'provenance', 'milestones', 'rejections', 'reconciliations', 'findings',
  'decisions', 'ocr_crops', 'reviewed_values', 'figure_counts', 'unread_figures',
];

/** PostgreSQL's limit on the parameters of one statement, with room to spare. */
const MAX_PARAMETERS = 30_000;

function sqliteTables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").pluck().all() as string[];
}

export async function copySqliteToPostgres(db: Database.Database, client: pg.Client): Promise<void> {
  const tables = sqliteTables(db);
  const unknown = tables.filter((t) => !TABLES.includes(t));
  if (unknown.length) throw new Error(`tables the copy does not know: ${unknown.join(', ')}`);
  for (const table of TABLES.filter((t) => tables.includes(t))) {
    const rows = db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
    const columns = (db.prepare(`SELECT * FROM ${table} LIMIT 0`).columns() as Array<{ name: string }>).map((c) => c.name);
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    for (let from = 0; from < rows.length; from += perStatement) {
      const chunk = rows.slice(from, from + perStatement);
      const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
    }
    // Ids given explicitly: the identity goes on after the largest.
    if (columns.includes('id')) {
      const identity = await client.query("SELECT pg_get_serial_sequence($1, 'id') AS seq", [table]);
      const seq = identity.rows[0]?.seq as string | null;
      if (seq) await client.query(`SELECT setval($1, GREATEST((SELECT MAX(id) FROM ${table}), 1))`, [seq]);
    }
  }
}

/** The rows of a table or view in a fixed order (by their JSON), the same whichever engine they come from. */
function sorted(rows: Array<Record<string, unknown>>): string[] {
  return rows.map((r) => JSON.stringify(r, (_, v: unknown) => (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? `bytes:${Buffer.from((v as { data: number[] }).data).toString('base64')}` : v))).sort();
}

export function sqliteRows(db: Database.Database, name: string): string[] {
  return sorted(db.prepare(`SELECT * FROM ${name}`).all() as Array<Record<string, unknown>>);
}

export async function postgresRows(client: pg.Client, name: string): Promise<string[]> {
  return sorted((await client.query(`SELECT * FROM ${name}`)).rows as Array<Record<string, unknown>>);
}
