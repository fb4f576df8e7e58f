/**
 * PostgreSQL goes away under live editors (a throwaway cluster of this suite's own):
 * no acknowledgements while it is away, unsaved changes held up to a bound and then
 * refused with 1013, the server keeps running, and once it is back every change is
 * written and acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, objectsMap } from '../../shared/index.js';
import { migrate, createPgDb, type Db } from '../db/index.js';
import { synced } from '../test-support/clients.js';
import { createDesign, docFromStore, editableIds, spiedStockClient, type SpiedClient } from '../test-support/docs.js';
import { throwawayPostgres, type PostgresCluster } from '../test-support/postgres-cluster.js';
import { stopAllProcesses } from '../test-support/processes.js';
import { login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { DocumentStore } from './store.js';

let cluster: PostgresCluster;
let server: TestServer;
let db: Db;

beforeAll(async () => {
  cluster = await throwawayPostgres();
  const url = await cluster.createDatabase('rb_outage');
  db = createPgDb(url, 2);
  await migrate(db);
  server = await startTestServer({ DATABASE_URL: url, MAX_UNSAVED_BYTES: '4096', RECONCILE_MS: '500' });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
  await cluster?.destroy();
  await stopAllProcesses();
});

/** The highest durable ack a spied client has received (0 if none). */
const lastAck = (c: SpiedClient) =>
  Math.max(0, ...c.frames.filter((f) => f[0] === MessageType.durableAck).map((f) => f[1]! | ((f[1]! & 0x80 ? f[2]! : 0) << 7)));

describe('PostgreSQL goes away', () => {
  it('holds changes without acknowledging them, refuses more past the bound, and saves everything once it is back', async () => {
    const agent = await login(server.url, 'agent@demo.realbrand.test');
    const designId = await createDesign(server.url, agent, 'db outage');
    const c = spiedStockClient(server.wsUrl, designId, agent, { ack: '1' });
    try {
      await synced(c);
      const [a, b] = editableIds(c.doc) as [string, string];
      objectsMap(c.doc).get(a)!.set('x', 1);
      // Two change messages so far: the client's sync step 2, and this edit.
      await waitFor(() => lastAck(c) >= 2, 5_000, 'an ack while the database is up');

      await cluster.stopFast();
      const ackedBefore = lastAck(c);
      for (let i = 0; i < 5; i++)
        objectsMap(c.doc)
          .get(a)!
          .set('x', 100 + i);
      const ready = await waitFor(
        async () => {
          const res = await fetch(`${server.url}/readyz`);
          return res.status === 503 ? ((await res.json()) as { degraded: string[] }) : null;
        },
        10_000,
        'readyz naming the database',
      );
      expect(ready.degraded).toEqual(['database']);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(lastAck(c)).toBe(ackedBefore);

      // Past the bound (4 KiB here): the change is refused, and the socket told why.
      objectsMap(c.doc).get(b)!.set('text', 'x'.repeat(5_000));
      objectsMap(c.doc).get(b)!.set('text', 'y'.repeat(5_000));
      const closed = await waitFor(() => c.closes[0], 10_000, 'the socket refused');
      expect(closed).toEqual({ code: CloseCode.tryAgainLater, reason: 'changes cannot be saved right now; reconnect later' });

      await cluster.start();
      // The stock client reconnects by itself and sends what the server lacks.
      await waitFor(
        async () => {
          const stored = await docFromStore(new DocumentStore(db), designId);
          const ok = objectsMap(stored).get(a)?.get('x') === 104 && objectsMap(stored).get(b)?.get('text') === 'y'.repeat(5_000);
          stored.destroy();
          return ok;
        },
        20_000,
        'every change in the database',
      );
      const local = Y.encodeStateVector(c.doc);
      const stored = await docFromStore(new DocumentStore(db), designId);
      expect(Y.encodeStateAsUpdate(c.doc, Y.encodeStateVector(stored)).byteLength).toBeLessThan(40); // nothing the server lacks
      expect(local.byteLength).toBeGreaterThan(0);
      await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 200, 10_000, 'ready again');
    } finally {
      c.destroy();
    }
  }, 90_000);
});
