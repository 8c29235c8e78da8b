// The reconcile stage on a PostgreSQL store (issue 13): the same checks, contexts, SQL and scopes as on
// SQLite (./index.ts, ./context.ts, ./store.ts, ./scope.ts), run over the network, a part of the store at a time.
//
// The parts are partnerships (and documents that name none): documents land from many workers at once, each
// in its own transaction, so instead of a list of what one import wrote, each write names the part it touched
// (src/store/postgres/store.ts) and the findings of those parts are recomputed once they have landed — by the
// import that wrote them, or by a worker once the queue has no document waiting (src/queue/). Decisions
// recorded since the last reconciliation add their documents' parts. Everything is recomputed when no parts
// are given (`planharvest reconcile`), and whenever the store needs it: its first reconciliation, new options,
// a new schema version or set of checks.
//
// The caller runs this in one transaction under the store's findings lock, so reconciliations take turns and
// a reader sees the findings before or after one, never half of it.
import type pg from 'pg';
import { decisionsByTarget, type Decision } from '../review/decisions.ts';
import { DELETE_REVIEWED_VALUES_OF, INSERT_REVIEWED_VALUE, reviewedValueRow } from '../review/reviewed-values.ts';
import type { DocumentInfo, StoredObservation } from '../store/read.ts';
import type { StoreReader } from '../store/reader.ts';
import { insertRows, positional, queryRows } from '../store/postgres/sql.ts';
import { batches, comparableFrom, comparableQueries, documentContextOf, seriesOfBatch, type CodeCount } from './context.ts';
import { documentFindings, seriesFindings } from './engine.ts';
import { byPartnership, findingsBasis, SCHEMA_VERSION, staleBecause, type Reconciliation } from './index.ts';
import { distinctParts, documentScope, partOf, seriesScope, seriesScopePrefix, type FindingsPart } from './scope.ts';
import { partnershipKey } from './series.ts';
import {
  BEGIN_RECONCILIATION, COUNT_FINDINGS, countsFromRows, FINISH_RECONCILIATION, findingRow, finishRow, INSERT_FINDING, LAST_RECONCILIATION, lastFromRow, reconciliationRow,
  type FindingsAt, type ReconcileTrigger, type ReconciliationRow,
} from './store.ts';
import { DEFAULT_RECONCILE_OPTIONS, type ReconcileOptions } from './types.ts';

export interface PartsRequest {
  trigger: ReconcileTrigger;
  /** The import run whose documents are checked; the latest run when not given. */
  runId?: number;
  options?: Partial<ReconcileOptions>;
  /** The parts to recompute (with those decisions since the last reconciliation touched); everything when not given. */
  parts?: FindingsPart[];
}

/** What this recomputes: every part, or some partnerships and the documents of some parts. */
interface Scope {
  documents: DocumentInfo[];
  partnerships: Map<string, DocumentInfo[]>;
}

/** The documents whose observations were decided on after decision `afterId`: their parts are recomputed too. */
const DECIDED_SINCE = `SELECT DISTINCT d.path, d.partnership FROM decisions dc JOIN observations o ON o.id = dc.target_id JOIN documents d ON d.id = o.document_id
  WHERE dc.id > ? AND dc.target_type = 'observation'`;

/** Findings of document versions no longer stored (a document replaced or removed since). */
const DELETE_ORPHANED_DOCUMENT_FINDINGS = `DELETE FROM findings f WHERE f.scope LIKE 'd:%' AND NOT EXISTS (SELECT 1 FROM documents d WHERE 'd:' || d.id = f.scope)`;

