import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, spawnTracked, type Spawned } from './processes.js';
import { waitFor } from './server.js';

/** The user a throwaway cluster runs as when we are root (PostgreSQL refuses root); `.ci/run` creates it. */
export const PG_TEST_USER = process.env.PG_TEST_USER ?? 'rbtest';

function pgBin(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const path = `/usr/lib/postgresql/${v}/bin/${name}`;
    if (existsSync(path)) return path;
  }
  throw new Error(`${name} not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)`);
}

const asRoot = process.getuid?.() === 0;
/** argv that runs `cmd` as the cluster's user. */
const asUser = (cmd: string[]) => (asRoot ? ['runuser', '-u', PG_TEST_USER, '--', ...cmd] : cmd);

export interface PostgresCluster {
  port: number;
  dir: string;
  /** Connection string of the `postgres` database (superuser, trust auth on loopback). */
  adminUrl: string;
  /** A fresh database in the cluster; its URL. */
  createDatabase(name: string): Promise<string>;
  /** Starts the server (again) on the same port and data; resolves when it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: clients are disconnected, in-flight transactions roll back, a clean checkpoint. */
  stopFast(): Promise<void>;
  /** SIGKILL to the postmaster and every backend, like a crash of the machine's database; recovery runs on the next start. */
  kill(): Promise<void>;
  readonly running: boolean;
  /** Stops for good and removes the data directory. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own (Debian's initdb and postgres, a temp data
 * directory, a port of its own, 127.0.0.1 only), so a test may stop, kill and restart it.
 * fsync is off (a process crash loses nothing the kernel has; only the machine's would).
 */
export async function throwawayPostgres(): Promise<PostgresCluster> {
  if (asRoot) {
    try {
      execFileSync('id', ['-u', PG_TEST_USER], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `PostgreSQL will not run as root: create the user "${PG_TEST_USER}" (useradd --system --no-create-home ${PG_TEST_USER}); .ci/run does`,
      );
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'rb-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', PG_TEST_USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', PG_TEST_USER]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [cmd, ...args] = asUser([pgBin('initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  execFileSync(cmd!, args, { stdio: 'pipe' });
  const port = await freePort();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let current: Spawned | null = null;

  const postmasterPid = (): number | null => {
    try {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return null;
    }
  };
  const childrenOf = (pid: number): number[] =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
        } catch {
          return false;
        }
      })
      .map(Number);

  const cluster: PostgresCluster = {
    port,
    dir: data,
    adminUrl,
    get running() {
      return current?.running ?? false;
    },
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async start() {
      if (current?.running) return;
      const postgres = asUser([
        pgBin('postgres'),
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'max_connections=200',
      ]);
      const stop = asUser([pgBin('pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
      // The shell runs postgres in the foreground; a watcher stops it if our stdin closes (this process ended).
      current = spawnTracked(
        'sh',
        // (An asynchronous list's stdin is /dev/null unless redirected: the watcher reads our stdin through fd 3.)
        [
          '-c',
          `exec 3<&0; ( cat <&3 >/dev/null; ${stop.map((a) => `'${a}'`).join(' ')} >/dev/null 2>&1 ) & w=$!; ${postgres.map((a) => `'${a}'`).join(' ')} </dev/null; kill $w 2>/dev/null`,
        ],
        { ...process.env },
        (c) => c.stdin!.end(),
      );
      const proc = current;
      await waitFor(
        async () => {
          if (!proc.running) throw new Error(`postgres exited:\n${proc.output()}`);
          const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1_000 });
          c.on('error', () => undefined);
          try {
            await c.connect();
            await c.query('SELECT 1');
            return true;
          } catch {
            return false;
          } finally {
            await c.end().catch(() => undefined);
          }
        },
        30_000,
        'postgres start-up',
      );
    },
    async stopFast() {
      const proc = current;
      if (!proc?.running) return;
      const [c, ...a] = asUser([pgBin('pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
      execFileSync(c!, a, { stdio: 'pipe' });
      await proc.exited;
    },
    async kill() {
      const proc = current;
      const pid = postmasterPid();
      if (!proc?.running || !pid) return;
      for (const p of [pid, ...childrenOf(pid)]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await proc.exited;
    },
    async destroy() {
      if (current?.running) {
        current.terminate();
        await current.exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
