// Opening the store is where a run can fail before it starts: say so in one line.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore, type Store } from '../store/index.ts';
import { UsageError } from './main.ts';

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
