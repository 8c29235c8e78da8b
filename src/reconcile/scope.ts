// What a change to the store can change among the findings, so a reconciliation can recompute that and leave
// every other finding as it is.
//
// Every check but one reports on one document at a time (src/reconcile/checks/: arithmetic, direction,
// units, code-title, aliases, gaps, low-confidence, unread-figures, and conflicts within a document): its
// findings are stored with the scope `d:<document id>`. The comparison of documents (conflicts between two
// documents of a partnership) groups figures by partnership and indicator slot: those findings are stored
// with the scope `s:["<partnership>","<indicator>"]`, the partnership as documents are compared (partnershipKey).
//
// A document written or replaced, or given a decision on one of its observations, changes:
//   - its own findings (the version it replaced had its own document id: both are dropped);
//   - the findings of documents with the same file name: finding ids are keyed by file name, so two documents
//     of one name can raise the same finding, and the store keeps the first in file-name-then-id order;
//   - the comparisons of its partnership on every indicator its observations are stored or reviewed under,
//     for the version it replaced (its partnership and codes then) and the version stored now.
import type Database from 'better-sqlite3';
import { readDocuments, prepared, type DocumentInfo } from '../store/read.ts';
import { partnershipKey } from './series.ts';

export function documentScope(documentId: number): string {
  return `d:${documentId}`;
}

export function seriesScope(partnership: string, indicator: string): string {
  return `s:${JSON.stringify([partnership, indicator])}`;
}

/** What one stored version of a document takes part in. */
export interface Footprint {
  documentId: number;
  fileName: string;
  /** Its partnership as documents are compared (partnershipKey); null when it names none. */
  partnership: string | null;
  /** Every indicator code its observations are stored under or that a decision gives one of them. */
  codes: string[];
}

/** The footprint of the document stored now under an id, or null when there is none. */
export function footprintOf(db: Database.Database, documentId: number): Footprint | null {
  const doc = prepared(db, 'SELECT id, file_name AS fileName, partnership FROM documents WHERE id = ?').get(documentId) as
    | { id: number; fileName: string; partnership: string | null }
    | undefined;
  if (!doc) return null;
  const codes = prepared(
    db,
    `SELECT indicator_code FROM observations WHERE document_id = ?
     UNION
     SELECT dc.new_code FROM decisions dc JOIN observations o ON o.id = dc.target_id WHERE o.document_id = ? AND dc.new_code IS NOT NULL
     ORDER BY 1`,
  ).pluck().all(documentId, documentId) as string[];
  return { documentId: doc.id, fileName: doc.fileName, partnership: partnershipKey(doc.partnership), codes };
}

function documentIdAt(db: Database.Database, path: string): number | null {
  return (prepared(db, 'SELECT id FROM documents WHERE path = ?').pluck().get(path) as number | undefined) ?? null;
}

/** What changed in the store since the last reconciliation, for the next one. */
export interface StoreChanges {
  /** The import run that made them: a document stored by any later run but this one was never reconciled. */
  readonly runId: number;
  /** How many documents were written. */
  readonly count: number;
  /** The footprints of the documents written: the versions replaced and those stored now. */
  footprints(): Footprint[];
}

export interface ImportChangesSnapshot {
  runId: number;
  replaced: Footprint[];
  paths: string[];
}

/**
 * The documents an import writes, for the reconciliation that ends it: call `beforeWrite` just before a
 * document is written (it remembers what the version it replaces took part in) and `written` once it is.
 */
export class ImportChanges implements StoreChanges {
  private readonly replaced: Footprint[] = [];
  private readonly paths: string[] = [];

  constructor(
    private readonly db: Database.Database,
    /** The import run writing them. */
    readonly runId: number,
  ) {}

  beforeWrite(path: string): Footprint | null {
    const id = documentIdAt(this.db, path);
    return id === null ? null : footprintOf(this.db, id);
  }

