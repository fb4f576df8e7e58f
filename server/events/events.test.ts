import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { DomainEvent } from '../../shared/events/index.js';
import { createEvent, parseEvent } from '../../shared/events/index.js';
import { migrate, type Db, type Queryable } from '../db/index.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { stopAllProcesses, throwawayRedis, type RedisProcess } from '../test-support/processes.js';
import { waitFor } from '../test-support/server.js';
import { withTenant } from '../repos/index.js';
import { analyticsBumps, analyticsConsumer, emit, EventBackbone, RedisStreamsTransport, type EventConsumer } from './index.js';

const quiet = { warn: (...a: unknown[]) => process.env.EVENTS_DEBUG && console.warn(...a), error() {}, info() {}, debug() {} };
const FAST = { pollMs: 20, retry: { baseMs: 40, maxMs: 200, maxDeliveries: 3 }, batchSize: 50 };
const B = 'brokerage-test';

/** Records each delivery's effect (no unique key: a double effect would show). */
function counting(group: string, gate?: Promise<void>): EventConsumer {
  return {
    group,
    async handle(event, tx) {
      if (gate) await gate;
      await tx.query('INSERT INTO test_effects (group_name, event_id) VALUES ($1, $2)', [group, event.id]);
    },
  };
}
const poison = (group: string): EventConsumer => ({
  group,
  async handle() {
    throw new Error('always fails');
  },
});

async function produce(db: Db, n: number, at?: (i: number) => Date, kind = 'flyer'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = await db.transaction((tx) =>
      emit(tx, 'design.created', {
        brokerageId: B,
        actorId: 'u1',
        occurredAt: at?.(i),
        payload: {
          designId: `d-${i}-${Math.random().toString(36).slice(2, 8)}`,
          kind,
          ownerId: i % 2 ? 'agent-a' : 'agent-b',
          templateId: null,
          title: `t${i}`,
        },
      }),
    );
    ids.push(e.id);
  }
  return ids;
}

async function effects(db: Queryable, group: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ event_id: string; n: number }>(
    'SELECT event_id, count(*)::int AS n FROM test_effects WHERE group_name = $1 GROUP BY event_id',
    [group],
  );
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

async function allOnce(db: Queryable, group: string, ids: string[]): Promise<boolean> {
  const e = await effects(db, group);
  return ids.every((id) => e.get(id) === 1);
}

async function projection(db: Queryable): Promise<string> {
  const { rows } = await db.query(
    "SELECT brokerage_id, to_char(day, 'YYYY-MM-DD') AS day, metric, dim, n, total FROM analytics_daily ORDER BY 1, 2, 3, 4",
  );
  return JSON.stringify(rows);
}

describe('domain events', () => {
  it('parses stored events by type and version, and rejects unknown ones', () => {
    const e = createEvent('review.approved', {
      brokerageId: B,
      payload: { designId: 'd1', kind: 'flyer', ownerId: 'a1', reviewerId: 'm1', turnaroundMs: 3_600_000 },
    });
    expect(parseEvent(JSON.parse(JSON.stringify(e)))).toEqual(e);
    expect(() => parseEvent({ ...e, version: 99 })).toThrow(/unknown version/);
    expect(() => parseEvent({ ...e, type: 'nope' })).toThrow(/unknown event type/);
    expect(() => parseEvent({ ...e, payload: { designId: 'd1' } })).toThrow();
  });

  it.each<[string, DomainEvent, Array<[string, string, number, number]>]>([
    [
      'listing flyer',
      createEvent('design.created', {
        brokerageId: B,
        payload: { designId: 'd', kind: 'flyer', ownerId: 'a', templateId: null, title: 'x' },
      }),
      [
        ['created', 'flyer', 1, 0],
        ['agent.designs', 'a', 1, 0],
      ],
    ],
    [
      'export with scores',
      createEvent('design.exported', {
        brokerageId: B,
        payload: { designId: 'd', kind: 'flyer', ownerId: 'a', format: 'pdf', scores: { brand: 80, compliance: 90 } },
      }),
      [
        ['exports', 'pdf', 1, 0],
        ['agent.exports', 'a', 1, 0],
        ['brand_score', '', 1, 80],
        ['compliance_score', '', 1, 90],
      ],
    ],
    [
      'approval',
      createEvent('review.approved', {
        brokerageId: B,
        payload: { designId: 'd', kind: 'flyer', ownerId: 'a', reviewerId: 'm', turnaroundMs: 500 },
      }),
      [
        ['approvals', '', 1, 0],
        ['agent.approvals', 'a', 1, 0],
        ['approval_turnaround', '', 1, 500],
      ],
    ],
    [
      'violation',
      createEvent('compliance.violation.detected', {
        brokerageId: B,
        payload: { designId: 'd', ruleId: 'fair-housing', category: 'compliance', severity: 'error' },
      }),
      [['violations', 'fair-housing', 1, 0]],
    ],
  ])('analytics: %s', (_name, event, expected) => {
    expect(analyticsBumps(event).map((b) => [b.metric, b.dim ?? '', b.n ?? 1, b.total ?? 0])).toEqual(expected);
  });
});

