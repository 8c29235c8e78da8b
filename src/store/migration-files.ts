// The numbered migrations of a store, as files: `NNN_name.sql` in a folder, in order. SQLite's are in
// ./migrations, PostgreSQL's in ./postgres/migrations, one of each number, so a schema version means the same
// on both stores.
import { readdirSync, readFileSync } from 'node:fs';

export interface MigrationFile {
  version: number;
  name: string;
  sql: () => string;
}

export function migrationFiles(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: () => readFileSync(dir + name, 'utf8') }));
}
