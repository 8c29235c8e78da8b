// Running the command line as a user does: a real process through bin/planharvest.js, which runs the compiled
// dist/ (built by the test run's global setup, tests/support/build.ts).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Node's default (1 MB) would cut an export short, and a cut export compares unequal at a random place. */
const OUTPUT_LIMIT = 256 * 1024 * 1024;

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'planharvest.js');

export function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return runCliWith({}, ...args);
}

/** The command line with some environment variables set (PLANHARVEST_DB, …) over this process's own. */
export function runCliWith(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: OUTPUT_LIMIT, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The command line in a process of its own, not waited for: several users (reviewers, importers) at once. */
export function runCliAtOnce(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
