// How an import takes its files (src/pipeline/import.ts): each slot takes the next file only once it is free,
// in the order given; after a file's reading throws, no further file is started, what was written before is
// committed, and the error reaches the caller.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { pipelines, type Pipeline } from '../../pipelines/index.ts';
import { collectFiles } from '../../src/pipeline/files.ts';
import { importFiles } from '../../src/pipeline/import.ts';
import { openStore } from '../../src/store/index.ts';
import { FIXTURES } from '../support/compare.ts';
import { tempDir } from '../support/run.ts';

const FILES = ['01-northmoor-laa-delivery-plan.txt', '02-eastwell-ridgeway-scorecard.txt', '03-harbourside-years-as-rows.txt', '04-kestrelshire-district-tables.txt'];

function folder(): string {
  const dir = join(tempDir(), 'docs');
  mkdirSync(dir);
  for (const f of FILES) copyFileSync(join(FIXTURES, 'text', f), join(dir, f));
  return dir;
}

/** The default pipeline, counting the documents it starts and how many are read at once; it throws on one file. */
function watched(throwOn: string | null) {
  const started: string[] = [];
  let inFlight = 0;
  let most = 0;
  const pipeline: Pipeline = {
    ...pipelines.default,
    process: async (bytes, fileName, overrides) => {
      started.push(fileName);
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        if (fileName === throwOn) throw new Error(`reader broke on ${fileName}`);
        return await pipelines.default.process(bytes, fileName, overrides);
      } finally {
        inFlight--;
      }
    },
  };
  return { pipeline, started, most: () => most };
}

describe('an import takes each file when a slot is free', () => {
  it('reads the files one at a time, in order, and stores each', async () => {
    const dir = folder();
    const db = join(tempDir(), 'store.db');
    const store = openStore(db);
    const run = watched(null);
    const summary = await importFiles([dir], store, { pipeline: run.pipeline, jobs: 0 });
    store.close();
    expect(run.started).toEqual(collectFiles([dir]).files.map((f) => f.path.split('/').pop()));
    expect(run.most()).toBe(1);
    expect(summary.counts.imported).toBe(FILES.length);
  });

  it('starts no file after one throws, commits what was written before it, and passes the error on', async () => {
    const dir = folder();
    const db = join(tempDir(), 'store.db');
    const store = openStore(db);
    const order = collectFiles([dir]).files.map((f) => f.path.split('/').pop()!);
    const run = watched(order[1]);
    await expect(importFiles([dir], store, { pipeline: run.pipeline, jobs: 0 })).rejects.toThrow(`reader broke on ${order[1]}`);
    store.close();
    expect(run.started).toEqual(order.slice(0, 2));
    const stored = new Database(db, { readonly: true }).prepare('SELECT file_name FROM documents ORDER BY 1').pluck().all();
    expect(stored).toEqual([order[0]]);
  });
});
