// The PostgreSQL store's numbered migrations (./migrations, one for each of the SQLite store's), applied in
// order, each in its own transaction, recorded in schema_migrations. Several processes may open a new
// database at once (workers started together): each migration is taken under one advisory lock, so each is
// applied exactly once and the others wait for it, then find it done.
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { migrationFiles } from '../migration-files.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The advisory lock key of the store's migrations ("planharvest" in ASCII, folded into a bigint). */
const MIGRATION_LOCK = 0x706c616e68617276n;

/** Applies the migrations not yet applied, up to `through` (every one when not given); returns their versions. */
export async function migratePostgres(client: pg.ClientBase, through = Number.POSITIVE_INFINITY): Promise<number[]> {
  const done: number[] = [];
  for (const file of migrationFiles(MIGRATIONS_DIR)) {
    if (file.version > through) break;
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, applied_at TEXT COLLATE "C" NOT NULL)');
      const applied = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [file.version]);
      if (applied.rowCount === 0) {
        await client.query(file.sql());
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [file.version, file.name, new Date().toISOString()]);
        done.push(file.version);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`PostgreSQL store migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return done;
}
