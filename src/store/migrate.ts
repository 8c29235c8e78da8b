// Numbered migrations in src/store/migrations, applied in order, each in its own transaction, recorded in
// schema_migrations so a store opened by a newer planharvest is brought up to date exactly once.
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { migrationFiles } from './migration-files.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrate(db: Database.Database): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const done: number[] = [];
  for (const file of migrationFiles(MIGRATIONS_DIR)) {
    if (applied.has(file.version)) continue;
    db.transaction(() => {
      db.exec(file.sql());
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(file.version, file.name, new Date().toISOString());
    })();
    done.push(file.version);
  }
  return done;
}
