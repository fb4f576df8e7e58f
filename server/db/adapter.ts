import pg from 'pg';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fork, spawn } from 'node:child_process';
import { projectPath } from '../paths.js';

export interface QueryResult<T> {
  rows: T[];
}

/** The one interface the data layer talks to; both PostgreSQL and PGlite satisfy it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

/** A transaction's connection: statements with parameters, or a script of several as it is. */
export interface Transaction extends Queryable {
  /** Runs `sql` whole, several statements with no parameters (a migration file): the database parses it. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pg' | 'pglite';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (sent on commit), and once more after the
   * listening connection came back from a loss (notifications may have been missed meanwhile).
   * Resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// bigint columns come back as strings by default; our sequence numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function createPgDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const listener = new PgListener(connectionString);
  return {
    kind: 'pg',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await pool.query(sql, params as unknown[]);
      return { rows: result.rows as T[] };
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // While checked out the pool does not listen for the client's errors: a server that ends the
      // connection between two statements (a restart) would otherwise be an uncaught 'error' event.
      let lost: Error | undefined;
      const onError = (err: Error) => (lost = err);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const tx: Transaction = {
          async query<R>(sql: string, params?: unknown[]) {
            const result = await client.query(sql, params as unknown[]);
            return { rows: result.rows as R[] };
          },
          async exec(sql: string) {
            // Without parameters pg sends the simple query protocol, which runs several statements.
            await client.query(sql);
          },
        };
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (err) {
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', onError);
        // A broken connection is closed rather than lent out again.
        client.release(lost);
      }
    },
    listen: (channel, onNotify) => listener.listen(channel, onNotify),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * One connection outside the pool that LISTENs for every channel asked for; opened on the first
 * `listen`, reopened with backoff when lost (the pool must not lend it out: LISTEN is per session).
 */
class PgListener {
  private readonly handlers = new Map<string, Set<() => void>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  constructor(private readonly connectionString: string) {}

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    let set = this.handlers.get(channel);
    const fresh = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(onNotify);
    // A connection that cannot be had now is retried; the listener hears from it on recovery.
    if (!this.client) await this.connect().catch(() => this.retry());
    else if (fresh) {
      const client = this.client;
      await client.query(`LISTEN ${channel}`).catch(() => this.lost(client));
    }
    return async () => {
      set.delete(onNotify);
      if (set.size || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      await this.client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  private connect(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString });
      client.on('notification', (msg) => this.handlers.get(msg.channel)?.forEach((fn) => fn()));
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      try {
        await client.connect();
        for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
      } catch (err) {
        client.end().catch(() => undefined);
        throw err;
      } finally {
        this.connecting = null;
      }
      if (this.closed) return void (await client.end().catch(() => undefined));
      const recovered = this.failures > 0;
      this.client = client;
      this.failures = 0;
      // Whatever was sent while no one listened: let every listener look once.
      if (recovered) for (const set of this.handlers.values()) set.forEach((fn) => fn());
    })();
    return this.connecting;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.retryTimer) return;
    this.failures++;
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        this.connect().catch(() => this.retry());
      },
      Math.min(100 * 2 ** this.failures, 5_000),
    );
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

/**
 * Creates a new PGlite data directory in a short-lived child process. initdb grows its WASM memory
 * to ~450-700 MiB; in a process of its own that memory is never part of the server's (not even its
 * peak, as it was in a worker thread) and goes back to the system when initdb exits.
 */
async function initPgliteDataDir(dir: string): Promise<void> {
  const script = `const { PGlite } = await import(process.env.RB_PGLITE_MODULE); const db = await PGlite.create(process.env.RB_PGLITE_DIR); await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, RB_PGLITE_MODULE: import.meta.resolve('@electric-sql/pglite'), RB_PGLITE_DIR: dir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  await new Promise<void>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`PGlite's initdb in ${dir} exited with code ${code}: ${stderr}`))));
  });
}

interface WorkerReply {
  id?: number;
  rows?: unknown[];
  error?: { message: string } & Record<string, string>;
  notify?: string;
  ready?: boolean;
}

/**
 * PGlite: real Postgres in WASM, one connection; `dataDir` null keeps it in memory. It runs in a
 * child process of its own (pglite-child.mjs) and is spoken to by IPC messages: a statement (a
 * group commit, a room load) no longer holds the event loop that relays edits while Postgres runs it.
 */
export async function createPgliteDb(dataDir: string | null): Promise<Db> {
  let dir: string | null = null;
  if (dataDir) {
    dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'PG_VERSION'))) await initPgliteDataDir(dir);
  }
  const child = fork(projectPath('server', 'db', 'pglite-child.mjs'), [], {
    env: { ...process.env, RB_PGLITE_DIR: dir ?? '' },
    // Plain node: not the server's own flags (a test's preloads, tsx, profiling).
    execArgv: [],
    serialization: 'advanced', // bytea as Uint8Array, dates, nested rows
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (err: Error) => void }>();
  const handlers = new Map<string, Set<() => void>>();
  let nextId = 1;
  let nextTx = 1;
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const ready = new Promise<void>((resolveReady, rejectReady) => {
    child.on('message', (m: WorkerReply) => {
      if (m.ready) return resolveReady();
      if (m.notify !== undefined) return handlers.get(m.notify)?.forEach((fn) => fn());
      const p = pending.get(m.id!);
      if (!p) return;
      pending.delete(m.id!);
      if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error));
      else p.resolve(m.rows ?? []);
    });
    child.once('error', (err) => {
      rejectReady(err);
      failAll(err);
    });
    child.once('exit', (code, signal) => {
      const err = new Error(`the PGlite process exited (${code ?? signal})`);
      rejectReady(err);
      failAll(err);
    });
  });
  await ready;
  const call = (message: Record<string, unknown>): Promise<unknown[]> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolveCall, rejectCall) => {
      pending.set(id, { resolve: resolveCall, reject: rejectCall });
      child.send({ id, ...message });
    });
  };
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return { rows: (await call({ op: 'query', sql, params })) as T[] };
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      const tx = nextTx++;
      await call({ op: 'begin', tx });
      let value: T;
      try {
        value = await fn({
          async query<R>(sql: string, params?: unknown[]) {
            return { rows: (await call({ op: 'query', sql, params, tx })) as R[] };
          },
          async exec(sql: string) {
            await call({ op: 'exec', sql, tx });
          },
        });
      } catch (err) {
        await call({ op: 'rollback', tx }).catch(() => undefined);
        throw err;
      }
      await call({ op: 'commit', tx });
      return value;
    },
    async listen(channel, onNotify) {
      let set = handlers.get(channel);
      if (!set) {
        handlers.set(channel, (set = new Set()));
        await call({ op: 'listen', channel });
      }
      set.add(onNotify);
      return async () => {
        set.delete(onNotify);
        if (set.size || handlers.get(channel) !== set) return;
        handlers.delete(channel);
        await call({ op: 'unlisten', channel }).catch(() => undefined);
      };
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      await call({ op: 'close' }).catch(() => undefined);
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
