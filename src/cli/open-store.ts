// Opening the store is where a run can fail before it starts: say so in one line.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore, type Store } from '../store/index.ts';
import { isPostgresUrl, redacted } from '../store/postgres/url.ts';

export { redacted };
import type { PostgresStore } from '../store/postgres/store.ts';
import { UsageError } from './main.ts';

/** The store `--db` names, or the one PLANHARVEST_DB names when `--db` is not given. */
export function storeAddress(db: string | undefined): string {
  const address = db ?? process.env.PLANHARVEST_DB;
  if (!address) throw new UsageError('no store given: pass --db <file or postgresql:// URL>, or set PLANHARVEST_DB');
  return address;
}

/**
 * The SQLite store at a path, or the PostgreSQL store at a postgresql:// URL, for the commands that work on
 * both (import, export, compare, stats, review, decisions, the queue); either gives the same records (src/store/reader.ts).
 */
export async function openAnyStoreOrFail(address: string, mustExist = false): Promise<Store | PostgresStore> {
  if (!isPostgresUrl(address)) return mustExist ? openExistingStoreOrFail(address) : openStoreOrFail(address);
  const { PostgresStore } = await import('../store/postgres/store.ts');
  try {
    return await PostgresStore.open(address);
  } catch (error) {
    throw new UsageError(`cannot open the PostgreSQL store at ${redacted(address)}: ${(error as Error).message}`);
  }
}

/** The SQLite store at a path (openAnyStoreOrFail sends postgresql:// URLs to the PostgreSQL store first). */
export function openStoreOrFail(path: string, mustExist = false): Store {
  try {
    if (!mustExist) mkdirSync(dirname(path), { recursive: true });
    return openStore(path);
  } catch (error) {
    throw new UsageError(`cannot open database ${path}: ${(error as Error).message}`);
  }
}

/** For commands that read or review a store: a missing file is a mistyped path, not a new store. */
export function openExistingStoreOrFail(path: string): Store {
  if (!existsSync(path)) throw new UsageError(`no database at ${path}`);
  return openStoreOrFail(path, true);
}
