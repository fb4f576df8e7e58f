import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisConnections } from '../bus/index.js';
import type { Queryable } from '../db/index.js';
import { backoffMs, deliverOnce, errorText, recordDeadLetter, type EventConsumer } from './consumer.js';
import { OUTBOX_COLUMNS, rowToEnvelope, type OutboxRow } from './outbox.js';
import { PollPace, Waker, type EventTransport, type TransportOptions } from './transport.js';

/** Serialises the relay's recovery after a Redis data loss across instances. */
const RECOVERY_LOCK = 724_311_951;
const EPOCH_KEY = 'redis_epoch';

export interface RedisTransportOptions extends TransportOptions {
  redisUrl: string;
  /** Key prefix, already namespaced per database (see EventBackbone). */
  prefix: string;
  /** Approximate cap on the stream's length (XADD MAXLEN ~). */
  maxStreamLength?: number;
  /** The server's Redis connections (one factory, one reconnect policy); without it the transport makes its own. */
  connections?: RedisConnections;
}

type StreamEntry = [id: string, fields: string[]];

/**
 * Redis Streams transport. A relay moves outbox rows to one stream (rows are
 * claimed with FOR UPDATE SKIP LOCKED, so several instances share the work);
 * each consumer group reads it with XREADGROUP and XACKs after the effect has
 * committed. Unacknowledged entries are reclaimed with XPENDING/XCLAIM once
 * idle for the backoff of their delivery count, and after `maxDeliveries`
 * they go to the dead-letter stream (and table).
 *
 * Data loss: the relay writes an epoch marker next to the stream and keeps the
 * same value in Postgres. A missing or different marker (a restarted Redis
 * without persistence, a flush, a failover to an empty replica) means the
 * stream is gone: the relay recreates it and its groups and re-relays every
 * event some group has not processed (nor dead-lettered). Consumers are
 * idempotent, so what was already processed is not applied twice.
 */
export class RedisStreamsTransport implements EventTransport {
  readonly kind = 'redis' as const;
  readonly stream: string;
  readonly deadStream: string;
  private readonly markerKey: string;
  private readonly redis: Redis;
  private readonly readers: Redis[] = [];
  private readonly connections: RedisConnections;
  private readonly ownsConnections: boolean;
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private readonly relayWaker = new Waker();
  private relayPace: PollPace;
  private unlisten: (() => Promise<void>) | null = null;
  private epoch: string | null = null;
  private readonly lastErrors = new Map<string, string>();

  constructor(private readonly opts: RedisTransportOptions) {
    this.stream = `${opts.prefix}:stream`;
    this.deadStream = `${opts.prefix}:dead`;
    this.markerKey = `${opts.prefix}:epoch`;
    this.ownsConnections = !opts.connections;
    this.connections = opts.connections ?? new RedisConnections(opts.redisUrl, opts.log);
    // Fails fast while Redis is away: the outbox keeps everything, loops retry.
    this.redis = this.connections.client('events', 'command');
    this.relayPace = new PollPace(opts.pollMs, opts.pollMs);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // The relay sleeps long when idle only if new outbox rows wake it.
    this.unlisten = await this.opts.db.listen('rb_events', () => this.nudge()).catch(() => null);
    if (this.unlisten) this.relayPace = new PollPace(this.opts.pollMs, this.opts.idlePollMs);
    this.loops.push(this.relayLoop());
    for (const c of this.opts.consumers) {
      const reader = this.connections.client(`events-${c.group}`, 'command');
      this.readers.push(reader);
      this.loops.push(this.consumeLoop(c, reader));
    }
  }

  nudge(): void {
    this.relayPace.woken();
    this.relayWaker.wake();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
    this.relayWaker.wake();
    for (const r of this.readers) this.connections.release(r); // cuts blocking reads short
    await Promise.all(this.loops);
    this.connections.release(this.redis);
    if (this.ownsConnections) await this.connections.close();
  }

  // ---- relay ---------------------------------------------------------------------

