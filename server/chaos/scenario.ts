import { CloseCode } from '../../shared/index.js';
import { DocumentStore } from '../collab/store.js';
import { createPgDb, type Db } from '../db/index.js';
import { contentOf, createDesign, docFromStore, editableIds } from '../test-support/docs.js';
import { throwawayPostgres, type PostgresCluster } from '../test-support/postgres-cluster.js';
import {
  freePort,
  startServerProcess,
  stopAllProcesses,
  throwawayRedis,
  type RedisProcess,
  type ServerProcess,
} from '../test-support/processes.js';
import { api, login, waitFor } from '../test-support/server.js';
import { ChaosClient } from './fleet.js';
import { startNginx, type Nginx } from './nginx.js';

/** What one fault did, as the table in docs/RELIABILITY.md shows it. */
export interface FaultResult {
  fault: string;
  /** From the end of the fault until every client and the database hold the same document (ms; null: never within the deadline). */
  convergeMs: number | null;
  ackedLost: number;
  unackedLost: number;
  /** Instances that exited, other than one killed on purpose. */
  instanceExits: number;
  edits: number;
  note: string;
  problems: string[];
}

export interface ChaosOptions {
  /** Rounds of the Redis and PostgreSQL faults (the short suite in `npm test` runs one). */
  rounds: number;
  log?: (line: string) => void;
}

const CONVERGE_LIMIT_MS = 5_000;
const LOGOUT_CLOSE_LIMIT_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The chaos suite: a throwaway PostgreSQL cluster and redis-server, three RealBrand
 * instances behind Debian's nginx (configured from deploy/nginx), twelve stock clients on
 * three designs editing through it; then each fault in turn, each bounded in time, with
 * its assertions recorded as problems.
 */
