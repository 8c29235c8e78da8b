// Connections to a PostgreSQL store (node-postgres). Values come back as the SQLite store gives them: bigint
// columns and counts (int8, which node-postgres leaves as strings) as numbers — every id and count of a store
// is far below 2^53 — and the rest as node-postgres reads them (double precision as numbers, bytea as Buffers).
import pg from 'pg';

const INT8 = 20;

/** Type parsers for every connection of a store (clients and pools). */
export const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 && format !== 'binary' ? (text: string) => Number(text) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

export { isPostgresUrl } from './url.ts';

/** A connected client for the store at `url`; the caller ends it. */
export async function connectPostgres(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: pgTypes, application_name: 'planharvest' });
  await client.connect();
  return client;
}