let redis: RedisProcess;
const databases: TestDatabase[] = [];
const opened: EventBackbone[] = [];

beforeAll(async () => {
  redis = await throwawayRedis();
});

afterAll(async () => {
  await Promise.all(opened.map((b) => b.close()));
  await Promise.all(databases.map((d) => d.drop()));
  await stopAllProcesses();
});

/** A fresh database per transport, so each suite sees only its own events. */
async function freshDb(): Promise<TestDatabase> {
  const pg = await freshPostgres();
  databases.push(pg);
  const db = await pg.open();
  await migrate(db);
  await db.query('CREATE TABLE test_effects (group_name text NOT NULL, event_id uuid NOT NULL)');
  return pg;
}

/** One backbone per simulated server instance, each with its own connection pool. */
async function instance(
  pg: TestDatabase,
  transport: 'redis' | 'in-process',
  consumers: EventConsumer[],
  prefix = 't:ev',
): Promise<EventBackbone> {
  const b = new EventBackbone({
    db: await pg.open(),
    log: quiet,
    redisUrl: transport === 'redis' ? redis.url : null,
    consumers,
    keyPrefix: prefix,
    ...FAST,
  });
  opened.push(b);
  await b.start();
  return b;
}

// The same contract for both transports.
describe.each(['in-process', 'redis'] as const)('event delivery contract (%s)', (transport) => {
  const g = (name: string) => `${transport === 'redis' ? 'r' : 'p'}-${name}`;
  let pg: TestDatabase;
  beforeAll(async () => {
    pg = await freshDb();
  });

  it('dead-letters an event whose consumer always throws, and the other groups carry on', async () => {
    const db = await pg.open();
    const bus = await instance(pg, transport, [poison(g('poison')), counting(g('healthy'))]);
    const ids = await produce(db, 2);
    await waitFor(async () => allOnce(db, g('healthy'), ids), 10_000, 'healthy group');
    const dead = await waitFor(
      async () => {
        const rows = (await bus.deadLetters(g('poison'))).filter((d) => ids.includes(d.eventId));
        return rows.length === 2 ? rows : null;
      },
      10_000,
      'dead letters',
    );
    expect(dead.every((d) => d.attempts >= FAST.retry.maxDeliveries && /always fails/.test(d.lastError ?? ''))).toBe(true);
    if (transport === 'redis') {
      const t = bus.current as RedisStreamsTransport;
      const entries = await waitFor(
        async () => {
          const e = (await t.deadStreamEntries(1000)).filter(
            (x) => x.fields.group === g('poison') && ids.includes((JSON.parse(x.fields.e!) as { id: string }).id),
          );
          return e.length === 2 ? e : null;
        },
        5_000,
        'dead-letter stream',
      );
      expect(entries.map((e) => (JSON.parse(e.fields.e!) as { id: string }).id).sort()).toEqual([...ids].sort());
    }
    await bus.close();
  });

  it('delivers every event exactly once to each of two groups across two instances', async () => {
    const db = await pg.open();
    const groups = [counting(g('one')), counting(g('two'))];
    const a = await instance(pg, transport, groups);
    const b = await instance(pg, transport, groups);
    const ids = await produce(db, 40);
    await waitFor(async () => (await allOnce(db, g('one'), ids)) && (await allOnce(db, g('two'), ids)), 15_000, 'delivery to both groups');
    await Promise.all([a.close(), b.close()]);
    expect([...(await effects(db, g('one'))).values()].every((n) => n === 1)).toBe(true);
  });

  it('new events wake idle loops: with polls a minute apart, they are still delivered at once', async () => {
    const db = await pg.open();
    const bus = new EventBackbone({
      db: await pg.open(),
      log: quiet,
      redisUrl: transport === 'redis' ? redis.url : null,
      consumers: [counting(g('woken'))],
      keyPrefix: 't:ev',
      ...FAST,
      pollMs: 60_000,
      idlePollMs: 60_000,
    });
    opened.push(bus);
    await bus.start();
    await new Promise((r) => setTimeout(r, 200)); // past the loops' first rounds: asleep now
    const ids = await produce(db, 3);
    await waitFor(async () => allOnce(db, g('woken'), ids), 10_000, 'delivery after the notification');
    await bus.close();
  });

  it('replay from a point in time rebuilds the analytics projection to the same numbers', async () => {
    const db = await pg.open();
    await db.query('DELETE FROM analytics_daily');
    await db.query("DELETE FROM event_processed WHERE group_name = 'analytics'");
    const bus = await instance(pg, transport, [analyticsConsumer()]);
    const day = 86_400_000;
    const base = Date.parse('2026-03-10T12:00:00Z');
    const all = [
      ...(await produce(db, 3, (i) => new Date(base - 2 * day + i * 1000), 'flyer')),
      ...(await produce(db, 2, (i) => new Date(base - day + i * 1000), 'open-house')),
      ...(await produce(db, 4, (i) => new Date(base + i * 1000), 'social-post')),
    ];
    await db.transaction((tx) =>
      emit(tx, 'review.approved', {
        brokerageId: B,
        occurredAt: new Date(base),
        payload: {
          designId: 'd',
          kind: 'flyer',
          ownerId: 'agent-a',
          reviewerId: 'm',
          turnaroundMs: 1234,
          scores: { brand: 70, compliance: 100 },
        },
      }),
    );
    // Everything (from any earlier test too) processed by the analytics group.
    await waitFor(
      async () => {
        const { rows } = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM event_outbox o WHERE NOT EXISTS (SELECT 1 FROM event_processed p WHERE p.group_name = 'analytics' AND p.event_id = o.id)",
        );
        return Number(rows[0]!.n) === 0;
      },
      10_000,
      'analytics caught up',
    );
    expect(all).toHaveLength(9);
    const before = await projection(db);
    expect(before).toContain('"metric":"approval_turnaround"');

    // Damage the projection, then rebuild from a point in time (mid-day: replay starts at that day's start).
    await db.query("UPDATE analytics_daily SET n = n + 100 WHERE day >= '2026-03-09'");
    await db.query("UPDATE analytics_daily SET n = n + 0 WHERE day < '2026-03-09'");
    const partial = await bus.replay('analytics', new Date(base - day + 5 * 3600_000));
    expect(partial.from).toBe('2026-03-09T00:00:00.000Z');
    const { rows: since } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM event_outbox WHERE occurred_at >= '2026-03-09'");
    expect(partial.replayed).toBe(Number(since[0]!.n)); // includes the 2 + 4 + 1 above and any later events
    expect(await projection(db)).toBe(before);

    // From scratch.
    await db.query('DELETE FROM analytics_daily');
    await bus.replay('analytics', new Date(0));
    expect(await projection(db)).toBe(before);
    await bus.close();
  });
});

