// How long the findings reconciliation takes over a whole imported store. Every import ends with one, over
// everything stored, on one thread: at scale it is the serial part of a --jobs N run, so it is timed alone.
import Database from 'better-sqlite3';
import { reconcileStore } from '../../src/reconcile/index.ts';

export interface ReconcileTiming {
  seconds: number;
  findings: number;
}

export function timeReconcile(db: string): ReconcileTiming {
  const conn = new Database(db);
  try {
    const start = process.hrtime.bigint();
    // The same recomputation `report` triggers: it rewrites the findings, which come out the same.
    const r = reconcileStore(conn, { trigger: 'report' });
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9, findings: r.counts.total };
  } finally {
    conn.close();
  }
}