export async function reconcileParts(client: pg.ClientBase, reader: StoreReader, request: PartsRequest): Promise<Reconciliation> {
  const one = async <T>(sql: string, params: readonly unknown[] = []) => (await queryRows<T>(client, sql, params))[0];
  const last = lastFromRow(await one<ReconciliationRow>(LAST_RECONCILIATION));
  const options: ReconcileOptions = { ...DEFAULT_RECONCILE_OPTIONS, ...last?.options, ...request.options };
  const basis = findingsBasis((await one<{ version: number | null }>(SCHEMA_VERSION))?.version ?? null);
  const reason = request.parts ? staleBecause(last, basis, options) : null;
  const whole = !request.parts || reason !== null;
  const decisionsThrough = (await one<{ id: number | null }>('SELECT MAX(id) AS id FROM decisions'))?.id ?? null;
  const runId = request.runId ?? (await one<{ id: number | null }>('SELECT MAX(id) AS id FROM import_runs'))?.id ?? null;
  const id = (await one<{ id: number }>(BEGIN_RECONCILIATION, reconciliationRow({ runId, trigger: request.trigger, options, basis, decisionsThrough })))!.id;
  const documents = await reader.documents();
  const decisions = decisionsByTarget(await reader.decisions());
  const decisionsOn = (observations: StoredObservation[]): Decision[] => observations.flatMap((o) => decisions.get(o.id) ?? []);

  let scope: Scope;
  if (whole) {
    await client.query('DELETE FROM findings');
    await client.query('DELETE FROM reviewed_values');
    scope = { documents, partnerships: byPartnership(documents) };
  } else {
    const decided = await queryRows<{ path: string; partnership: string | null }>(client, DECIDED_SINCE, [last!.decisionsThrough ?? 0]);
    scope = scopeOf(documents, distinctParts([...request.parts!, ...decided.map(partOf)]));
    await client.query(DELETE_ORPHANED_DOCUMENT_FINDINGS);
    await client.query('DELETE FROM findings WHERE scope = ANY($1::text[])', [scope.documents.map((d) => documentScope(d.id))]);
    for (const partnership of scope.partnerships.keys()) {
      const prefix = seriesScopePrefix(partnership);
      await client.query('DELETE FROM findings WHERE left(scope, length($1)) = $1', [prefix]);
    }
  }

  const at = (part: string): FindingsAt => ({ reconciliationId: id, runId, scope: part });
  for (const doc of scope.documents) {
    const observations = await reader.observations({ documentId: doc.id });
    const part = documentContextOf(doc, observations, decisionsOn(observations), await reader.indicators(doc.id), await reader.unread(doc.id), options);
    if (!whole) await client.query(positional(DELETE_REVIEWED_VALUES_OF), [doc.id]);
    await insertRows(client, INSERT_REVIEWED_VALUE, part.reviewed.map(reviewedValueRow));
    await insertRows(client, INSERT_FINDING, documentFindings(part.ctx, doc.fileName).map((f) => findingRow(at(documentScope(doc.id)), f)));
  }
  let series = 0;
  for (const [partnership, docs] of scope.partnerships) {
    if (docs.length < 2) continue;
    const documentIds = docs.map((d) => d.id);
    const q = comparableQueries('postgresql', documentIds);
    const counts = await queryRows<CodeCount>(client, q.counts.sql, q.counts.params);
    const recoded = await queryRows<{ code: string }>(client, q.recoded.sql, q.recoded.params);
    const comparable = comparableFrom(counts, recoded.map((r) => r.code), null);
    for (const batch of batches(comparable)) {
      const observations = await reader.observations({ documentIds, codes: batch });
      for (const { indicator, ctx } of seriesOfBatch(docs, observations, decisionsOn(observations), batch, options)) {
        await insertRows(client, INSERT_FINDING, seriesFindings(ctx, partnership, indicator).map((f) => findingRow(at(seriesScope(partnership, indicator)), f)));
        series++;
      }
    }
  }

  const counts = countsFromRows(await queryRows(client, COUNT_FINDINGS));
  const recomputed = whole ? ('all' as const) : { documents: scope.documents.length, series };
  await client.query(positional(FINISH_RECONCILIATION), finishRow(id, counts, whole ? null : recomputed));
  return { id, options, counts, recomputed, ...(reason ? { reason } : {}) };
}

/**
 * The documents and partnerships some parts name: each partnership's documents, each document by its path, and
 * the documents sharing a file name with any of them (finding ids are keyed by file name, and the store keeps
 * the first of two alike in file-name-then-id order), in store order.
 */
function scopeOf(documents: DocumentInfo[], parts: FindingsPart[]): Scope {
  const partnerships = new Set(parts.flatMap((p) => ('partnership' in p ? [p.partnership] : [])));
  const paths = new Set(parts.flatMap((p) => ('path' in p ? [p.path] : [])));
  const named = documents.filter((d) => paths.has(d.path) || partnerships.has(partnershipKey(d.partnership) ?? ''));
  const fileNames = new Set(named.map((d) => d.fileName));
  const inScope = documents.filter((d) => fileNames.has(d.fileName));
  const all = byPartnership(documents);
  // A partnership with no document left still has its comparisons deleted: an empty list recomputes none.
  return { documents: inScope, partnerships: new Map([...partnerships].map((p) => [p, all.get(p) ?? []])) };
}
