// What `planharvest stats` counts, as queries both stores run (the SQLite store and the PostgreSQL store):
// by document, by indicator scheme, by kind, each document's figures near indicator mentions, and the last
// run's rejected files. Counts use FILTER, which both engines read alike.
import type { FigureCounts } from './unread.ts';

export type CountRow = Record<string, string | number | null>;

export interface StoreStats {
  byDocument: CountRow[];
  byScheme: CountRow[];
  byKind: CountRow[];
  figures: FigureCounts[];
  rejected: CountRow[];
}

export const STATS_BY_DOCUMENT = `SELECT d.file_name AS document, d.format, COUNT(DISTINCT o.indicator_code) AS indicators, COUNT(o.id) AS observations,
    COUNT(o.id) FILTER (WHERE o.state = 'pending') AS pending, (SELECT COUNT(*) FROM milestones m WHERE m.document_id = d.id) AS milestones
  FROM documents d LEFT JOIN observations o ON o.document_id = d.id GROUP BY d.id ORDER BY d.file_name, d.id`;

export const STATS_BY_SCHEME = `SELECT i.scheme, COUNT(DISTINCT i.code) AS indicators, COUNT(o.id) AS observations
  FROM indicators i LEFT JOIN observations o ON o.document_id = i.document_id AND o.indicator_code = i.code GROUP BY i.scheme ORDER BY i.scheme`;

export const STATS_BY_KIND = `SELECT kind, COUNT(*) FILTER (WHERE state = 'value') AS "values", COUNT(*) FILTER (WHERE state = 'pending') AS pending
  FROM observations GROUP BY kind ORDER BY kind`;

export const STATS_REJECTED = 'SELECT COUNT(*) AS rejected_files FROM rejections WHERE run_id = (SELECT MAX(id) FROM import_runs)';

/** Whether the findings were ever computed: a report on a store that has none computes them first. */
export const ANY_RECONCILIATION = 'SELECT 1 AS reconciled FROM reconciliations LIMIT 1';
