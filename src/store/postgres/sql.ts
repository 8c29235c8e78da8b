// Running the store's SQL (written once for both engines, with `?` placeholders) on PostgreSQL: placeholders
// numbered, and many rows of a one-row INSERT sent as one statement.
import type pg from 'pg';
import type { Row } from '../rows.ts';

/** Anything that runs a query: the pool, or one client's transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/** `?` placeholders numbered for PostgreSQL ($1, $2, …); the store's SQL has no `?` inside its literals. */
const numbered = new Map<string, string>();
export function positional(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

/** PostgreSQL takes at most 65,535 parameters a statement: rows are inserted in chunks well under it. */
const MAX_PARAMETERS = 30_000;

/** One INSERT of many rows: the statement's one VALUES tuple repeated, one per row. */
export async function insertRows(client: pg.ClientBase, insert: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const m = /VALUES\s*(\([?,\s]+\))/.exec(insert);
  if (!m) throw new Error(`not a one-row INSERT: ${insert.slice(0, 60)}`);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / rows[0].length));
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    // Numbered here, not through `positional`: a statement per chunk size would fill its cache.
    let n = 0;
    const tuples = chunk.map(() => m[1].replace(/\?/g, () => `$${++n}`)).join(', ');
    // The statement's text around its VALUES tuple holds no placeholders.
    await client.query(insert.slice(0, m.index) + 'VALUES ' + tuples + insert.slice(m.index + m[0].length), chunk.flat());
  }
}

/** The rows one of the store's statements gives, on the pool or inside a client's transaction. */
export async function queryRows<T>(on: Queryable, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await on.query(positional(sql), params as unknown[])).rows as T[];
}
