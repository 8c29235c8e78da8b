// Recall and precision of an imported store against the generated truth, one document at a time. Reads the
// observation fields straight from the store: in a fresh store no review decision exists, so they are the
// contract records' fields exactly (export applies decisions on top), without loading every record at once.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { docsDir, readTruth } from '../generate/index.ts';
import type { ExpectedObservation } from '../../tests/support/compare.ts';
import { Accuracy, type AccuracyReport } from './accuracy.ts';

export async function storeAccuracy(corpus: string, db: string): Promise<AccuracyReport> {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const query = conn.prepare(
      `SELECT o.indicator_code AS indicator, o.kind, o.state, o.value, o.unit, o.period, o.area, o.relative_change, o.denominator
       FROM observations o JOIN documents d ON d.id = o.document_id WHERE d.path = ? ORDER BY o.ordinal`,
    );
    const accuracy = new Accuracy();
    for await (const t of readTruth(corpus)) {
      const actual = query.all(join(docsDir(corpus), t.name)) as ExpectedObservation[];
      accuracy.add(t.name, t.format, t.layouts, t.truth, actual);
    }
    return accuracy.report();
  } finally {
    conn.close();
  }
}

/** A digest of every stored record, document by document: two stores that read the corpus alike agree. */
export function storeDigest(db: string): string {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const rows = conn.prepare(
      `SELECT d.path, o.id, o.indicator_code, o.kind, o.state, o.value, o.unit, o.period, o.area, o.relative_change, o.denominator, o.confidence
       FROM observations o JOIN documents d ON d.id = o.document_id ORDER BY d.path, o.ordinal`,
    );
    for (const row of rows.iterate()) hash.update(`${JSON.stringify(row)}\n`);
    return hash.digest('hex');
  } finally {
    conn.close();
  }
}
