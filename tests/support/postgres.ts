// A real PostgreSQL server for the tests that need one (issue 13; never a mock or an emulator): Debian's
// `postgresql` binaries, a cluster made by initdb in a temporary folder, started by pg_ctl on a free loopback
// port and stopped (and its folder removed) at the end. The server refuses to run as root, so as root the
// cluster belongs to the `postgres` user the Debian package creates, and each command runs through
// `runuser -u postgres --`. When the binaries are missing the test FAILS with the line that installs them;
// `bash .ci/run` installs them (tests/unit/test-tools.test.ts checks it does).
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { findTool } from './tools.ts';

export const POSTGRES_INSTALL = 'initdb is missing: apt-get update && apt-get install -y postgresql';

/** The folder holding initdb and pg_ctl: on PATH, else Debian's <debian>/<newest version>/bin. */
export function postgresBin(debian = '/usr/lib/postgresql'): string | null {
  const onPath = findTool('initdb');
  if (onPath && findTool('pg_ctl')) return dirname(onPath);
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(debian, v, 'bin', 'initdb')) && existsSync(join(debian, v, 'bin', 'pg_ctl'))) return join(debian, v, 'bin');
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function userIds(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export interface PostgresServer {
  port: number;
  /** A connection URL for a database of the server (the superuser `postgres`, trusted on loopback). */
  url(database?: string): string;
  /** Creates an empty database and gives its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its folder. */
  stop(): void;
}

export async function startPostgres(bin = postgresBin()): Promise<PostgresServer> {
  if (!bin) throw new Error(POSTGRES_INSTALL);
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : null;
  if (asRoot && !owner) throw new Error('the PostgreSQL server refuses to run as root and there is no postgres user: apt-get update && apt-get install -y postgresql');
  const prefix = asRoot ? ['runuser', '-u', 'postgres', '--'] : [];
  const run = (tool: string, args: string[]) => {
    const [command, ...rest] = [...prefix, join(bin, tool), ...args];
    const r = spawnSync(command, rest, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
  };
  // The server's user must reach its folder: a 0711 parent it may pass through, the cluster 0700 its own.
  const base = mkdtempSync(join(tmpdir(), 'planharvest-pg-'));
  chmodSync(base, 0o711);
  const data = join(base, 'data');
  mkdirSync(data, { mode: 0o700 });
  if (owner) chownSync(data, owner.uid, owner.gid);
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  run('pg_ctl', ['-D', data, '-l', join(data, 'server.log'), '-o', `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', '-t', '60', 'start']);
  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    port,
    url,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
