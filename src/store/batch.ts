// Several writes per commit, each still all-or-nothing. A batch is one SQLite transaction (BEGIN IMMEDIATE),
// committed once it holds `maxWrites` writes or `maxMs` milliseconds after its first write, whichever comes
// first (a timer commits a batch left open while the next document is being read). A write is settled
// (`settled` told its result) only once it is committed, so a crash loses at most the batch not yet committed
// and nothing reported stored is ever lost.
//
// A write that fails is undone alone: the batch is rolled back and the writes before it in the batch are run
// again, in a new batch (they worked a moment ago on the same store, so they work again and give the same
// rows); the failed one is settled with its error. That costs nothing while writes succeed — a savepoint per
// write would copy every page it touches into a sub-journal. Should a commit fail, each write of the batch is
// run again alone, in its own transaction, and settles as it turns out.
//
// While a batch is open every write on the connection must go through the writer: a write made beside it
// would be undone by a rollback and not run again.
import type Database from 'better-sqlite3';

export interface BatchOptions {
  /** Commit once this many writes are in the batch (documents and rejections alike). Default 200. */
  maxWrites?: number;
  /** Commit this long after the batch's first write at the latest, in milliseconds. Default 250. */
  maxMs?: number;
}

export const DEFAULT_BATCH: Required<BatchOptions> = { maxWrites: 200, maxMs: 250 };

