/**
 * `npm run bench:plain`: the plain-document workload of issue #19, measured on four servers in one
 * run, interleaved (a fresh server per target and repeat; the order reversed every other repeat):
 *
 * - `y-websocket`: the stock `@y/websocket-server` (in memory, no auth, no persistence);
 * - `hocuspocus`: Hocuspocus 3.4.4 + `@hocuspocus/extension-sqlite` (persisting to a file);
 * - `ours-pg`: our server as `npm start` runs it, on PostgreSQL (a fresh database);
 * - `ours-embedded`: the same on the embedded PostgreSQL, the `npm start` default (a fresh data
 *   directory; its PostgreSQL processes are children of the server and counted in its CPU and memory);
 * - `ours-pglite`: the same on PGlite (`EMBEDDED_DB=pglite`, a fresh data directory).
 *
 * Designs are created empty (ours: `POST /api/designs` with a title only) and edited as plain
 * documents (see plain-client.ts). Phases per target: 100 designs × 4 clients × 5 edits/s for 10 s
 * (CPU, latency, memory); 1 design × 50 clients, 100 edits/s for 10 s (CPU %); ours only: the same
 * 100-design load with durable acks for 5 s; a 20,000-edit design on 200 objects, cold-loaded
 * after every client left (first sync reply / full document).
 *
 * Hocuspocus lives in bench/peers/package.json (its sqlite3 compiles from source, ~2–3 min
 * the first time); it is installed here when missing, never by `npm ci` or `npm test`.
 *
 * Knobs: BENCH_TARGETS=y-websocket,hocuspocus,ours-pg,ours-embedded,ours-pglite  BENCH_REPEATS=2  BENCH_SECONDS=10
 *        BENCH_PHASES=load,fifty,ack,cold  BENCH_WRITE=1 (write the table into RESULTS.md)
 *        BENCH_PROFILE=<dir> (our servers with --cpu-prof)  BENCH_PG_ADMIN_URL
 *        BENCH_B_ENTRY=<dir>/main.mjs: target `ours-pg-b`, our server on PostgreSQL from a build made
 *        beforehand (`npx tsx server/build.ts <dir>`), for an A/B of two builds in the same run
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as Y from 'yjs';
import { PlainClient, sentAt } from './plain-client.js';
import { buildServer, freePort, startServer, startStockServer, type ServerChild } from './proc.js';
import { treeSampler, treeUsage } from './tree-usage.js';
import { fmtMiB, fmtMs, median, percentiles, pool, sleep, type Percentiles } from './stats.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PEERS = join(HERE, 'peers');
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = (process.env.BENCH_TARGETS ?? 'y-websocket,hocuspocus,ours-pg,ours-embedded,ours-pglite')
  .split(',')
  .map((s) => s.trim()) as Target[];
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'load,fifty,ack,cold').split(','));
const PASSWORD = 'realbrand-demo';
const ROOM_IDLE_MS = 300;

type Target = 'y-websocket' | 'hocuspocus' | 'ours-pg' | 'ours-pg-b' | 'ours-embedded' | 'ours-pglite';
const log = (line: string) => console.log(`[plain ${new Date().toISOString().slice(11, 19)}] ${line}`);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** A started server and how to reach a design on it. */
interface Running {
  target: Target;
  server: ServerChild;
  protocol: 'y' | 'hocuspocus';
  newDesign(title: string): Promise<string>;
  url(designId: string, i: number, ack?: boolean): string;
  token(i: number): string;
  /** Resolves once the design is no longer held in memory (after its last client left). */
  unloaded(designId: string): Promise<void>;
  /** Whether the server keeps a design in memory after its last client (the stock server does). */
  keepsDocs: boolean;
  cleanup(): Promise<void>;
}

async function ensurePeers(): Promise<void> {
  if (existsSync(join(PEERS, 'node_modules', '@hocuspocus', 'extension-sqlite'))) return;
  log('installing the bench peers (bench/peers: Hocuspocus + SQLite; sqlite3 compiles from source, ~2-3 min)');
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: PEERS, stdio: 'inherit' });
}

async function startHocuspocus(dir: string): Promise<ServerChild> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(PEERS, 'hocuspocus.mjs')], {
    cwd: PEERS,
    env: { ...process.env, PORT: String(port), SQLITE_FILE: join(dir, 'hocuspocus.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Hocuspocus did not start in 20 s')), 20_000);
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('running at') && (clearTimeout(timer), resolve()));
    child.stderr!.on('data', (c: Buffer) => logLines.push(c.toString()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`Hocuspocus exited with ${code}: ${logLines.join('')}`))));
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    logLines,
    async stop() {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}