export async function runChaos(opts: ChaosOptions): Promise<FaultResult[]> {
  const log = opts.log ?? (() => undefined);
  // Each stock WebsocketProvider listens for the process's exit (thirteen here).
  process.setMaxListeners(Math.max(process.getMaxListeners(), 50));
  let pg: PostgresCluster | null = null;
  let redis: RedisProcess | null = null;
  let nginx: Nginx | null = null;
  let db: Db | null = null;
  const clients: ChaosClient[] = [];
  try {
    [pg, redis] = await Promise.all([throwawayPostgres(), throwawayRedis()]);
    const databaseUrl = await pg.createDatabase('realbrand');
    const env = (id: string, seed: boolean) => ({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis!.url,
      INSTANCE_ID: id,
      SEED_DEMO: String(seed),
      LOG_LEVEL: 'warn',
    });
    const instances: ServerProcess[] = [await startServerProcess(env('chaos-1', true))];
    instances.push(...(await Promise.all([startServerProcess(env('chaos-2', false)), startServerProcess(env('chaos-3', false))])));
    const killed = new Set<ServerProcess>();
    const live = () => instances.filter((i) => !killed.has(i));
    nginx = await startNginx(
      await freePort(),
      instances.map((i) => i.port),
    );
    log(
      `cluster up: postgres :${pg.port}, redis :${redis.port}, instances ${instances.map((i) => i.port).join(', ')}, nginx :${nginx.port}`,
    );

    const lb = nginx;
    // Four editors per design (brand managers only view agents' designs): the admin twice (two sessions) and two agents.
    const people = ['admin', 'admin2', 'agent', 'agent2'] as const;
    const email = (p: string) => `${p === 'admin2' ? 'admin' : p}@demo.realbrand.test`;
    const tokens = Object.fromEntries(await Promise.all(people.map(async (p) => [p, await login(lb.url, email(p))] as const))) as Record<
      (typeof people)[number],
      string
    >;
    const designs: string[] = [];
    for (let d = 0; d < 3; d++)
      designs.push(await createDesign(lb.url, tokens.admin, `Chaos ${d + 1}`, ['agent@demo.realbrand.test', 'agent2@demo.realbrand.test']));
    for (const designId of designs)
      for (const p of people) clients.push(new ChaosClient(`${p}@${designId.slice(0, 6)}`, lb.wsUrl, designId, tokens[p]));
    await waitFor(() => clients.every((c) => c.synced), 20_000, 'twelve clients synced through nginx');
    for (const designId of designs) {
      const mine = clients.filter((c) => c.designId === designId);
      const ids = editableIds(mine[0]!.doc);
      if (ids.length < mine.length) throw new Error(`design ${designId} has only ${ids.length} editable objects`);
      mine.forEach((c, i) => (c.objectId = ids[i]!));
    }
    db = createPgDb(databaseUrl, 2);
    const store = new DocumentStore(db);

    const results: FaultResult[] = [];
    const editing = (on: boolean) => clients.forEach((c) => (on ? c.startEditing() : c.stopEditing()));

    /** Stops the edits, waits for every replica and the database to agree, and checks what was acknowledged. */
    const settle = async (fault: string, endedAt: number, note: string[], problems: string[]): Promise<FaultResult> => {
      await sleep(500); // edits go on across the end of the fault
      editing(false);
      let convergeMs: number | null = null;
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const agreed = await Promise.all(
          designs.map(async (designId) => {
            const mine = clients.filter((c) => c.designId === designId);
            if (!mine.every((c) => c.synced)) return false;
            const content = contentOf(mine[0]!.doc);
            if (!mine.every((c) => contentOf(c.doc) === content)) return false;
            const stored = await docFromStore(store, designId).catch(() => null);
            const same = stored !== null && contentOf(stored) === content;
            stored?.destroy();
            return same;
          }),
        );
        if (agreed.every(Boolean)) {
          convergeMs = Date.now() - endedAt;
          break;
        }
        await sleep(100);
      }
      if (convergeMs === null) {
        for (const designId of designs) {
          const stored = await docFromStore(store, designId).catch(() => null);
          const mine = clients.filter((c) => c.designId === designId);
          const row = (label: string, doc: import('yjs').Doc | null) =>
            `${label}: ${doc ? mine.map((c) => c.xIn(doc)).join(',') : 'unreadable'}`;
          problems.push(
            `not converged ${designId.slice(0, 6)}: ${mine.map((c) => `${row(c.label, c.doc)} synced=${c.synced} made=${c.made} acked=${c.acked}`).join(' / ')} / ${row('db', stored)}`,
          );
          stored?.destroy();
        }
      }
      let ackedLost = 0;
      let unackedLost = 0;
      for (const designId of designs) {
        const stored = await docFromStore(store, designId);
        const mine = clients.filter((c) => c.designId === designId);
        for (const c of mine) {
          const saved = c.xIn(stored);
          ackedLost += Math.max(0, c.acked - saved);
          unackedLost += Math.max(0, c.made - Math.max(saved, c.acked));
          // Every acknowledged edit is in every client's document too.
          for (const other of mine)
            if (c.xIn(other.doc) < c.acked) problems.push(`${other.label} lacks acknowledged edit ${c.acked} of ${c.label}`);
        }
        stored.destroy();
      }
      const instanceExits = instances.filter((i) => !killed.has(i) && !i.running).length;
      if (convergeMs === null || convergeMs > CONVERGE_LIMIT_MS)
        problems.push(`converged after ${convergeMs === null ? 'more than 30 s' : `${convergeMs} ms`} (limit ${CONVERGE_LIMIT_MS} ms)`);
      if (ackedLost) problems.push(`${ackedLost} acknowledged edits lost`);
      if (instanceExits)
        problems.push(
          `${instanceExits} instances exited: ${instances
            .filter((i) => !killed.has(i) && !i.running)
            .map((i) => i.output().slice(-2000))
            .join('\n---\n')}`,
        );
      const edits = clients.reduce((n, c) => n + c.made, 0);
      const result: FaultResult = { fault, convergeMs, ackedLost, unackedLost, instanceExits, edits, note: note.join('; '), problems };
      results.push(result);
      log(
        `${fault}: converged ${convergeMs ?? '-'} ms, acked lost ${ackedLost}, unacked lost ${unackedLost}, exits ${instanceExits}${problems.length ? `, PROBLEMS: ${problems.join(' | ')}` : ''}`,
      );
      return result;
    };

    const readyz = async (i: ServerProcess) => {
      const res = await fetch(`${i.url}/readyz`).catch(() => null);
      return res ? { status: res.status, body: (await res.json()) as { degraded: string[] } } : null;
    };
    const allDegraded = async (what: string) =>
      (await Promise.all(live().map(readyz))).every((r) => r?.status === 503 && r.body.degraded.includes(what));

    const redisOutage = async (round: number) => {
      const note: string[] = [];
      const problems: string[] = [];
      editing(true);
      await sleep(1_000);
      const killedAt = Date.now();
      await redis!.kill();
      await waitFor(() => allDegraded('redis'), 5_000, 'every instance reporting Redis as degraded').then(
        () => note.push('/readyz 503 {degraded: [redis]} on every instance'),
        () => problems.push('not every instance reported Redis as degraded'),
      );
      await sleep(Math.max(0, killedAt + 5_000 - Date.now()));
      await redis!.start();
      await settle(`Redis SIGKILL, back after 5 s${round ? ` (round ${round + 1})` : ''}`, Date.now(), note, problems);
    };

    const logoutDuringOutage = async () => {
      const note: string[] = [];
      const problems: string[] = [];
      const [a, b] = live() as [ServerProcess, ServerProcess];
      // A second session of agent2, its socket straight on instance b; the log-out goes to instance a.
      const victimToken = await login(a.url, 'agent2@demo.realbrand.test');
      const victim = new ChaosClient('victim', b.wsUrl, designs[0]!, victimToken);
      try {
        await waitFor(() => victim.synced, 10_000, 'the victim synced');
        editing(true);
        const killedAt = Date.now();
        await redis!.kill();
        await waitFor(() => allDegraded('redis'), 5_000, 'Redis reported down');
        const loggedOutAt = Date.now();
        const out = await api(a.url, victimToken, 'POST', '/api/auth/logout');
        if (out.status !== 204) problems.push(`log-out answered ${out.status}`);
        await sleep(Math.max(0, killedAt + 5_000 - Date.now()));
        await redis!.start();
        const back = Date.now();
        // The clients settle meanwhile; the socket must be closed by 5 s after Redis returned.
        const closed = waitFor(
          () => victim.closes.find((c) => c.code === CloseCode.accessRevoked),
          Math.max(0, back + LOGOUT_CLOSE_LIMIT_MS + 5_000 - Date.now()),
          'the logged-out socket closed',
        ).catch(() => null);
        const result = await settle('Log-out while Redis is down (Redis SIGKILL 5 s)', back, note, problems);
        const c = await closed;
        if (!c) result.problems.push('the logged-out person’s socket was not closed');
        else {
          const after = c.at - back;
          result.note += `${result.note ? '; ' : ''}logged-out socket on another instance closed ${(Math.max(0, c.at - loggedOutAt) / 1000).toFixed(1)} s after the log-out, ${after <= 0 ? 'while Redis was still down' : `${(after / 1000).toFixed(1)} s after Redis returned`}`;
          if (after > LOGOUT_CLOSE_LIMIT_MS)
            result.problems.push(`the logged-out socket closed ${after} ms after Redis returned (limit ${LOGOUT_CLOSE_LIMIT_MS})`);
        }
        log(`log-out: ${result.note}${result.problems.length ? ` PROBLEMS: ${result.problems.join(' | ')}` : ''}`);
      } finally {
        victim.destroy();
      }
    };

    const postgresOutage = async (how: 'fast' | 'kill', round: number) => {
      const note: string[] = [];
      const problems: string[] = [];
      editing(true);
      await sleep(1_000);
      const ackedAtStop = clients.reduce((n, c) => n + c.acked, 0);
      if (how === 'fast') await pg!.stopFast();
      else await pg!.kill();
      await waitFor(() => allDegraded('database'), 5_000, 'every instance reporting the database as degraded').then(
        () => note.push('/readyz 503 {degraded: [database]}'),
        () => problems.push('not every instance reported the database as degraded'),
      );
      await sleep(1_500);
      // In-flight commits may finish as the server stops; after that, nothing is acknowledged while it is away.
      const ackedDuring = clients.reduce((n, c) => n + c.acked, 0);
      await sleep(1_500);
      if (clients.reduce((n, c) => n + c.acked, 0) !== ackedDuring) problems.push('edits were acknowledged while the database was away');
      note.push(`${ackedDuring - ackedAtStop} edits acknowledged while it stopped (in-flight commits), none while down`);
      await pg!.start();
      const name = how === 'fast' ? 'PostgreSQL fast restart (3 s down)' : 'PostgreSQL SIGKILL (3 s down, crash recovery)';
      await settle(`${name}${round ? ` (round ${round + 1})` : ''}`, Date.now(), note, problems);
    };

    const instanceKill = async () => {
      const note: string[] = [];
      const problems: string[] = [];
      const victim = live()[live().length - 1]!;
      const conns = await connectionsOf(victim);
      editing(true);
      await sleep(1_000);
      killed.add(victim);
      const exit = await victim.crash();
      note.push(`instance held ${conns} sockets; exit ${exit.signal}; clients reconnected through nginx`);
      await settle('Instance SIGKILL', Date.now(), note, problems);
    };

    const lateInstance = async () => {
      const note: string[] = [];
      const problems: string[] = [];
      editing(true);
      const fourth = await startServerProcess(env('chaos-4', false));
      instances.push(fourth);
      await lb.reload(live().map((i) => i.port));
      const joinedAt = Date.now();
      // New sockets go to the instance with the fewest: move a third of the clients.
      for (const c of clients.filter((_, i) => i % 3 === 0)) {
        c.provider.disconnect();
        c.provider.connect();
      }
      await waitFor(async () => (await connectionsOf(fourth)) > 0, 10_000, 'sockets on the fourth instance').then(
        async () => note.push(`fourth instance took ${await connectionsOf(fourth)} sockets after an nginx reload`),
        () => problems.push('no socket reached the fourth instance'),
      );
      await settle('Fourth instance added late', joinedAt, note, problems);
    };

    for (let round = 0; round < opts.rounds; round++) {
      await redisOutage(round);
      if (round === 0) await logoutDuringOutage();
      await postgresOutage('fast', round);
      await postgresOutage('kill', round);
    }
    await instanceKill();
    await lateInstance();
    return results;
  } finally {
    for (const c of clients) c.destroy();
    await db?.close().catch(() => undefined);
    await nginx?.stop();
    await stopAllProcesses();
    await pg?.destroy();
  }
}

async function connectionsOf(i: ServerProcess): Promise<number> {
  const text = await fetch(`${i.url}/metrics`).then(
    (r) => r.text(),
    () => '',
  );
  return Number(/^realbrand_ws_connections (\d+)/m.exec(text)?.[1] ?? 0);
}

/** The table for docs/RELIABILITY.md. */
export function resultTable(results: FaultResult[]): string {
  const rows = results.map((r) =>
    [
      r.fault,
      r.convergeMs === null ? 'not within 30 s' : `${(r.convergeMs / 1000).toFixed(1)} s`,
      String(r.ackedLost),
      String(r.unackedLost),
      String(r.instanceExits),
      String(r.edits),
      r.note,
    ].join(' | '),
  );
  return [
    '| Fault | Time to converge | Acked edits lost | Unacked edits lost | Instance exits | Edits so far | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}
