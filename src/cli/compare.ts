import type { Command } from 'commander';
import { DEFAULT_TOP } from '../compare/defaults.ts';
import type { Direction } from '../reconcile/direction-words.ts';
import { UsageError } from './main.ts';

interface CompareCliOptions {
  db?: string;
  out: string;
  indicator?: string;
  partnership: string[];
  direction?: Direction;
  top: number;
}

/** "ni186", "NI186" → "NI 186", the way codes are stored (the same reading as `review correct --code`). */
async function indicatorCode(text: string): Promise<string> {
  const { parseCorrection } = await import('../review/correction.ts');
  const { correction, errors } = parseCorrection({ code: text });
  if (errors.length || !correction.code) throw new UsageError(`--indicator: ${errors[0] ?? `"${text}" is not an indicator code`}`);
  return correction.code;
}

function direction(text: string): Direction {
  if (text !== 'higher' && text !== 'lower') throw new UsageError(`--direction must be "higher" or "lower", got "${text}"`);
  return text;
}

function topCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--top must be a whole number from 1, got "${text}"`);
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare one indicator across partnerships (baselines, targets, results, ambition, progress) with charts; without --indicator, the indicators most partnerships share')
    .option('--db <store>', 'SQLite file or postgresql:// URL of the store to read (default: $PLANHARVEST_DB)')
    .requiredOption('--out <folder>', 'folder for compare.html, comparison.json and charts/ (SVG + Vega-Lite specs); created if missing')
    .option('--indicator <code>', 'the indicator to compare, e.g. "NI 186"')
    .option('--partnership <name>', 'only partnerships (or file names) containing this, case-insensitive; repeat for several', collect, [])
    .option('--direction <higher|lower>', 'which way is better, when the titles do not say (or say it wrongly)', direction)
    .option('--top <n>', `without --indicator: how many of the most shared indicators get a full comparison (default ${DEFAULT_TOP})`, topCount, DEFAULT_TOP)
    .action(async (opts: CompareCliOptions) => {
      const indicator = opts.indicator === undefined ? undefined : await indicatorCode(opts.indicator);
      // Loaded here, not above, so other commands and --help never load the charts (vega).
      const [{ compareFrom }, { writeComparison }, { openAnyStoreOrFail, redacted, storeAddress }] = await Promise.all([
        import('../compare/index.ts'), import('../compare/write.ts'), import('./open-store.ts'),
      ]);
      const db = storeAddress(opts.db);
      const label = redacted(db);
      const store = await openAnyStoreOrFail(db, true);
      try {
        const result = await compareFrom(store.reader(), { indicator, partnerships: opts.partnership, direction: opts.direction, top: opts.top });
        if (opts.partnership.length && !result.shared.length) throw new UsageError(`no figures for a partnership matching ${opts.partnership.map((p) => `"${p}"`).join(' or ')}`);
        if (indicator && !result.shared.some((s) => s.indicator === indicator)) {
          const known = result.shared.slice(0, 12).map((s) => s.indicator).join(', ');
          throw new UsageError(`no figures for ${indicator}${opts.partnership.length ? ' in those partnerships' : ''} in ${label} (most shared: ${known || 'none'})`);
        }
        let written;
        try {
          written = await writeComparison(result, opts.out, { databaseLabel: label, showShared: !indicator });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code) throw new UsageError(`cannot write to ${opts.out}: ${(error as Error).message}`);
          throw error;
        }
        const compared = written.result.comparisons.map((c) => `${c.indicator} (${c.partnerships.length} partnerships)`).join(', ');
        process.stderr.write(`wrote ${written.files.html}, ${written.files.json} and ${written.files.charts.length} chart files\ncompared ${compared || 'nothing'}\n`);
      } finally {
        await store.close();
      }
    });
}
