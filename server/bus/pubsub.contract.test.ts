/**
 * One contract, two implementations: the in-process bus (a hub whose link can be cut)
 * and the Redis bus (a throwaway redis-server this suite kills and restarts).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { throwawayRedis, stopAllProcesses, type RedisProcess } from '../test-support/processes.js';
import { waitFor } from '../test-support/server.js';
import { binaryChannel, InProcessHub, InProcessPubSub, jsonChannel, RedisConnections, RedisPubSub, type PubSub } from './index.js';

const silent = { warn: () => undefined, info: () => undefined, debug: () => undefined };

interface Pair {
  a: PubSub;
  b: PubSub;
  errors: Error[];
  /** The link goes away (both buses lose it), then comes back. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

let redis: RedisProcess | null = null;

const implementations: Array<[string, () => Promise<Pair>]> = [
  [
    'in-process',
    async () => {
      const hub = new InProcessHub();
      const errors: Error[] = [];
      const a = new InProcessPubSub(hub, (e) => errors.push(e));
      const b = new InProcessPubSub(hub, (e) => errors.push(e));
      return {
        a,
        b,
        errors,
        cut: async () => hub.cut(),
        restore: async () => hub.restore(),
        close: async () => void (await Promise.all([a.close(), b.close()])),
      };
    },
  ],
  [
    'redis',
    async () => {
      redis ??= await throwawayRedis();
      await redis.start();
      const errors: Error[] = [];
      const conns = [new RedisConnections(redis.url, silent), new RedisConnections(redis.url, silent)];
      const [a, b] = conns.map((c) => new RedisPubSub(c, (e) => errors.push(e))) as [RedisPubSub, RedisPubSub];
      await waitFor(() => a.up && b.up, 5_000, 'redis bus up');
      return {
        a,
        b,
        errors,
        cut: () => redis!.kill(),
        restore: () => redis!.start(),
        close: async () => {
          await Promise.all([a.close(), b.close()]);
          await Promise.all(conns.map((c) => c.close()));
        },
      };
    },
  ],
];

const Note = z.object({ text: z.string(), n: z.number().int() });
const notes = jsonChannel('rb:test:notes:', Note);
const blobs = binaryChannel<Uint8Array>(
  'rb:test:blobs:',
  (m) => m,
  (b) => new Uint8Array(b),
);

let open: Pair | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});
afterAll(() => stopAllProcesses());

describe.each(implementations)('PubSub contract: %s', (_name, make) => {
  const pair = async () => (open = await make());

  it('delivers to every subscriber of the topic, the publisher’s own included', async () => {
    const { a, b } = await pair();
    const atA: unknown[] = [];
    const atB: unknown[] = [];
    await a.subscribe(notes, 'd1', (m) => atA.push(m));
    await b.subscribe(notes, 'd1', (m) => atB.push(m));
    a.publish(notes, 'd1', { text: 'hello', n: 1 });
    await waitFor(() => atA.length === 1 && atB.length === 1, 5_000, 'delivery');
    expect(atB).toEqual([{ text: 'hello', n: 1 }]);
    expect(atA).toEqual([{ text: 'hello', n: 1 }]);
  });

  it('keeps topics and channels apart, and keeps order within a topic', async () => {
    const { a, b } = await pair();
    const d1: number[] = [];
    const d2: number[] = [];
    const blobsSeen: number[] = [];
    await b.subscribe(notes, 'd1', (m) => d1.push(m.n));
    await b.subscribe(notes, 'd2', (m) => d2.push(m.n));
    await b.subscribe(blobs, 'd1', (m) => blobsSeen.push(m.length));
    for (let n = 0; n < 50; n++) a.publish(notes, n % 2 ? 'd2' : 'd1', { text: 'x', n });
    a.publish(blobs, 'd1', new Uint8Array(3));
    await waitFor(() => d1.length === 25 && d2.length === 25 && blobsSeen.length === 1, 5_000, 'all messages');
    expect(d1).toEqual([...Array(25).keys()].map((i) => i * 2));
    expect(d2).toEqual([...Array(25).keys()].map((i) => i * 2 + 1));
    expect(blobsSeen).toEqual([3]);
  });

  it('carries binary messages byte for byte, large ones too', async () => {
    const { a, b } = await pair();
    const got: Uint8Array[] = [];
    await b.subscribe(blobs, 'big', (m) => got.push(m));
    const big = new Uint8Array(1024 * 1024).map((_, i) => (i * 31) % 256);
    a.publish(blobs, 'big', new Uint8Array([0, 255, 0, 10, 13]));
    a.publish(blobs, 'big', big);
    await waitFor(() => got.length === 2, 5_000, 'binary delivery');
    expect([...got[0]!]).toEqual([0, 255, 0, 10, 13]);
    expect(Buffer.compare(Buffer.from(got[1]!), Buffer.from(big))).toBe(0);
  });

  it('stops delivering after unsubscribe, to that subscriber only', async () => {
    const { a, b } = await pair();
    const first: number[] = [];
    const second: number[] = [];
    const off = await b.subscribe(notes, 'd', (m) => first.push(m.n));
    await b.subscribe(notes, 'd', (m) => second.push(m.n));
    a.publish(notes, 'd', { text: '', n: 1 });
    await waitFor(() => first.length === 1 && second.length === 1, 5_000, 'both subscribers');
    await off();
    a.publish(notes, 'd', { text: '', n: 2 });
    await waitFor(() => second.length === 2, 5_000, 'the remaining subscriber');
    expect(first).toEqual([1]);
  });

  it('reports a message it cannot decode and goes on', async () => {
    const { a, b, errors } = await pair();
    const got: number[] = [];
    await b.subscribe(notes, 'd', (m) => got.push(m.n));
    const raw = binaryChannel<Uint8Array>(
      'rb:test:notes:',
      (m) => m,
      (x) => x,
    );
    a.publish(raw, 'd', Buffer.from('{"text": 5}'));
    a.publish(raw, 'd', Buffer.from('not json'));
    a.publish(notes, 'd', { text: 'fine', n: 7 });
    await waitFor(() => got.length === 1, 5_000, 'the good message');
    expect(got).toEqual([7]);
    expect(errors.length).toBe(2);
  });

  it('while the link is down: reports it, drops publishes without throwing, and after it returns re-subscribes and says so', async () => {
    const { a, b, cut, restore } = await pair();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const states: boolean[] = [];
      let reconnects = 0;
      b.onStateChange((up) => states.push(up));
      b.onReconnect(() => reconnects++);
      const before: number[] = [];
      await b.subscribe(notes, 'old', (m) => before.push(m.n));

      await cut();
      await waitFor(() => !a.up && !b.up, 10_000, 'both buses noticing the loss');
      for (let n = 0; n < 20; n++) expect(() => a.publish(notes, 'old', { text: 'lost', n })).not.toThrow();
      const during: number[] = [];
      // A subscription made while the link is down does not hang the caller, and is live afterwards.
      await b.subscribe(notes, 'new', (m) => during.push(m.n));

      await restore();
      await waitFor(() => reconnects === 1 && a.up && b.up, 10_000, 'reconnected');
      expect(states).toEqual([false, true]);
      a.publish(notes, 'old', { text: 'after', n: 100 });
      a.publish(notes, 'new', { text: 'after', n: 200 });
      await waitFor(() => before.includes(100) && during.includes(200), 5_000, 'delivery after the outage');
      expect(before).toEqual([100]); // what was published during the outage is gone, not late
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  }, 30_000);
});