  written(path: string, replaced: Footprint | null): void {
    this.paths.push(path);
    if (replaced) this.replaced.push(replaced);
  }

  get count(): number {
    return this.paths.length;
  }

  /** What it holds, as plain data for another thread (which reads the store through its own connection). */
  snapshot(): ImportChangesSnapshot {
    return { runId: this.runId, replaced: [...this.replaced], paths: [...this.paths] };
  }

  static restore(db: Database.Database, snapshot: ImportChangesSnapshot): ImportChanges {
    const changes = new ImportChanges(db, snapshot.runId);
    changes.replaced.push(...snapshot.replaced);
    changes.paths.push(...snapshot.paths);
    return changes;
  }

  /** The footprints of the versions replaced and of the versions stored now. */
  footprints(): Footprint[] {
    const now = this.paths.flatMap((path) => {
      const id = documentIdAt(this.db, path);
      const footprint = id === null ? null : footprintOf(this.db, id);
      return footprint ? [footprint] : [];
    });
    return [...this.replaced, ...now];
  }
}

/** The documents given a decision on one of their observations after decision `afterId`, as stored now. */
export function decidedSince(db: Database.Database, afterId: number): Footprint[] {
  const ids = db
    .prepare(
      `SELECT DISTINCT o.document_id FROM decisions dc JOIN observations o ON o.id = dc.target_id
       WHERE dc.id > ? AND dc.target_type = 'observation' ORDER BY 1`,
    )
    .pluck()
    .all(afterId) as number[];
  return ids.flatMap((id) => {
    const footprint = footprintOf(db, id);
    return footprint ? [footprint] : [];
  });
}

/** What a reconciliation recomputes for some changed documents. */
export interface TouchedScope {
  /** Documents whose findings are recomputed, in store order (file name, then id). */
  documents: DocumentInfo[];
  /** Partnership → the indicator codes its documents are compared on again. */
  series: Map<string, Set<string>>;
  /** Every scope whose stored findings are replaced: the documents above, the versions they replaced, the series. */
  drop: string[];
}

export function touchedScope(db: Database.Database, footprints: Footprint[]): TouchedScope {
  const fileNames = [...new Set(footprints.map((f) => f.fileName))];
  const documents = fileNames.length ? readDocuments(db, { fileNames }) : [];
  const series = new Map<string, Set<string>>();
  for (const f of footprints) {
    if (f.partnership === null) continue;
    const codes = series.get(f.partnership) ?? new Set<string>();
    for (const code of f.codes) codes.add(code);
    series.set(f.partnership, codes);
  }
  const documentIds = new Set([...footprints.map((f) => f.documentId), ...documents.map((d) => d.id)]);
  const drop = [
    ...[...documentIds].map(documentScope),
    ...[...series].flatMap(([partnership, codes]) => [...codes].map((code) => seriesScope(partnership, code))),
  ];
  return { documents, series, drop };
}

/** The start every series scope of a partnership shares: `s:["<partnership>",`. */
export function seriesScopePrefix(partnership: string): string {
  return `s:${JSON.stringify([partnership]).slice(0, -1)},`;
}

/**
 * A part of the store whose findings a change makes stale, as the PostgreSQL store recomputes them after its
 * documents land (./postgres.ts): a partnership (as partnershipKey gives it), or a document that names none
 * (by its path). Plain data: it travels in queue jobs.
 */
export type FindingsPart = { partnership: string } | { path: string };

/** The part a stored document's findings belong to. */
export function partOf(doc: { path: string; partnership: string | null }): FindingsPart {
  const partnership = partnershipKey(doc.partnership);
  return partnership === null ? { path: doc.path } : { partnership };
}

/** The same parts once each, in a fixed order. */
export function distinctParts(parts: FindingsPart[]): FindingsPart[] {
  const byKey = new Map(parts.map((p) => [JSON.stringify(p), p]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}
