import type { Command } from 'commander';

type CountRow = Record<string, string | number | null>;

function table(title: string, rows: CountRow[]): string {
  if (!rows.length) return `${title}\n  (none)\n`;
  const keys = Object.keys(rows[0]);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
  return [title, line(keys), ...rows.map((r) => line(keys.map((k) => String(r[k] ?? ''))))].join('\n') + '\n';
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('counts by document, indicator scheme, kind and pending state, and each document\'s unread figures near indicator mentions')
    .requiredOption('--db <path>', 'SQLite store to read')
    .action(async (opts: { db: string }) => {
      const [{ readFigureCounts }, { formatShare }, { openExistingStoreOrFail }] = await Promise.all([
        import('../store/unread.ts'), import('../unread/types.ts'), import('./open-store.ts'),
      ]);
      const store = openExistingStoreOrFail(opts.db);
      try {
        const db = store.db;
        const byDocument = db.prepare(
          `SELECT d.file_name AS document, d.format, COUNT(DISTINCT o.indicator_code) AS indicators, COUNT(o.id) AS observations,
                  COALESCE(SUM(o.state = 'pending'), 0) AS pending, (SELECT COUNT(*) FROM milestones m WHERE m.document_id = d.id) AS milestones
           FROM documents d LEFT JOIN observations o ON o.document_id = d.id GROUP BY d.id ORDER BY d.file_name`,
        ).all() as CountRow[];
        const byScheme = db.prepare(
          `SELECT i.scheme, COUNT(DISTINCT i.code) AS indicators, COUNT(o.id) AS observations
           FROM indicators i LEFT JOIN observations o ON o.document_id = i.document_id AND o.indicator_code = i.code GROUP BY i.scheme ORDER BY i.scheme`,
        ).all() as CountRow[];
        const byKind = db.prepare(
          `SELECT kind, SUM(state = 'value') AS "values", SUM(state = 'pending') AS pending FROM observations GROUP BY kind ORDER BY kind`,
        ).all() as CountRow[];
        // The unread-figure check's recall signal: of the figures beside indicator mentions, how many were not read.
        const figures = readFigureCounts(db).map((c): CountRow => ({
          document: c.document, near_indicators: c.near ?? '–', read: c.read ?? '–', unread: c.unread ?? '–', unread_share: formatShare(c.share),
        }));
        const rejected = db.prepare('SELECT COUNT(*) AS rejected_files FROM rejections WHERE run_id = (SELECT MAX(id) FROM import_runs)').all() as CountRow[];
        process.stdout.write(
          [
            table('By document', byDocument), table('By indicator scheme', byScheme), table('By kind', byKind),
            table('Figures near indicator mentions (same row, cell or sentence; unread = no observation read from it)', figures), table('Last run', rejected),
          ].join('\n'),
        );
      } finally {
        store.close();
      }
    });
}
