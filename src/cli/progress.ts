// Progress for long imports: a bar with files, pages, observations, rejects and ETA on a terminal; one
// plain line per file otherwise (CI logs, pipes), since cli-progress draws nothing without a TTY.
import cliProgress from 'cli-progress';
import type { FileReport } from '../pipeline/import.ts';

export interface Progress {
  start(total: number): void;
  file(report: FileReport): void;
  stop(): void;
}

export function fileLine(r: FileReport): string {
  if (r.status === 'rejected') return `rejected  ${r.path}: ${r.reason} — ${r.advice}`;
  const extra = r.observations !== undefined ? ` (${r.observations} observations${r.warnings ? `, ${r.warnings} warnings` : ''})` : '';
  return `${r.status.padEnd(9)} ${r.path}${extra}`;
}

export function createProgress(options: { quiet: boolean; tty: boolean }): Progress {
  if (options.tty && !options.quiet) {
    const bar = new cliProgress.SingleBar(
      {
        format: '{bar} {value}/{total} files | {pages} pages | {observations} observations | {rejected} rejected | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let pages = 0;
    let observations = 0;
    let rejected = 0;
    return {
      start: (total) => bar.start(total, 0, { pages, observations, rejected }),
      file: (r) => {
        pages += r.pages ?? 0;
        observations += r.observations ?? 0;
        if (r.status === 'rejected') rejected++;
        bar.increment(1, { pages, observations, rejected });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    start: () => {},
    file: (r) => {
      if (r.status === 'rejected' || !options.quiet) process.stderr.write(`${fileLine(r)}\n`);
    },
    stop: () => {},
  };
}