async function logIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function roomsLoaded(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^realbrand_rooms_loaded (\S+)/m.exec(text)?.[1] ?? Number.NaN);
}

async function startOurs(target: 'ours-pg' | 'ours-pg-b' | 'ours-embedded' | 'ours-pglite', dir: string): Promise<Running> {
  let dbName: string | null = null;
  let databaseUrl = '';
  if (target === 'ours-pg' || target === 'ours-pg-b') {
    dbName = `rb_plain_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(ADMIN_URL);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const profileDir = process.env.BENCH_PROFILE;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const server = await startServer(
    {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      EMBEDDED_DB: target === 'ours-pglite' ? 'pglite' : '',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      ROOM_IDLE_MS: String(ROOM_IDLE_MS),
      REDIS_URL: '',
    },
    // A fresh PGlite data directory runs initdb first: minutes on a crowded machine.
    {
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      startTimeoutMs: 300_000,
      entry: target === 'ours-pg-b' ? process.env.BENCH_B_ENTRY : undefined,
    },
  );
  const email = 'agent@demo.realbrand.test';
  const tokens = [await logIn(server.url, email), await logIn(server.url, email)];
  return {
    target,
    server,
    protocol: 'y',
    keepsDocs: false,
    async newDesign(title) {
      const res = await fetch(`${server.url}/api/designs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (res.status !== 201) throw new Error(`create design: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    url: (id, i, ack) => `${server.wsUrl}/collab/${id}?token=${encodeURIComponent(tokens[i % 2]!)}${ack ? '&ack=1' : ''}`,
    token: (i) => tokens[i % 2]!,
    async unloaded() {
      const deadline = Date.now() + 15_000;
      while ((await roomsLoaded(server.url)) > 0) {
        if (Date.now() > deadline) throw new Error('rooms were not unloaded in time');
        await sleep(20);
      }
    },
    async cleanup() {
      if (!dbName) return;
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function start(target: Target, dir: string): Promise<Running> {
  if (target === 'ours-pg' || target === 'ours-pg-b' || target === 'ours-embedded' || target === 'ours-pglite')
    return startOurs(target, dir);
  let n = 0;
  const server = target === 'hocuspocus' ? await startHocuspocus(dir) : await startStockServer();
  if (!server) throw new Error('@y/websocket-server is not installed');
  const hocus = target === 'hocuspocus';
  return {
    target,
    server,
    protocol: hocus ? 'hocuspocus' : 'y',
    keepsDocs: !hocus,
    newDesign: async (title) => `plain-${++n}-${title.replace(/\W+/g, '-')}`,
    url: (id) => (hocus ? server.wsUrl : `${server.wsUrl}/${id}`),
    token: () => 'bench',
    // Hocuspocus stores the document when its last client leaves, then unloads it.
    unloaded: () => sleep(hocus ? 1_500 : 300),
    cleanup: async () => undefined,
  };
}

function client(
  r: Running,
  designId: string,
  i: number,
  extra: { onLatency?: (ms: number) => void; onAck?: (ms: number) => void; ack?: boolean } = {},
): PlainClient {
  return new PlainClient({
    url: r.url(designId, i, extra.ack),
    protocol: r.protocol,
    docName: designId,
    token: r.token(i),
    onLatency: extra.onLatency,
    onAck: extra.onAck,
  });
}

async function connect(
  r: Running,
  specs: Array<{ designId: string; i: number }>,
  extra: Parameters<typeof client>[3] = {},
): Promise<PlainClient[]> {
  return pool(specs, 50, async ({ designId, i }) => {
    const c = client(r, designId, i, extra);
    await c.whenSynced();
    return c;
  });
}

async function paced(count: number, intervalMs: number, fn: (k: number) => void): Promise<void> {
  const start = performance.now();
  for (let k = 0; k < count; k++) {
    const wait = start + k * intervalMs - performance.now();
    if (wait > 0.5) await sleep(wait);
    fn(k);
  }
}

type Sampler = ReturnType<typeof treeSampler>;

interface LoadResult {
  /** CPU seconds of the server's process tree (exited children included), over the edit window plus drain. */
  cpu: number;
  /** Of which in the kernel (socket writes and reads). */
  sys: number;
  latency: Percentiles;
  expected: number;
  ack: Percentiles | null;
  rssEnd: number;
  peakWorkload: number;
  peakLife: number;
  wall: number;
}

/** `designs` × `perDesign` clients, `rate` edits/s each, `seconds`; CPU over the edit window plus drain. */
async function load(
  r: Running,
  sampler: Sampler,
  designs: string[],
  perDesign: number,
  rate: number,
  seconds: number,
  ack = false,
): Promise<LoadResult> {
  sentAt.clear();
  const samples: number[] = [];
  const acks: number[] = [];
  const specs = designs.flatMap((designId) => Array.from({ length: perDesign }, (_, i) => ({ designId, i })));
  const clients = await connect(r, specs, { onLatency: (ms) => samples.push(ms), ack, onAck: ack ? (ms) => acks.push(ms) : undefined });
  // Each design starts with ~10 objects (its first client adds what is missing), seen by every client.
  for (let d = 0; d < designs.length; d++) {
    const first = clients[d * perDesign]!;
    for (let k = first.objectCount; k < 10; k++) first.addObject();
  }
  await sleep(1_500);
  samples.length = 0;
  const peakLife = sampler.lifePeak();
  sampler.resetPeak();
  const before = treeUsage(r.server.pid);
  const t0 = performance.now();
  const period = 1000 / rate;
  const perClient = Math.round(seconds * rate);
  let edits = 0;
  await Promise.all(
    clients.map(async (c) => {
      await sleep(Math.random() * period);
      await paced(perClient, period, () => {
        c.edit();
        edits++;
      });
    }),
  );
  const expected = edits * (perDesign - 1);
  const deadline = Date.now() + 5_000;
  await sleep(100);
  while (Date.now() < deadline && (samples.length < expected || (ack && clients.some((c) => c.unacked > 0)))) await sleep(20);
  const after = treeUsage(r.server.pid);
  const rssEnd = after.pssBytes;
  const peakWorkload = sampler.peak();
  const wall = (performance.now() - t0) / 1000;
  await pool(clients, 200, (c) => c.closeAndWait());
  return {
    cpu: after.cpuSeconds - before.cpuSeconds,
    sys: after.systemSeconds - before.systemSeconds,
    latency: percentiles(samples),
    expected,
    ack: ack ? percentiles(acks) : null,
    rssEnd,
    peakWorkload,
    peakLife: Math.max(peakLife, peakWorkload),
    wall,
  };
}

interface ColdResult {
  first: number[];
  full: number[];
  /** When the document (sync step 2) arrived, before the client applied it. */
  received: number[];
  docBytes: number;
  objects: number;
}

/** A design with 200 objects and 20,000 edits, then cold opens after every client left. */
async function cold(r: Running, trials: number): Promise<ColdResult> {
  const designId = await r.newDesign('cold load');
  const seeders = await connect(
    r,
    [0, 1, 2, 3].map((i) => ({ designId, i })),
    { ack: r.target.startsWith('ours') },
  );
  for (let k = 0; k < 200; k++) seeders[k % 4]!.addObject();
  await sleep(500);
  const total = 20_000;
  const t0 = performance.now();
  for (let sent = 0; sent < total;) {
    if (performance.now() - t0 > 120_000) throw new Error('seeding the cold design took too long');
    for (const c of seeders) for (let k = 0; k < 25 && sent < total; k++, sent++) c.edit(false);
    await sleep(5);
  }
  // Everything stored: our durable acks; the others store on the last client's leaving.
  const deadline = Date.now() + 30_000;
  while (r.target.startsWith('ours') && seeders.some((c) => c.unacked > 0) && Date.now() < deadline) await sleep(20);
  await sleep(300);
  seeders[0]!.catchUp();
  const docBytes = Y.encodeStateAsUpdate(seeders[0]!.doc).byteLength;
  const objects = seeders[0]!.objectCount;
  await pool(seeders, 4, (c) => c.closeAndWait());
  await r.unloaded(designId);
  const first: number[] = [];
  const full: number[] = [];
  const received: number[] = [];
  for (let t = 0; t < trials; t++) {
    const c = client(r, designId, t);
    await c.whenSynced();
    first.push(c.firstSyncAt - c.openedAt);
    full.push(c.syncedAt - c.openedAt);
    received.push(c.step2At - c.openedAt);
    if (c.objectCount !== objects) throw new Error(`cold load of ${r.target}: ${c.objectCount} objects, expected ${objects}`);
    await c.closeAndWait();
    await r.unloaded(designId);
  }
  return { first, full, received, docBytes, objects };
}

interface RunResult {
  target: Target;
  repeat: number;
  load?: LoadResult;
  fifty?: LoadResult;
  ack?: LoadResult;
  cold?: ColdResult;
  startMs: number;
  peakTree: number;
}

async function runTarget(target: Target, repeat: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), `rb-plain-${target}-`));
  // mkdtemp makes it 0700: as root, the embedded PostgreSQL runs as another user, who must enter it.
  chmodSync(dir, 0o755);
  const t0 = performance.now();
  const r = await start(target, dir);
  const startMs = performance.now() - t0;
  const sampler = treeSampler(r.server.pid);
  const out: RunResult = { target, repeat, startMs, peakTree: 0 };
  try {
    log(
      `${target} #${repeat}: pid ${r.server.pid}, started in ${startMs.toFixed(0)} ms, PSS ${fmtMiB(treeUsage(r.server.pid).pssBytes)} (load ${loadavg()})`,
    );
    if (PHASES.has('load')) {
      const designs = await pool(
        Array.from({ length: 100 }, (_, i) => i),
        10,
        (i) => r.newDesign(`load ${i}`),
      );
      out.load = await load(r, sampler, designs, 4, 5, SECONDS);
      const l = out.load;
      log(
        `${target} #${repeat} 100×4×5/s: CPU ${l.cpu.toFixed(2)} s (kernel ${l.sys.toFixed(2)} s), p50/p99 ${fmtMs(l.latency.p50)} / ${fmtMs(l.latency.p99)} ms (${l.latency.n}/${l.expected}, max ${fmtMs(l.latency.max)}), ` +
          `PSS end ${fmtMiB(l.rssEnd)}, peak ${fmtMiB(l.peakWorkload)} (life ${fmtMiB(l.peakLife)})`,
      );
    }
    if (PHASES.has('fifty')) {
      const d = await r.newDesign('fifty');
      out.fifty = await load(r, sampler, [d], 50, 2, SECONDS);
      log(
        `${target} #${repeat} 1×50, 100 edits/s: CPU ${((100 * out.fifty.cpu) / out.fifty.wall).toFixed(1)}% (kernel ${((100 * out.fifty.sys) / out.fifty.wall).toFixed(1)}%), p99 ${fmtMs(out.fifty.latency.p99)} ms`,
      );
    }
    if (PHASES.has('ack') && target.startsWith('ours')) {
      const designs = await pool(
        Array.from({ length: 100 }, (_, i) => i),
        10,
        (i) => r.newDesign(`ack ${i}`),
      );
      out.ack = await load(r, sampler, designs, 4, 5, Math.min(SECONDS, 5), true);
      log(
        `${target} #${repeat} durable ack p50/p95/p99 ${fmtMs(out.ack.ack!.p50)} / ${fmtMs(out.ack.ack!.p95)} / ${fmtMs(out.ack.ack!.p99)} ms (${out.ack.ack!.n} acks)`,
      );
    }
    if (PHASES.has('cold')) {
      out.cold = await cold(r, 5);
      log(
        `${target} #${repeat} cold (${(out.cold.docBytes / 1024).toFixed(0)} KB, ${out.cold.objects} objects): first ${out.cold.first.map(fmtMs).join(', ')} ms; full ${out.cold.full.map(fmtMs).join(', ')} ms (document received at ${out.cold.received.map(fmtMs).join(', ')} ms)`,
      );
    }
  } finally {
    out.peakTree = sampler.stop();
    const code = await r.server.stop();
    const warnings = r.server.logLines.filter((l) => !l.includes('"level":30'));
    if (warnings.length) log(`${target} logged ${warnings.length} warning/error lines, first: ${warnings[0]!.slice(0, 300)}`);
    if (code !== 0 && code !== null) log(`${target} exited with code ${code}`);
    await r.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const NAMES: Record<Target, string> = {
  'y-websocket': 'y-websocket (memory)',
  hocuspocus: 'Hocuspocus + SQLite',
  'ours-pg': 'ours, PostgreSQL',
  'ours-pg-b': 'ours, PostgreSQL (build B: BENCH_B_ENTRY)',
  'ours-embedded': 'ours, embedded PostgreSQL (`npm start`)',
  'ours-pglite': 'ours, PGlite',
};

function table(results: RunResult[]): string {
  const targets = TARGETS.filter((t) => results.some((r) => r.target === t));
  const of = (t: Target) => results.filter((r) => r.target === t);
  const med = (t: Target, f: (r: RunResult) => number | undefined) => {
    const xs = of(t)
      .map(f)
      .filter((x): x is number => x !== undefined && Number.isFinite(x))
      .sort((a, b) => a - b);
    if (xs.length === 0) return Number.NaN;
    const mid = xs.length >> 1;
    return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2; // of 2 repeats: their mean
  };
  const ref = (f: (r: RunResult) => number | undefined) => med('y-websocket', f);
  const rows: string[][] = [[`workload (medians of ${Math.max(...results.map((r) => r.repeat)) + 1})`, ...targets.map((t) => NAMES[t])]];
  const row = (label: string, cell: (t: Target) => string) => rows.push([label, ...targets.map(cell)]);
  const cpu = (r: RunResult) => r.load?.cpu;
  row(
    `100 designs × 4 clients, 5 edits/s each, ${SECONDS} s: server CPU (with its child processes, exited ones included; an external PostgreSQL not counted)`,
    (t) => {
      const v = med(t, cpu);
      const x = ref(cpu);
      return Number.isNaN(v) ? '—' : `${v.toFixed(2)} s${t !== 'y-websocket' && x > 0 ? ` (${(v / x).toFixed(2)}×)` : ''}`;
    },
  );
  row(
    'same: edit → other clients p50 / p99',
    (t) => `${fmtMs(med(t, (r) => r.load?.latency.p50))} / ${fmtMs(med(t, (r) => r.load?.latency.p99))} ms`,
  );
  row(
    'same: server memory (PSS) at the end (peak in the workload; peak of its life before it), with its child processes',
    (t) =>
      `${(med(t, (r) => r.load?.rssEnd) / 2 ** 20).toFixed(0)} (${(med(t, (r) => r.load?.peakWorkload) / 2 ** 20).toFixed(0)}; ${(med(t, (r) => r.load?.peakLife) / 2 ** 20).toFixed(0)}) MiB`,
  );
  row(
    '1 design × 50 clients, 100 edits/s: server CPU',
    (t) => `${med(t, (r) => (r.fifty ? (100 * r.fifty.cpu) / r.fifty.wall : undefined)).toFixed(1)}%`,
  );
  row('durable ack p50 / p95 (100 designs, 5 s)', (t) =>
    t.startsWith('ours') ? `${fmtMs(med(t, (r) => r.ack?.ack?.p50))} / ${fmtMs(med(t, (r) => r.ack?.ack?.p95))} ms` : '—',
  );
  row(
    '20,000-edit design (200 objects) after every client left: first reply / full document',
    (t) =>
      `${fmtMs(med(t, (r) => (r.cold ? median(r.cold.first) : undefined)))} / ${fmtMs(med(t, (r) => (r.cold ? median(r.cold.full) : undefined)))} ms${t === 'y-websocket' ? ' (never unloads)' : ''}`,
  );
  row(
    'same: when the document (sync step 2) arrived, before the client applied it',
    (t) => `${fmtMs(med(t, (r) => (r.cold ? median(r.cold.received) : undefined)))} ms`,
  );
  row('start (spawn → listening), fresh data', (t) => `${med(t, (r) => r.startMs).toFixed(0)} ms`);
  row(
    'peak memory (PSS) of the process tree, whole run (sampled every 100 ms)',
    (t) => `${(med(t, (r) => r.peakTree) / 2 ** 20).toFixed(0)} MiB`,
  );
  return [rows[0]!, rows[0]!.map(() => '---'), ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    return head + (execFileSync('git', ['status', '--porcelain', 'server', 'shared']).toString().trim() ? ' + uncommitted changes' : '');
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  if (TARGETS.includes('hocuspocus')) await ensurePeers();
  // The code measured is the code built now: later commits during the run do not change it.
  const code = revision();
  if (TARGETS.some((t) => t.startsWith('ours'))) buildServer();
  const loadStart = loadavg();
  const results: RunResult[] = [];
  for (let rep = 0; rep < REPEATS; rep++) {
    const order = rep % 2 === 0 ? TARGETS : [...TARGETS].reverse();
    for (const t of order) results.push(await runTarget(t, rep));
    // Written after every repeat: a later failure keeps what was measured.
    report(results, code, loadStart, rep + 1);
  }
}

function report(results: RunResult[], code: string, loadStart: string, repeats: number): void {
  const md = table(results);
  console.log('\n' + md + '\n');
  const runs = results.map((r) => `${r.target}#${r.repeat}`).join(', ');
  const section = [
    '## Plain-document workload (issue #19), all four servers in one run',
    '',
    `Produced by \`npm run bench:plain\` (bench/plain.ts); code ${code}; ${new Date().toISOString()}; ${cpus()[0]?.model ?? '?'}, nproc ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; load average at start ${loadStart}, at end ${loadavg()} (the machine is shared with other work: absolute figures are noisy, compare the columns, which ran interleaved in this run: ${runs}; ${repeats} of ${REPEATS} repeats).`,
    '',
    md,
    '',
  ].join('\n');
  if (process.env.BENCH_WRITE === '1') {
    const file = join(HERE, 'RESULTS.md');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('## Plain-document workload');
    writeFileSync(file, (at >= 0 ? text.slice(0, at) : text.trimEnd() + '\n\n') + section);
    log('wrote bench/RESULTS.md');
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