describe('outbox', () => {
  it('commits with the change it describes, rolls back with it, and works in a tenant-scoped transaction', async () => {
    const pg = await freshDb();
    const db = await pg.open();
    const count = async () => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_outbox')).rows[0]!.n);
    await expect(
      db.transaction(async (tx) => {
        await produceIn(tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(0);
    await withTenant(db, B, (tx) => produceIn(tx));
    expect(await count()).toBe(1);
    // Row-level security: a tenant transaction cannot record another brokerage's event.
    await expect(withTenant(db, 'other-brokerage', (tx) => produceIn(tx))).rejects.toThrow();
    expect(await count()).toBe(1);
  });
});

function produceIn(tx: Queryable) {
  return emit(tx, 'design.created', {
    brokerageId: B,
    payload: { designId: 'd', kind: 'flyer', ownerId: 'o', templateId: null, title: 't' },
  });
}

describe('Redis Streams transport', () => {
  it('after Redis restarts empty (killed while events were produced), every event is delivered exactly once to each group', async () => {
    const pg = await freshDb();
    const db = await pg.open();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // 'slow' holds its first delivery until Redis is dead, so entries relayed but not yet processed are lost with it.
    const groups = [counting('k-fast'), counting('k-slow', gate)];
    const a = await instance(pg, 'redis', groups, 't:kill');
    await instance(pg, 'redis', groups, 't:kill');
    const first = await produce(db, 10);
    await waitFor(async () => allOnce(db, 'k-fast', first), 10_000, 'first batch to the fast group');
    await redis.kill();
    const second = await produce(db, 10); // Redis is down: they wait in the outbox
    release();
    await redis.start(); // empty: no persistence
    const third = await produce(db, 10);
    const ids = [...first, ...second, ...third];
    a.nudge();
    await waitFor(
      async () => (await allOnce(db, 'k-fast', ids)) && (await allOnce(db, 'k-slow', ids)),
      20_000,
      'all 30 events to both groups after the restart',
    );
    const probe = new Redis(redis.url);
    try {
      expect(await probe.keys('t:kill:*:epoch')).toHaveLength(1);
    } finally {
      probe.disconnect();
    }
    for (const group of ['k-fast', 'k-slow']) {
      const e = await effects(db, group);
      expect(
        [...e.values()].every((n) => n === 1),
        group,
      ).toBe(true);
    }
  });
});
