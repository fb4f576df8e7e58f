/**
 * `npm run bench`: load and latency figures for the collaboration server on
 * this machine, with PostgreSQL persistence on (a fresh database per run).
 *
 * The server runs as a child process, compiled as `npm start` runs it; all load
 * comes from raw y-websocket clients in this process. Everything is bounded
 * and stops by itself (~3 minutes).
 *
 * Environment knobs (all optional):
 *   BENCH_PHASES=1,2,3,4,5   run only some phases (RESULTS.md is written only for a full run)
 *   BENCH_PROFILE=<dir>      run the servers (ours and the stock one) with --cpu-prof, profiles go to <dir>
 *   BENCH_REDIS=1            run the server with REDIS_URL (Redis fan-out) as in production
 *   BENCH_LOAD_DESIGNS=N     designs in the load and ack phases (default 100; 4 clients each): sizing runs
 *   BENCH_SERVER_NODE_ARGS   extra node flags for our server only (experiments, e.g. V8 heap flags), space-separated;
 *                            they follow the start script's flags, and V8 takes the last value of a flag
 *   BENCH_SERVER_ENTRY       run this prebuilt server entry instead of building server/dist (A/B of builds)
 *   BENCH_PG_ADMIN_URL       admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as Y from 'yjs';
import { DEMO_BRAND_KIT, designToUpdate, instantiateTemplate, objectsMap } from '../shared/index.js';
import { getTemplate } from '../templates/index.js';
import { stockClient, synced } from '../server/test-support/clients.js';
import { BenchClient } from './client.js';
import { freePort, procStats, resetPeakRss, startServer, startStockServer, type ServerChild } from './proc.js';
import { fmtKiB, fmtMiB, fmtMs, median, percentiles, pool, ratio, sleep, type Percentiles } from './stats.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PHASES = new Set((process.env.BENCH_PHASES ?? '1,2,3,4,5').split(',').map((s) => s.trim()));
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'realbrand-demo';
const ROOM_IDLE_MS = 300;

// Reference figures (same workloads, this kind of machine, medians of 3 runs).
const REF = {
  inMemory: { name: 'y-websocket (in memory)', cpu100: 1.77, idleKiB: 14, idleCpuMs: 0.75, coldFirst: 23, coldFull: 116 },
  persisting: { name: 'Hocuspocus+SQLite', cpu100: 2.53, idleKiB: 28.7, idleCpuMs: 1.05, coldFirst: 107, coldFull: 204 },
  fanoutP99At50: [17, 23] as const,
  ackP95Target: 100,
};

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---- helpers --------------------------------------------------------------------

/** A log-in's access and refresh tokens. */
async function logIn(url: string, email: string): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { accessToken: string; refreshToken: string };
}

const login = async (url: string, email: string): Promise<string> => (await logIn(url, email)).accessToken;

/**
 * `n` distinct access tokens of one session of `email`: one log-in, then refresh-token rotation
 * (no password hashing). Each socket's token check is then its own; the person's access to a
 * design is still the same (real reconnect waves and tabs look like this).
 */
