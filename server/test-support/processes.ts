import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { TEST_SECRET, waitFor } from './server.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every child this test process started; `stopAllProcesses` (afterAll) and process exit end them. */
const children = new Set<ChildProcess>();
const terminators = new WeakMap<ChildProcess, (c: ChildProcess) => void>();
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) terminators.get(c)?.(c);
});

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Spawned {
  child: ChildProcess;
  pid: number;
  /** Ends the process for good (SIGKILL, or closing a watchdog's stdin). */
  terminate(): void;
  /** Everything the child wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  exited: Promise<Exit>;
  get running(): boolean;
}

/**
 * Every child gets a stdin pipe from us and watches it: when this process dies,
 * even by SIGKILL, the pipe closes and the child ends itself (no orphans).
 */
export function spawnTracked(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  terminate?: (c: ChildProcess) => void,
): Spawned {
  const child = spawn(command, args, { cwd: REPO_ROOT, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.on('error', () => undefined);
  children.add(child);
  terminators.set(child, terminate ?? ((c) => c.kill('SIGKILL')));
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    child,
    pid: child.pid!,
    terminate: () => terminators.get(child)!(child),
    output: () => out,
    exited,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
  };
}

/** Kills and reaps every child still running (use in afterAll; safe to call twice). */
export async function stopAllProcesses(): Promise<void> {
  const running = [...children];
  await Promise.all(
    running.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', () => resolve());
          terminators.get(c)?.(c);
        }),
    ),
  );
}

/** A free loopback TCP port (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// ---- RealBrand server child processes -------------------------------------------

export interface ServerProcess extends Spawned {
  url: string;
  wsUrl: string;
  port: number;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<Exit>;
  /** SIGKILL and wait for the exit (a crash). */
  crash(): Promise<Exit>;
}

/**
 * Starts `server/main.ts` in a child process (`node --import tsx`), as production
 * does, and resolves once it prints the URL it serves. `env` is the whole
 * configuration: DATABASE_URL and REDIS_URL from this process are not inherited.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'PORT', 'HOST', 'INSTANCE_ID', 'PUBLIC_URL', 'NODE_OPTIONS'])
    delete base[key];
  const spawned = spawnTracked(
    process.execPath,
    ['--import', './server/test-support/die-with-parent.mjs', '--import', 'tsx', 'server/main.ts'],
    {
      ...base,
      HOST: '127.0.0.1',
      PORT: '0',
      SESSION_SECRET: TEST_SECRET,
      LOG_LEVEL: 'warn',
      // Cheap password hashes: every fresh database seeds five accounts.
      PASSWORD_SCRYPT_LOG_N: '12',
      ...env,
    },
  );
  const url = await Promise.race([
    waitFor(() => /RealBrand is running at (http:\/\/\S+)/.exec(spawned.output())?.[1], timeoutMs, 'server process start-up'),
    spawned.exited.then((e) => {
      throw new Error(`server process exited during start-up (${e.code ?? e.signal}):\n${spawned.output()}`);
    }),
  ]).catch((err: Error) => {
    spawned.child.kill('SIGKILL');
    throw new Error(`${err.message}\n--- output ---\n${spawned.output()}`);
  });
  const port = Number(new URL(url).port);
  const signal = (sig: NodeJS.Signals) => {
    if (spawned.running) spawned.child.kill(sig);
    return spawned.exited;
  };
  return Object.assign(spawned, {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port,
    stop: () => signal('SIGTERM'),
    crash: () => signal('SIGKILL'),
  });
}

// ---- throwaway Redis --------------------------------------------------------------

export interface RedisProcess {
  port: number;
  url: string;
  /** Starts (or restarts) redis-server on the same port; resolves when it answers PING. */
  start(): Promise<void>;
  /** SIGKILL, like a crash; resolves when the process is gone. */
  kill(): Promise<void>;
}

/** A redis-server of the test's own: no persistence, loopback only, a port of its own. */
export async function throwawayRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let current: Spawned | null = null;
  const handle: RedisProcess = {
    port,
    url,
    async start() {
      if (current?.running) return;
      // A shell watchdog owns redis-server: closing its stdin (us calling kill(), or this process
      // dying) makes it SIGKILL redis-server, wait for it, and exit.
      current = spawnTracked(
        'sh',
        [
          '-c',
          'redis-server "$@" & r=$!; cat >/dev/null; kill -9 $r 2>/dev/null; wait $r',
          'sh',
          '--port',
          String(port),
          '--save',
          '',
          '--appendonly',
          'no',
          '--bind',
          '127.0.0.1',
        ],
        { ...process.env },
        (c) => c.stdin!.end(),
      );
      const proc = current;
      await waitFor(
        async () => {
          if (!proc.running) throw new Error(`redis-server exited:\n${proc.output()}`);
          const probe = new Redis(url, {
            lazyConnect: true,
            maxRetriesPerRequest: 0,
            retryStrategy: () => null,
            enableOfflineQueue: false,
          });
          probe.on('error', () => undefined);
          try {
            await probe.connect();
            return (await probe.ping()) === 'PONG';
          } catch {
            return false;
          } finally {
            probe.disconnect();
          }
        },
        10_000,
        'redis-server start-up',
      );
    },
    async kill() {
      const proc = current;
      current = null;
      if (!proc?.running) return;
      proc.terminate();
      await proc.exited;
    },
  };
  await handle.start();
  return handle;
}