/** The longest setTimeout delay; a longer maxMs means no time limit. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

interface Pending {
  write: () => unknown;
  value: unknown;
  settled: (result: Settled<unknown>) => void;
}

export class BatchWriter {
  private readonly maxWrites: number;
  private readonly maxMs: number;
  /** The writes of the open batch, run and not yet committed. */
  private pending: Pending[] = [];
  private openedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  /** A batch (our transaction) is open. */
  private open = false;
  private closed = false;
  /** Results to tell, in order: told once the writer's own state is settled (a callback may write again). */
  private readonly told: Array<[Pending, Settled<unknown>]> = [];
  private telling = false;
  /** What a settle callback threw, thrown by the public call that told it (or the next one, after a timer). */
  private failure: Error | null = null;
  /** True while a write runs inside the open batch (Store.saveDocument then needs no savepoint of its own). */
  writing = false;
  /** Set by `spoiled`: the running write failed part-way, whatever it returns. */
  private spoil: Error | null = null;

  constructor(
    private readonly db: Database.Database,
    options: BatchOptions = {},
  ) {
    this.maxWrites = Math.max(1, options.maxWrites ?? DEFAULT_BATCH.maxWrites);
    this.maxMs = Math.max(0, options.maxMs ?? DEFAULT_BATCH.maxMs);
  }

  /** Writes run and not yet committed. */
  get size(): number {
    return this.pending.length;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Run `write` in the open batch (opening one when none is). `settled` is told the result once it is
   * committed, or the error at once when the write fails (nothing of it is kept). `write` must be synchronous,
   * write only through this connection, and give the same result when run again on the same store.
   */
  write<T>(write: () => T, settled: (result: Settled<T>) => void): void {
    if (this.closed) throw new Error('the batch writer is closed');
    const entry: Pending = { write, value: undefined, settled: settled as Pending['settled'] };
    if (this.open && !this.db.inTransaction) this.finish(); // ended under us: its writes are run again alone
    // Someone else's transaction is open (nest in it, as before batching), or no batch can begin (the write,
    // in its own transaction, fails the same way and says so): the write alone, settled at once.
    if (!this.open && (this.db.inTransaction || !this.begin())) {
      this.settle([entry], [this.alone(write)]);
    } else {
      const error = this.run(entry);
      if (error) {
        this.rollback();
        this.redo(this.pending);
        this.settle([entry], [{ ok: false, error }]);
      } else {
        this.pending.push(entry);
        if (this.pending.length >= this.maxWrites || Date.now() - this.openedAt >= this.maxMs) this.finish();
      }
    }
    this.tell();
  }

  /** Commit the open batch now, settling its writes. */
  commit(): void {
    this.finish();
    this.tell();
  }

  /** Commit what is open (and what the callbacks write as they are told) and take no more writes. */
  close(): void {
    if (this.closed) return;
    let failure: unknown = null;
    do {
      try {
        this.commit();
      } catch (error) {
        failure ??= error;
      }
    } while (this.open);
    this.closed = true;
    if (failure) throw failure;
  }

  /** Commit the open batch; its writes are settled (told by the caller). */
  private finish(): void {
    if (!this.open) return;
    this.stopTimer();
    const done = this.pending;
    this.pending = [];
    this.open = false;
    let committed = false;
    if (this.db.inTransaction) {
      try {
        this.db.exec('COMMIT');
        committed = true;
      } catch {
        this.rollback();
      }
    }
    // Committed: settled. Not (a failed commit, or the transaction ended under us): each write alone.
    this.settle(done, committed ? done.map((p) => ({ ok: true, value: p.value })) : done.map((p) => this.alone(p.write)));
  }

  /**
   * The running write failed part-way (Store.saveDocument says so before throwing): it is undone even if the
   * write function catches the error and returns.
   */
  spoiled(error: Error): void {
    if (this.writing) this.spoil ??= error;
  }

  /** Run one write in the open batch; the error it threw (or was spoiled with), if any. */
  private run(entry: Pending): Error | null {
    this.writing = true;
    this.spoil = null;
    try {
      entry.value = entry.write();
      return this.spoil;
    } catch (error) {
      return error as Error;
    } finally {
      this.writing = false;
      this.spoil = null;
    }
  }

  /** Run these writes again in a new batch after a rollback; one that fails now is settled with its error and
   * the batch redone without it. They become the open batch. */
  private redo(entries: Pending[]): void {
    let list = entries;
    this.pending = [];
    while (list.length > 0) {
      if (!this.begin()) return this.settle(list, list.map((p) => this.alone(p.write)));
      let failedAt = -1;
      let error: Error | null = null;
      for (let i = 0; i < list.length && !error; i++) {
        error = this.run(list[i]);
        if (error) failedAt = i;
      }
      if (!error) {
        this.pending = list;
        return;
      }
      this.rollback();
      const failed = list[failedAt];
      list = list.filter((_, i) => i !== failedAt);
      this.settle([failed], [{ ok: false, error }]);
    }
  }

  /** Begin a batch; false when the database will not (locked by another writer past the busy timeout). */
  private begin(): boolean {
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch {
      return false;
    }
    this.open = true;
    this.openedAt = Date.now();
    if (this.maxMs > MAX_TIMER_MS) return true; // no time limit: commits by count (or commit(), close())
    this.timer = setTimeout(() => {
      // Between writes, on the event loop: what a settle callback throws is kept for the next call to throw.
      try {
        this.commit();
      } catch (error) {
        this.failure ??= error as Error;
      }
    }, this.maxMs);
    this.timer.unref();
    return true;
  }

  private rollback(): void {
    this.stopTimer();
    this.open = false;
    if (!this.db.inTransaction) return; // an error that ended the transaction itself (a full disk) did it
    try {
      this.db.exec('ROLLBACK');
    } catch {
      // Nothing more to undo.
    }
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One write in its own transaction (a savepoint of someone else's). */
  private alone(write: () => unknown): Settled<unknown> {
    try {
      return { ok: true, value: this.db.transaction(write).immediate() };
    } catch (error) {
      return { ok: false, error: error as Error };
    }
  }

  private settle(entries: Pending[], results: Settled<unknown>[]): void {
    entries.forEach((p, i) => this.told.push([p, results[i]]));
  }

  /** Tell the settled writes their results, every one even when a callback throws (the first error is thrown
   * after). A write a callback makes is told by the loop already running. */
  private tell(): void {
    if (this.telling) return;
    this.telling = true;
    try {
      for (let next = this.told.shift(); next; next = this.told.shift()) {
        try {
          next[0].settled(next[1]);
        } catch (error) {
          this.failure ??= error as Error;
        }
      }
    } finally {
      this.telling = false;
    }
    this.rethrow();
  }

  private rethrow(): void {
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
  }
}
