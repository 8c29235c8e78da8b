import type { Command } from 'commander';
import type { CountRow } from '../store/stats.ts';

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
    .option('--db <store>', 'SQLite file or postgresql:// URL of the store to read (default: $PLANHARVEST_DB)')
    .action(async (opts: { db?: string }) => {
      const [{ formatShare }, { openAnyStoreOrFail, storeAddress }] = await Promise.all([import('../unread/types.ts'), import('./open-store.ts')]);
      const store = await openAnyStoreOrFail(storeAddress(opts.db), true);
      try {
        const stats = await store.reader().stats();
        const { byDocument, byScheme, byKind, rejected } = stats;
        // The unread-figure check's recall signal: of the figures beside indicator mentions, how many were not read.
        const figures = stats.figures.map((c): CountRow => ({
          document: c.document, near_indicators: c.near ?? '–', read: c.read ?? '–', unread: c.unread ?? '–', unread_share: formatShare(c.share),
        }));
        process.stdout.write(
          [
            table('By document', byDocument), table('By indicator scheme', byScheme), table('By kind', byKind),
            table('Figures near indicator mentions (same row, cell or sentence; unread = no observation read from it)', figures), table('Last run', rejected),
          ].join('\n'),
        );
      } finally {
        await store.close();
      }
    });
}