async function accessTokens(url: string, email: string, n: number): Promise<string[]> {
  let { accessToken, refreshToken } = await logIn(url, email);
  const out = [accessToken];
  while (out.length < n) {
    const r = await fetch(`${url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!r.ok) throw new Error(`refresh: ${r.status} ${await r.text()}`);
    ({ accessToken, refreshToken } = (await r.json()) as { accessToken: string; refreshToken: string });
    out.push(accessToken);
  }
  return out;
}

async function createDesign(url: string, token: string, title: string, templateId?: string): Promise<string> {
  const res = await fetch(`${url}/api/designs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(templateId ? { title, templateId } : { title }),
  });
  if (res.status !== 201) throw new Error(`create design: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function roomsLoaded(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^realbrand_rooms_loaded (\S+)/m.exec(text)?.[1] ?? Number.NaN);
}

/** Waits until every room is unloaded (the idle timer is short in the bench). */
async function waitRoomsEvicted(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await roomsLoaded(url)) > 0) {
    if (Date.now() > deadline) throw new Error('rooms were not evicted in time');
    await sleep(25);
  }
}

/** Runs `fn(k)` for k = 0..count-1 at a steady pace. */
async function paced(count: number, intervalMs: number, fn: (k: number) => void): Promise<void> {
  const start = performance.now();
  for (let k = 0; k < count; k++) {
    const wait = start + k * intervalMs - performance.now();
    if (wait > 0.5) await sleep(wait);
    fn(k);
  }
}

async function connectAll(specs: Array<ConstructorParameters<typeof BenchClient>[0]>, concurrency: number): Promise<BenchClient[]> {
  return pool(specs, concurrency, async (spec) => {
    const c = new BenchClient(spec);
    await c.whenSynced();
    return c;
  });
}

async function closeAll(clients: BenchClient[]): Promise<void> {
  await pool(clients, 200, (c) => c.closeAndWait());
}

function fdLimit(): number {
  try {
    return Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim()) || 0;
  } catch {
    return 0;
  }
}

// ---- phases ---------------------------------------------------------------------------

/** A server under load: ours, or the stock y-websocket server measured the same way. */
interface Ctx {
  wsUrl: string;
  pid: number;
  tokens: [string, string];
  /** Our server's database (for commit counts); null for the stock server. */
  dbName: string | null;
  newDesign(title: string, templateId?: string): Promise<string>;
  /** `n` distinct tokens for the idle connections (each socket authenticates afresh); absent: `tokens` in turn. */
  socketTokens?(n: number): Promise<string[]>;
  /** Waits until no room is loaded (ours unloads idle rooms; the stock server drops a doc with its last client). */
  settle(): Promise<void>;
}

/** Committed transactions in the bench database so far (PostgreSQL's statistics, flushed within ~1 s). */
async function commits(dbName: string | null): Promise<number> {
  if (!dbName) return 0;
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = $1', [dbName]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

interface FanoutResult {
  clients: number;
  latency: Percentiles;
  expected: number;
}

async function phaseFanout(ctx: Ctx, n: number): Promise<FanoutResult> {
  const { tokens } = ctx;
  const designId = await ctx.newDesign(`fan-out ${n}`);
  const samples: number[] = [];
  const clients = await connectAll(
    Array.from({ length: n }, (_, i) => ({
      wsUrl: ctx.wsUrl,
      designId,
      token: tokens[i % 2]!,
      onLatency: (ms: number) => samples.push(ms),
    })),
    50,
  );
  await sleep(300);
  const edits = 300;
  await paced(edits, 10, (k) => clients[k % n]!.stampedEdit());
  await sleep(500);
  await closeAll(clients);
  return { clients: n, latency: percentiles(samples), expected: edits * (n - 1) };
}

interface LoadResult {
  designs: number;
  clientsPerDesign: number;
  seconds: number;
  edits: number;
  latency: Percentiles;
  expected: number;
  ack: Percentiles | null;
  serverCpuSeconds: number;
  /** Of which in the kernel. */
  serverSystemSeconds: number;
  rssBefore: number;
  rssAfter: number;
  /** Peak RSS during the workload. */
  hwm: number;
  /** Peak RSS of the server's life before the workload (start-up, earlier phases). */
  lifetimePeak: number;
  benchCpuSeconds: number;
  /** PostgreSQL commits in the bench database during the workload (approximate). */
  dbCommits: number;
}

async function phaseLoad(
  ctx: Ctx,
  designIds: string[],
  opts: { clientsPerDesign: number; ratePerClient: number; seconds: number; ack: boolean },
): Promise<LoadResult> {
  const { tokens } = ctx;
  const samples: number[] = [];
  const acks: number[] = [];
  const specs = designIds.flatMap((designId) =>
    Array.from({ length: opts.clientsPerDesign }, (_, i) => ({
      wsUrl: ctx.wsUrl,
      designId,
      token: tokens[i % 2]!,
      ack: opts.ack,
      onLatency: (ms: number) => samples.push(ms),
      onAck: opts.ack ? (ms: number) => acks.push(ms) : undefined,
    })),
  );
  const clients = await connectAll(specs, 50);
  await sleep(1_200);
  const commitsBefore = await commits(ctx.dbName);
  const lifetimePeak = procStats(ctx.pid).hwmBytes;
  resetPeakRss(ctx.pid); // the peak of this workload, not of start-up or earlier phases
  const before = procStats(ctx.pid);
  const benchBefore = process.cpuUsage();
  const periodMs = 1000 / opts.ratePerClient;
  const perClient = Math.round(opts.seconds * opts.ratePerClient);
  let edits = 0;
  await Promise.all(
    clients.map(async (c) => {
      await sleep(Math.random() * periodMs);
      await paced(perClient, periodMs, () => {
        c.stampedEdit();
        edits++;
      });
    }),
  );
  // Drain: everything delivered (and, with acks, committed), bounded.
  const deadline = Date.now() + 5_000;
  await sleep(200);
  while (
    Date.now() < deadline &&
    (samples.length < edits * (opts.clientsPerDesign - 1) || (opts.ack && clients.some((c) => c.unacked > 0)))
  )
    await sleep(20);
  const after = procStats(ctx.pid);
  const bench = process.cpuUsage(benchBefore);
  await sleep(1_200);
  const dbCommits = (await commits(ctx.dbName)) - commitsBefore;
  await closeAll(clients);
  return {
    dbCommits,
    designs: designIds.length,
    clientsPerDesign: opts.clientsPerDesign,
    seconds: opts.seconds,
    edits,
    latency: percentiles(samples),
    expected: edits * (opts.clientsPerDesign - 1),
    ack: opts.ack ? percentiles(acks) : null,
    serverCpuSeconds: after.cpuSeconds - before.cpuSeconds,
    serverSystemSeconds: after.systemSeconds - before.systemSeconds,
    rssBefore: before.rssBytes,
    rssAfter: after.rssBytes,
    hwm: after.hwmBytes,
    lifetimePeak,
    benchCpuSeconds: (bench.user + bench.system) / 1e6,
  };
}

interface IdleResult {
  connections: number;
  designs: number;
  rssPerConn: number;
  cpuMsPerConn: number;
  rssBefore: number;
  rssAfter: number;
  connectSeconds: number;
}

async function phaseIdle(ctx: Ctx, total: number, designs: number): Promise<IdleResult> {
  const { tokens } = ctx;
  const ids = await pool(
    Array.from({ length: designs }, (_, i) => i),
    10,
    (i) => ctx.newDesign(`idle ${i}`),
  );
  const perSocket = ctx.socketTokens ? await ctx.socketTokens(total) : null;
  await ctx.settle();
  await sleep(500);
  const before = procStats(ctx.pid);
  const t0 = performance.now();
  const clients = await connectAll(
    Array.from({ length: total }, (_, i) => ({ wsUrl: ctx.wsUrl, designId: ids[i % designs]!, token: perSocket?.[i] ?? tokens[i % 2]! })),
    100,
  );
  const connectSeconds = (performance.now() - t0) / 1000;
  await sleep(1_500); // let presence fan-out and post-sync work settle
  const after = procStats(ctx.pid);
  await closeAll(clients);
  return {
    connections: total,
    designs,
    rssPerConn: (after.rssBytes - before.rssBytes) / total,
    cpuMsPerConn: ((after.cpuSeconds - before.cpuSeconds) * 1000) / total,
    rssBefore: before.rssBytes,
    rssAfter: after.rssBytes,
    connectSeconds,
  };
}

interface ColdResult {
  edits: number;
  seedSeconds: number;
  logRows: number;
  snapshotBytes: number;
  docBytes: number;
  first: number[];
  full: number[];
}

async function phaseCold(ctx: Ctx, server: ServerChild, dbUrl: string, totalEdits: number, trials: number): Promise<ColdResult> {
  const { tokens } = ctx;
  const designId = await createDesign(server.url, tokens[0], 'cold load', 'listing-flyer');
  const seeders = await connectAll(
    Array.from({ length: 4 }, (_, i) => ({ wsUrl: server.wsUrl, designId, token: tokens[i % 2]!, ack: true, applyInitial: true })),
    4,
  );
  const t0 = performance.now();
  const perSeeder = totalEdits / seeders.length;
  const sent = seeders.map(() => 0);
  // Pipelined: each seeder keeps up to 64 edits unacknowledged.
  while (sent.some((s) => s < perSeeder) || seeders.some((c) => c.unacked > 0)) {
    if (performance.now() - t0 > 90_000) throw new Error('seeding the cold-load design took too long');
    seeders.forEach((c, i) => {
      while (sent[i]! < perSeeder && c.unacked < 64) {
        c.objectEdit();
        sent[i]!++;
      }
    });
    await sleep(1);
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  await closeAll(seeders);
  await waitRoomsEvicted(server.url);

  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const rows = await db.query('SELECT count(*)::int AS n FROM design_updates WHERE design_id = $1', [designId]);
  const snap = await db.query('SELECT octet_length(data) AS n FROM design_snapshots WHERE design_id = $1', [designId]);
  await db.end();

  const first: number[] = [];
  const full: number[] = [];
  let docBytes = 0;
  for (let t = 0; t < trials; t++) {
    const c = new BenchClient({ wsUrl: server.wsUrl, designId, token: tokens[t % 2]!, applyAll: true });
    await c.whenSynced();
    first.push(c.firstMessageAt - c.openedAt);
    full.push(c.syncedAt - c.openedAt);
    if (objectsMap(c.doc).size === 0) throw new Error('cold load returned an empty document');
    const { encodeStateAsUpdate } = await import('yjs');
    docBytes = encodeStateAsUpdate(c.doc).byteLength;
    await c.closeAndWait();
    await waitRoomsEvicted(server.url);
  }
  return {
    edits: totalEdits,
    seedSeconds,
    logRows: Number(rows.rows[0]?.n ?? 0),
    snapshotBytes: Number(snap.rows[0]?.n ?? 0),
    docBytes,
    first,
    full,
  };
}

// ---- main -------------------------------------------------------------------------------

interface Results {
  fanout: FanoutResult[];
  load: LoadResult | null;
  ack: LoadResult | null;
  idle: IdleResult | null;
  cold: ColdResult | null;
  /** The same phases 1–3 against the stock y-websocket server, in this run (null if skipped or not installed). */
  stock: { fanout: FanoutResult[]; load: LoadResult | null; idle: IdleResult | null } | null;
}

async function main(): Promise<void> {
  const limit = fdLimit();
  let idleConnections = 2_000;
  if (limit && limit < 4_096) {
    const fit = Math.max(100, Math.floor((limit - 300) / 2 / 100) * 100);
    console.log(
      `\n!! ulimit -n is ${limit}: 2,000 sockets need ulimit -n >= 4096 (each socket is one fd in this process and one in the server).\n` +
        `!! Raise it (e.g. \`ulimit -n 8192\` in this shell) and run again; this run uses ${fit} idle connections instead.\n`,
    );
    idleConnections = Math.min(idleConnections, fit);
  }

  const name = `rb_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrlObj = new URL(ADMIN_URL);
  dbUrlObj.pathname = `/${name}`;
  const dbUrl = dbUrlObj.toString();
  log(`fresh database ${name}; load average ${loadavg()} on ${cpus().length} CPUs`);
  loadStart = loadavg();

  let server: ServerChild | null = null;
  const results: Results = { fanout: [], load: null, ack: null, idle: null, cold: null, stock: null };
  const profileDir = process.env.BENCH_PROFILE;
  try {
    const port = await freePort();
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    server = await startServer(
      {
        DATABASE_URL: dbUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'true',
        SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        ROOM_IDLE_MS: String(ROOM_IDLE_MS),
        ...(process.env.BENCH_REDIS === '1' ? { REDIS_URL: 'redis://127.0.0.1:6379' } : { REDIS_URL: '' }),
      },
      {
        nodeArgs: [
          ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
          ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        ],
      },
    );
    const started = procStats(server.pid);
    log(`server pid ${server.pid} at ${server.url} (RSS ${fmtMiB(started.rssBytes)} after start)`);
    // Two sessions of the designs' owner (designs are private to their owner unless shared).
    const tokens: [string, string] = [
      await login(server.url, 'agent@demo.realbrand.test'),
      await login(server.url, 'agent@demo.realbrand.test'),
    ];
    const ours = server;
    const ctx: Ctx = {
      wsUrl: server.wsUrl,
      pid: server.pid,
      tokens,
      dbName: name,
      newDesign: (title, templateId) => createDesign(ours.url, tokens[0], title, templateId),
      socketTokens: (n) => accessTokens(ours.url, 'agent@demo.realbrand.test', n),
      settle: () => waitRoomsEvicted(ours.url),
    };

    // Idle connections first: the RSS delta is clean only before the heavy phases leave garbage behind.
    if (PHASES.has('3')) {
      const r = await phaseIdle(ctx, idleConnections, 100);
      results.idle = r;
      log(
        `3 idle, ${r.connections} connections over ${r.designs} designs: ${fmtKiB(r.rssPerConn)} RSS and ${r.cpuMsPerConn.toFixed(2)} ms CPU per connection ` +
          `(RSS ${fmtMiB(r.rssBefore)} -> ${fmtMiB(r.rssAfter)}, connected in ${r.connectSeconds.toFixed(1)} s)`,
      );
    }
    if (PHASES.has('1')) {
      for (const n of [2, 10, 50]) {
        const r = await phaseFanout(ctx, n);
        results.fanout.push(r);
        log(
          `1 fan-out, ${n} clients on one design: p50 ${fmtMs(r.latency.p50)} / p95 ${fmtMs(r.latency.p95)} / p99 ${fmtMs(r.latency.p99)} ms (${r.latency.n}/${r.expected} deliveries)`,
        );
      }
    }

    let loadDesigns: string[] = [];
    if (PHASES.has('2') || PHASES.has('5')) {
      loadDesigns = await pool(
        Array.from({ length: Number(process.env.BENCH_LOAD_DESIGNS ?? 100) }, (_, i) => i),
        10,
        (i) => ctx.newDesign(`load ${i}`, 'listing-flyer'),
      );
    }
    if (PHASES.has('2')) {
      const r = await phaseLoad(ctx, loadDesigns, { clientsPerDesign: 4, ratePerClient: 5, seconds: 20, ack: false });
      results.load = r;
      log(
        `2 load, ${loadDesigns.length} designs x 4 clients x 5 edits/s x 20 s: p50 ${fmtMs(r.latency.p50)} / p95 ${fmtMs(r.latency.p95)} / p99 ${fmtMs(r.latency.p99)} ms, ` +
          `server CPU ${r.serverCpuSeconds.toFixed(2)} s (${r.serverSystemSeconds.toFixed(2)} s in the kernel), RSS ${fmtMiB(r.rssBefore)} -> ${fmtMiB(r.rssAfter)}, peak ${fmtMiB(r.hwm)} (earlier ${fmtMiB(r.lifetimePeak)}) (${r.latency.n}/${r.expected} deliveries, ~${r.dbCommits} db commits, bench CPU ${r.benchCpuSeconds.toFixed(1)} s, load ${loadavg()})`,
      );
    }
    if (PHASES.has('5')) {
      await waitRoomsEvicted(server.url);
      const r = await phaseLoad(ctx, loadDesigns, { clientsPerDesign: 4, ratePerClient: 5, seconds: 10, ack: true });
      results.ack = r;
      log(
        `5 durable ack, 100 designs x 4 clients (?ack=1) x 5 edits/s x 10 s: p50 ${fmtMs(r.ack!.p50)} / p95 ${fmtMs(r.ack!.p95)} / p99 ${fmtMs(r.ack!.p99)} ms ` +
          `(${r.ack!.n}/${r.edits} acked; fan-out p99 ${fmtMs(r.latency.p99)} ms, server CPU ${r.serverCpuSeconds.toFixed(2)} s, ~${r.dbCommits} db commits, load ${loadavg()})`,
      );
    }
    if (PHASES.has('4')) {
      const r = await phaseCold(ctx, server, dbUrl, 20_000, 5);
      results.cold = r;
      log(
        `4 cold load of a ${r.edits}-edit design (${r.logRows} log rows + ${fmtKiB(r.snapshotBytes)} snapshot): first reply ${fmtMs(median(r.first))} ms, ` +
          `synced ${fmtMs(median(r.full))} ms (median of ${r.first.length}; seeded in ${r.seedSeconds.toFixed(1)} s)`,
      );
    }
  } finally {
    if (server) {
      const code = await server.stop();
      const warnings = server.logLines.filter((l) => !l.includes('"level":30'));
      if (warnings.length) log(`server logged ${warnings.length} warning/error lines, first: ${warnings[0]!.slice(0, 300)}`);
      if (code !== 0) log(`server exited with code ${code}`);
      if (profileDir) {
        const mine = readdirSync(profileDir).filter((f) => f.includes(`.${server!.pid}.`));
        log(`server CPU profile: ${mine.map((f) => join(profileDir, f)).join(', ') || '(none written)'}`);
      }
    }
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
    log(`dropped database ${name}`);
  }

  if (process.env.BENCH_STOCK !== '0' && ['1', '2', '3'].some((p) => PHASES.has(p))) results.stock = await stockPhases(idleConnections);

  loadEnd = loadavg();
  const report = renderReport(results);
  console.log('\n' + report.table + '\n');
  const full = ['1', '2', '3', '4', '5'].every((p) => PHASES.has(p));
  if (full || process.env.BENCH_WRITE === '1') {
    writeFileSync(join(HERE, 'RESULTS.md'), report.markdown);
    log(`wrote ${join('bench', 'RESULTS.md')}`);
  }
}

/**
 * Phases 1–3 against the stock y-websocket server (in memory: no auth, no
 * persistence), same clients, same machine, same run: the in-memory reference
 * measured here rather than quoted.
 */
/** Puts a template's document into a design of the stock server (it keeps it in memory with no client). */
async function seedStockDesign(wsUrl: string, id: string, templateId: string, title: string): Promise<void> {
  const template = getTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const client = stockClient(wsUrl, id, '-');
  try {
    await synced(client, 10_000);
    Y.applyUpdate(client.doc, designToUpdate(instantiateTemplate(template, DEMO_BRAND_KIT, { title })));
    // The provider sends the update at once; a fresh client seeing it confirms the server holds it.
    const check = stockClient(wsUrl, id, '-');
    try {
      await synced(check, 10_000);
      for (let i = 0; objectsMap(check.doc).size === 0; i++) {
        if (i > 100) throw new Error(`stock design ${id} not seeded`);
        await sleep(20);
      }
    } finally {
      check.destroy();
    }
  } finally {
    client.destroy();
  }
}

async function stockPhases(idleConnections: number): Promise<Results['stock']> {
  const profileDir = process.env.BENCH_PROFILE;
  const stock = await startStockServer({ nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined });
  if (!stock) {
    log('stock y-websocket server (@y/websocket-server) not installed: no same-run reference');
    return null;
  }
  log(`stock y-websocket server pid ${stock.pid} at ${stock.wsUrl}`);
  let n = 0;
  const ctx: Ctx = {
    wsUrl: stock.wsUrl,
    pid: stock.pid,
    tokens: ['-', '-'], // ignored by the stock server
    dbName: null,
    newDesign: async (title, templateId) => {
      const id = `stock-${++n}-${title.replace(/\W+/g, '-')}`;
      // The same document ours starts from (a design made from a template holds its objects).
      if (templateId) await seedStockDesign(stock.wsUrl, id, templateId, title);
      return id;
    },
    settle: () => sleep(300),
  };
  const out: NonNullable<Results['stock']> = { fanout: [], load: null, idle: null };
  try {
    if (PHASES.has('3')) {
      out.idle = await phaseIdle(ctx, idleConnections, 100);
      log(`stock 3 idle: ${fmtKiB(out.idle.rssPerConn)} RSS and ${out.idle.cpuMsPerConn.toFixed(2)} ms CPU per connection`);
    }
    if (PHASES.has('1')) {
      for (const c of [2, 10, 50]) {
        const r = await phaseFanout(ctx, c);
        out.fanout.push(r);
        log(`stock 1 fan-out, ${c} clients: p50 ${fmtMs(r.latency.p50)} / p95 ${fmtMs(r.latency.p95)} / p99 ${fmtMs(r.latency.p99)} ms`);
      }
    }
    if (PHASES.has('2')) {
      // The same documents as ours (made from the flyer template).
      const designs = await pool(
        Array.from({ length: 100 }, (_, i) => i),
        10,
        (i) => ctx.newDesign(`load ${i}`, 'listing-flyer'),
      );
      out.load = await phaseLoad(ctx, designs, { clientsPerDesign: 4, ratePerClient: 5, seconds: 20, ack: false });
      log(
        `stock 2 load: p50 ${fmtMs(out.load.latency.p50)} / p95 ${fmtMs(out.load.latency.p95)} / p99 ${fmtMs(out.load.latency.p99)} ms, ` +
          `server CPU ${out.load.serverCpuSeconds.toFixed(2)} s (${out.load.serverSystemSeconds.toFixed(2)} s in the kernel), RSS ${fmtMiB(out.load.rssBefore)} -> ${fmtMiB(out.load.rssAfter)}, peak ${fmtMiB(out.load.hwm)}`,
      );
    }
  } finally {
    await stock.stop();
    if (profileDir)
      log(
        `stock server CPU profile: ${
          readdirSync(profileDir)
            .filter((f) => f.includes(`.${stock.pid}.`))
            .map((f) => join(profileDir, f))
            .join(', ') || '(none written)'
        }`,
      );
  }
  return out;
}

function revision(): string {
  if (process.env.BENCH_REV) return process.env.BENCH_REV;
  try {
    return (
      execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() +
      (execSync('git status --porcelain server shared', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim()
        ? ' + uncommitted changes'
        : '')
    );
  } catch {
    return 'unknown revision';
  }
}

let loadStart = '';
let loadEnd = '';

function machine(): string[] {
  const model = cpus()[0]?.model ?? 'unknown';
  const nproc = execSync('nproc').toString().trim();
  return [
    `- CPU: ${model}, nproc ${nproc}`,
    `- memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- node ${process.version}, ${process.platform} ${process.arch}`,
    `- date: ${new Date().toISOString()}, code: ${revision()}`,
    `- load average (1/5/15 min) at start ${loadStart}, at end ${loadEnd}: the machine is shared; latency figures are sensitive to other load, CPU seconds much less so`,
  ];
}

function renderReport(r: Results): { table: string; markdown: string } {
  const st = r.stock;
  /** "figure (ratio×)" against the stock server measured in this run. */
  const vsStock = (ours: number, stock: number | undefined, show: (v: number) => string) =>
    stock === undefined ? '—' : `${show(stock)} (ours ${ratio(ours, stock)})`;
  const rows: string[][] = [
    [
      'measure',
      'RealBrand (PostgreSQL)',
      'stock y-websocket, same run (in memory)',
      `vs ${REF.inMemory.name}, issue figures`,
      `vs ${REF.persisting.name}, issue figures`,
    ],
  ];
  for (const f of r.fanout) {
    const ref = f.clients === 50 ? `ref p99 ${REF.fanoutP99At50[0]}–${REF.fanoutP99At50[1]} ms` : '';
    const sf = st?.fanout.find((x) => x.clients === f.clients);
    rows.push([
      `1. fan-out latency, ${f.clients} clients, p50/p95/p99`,
      `${fmtMs(f.latency.p50)} / ${fmtMs(f.latency.p95)} / ${fmtMs(f.latency.p99)} ms`,
      sf ? `${fmtMs(sf.latency.p50)} / ${fmtMs(sf.latency.p95)} / ${fmtMs(sf.latency.p99)} ms` : '—',
      f.clients === 50 ? `${ratio(f.latency.p99, REF.fanoutP99At50[0])}–${ratio(f.latency.p99, REF.fanoutP99At50[1])} (p99) ${ref}` : '',
      '',
    ]);
  }
  if (r.load) {
    const l = r.load;
    const sl = st?.load ?? null;
    rows.push([
      '2. 100 designs × 4 clients × 5/s, latency p50/p95/p99',
      `${fmtMs(l.latency.p50)} / ${fmtMs(l.latency.p95)} / ${fmtMs(l.latency.p99)} ms`,
      sl ? `${fmtMs(sl.latency.p50)} / ${fmtMs(sl.latency.p95)} / ${fmtMs(sl.latency.p99)} ms` : '—',
      '',
      '',
    ]);
    rows.push([
      `2. server CPU for the ${l.seconds} s workload (of which kernel)`,
      `${l.serverCpuSeconds.toFixed(2)} s (${l.serverSystemSeconds.toFixed(2)} s)`,
      sl
        ? `${sl.serverCpuSeconds.toFixed(2)} s (${sl.serverSystemSeconds.toFixed(2)} s); ours ${ratio(l.serverCpuSeconds, sl.serverCpuSeconds)}`
        : '—',
      `${ratio(l.serverCpuSeconds, REF.inMemory.cpu100)} of ${REF.inMemory.cpu100} s`,
      `${ratio(l.serverCpuSeconds, REF.persisting.cpu100)} of ${REF.persisting.cpu100} s`,
    ]);
    rows.push([
      '2. server RSS after the workload (peak during it)',
      `${fmtMiB(l.rssAfter)} (${fmtMiB(l.hwm)})`,
      sl ? `${fmtMiB(sl.rssAfter)} (${fmtMiB(sl.hwm)})` : '—',
      '',
      '',
    ]);
  }
  if (r.idle) {
    const i = r.idle;
    const si = st?.idle ?? null;
    rows.push([
      `3. RSS per idle connection (${i.connections})`,
      fmtKiB(i.rssPerConn),
      vsStock(i.rssPerConn, si?.rssPerConn, fmtKiB),
      `${ratio(i.rssPerConn / 1024, REF.inMemory.idleKiB)} of ${REF.inMemory.idleKiB} KiB`,
      `${ratio(i.rssPerConn / 1024, REF.persisting.idleKiB)} of ${REF.persisting.idleKiB} KiB`,
    ]);
    rows.push([
      '3. CPU per connection (accept + auth + sync)',
      `${i.cpuMsPerConn.toFixed(2)} ms`,
      vsStock(i.cpuMsPerConn, si?.cpuMsPerConn, (v) => `${v.toFixed(2)} ms`),
      `${ratio(i.cpuMsPerConn, REF.inMemory.idleCpuMs)} of ${REF.inMemory.idleCpuMs} ms`,
      `${ratio(i.cpuMsPerConn, REF.persisting.idleCpuMs)} of ${REF.persisting.idleCpuMs} ms`,
    ]);
  }
  if (r.cold) {
    const c = r.cold;
    rows.push([
      `4. cold load (${c.edits} edits): first reply`,
      `${fmtMs(median(c.first))} ms`,
      '— (keeps nothing once the last client leaves)',
      `${ratio(median(c.first), REF.inMemory.coldFirst)} of ${REF.inMemory.coldFirst} ms`,
      `${ratio(median(c.first), REF.persisting.coldFirst)} of ${REF.persisting.coldFirst} ms`,
    ]);
    rows.push([
      '4. cold load: full document (synced)',
      `${fmtMs(median(c.full))} ms`,
      '—',
      `${ratio(median(c.full), REF.inMemory.coldFull)} of ${REF.inMemory.coldFull} ms`,
      `${ratio(median(c.full), REF.persisting.coldFull)} of ${REF.persisting.coldFull} ms`,
    ]);
  }
  if (r.ack?.ack) {
    const a = r.ack.ack;
    rows.push([
      '5. edit → durable ack p50/p95/p99',
      `${fmtMs(a.p50)} / ${fmtMs(a.p95)} / ${fmtMs(a.p99)} ms`,
      '— (persists nothing)',
      `target p95 < ${REF.ackP95Target} ms: ${a.p95 < REF.ackP95Target ? 'met' : 'MISSED'}`,
      '',
    ]);
  }
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) => row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ');
  const table = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
  const md = (row: string[]) => `| ${row.join(' | ')} |`;

  const notes: string[] = [];
  for (const f of r.fanout)
    notes.push(
      `- fan-out ${f.clients} clients: ${f.latency.n} of ${f.expected} expected deliveries measured, max ${fmtMs(f.latency.max)} ms.`,
    );
  if (r.load) {
    notes.push(
      `- 100-design workload: ${r.load.edits} edits, ${r.load.latency.n} of ${r.load.expected} deliveries, max ${fmtMs(r.load.latency.max)} ms; ` +
        `CPU measured over the edit window plus drain; server RSS before ${fmtMiB(r.load.rssBefore)}, peak before the workload (start-up and earlier phases) ${fmtMiB(r.load.lifetimePeak)}; the bench process itself used ${r.load.benchCpuSeconds.toFixed(1)} s CPU.`,
    );
  }
  if (st?.load) {
    notes.push(
      `- stock y-websocket server (\`@y/websocket-server\`, in memory, no auth, no persistence), same clients and the same documents (the workload's 100 designs hold the listing-flyer template on both servers), measured after ours in this run: ` +
        `it echoes each edit to its sender too (${st.load.latency.n} deliveries counted without the echoes), so it writes 4 frames per edit where ours writes 3; ` +
        `the bench process used ${st.load.benchCpuSeconds.toFixed(1)} s CPU against it.`,
    );
  }
  if (r.ack)
    notes.push(
      `- durable ack: ${r.ack.ack!.n} of ${r.ack.edits} edits acknowledged, max ${fmtMs(r.ack.ack!.max)} ms; fan-out p50/p95/p99 meanwhile ${fmtMs(r.ack.latency.p50)} / ${fmtMs(r.ack.latency.p95)} / ${fmtMs(r.ack.latency.p99)} ms; server CPU ${r.ack.serverCpuSeconds.toFixed(2)} s for 10 s.`,
    );
  if (r.idle)
    notes.push(
      `- idle: RSS ${fmtMiB(r.idle.rssBefore)} → ${fmtMiB(r.idle.rssAfter)} for ${r.idle.connections} sockets over ${r.idle.designs} designs (the 100 rooms' own memory included), each socket with its own access token (one session, rotated by refresh: no token check is reused; the stock server checks none); connected in ${r.idle.connectSeconds.toFixed(1)} s with 100 in flight.`,
    );
  if (r.cold) {
    notes.push(
      `- cold load: the design got ${r.cold.edits} edits from 4 clients through the server (${r.cold.seedSeconds.toFixed(1)} s), leaving ${r.cold.logRows} log rows after a ${fmtKiB(r.cold.snapshotBytes)} snapshot; ` +
        `document ${fmtKiB(r.cold.docBytes)}; ${r.cold.first.length} trials, each after the room was evicted (ROOM_IDLE_MS=${ROOM_IDLE_MS}), includes WebSocket handshake and authentication; ` +
        `first reply ${r.cold.first.map(fmtMs).join(', ')} ms; synced ${r.cold.full.map(fmtMs).join(', ')} ms.`,
    );
  }

  const markdown = [
    '# Collaboration server benchmark',
    '',
    'Produced by `npm run bench` (bench/run.ts). The server runs as a child process as `npm start` runs it (compiled, `node server/dist/main.mjs`; LOG_LEVEL=warn, PostgreSQL persistence in a fresh database, in-process fan-out); the load comes from raw y-websocket clients (`ws` + lib0) in the bench process on the same machine. Latency = receive time − a timestamp carried in the edit. The "same run" column is the stock y-websocket server under exactly the same clients and load, measured in this run on this machine (the fair comparison: load generation, kernel and machine are the same); the "issue figures" columns quote the reference numbers from the issue (medians of 3 runs on this kind of machine, with their own load generator, so absolute CPU seconds are not directly comparable).',
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Figures',
    '',
    md(rows[0]!),
    md(rows[0]!.map(() => '---')),
    ...rows.slice(1).map(md),
    '',
    '## Notes',
    '',
    ...notes,
    '',
  ].join('\n');
  return { table, markdown };
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