  private async relayLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let more = false;
      let relayed = 0;
      try {
        await this.ensureStream();
        relayed = await this.relayBatch();
        more = relayed === this.opts.batchSize;
        failures = 0;
      } catch (err) {
        failures++;
        if (failures === 3 || failures % 100 === 0)
          this.opts.log.warn({ err: errorText(err) }, 'event relay failed; events stay in the outbox');
      }
      if (!more && this.running)
        await this.relayWaker.wait(
          failures ? Math.min(this.opts.pollMs * 2 ** Math.min(failures, 6), 2_000) : this.relayPace.afterRound(relayed > 0),
        );
    }
  }

  /** Moves a batch of unrelayed outbox rows to the stream; returns how many. */
  async relayBatch(): Promise<number> {
    return this.opts.db.transaction(async (tx) => {
      const { rows } = await tx.query<OutboxRow>(
        `SELECT ${OUTBOX_COLUMNS} FROM event_outbox WHERE relayed_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.opts.batchSize],
      );
      if (!rows.length) return 0;
      // Never write into a stream that lost its marker: that is a loss to recover from first.
      if ((await this.redis.get(this.markerKey)) !== this.epoch) throw new Error('event stream marker changed; recovering');
      const pipe = this.redis.pipeline();
      for (const row of rows)
        pipe.xadd(this.stream, 'MAXLEN', '~', this.opts.maxStreamLength ?? 100_000, '*', 'e', JSON.stringify(rowToEnvelope(row)));
      const results = (await pipe.exec()) ?? [];
      const failed = results.find(([err]) => err);
      if (failed || results.length !== rows.length) throw failed?.[0] ?? new Error('relay pipeline incomplete');
      await tx.query('UPDATE event_outbox SET relayed_at = now() WHERE seq = ANY($1::bigint[])', [rows.map((r) => Number(r.seq))]);
      return rows.length;
    });
  }

  /** Checks the epoch marker; after a loss (or on first use) recreates the stream and groups and re-relays. */
  async ensureStream(): Promise<void> {
    const marker = await this.redis.get(this.markerKey);
    if (marker && marker === this.epoch) return;
    const stored = await this.storedEpoch(this.opts.db);
    if (marker && marker === stored && (await this.redis.exists(this.stream))) {
      this.epoch = marker;
      await this.createGroups();
      return;
    }
    await this.opts.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECOVERY_LOCK, this.opts.prefix]);
      const current = await this.storedEpoch(tx);
      const now = await this.redis.get(this.markerKey);
      if (now && now === current && (await this.redis.exists(this.stream))) {
        this.epoch = now; // another instance recovered meanwhile
        return;
      }
      const epoch = randomUUID();
      await this.createGroups();
      const reset = await tx.query(
        `UPDATE event_outbox o SET relayed_at = NULL
         WHERE o.relayed_at IS NOT NULL AND EXISTS (
           SELECT 1 FROM event_consumer_groups g
           WHERE NOT EXISTS (SELECT 1 FROM event_processed p WHERE p.group_name = g.group_name AND p.event_id = o.id)
             AND NOT EXISTS (SELECT 1 FROM event_dead_letters d WHERE d.group_name = g.group_name AND d.event_id = o.id))
         RETURNING 1`,
      );
      await tx.query(
        `INSERT INTO event_relay_state (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [`${EPOCH_KEY}:${this.opts.prefix}`, epoch],
      );
      await this.redis.set(this.markerKey, epoch);
      this.epoch = epoch;
      if (current) this.opts.log.warn({ rerelayed: reset.rows.length }, 'event stream lost in Redis; re-relaying unprocessed events');
    });
  }

  private async storedEpoch(q: Queryable): Promise<string | null> {
    const { rows } = await q.query<{ value: string }>('SELECT value FROM event_relay_state WHERE key = $1', [
      `${EPOCH_KEY}:${this.opts.prefix}`,
    ]);
    return rows[0]?.value ?? null;
  }

  private async createGroups(): Promise<void> {
    for (const c of this.opts.consumers) await this.createGroup(this.redis, c.group);
  }

  private async createGroup(client: Redis, group: string): Promise<void> {
    try {
      await client.xgroup('CREATE', this.stream, group, '0', 'MKSTREAM');
    } catch (err) {
      if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
    }
  }

  // ---- consumers -----------------------------------------------------------------

  private async consumeLoop(consumer: EventConsumer, reader: Redis): Promise<void> {
    const group = consumer.group;
    const reclaimEvery = Math.max(10, Math.min(this.opts.retry.baseMs, 1_000));
    let lastReclaim = 0;
    let failures = 0;
    while (this.running) {
      try {
        const res = (await reader.xreadgroup(
          'GROUP',
          group,
          this.opts.instanceId,
          'COUNT',
          this.opts.batchSize,
          'BLOCK',
          Math.max(1, Math.min(this.opts.pollMs, reclaimEvery)),
          'STREAMS',
          this.stream,
          '>',
        )) as Array<[string, StreamEntry[]]> | null;
        for (const [, entries] of res ?? []) {
          for (const [id, fields] of entries) {
            if (!this.running) return;
            await this.handleEntry(consumer, id, fields);
          }
        }
        if (Date.now() - lastReclaim >= reclaimEvery) {
          lastReclaim = Date.now();
          await this.reclaim(consumer);
        }
        failures = 0;
      } catch (err) {
        if (!this.running) return;
        const message = String((err as Error).message);
        if (message.includes('NOGROUP')) {
          // The stream or group is gone (a Redis restart): recreate the group; the relay re-relays.
          await this.createGroup(this.redis, group).catch(() => undefined);
          this.nudge();
        } else {
          failures++;
          if (failures === 3) this.opts.log.warn({ err: message, group }, 'event consumer read failed');
        }
        await new Promise((r) => setTimeout(r, Math.min(this.opts.pollMs * 2 ** Math.min(failures, 4), 1_000)));
      }
    }
  }

  private async handleEntry(consumer: EventConsumer, id: string, fields: string[]): Promise<void> {
    const key = `${consumer.group}:${id}`;
    try {
      await deliverOnce(this.opts.db, consumer, parseFields(fields));
    } catch (err) {
      // Left pending: reclaimed after its backoff, dead-lettered after too many deliveries.
      this.lastErrors.set(key, errorText(err));
      return;
    }
    this.lastErrors.delete(key);
    await this.redis.xack(this.stream, consumer.group, id);
  }

  /** Retries pending entries idle for their backoff; dead-letters those delivered too often. */
  private async reclaim(consumer: EventConsumer): Promise<void> {
    const group = consumer.group;
    const { retry } = this.opts;
    const pending = (await this.redis.xpending(this.stream, group, 'IDLE', retry.baseMs, '-', '+', this.opts.batchSize)) as Array<
      [string, string, number, number]
    >;
    for (const [id, , idle, deliveries] of pending) {
      if (!this.running) return;
      const wait = backoffMs(Number(deliveries), retry);
      if (Number(idle) < wait) continue;
      // XCLAIM with a min-idle guard: when instances race, one wins.
      const claimed = (await this.redis.xclaim(this.stream, group, this.opts.instanceId, wait, id)) as StreamEntry[];
      const entry = claimed.find((e) => e && e[0] === id);
      if (!entry) continue;
      if (Number(deliveries) >= retry.maxDeliveries) await this.deadLetter(consumer, id, entry[1], Number(deliveries));
      else await this.handleEntry(consumer, id, entry[1]);
    }
  }

  private async deadLetter(consumer: EventConsumer, id: string, fields: string[], deliveries: number): Promise<void> {
    const key = `${consumer.group}:${id}`;
    const error = this.lastErrors.get(key) ?? 'delivery failed';
    let raw: unknown = null;
    try {
      raw = parseFields(fields);
    } catch {
      raw = null;
    }
    await this.opts.db.transaction((tx) => recordDeadLetter(tx, consumer.group, raw, deliveries, error));
    await this.redis.xadd(
      this.deadStream,
      'MAXLEN',
      '~',
      10_000,
      '*',
      'group',
      consumer.group,
      'entry',
      id,
      'attempts',
      String(deliveries),
      'error',
      error,
      'e',
      fieldValue(fields, 'e') ?? '',
    );
    await this.redis.xack(this.stream, consumer.group, id);
    this.lastErrors.delete(key);
    this.opts.log.warn({ group: consumer.group, entry: id, deliveries, err: error }, 'event dead-lettered');
  }

  /** The dead-letter stream's entries (for tests and admin tools). */
  async deadStreamEntries(count = 100): Promise<Array<{ id: string; fields: Record<string, string> }>> {
    const rows = (await this.redis.xrange(this.deadStream, '-', '+', 'COUNT', count)) as StreamEntry[];
    return rows.map(([id, f]) => ({ id, fields: Object.fromEntries(pairs(f)) }));
  }

  async ping(): Promise<boolean> {
    return (await this.redis.ping().catch(() => null)) === 'PONG';
  }
}

function pairs(fields: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < fields.length; i += 2) out.push([fields[i]!, fields[i + 1]!]);
  return out;
}

function fieldValue(fields: string[], name: string): string | undefined {
  return pairs(fields).find(([k]) => k === name)?.[1];
}

function parseFields(fields: string[]): unknown {
  const json = fieldValue(fields, 'e');
  if (json === undefined) throw new Error('stream entry without an event');
  return JSON.parse(json);
}
