import type { Command } from 'commander';
import type { DecisionAction } from '../review/decisions.ts';
import type { DecisionOptions } from './review-run.ts';
import { confidenceThreshold, CONFIDENCE_THRESHOLD_HELP } from './findings-options.ts';
import { UsageError } from './main.ts';

const DB_HELP = 'SQLite file or postgresql:// URL of the store (default: $PLANHARVEST_DB)';

// The actions live in review-run.ts, loaded when a review command runs (not for --help or other commands).
const run = () => import('./review-run.ts');
const record = async (id: string, action: DecisionAction, opts: DecisionOptions) => (await run()).record(id, action, opts);

function decisionCommand(review: Command, action: DecisionAction, description: string): Command {
  return review
    .command(`${action} <id>`)
    .description(description)
    .option('--db <store>', DB_HELP)
    .requiredOption('--by <name>', 'who decides (kept in the audit trail)')
    .option('--comment <text>', 'why (kept in the audit trail)')
    .option('--seen-value <figure>', 'the figure you saw ("24.6", "pending"): refused if the store now says another (someone decided, or a re-import read it anew)');
}

export function registerReview(program: Command): void {
  const review = program
    .command('review')
    .description('record review decisions on observations and findings (an audit trail that survives re-imports)');
  decisionCommand(review, 'accept', 'vouch for an observation as extracted').action((id: string, opts: DecisionOptions) => record(id, 'accept', opts));
  decisionCommand(review, 'reject', 'leave an observation out of exports (unless --include-rejected)').action((id: string, opts: DecisionOptions) => record(id, 'reject', opts));
  decisionCommand(review, 'correct', 'replace an observation’s value, unit, period or indicator code')
    .option('--value <number>', 'the right figure (a pending observation becomes a value)')
    .option('--unit <unit>', 'the right unit ("none" for no unit)')
    .option('--period <period>', 'the right period: 2008/09, 2008, 2008-02 ("none" for no period)')
    .option('--code <code>', 'the right indicator code, e.g. NI 139')
    .option('--kind <kind>', 'what the figure is: baseline, target or result')
    .action((id: string, opts: DecisionOptions) => record(id, 'correct', opts));
  decisionCommand(review, 'acknowledge', 'mark a finding as seen and accepted as it is').action((id: string, opts: DecisionOptions) => record(id, 'acknowledge', opts));

  review
    .command('orphans')
    .description('list decisions that no longer apply: their target is gone, or changed since')
    .option('--db <store>', DB_HELP)
    .action(async (opts: { db?: string }) => (await run()).listOrphans(opts));

  review
    .command('log')
    .description('print the audit trail of decisions, oldest first')
    .option('--db <store>', DB_HELP)
    .option('--id <id>', 'only decisions about this observation or finding')
    .action(async (opts: { db?: string; id?: string }) => (await run()).printLog(opts));

  review
    .command('serve')
    .description('review in the browser: a local app with the queue by risk, the source page beside the figures, keyboard decisions')
    .option('--db <store>', DB_HELP)
    .requiredOption('--by <name>', 'who decides (kept in the audit trail)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', (v: string) => port(v), 8610)
    .option('--host <address>', 'address to listen on; anything but loopback lets other machines in', '127.0.0.1')
    .option('--sample <share>', 'share of the confident figures shown for quality checks (0..1)', (v: string) => share(v), 0.02)
    .option('--confidence-threshold <n>', CONFIDENCE_THRESHOLD_HELP, confidenceThreshold)
    .action(async (opts: ServeOptions) => (await run()).serve(opts));
}

export interface ServeOptions {
  db?: string;
  by: string;
  port: number;
  host: string;
  sample: number;
  confidenceThreshold?: number;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a port number (0 for any free one), got "${value}"`);
  return n;
}

function share(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--sample must be a share from 0 to 1, got "${value}"`);
  return n;
}
