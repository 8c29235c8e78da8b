// Start-up cost (issue 12): `planharvest --help` beside a bare `node -e 0`, run alternately in the same minute so
// both see the same load. Wall time is measured around each child process; peak RSS comes from GNU time when
// it is installed. Medians of the runs are reported.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load, type Load } from './machine.ts';

const BIN = fileURLToPath(new URL('../../bin/planharvest.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export interface StartupSample {
  command: string;
  medianSeconds: number;
  seconds: number[];
  /** Median peak RSS in MB; null without GNU time. */
  peakRssMb: number | null;
}

export interface StartupResult {
  runs: number;
  node: StartupSample;
  help: StartupSample;
  load: Load;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One Node child process with `args`, timed around the spawn; peak RSS from GNU time when `timed`. */
export function once(args: string[], timed: boolean): { seconds: number; rssMb: number | null } {
  const [cmd, argv] = timed ? [GNU_TIME, ['-f', '%M', process.execPath, ...args]] : [process.execPath, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr.slice(-500)}`);
  const kb = timed ? Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]) : NaN;
  return { seconds, rssMb: Number.isFinite(kb) ? kb / 1024 : null };
}

export function benchStartup(runs = 7): StartupResult {
  const timed = existsSync(GNU_TIME);
  const before = load();
  const samples = { node: [] as Array<ReturnType<typeof once>>, help: [] as Array<ReturnType<typeof once>> };
  // One untimed round warms the page cache for both.
  once(['-e', '0'], false);
  once([BIN, '--help'], false);
  for (let i = 0; i < runs; i++) {
    samples.node.push(once(['-e', '0'], timed));
    samples.help.push(once([BIN, '--help'], timed));
  }
  const sample = (command: string, xs: Array<ReturnType<typeof once>>): StartupSample => ({
    command,
    medianSeconds: median(xs.map((x) => x.seconds)),
    seconds: xs.map((x) => x.seconds),
    peakRssMb: xs.every((x) => x.rssMb !== null) ? median(xs.map((x) => x.rssMb!)) : null,
  });
  return { runs, node: sample('node -e 0', samples.node), help: sample('planharvest --help', samples.help), load: before };
}
