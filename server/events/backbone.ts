import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { RedisConnections } from '../bus/index.js';
import type { Db } from '../db/index.js';
import {
  DEFAULT_RETRY,
  deliverOnce,
  errorText,
  lockGroupExclusive,
  recordDeadLetter,
  type EventConsumer,
  type RetryPolicy,
} from './consumer.js';
import { InProcessTransport } from './in-process.js';
import { OUTBOX_COLUMNS, rowToEnvelope, type OutboxRow } from './outbox.js';
import { RedisStreamsTransport } from './redis-streams.js';
import type { EventTransport } from './transport.js';

export interface EventTuning {
  /** How often loops look for work (ms) when they have had some lately, or cannot be notified. */
  pollMs: number;
  /** The longest an idle loop sleeps: new events notify it (`Db.listen`), polling is a safety net. */
  idlePollMs: number;
  retry: RetryPolicy;
  batchSize: number;
}

export interface EventBackboneOptions extends Partial<EventTuning> {
  db: Db;
  log: Pick<FastifyBaseLogger, 'warn' | 'error' | 'info' | 'debug'>;
  instanceId?: string;
  /** Redis Streams when set; in-process delivery from the outbox otherwise. */
  redisUrl?: string | null;
  consumers: EventConsumer[];
  /** The server's Redis connections (see server/bus); the transport makes its own from `redisUrl` without them. */
  redisConnections?: RedisConnections;
  /** Redis key prefix (default `rb:events`); the database's installation id is appended. */
  keyPrefix?: string;
}

export interface DeadLetter {
  id: number;
  group: string;
  eventId: string;
  eventType: string;
  brokerageId: string;
  attempts: number;
  lastError: string | null;
  deadAt: string;
}

/**
 * The event backbone of one server instance: delivers every outbox event to
 * every consumer group exactly once in effect, through Redis Streams when
 * configured and straight from Postgres otherwise. `replay` re-delivers from a
 * point in time to one group (rebuilding its projection).
 */
export class EventBackbone {
  private transport: EventTransport | null = null;
  private readonly tuning: EventTuning;
  readonly instanceId: string;

  constructor(private readonly opts: EventBackboneOptions) {
    this.instanceId = opts.instanceId ?? randomUUID();
    this.tuning = {
      pollMs: opts.pollMs ?? 250,
      idlePollMs: opts.idlePollMs ?? 5_000,
      retry: { ...DEFAULT_RETRY, ...opts.retry },
      batchSize: opts.batchSize ?? 100,
    };
    const groups = new Set<string>();
    for (const c of opts.consumers) {
      if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(c.group)) throw new Error(`bad consumer group name ${c.group}`);
      if (groups.has(c.group)) throw new Error(`duplicate consumer group ${c.group}`);
      groups.add(c.group);
    }
  }

  get kind(): 'redis' | 'in-process' {
    return this.opts.redisUrl ? 'redis' : 'in-process';
  }

  /** The running transport (after `start`). */
  get current(): EventTransport | null {
    return this.transport;
  }

  async start(): Promise<void> {
    if (this.transport) return;
    const { db, consumers } = this.opts;
    for (const c of consumers)
      await db.query('INSERT INTO event_consumer_groups (group_name) VALUES ($1) ON CONFLICT DO NOTHING', [c.group]);
    const common = { db, consumers, instanceId: this.instanceId, log: this.opts.log, ...this.tuning };
    if (this.opts.redisUrl) {
      const installation = await installationId(db);
      this.transport = new RedisStreamsTransport({
        ...common,
        redisUrl: this.opts.redisUrl,
        connections: this.opts.redisConnections,
        prefix: `${this.opts.keyPrefix ?? 'rb:events'}:${installation}`,
      });
    } else {
      this.transport = new InProcessTransport(common);
    }
    await this.transport.start();
  }

  nudge(): void {
    this.transport?.nudge();
  }

  async close(): Promise<void> {
    const t = this.transport;
    this.transport = null;
    await t?.stop();
  }

  /**
   * Re-delivers every event that occurred at or after `since` to `group`: the
   * consumer's `reset` drops its state from then on (and may move `since` back,
   * e.g. to the start of the day), the group's processed marks from then on
   * are forgotten, and the events are delivered again in order. Deliveries
   * that arrive meanwhile are not applied twice. A failing event is
   * dead-lettered. Returns how many events were applied.
   */
  async replay(group: string, since: Date): Promise<{ from: string; replayed: number; failed: number }> {
    const consumer = this.opts.consumers.find((c) => c.group === group);
    if (!consumer) throw new Error(`no consumer group ${group}`);
    const { db } = this.opts;
    let from = since;
    await db.transaction(async (tx) => {
      await lockGroupExclusive(tx, group);
      if (consumer.reset) from = await consumer.reset(since, tx);
      await tx.query(
        `DELETE FROM event_processed p USING event_outbox o
         WHERE p.group_name = $1 AND p.event_id = o.id AND o.occurred_at >= $2`,
        [group, from.toISOString()],
      );
    });
    let replayed = 0;
    let failed = 0;
    let after = { at: from.toISOString(), seq: 0 };
    for (;;) {
      const { rows } = await db.query<OutboxRow>(
        `SELECT ${OUTBOX_COLUMNS} FROM event_outbox
         WHERE occurred_at >= $1 AND (occurred_at, seq) > ($2::timestamptz, $3)
         ORDER BY occurred_at, seq LIMIT $4`,
        [from.toISOString(), after.at, after.seq, this.tuning.batchSize],
      );
      for (const row of rows) {
        const raw = rowToEnvelope(row);
        try {
          if ((await deliverOnce(db, consumer, raw)) === 'processed') replayed++;
        } catch (err) {
          failed++;
          await db.transaction((tx) => recordDeadLetter(tx, group, raw, 1, `replay: ${errorText(err)}`));
        }
        after = { at: new Date(row.occurred_at).toISOString(), seq: Number(row.seq) };
      }
      if (rows.length < this.tuning.batchSize) break;
    }
    return { from: from.toISOString(), replayed, failed };
  }

  async deadLetters(group?: string, limit = 100): Promise<DeadLetter[]> {
    const { rows } = await this.opts.db.query<{
      id: number;
      group_name: string;
      event_id: string;
      event_type: string;
      brokerage_id: string;
      attempts: number;
      last_error: string | null;
      dead_at: Date | string;
    }>(`SELECT * FROM event_dead_letters WHERE ($1::text IS NULL OR group_name = $1) ORDER BY id DESC LIMIT $2`, [group ?? null, limit]);
    return rows.map((r) => ({
      id: Number(r.id),
      group: r.group_name,
      eventId: r.event_id,
      eventType: r.event_type,
      brokerageId: r.brokerage_id,
      attempts: Number(r.attempts),
      lastError: r.last_error,
      deadAt: new Date(r.dead_at).toISOString(),
    }));
  }
}

/** A random id per database, made once: keeps databases that share one Redis apart. */
async function installationId(db: Db): Promise<string> {
  await db.query(`INSERT INTO event_relay_state (key, value) VALUES ('installation', $1) ON CONFLICT (key) DO NOTHING`, [
    randomUUID().replace(/-/g, '').slice(0, 16),
  ]);
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM event_relay_state WHERE key = 'installation'`);
  return rows[0]!.value;
}
