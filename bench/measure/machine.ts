// The machine a run happened on, and how busy it was: figures from a shared machine are only comparable
// with the load beside them.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export interface Load {
  /** 1-, 5- and 15-minute load averages, as `uptime` prints them. */
  averages: [number, number, number];
  /** The 1-minute load is above 1.0: other work was running on this 2-core machine. */
  busy: boolean;
}

export function machine(): Machine {
  let cpuModel = 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1].trim() ?? cpuModel;
  } catch {
    // not Linux: leave it unknown
  }
  return { cpus: availableParallelism(), cpuModel, memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10, node: process.version, platform: `${process.platform} ${process.arch}` };
}

export function load(): Load {
  const [a, b, c] = loadavg().map((x) => Math.round(x * 100) / 100);
  return { averages: [a, b, c], busy: a > 1.0 };
}

export function loadText(l: Load): string {
  return `${l.averages.join(', ')}${l.busy ? ' (busy: 1-min load > 1.0)' : ''}`;
}
