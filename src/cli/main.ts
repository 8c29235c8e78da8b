// The planharvest command line. Exit codes (CONTRACT.md): 0 when the run finished, even with rejected
// files; 2 when the run itself could not happen (bad arguments, database cannot be opened).
//
// Start-up is only what --help needs: commander and each command's options. Every command loads what it runs
// (readers, store, findings, charts, exceljs) with import() inside its action, so `--help` and light commands
// never pay for the heavy ones; keep new commands that way.
import { Command, CommanderError } from 'commander';
import { registerCompare } from './compare.ts';
import { registerDecisions } from './decisions.ts';
import { registerExport } from './export.ts';
import { registerImport } from './import.ts';
import { registerQueue } from './queue.ts';
import { registerReconcile } from './reconcile.ts';
import { registerReport } from './report.ts';
import { registerReview } from './review.ts';
import { registerStats } from './stats.ts';

export const EXIT_OK = 0;
export const EXIT_UNUSABLE = 2;

/** Thrown by commands for a run that cannot happen; main() turns it into one line and exit code 2. */
export class UsageError extends Error {}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('planharvest')
    .description('Extract indicators, baselines, targets and results from legacy partnership plan documents into a reviewable SQLite store.')
    .exitOverride()
    .showHelpAfterError();
  registerImport(program);
  registerExport(program);
  registerStats(program);
  registerReconcile(program);
  registerReport(program);
  registerReview(program);
  registerDecisions(program);
  registerCompare(program);
  registerQueue(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_UNUSABLE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`planharvest: ${error.message}\n`);
      return EXIT_UNUSABLE;
    }
    process.stderr.write(`planharvest: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_UNUSABLE;
  }
}
