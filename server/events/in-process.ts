import type { Queryable } from '../db/index.js';
import { backoffMs, deliverOnce, errorText, recordDeadLetter, type EventConsumer } from './consumer.js';
import { OUTBOX_COLUMNS, rowToEnvelope, type OutboxRow } from './outbox.js';
import { PollPace, Waker, type EventTransport, type TransportOptions } from './transport.js';

class LeaseLost extends Error {}

/** What a pass found: nothing, something, or a full batch (look again right away). */
type Work = 'none' | 'some' | 'more';

/**
 * Delivery straight from the Postgres outbox (no Redis). Each group keeps its
 * position in `event_consumer_offsets`; one instance at a time holds a group's
 * lease and works it. Rows are read only below the oldest running
 * transaction's id, so the (txid, seq) cursor never passes a transaction that
 * commits late. A failed delivery moves to `event_retries` (the group carries
 * on), is retried with exponential backoff and after `maxDeliveries` failures
 * lands in `event_dead_letters`.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Map<string, Waker>();
  private readonly paces = new Map<string, PollPace>();
  private unlisten: (() => Promise<void>) | null = null;
  private readonly leaseMs: number;

  constructor(private readonly opts: TransportOptions & { leaseMs?: number }) {
    this.leaseMs = opts.leaseMs ?? 15_000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Without notifications the loops must keep polling at pollMs.
    this.unlisten = await this.opts.db.listen('rb_events', () => this.nudge()).catch(() => null);
    const idleMs = this.unlisten ? this.opts.idlePollMs : this.opts.pollMs;
    for (const c of this.opts.consumers) {
      await this.opts.db.query('INSERT INTO event_consumer_offsets (group_name) VALUES ($1) ON CONFLICT DO NOTHING', [c.group]);
      const waker = new Waker();
      const pace = new PollPace(this.opts.pollMs, idleMs);
      this.wakers.set(c.group, waker);
      this.paces.set(c.group, pace);
      this.loops.push(this.loop(c, waker, pace));
    }
  }

  nudge(): void {
    for (const p of this.paces.values()) p.woken();
    for (const w of this.wakers.values()) w.wake();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
    this.nudge();
    await Promise.all(this.loops);
    this.loops.length = 0;
    await this.opts.db
      .query('UPDATE event_consumer_offsets SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1', [this.opts.instanceId])
      .catch(() => undefined);
  }

  private async loop(consumer: EventConsumer, waker: Waker, pace: PollPace): Promise<void> {
    let failures = 0;
    while (this.running) {
      let work: Work = 'none';
      try {
        work = await this.tick(consumer);
        failures = 0;
      } catch (err) {
        failures++;
        if (!(err instanceof LeaseLost)) this.opts.log.warn({ err: errorText(err), group: consumer.group }, 'event delivery tick failed');
      }
      if (work !== 'more' && this.running)
        await waker.wait(failures ? Math.min(this.opts.pollMs * 2 ** failures, 5_000) : pace.afterRound(work === 'some'));
    }
  }

  /** One pass: due retries, then a batch of new events. 'more' when there may be more right away. */
  async tick(consumer: EventConsumer): Promise<Work> {
    const { db, instanceId, batchSize } = this.opts;
    const group = consumer.group;
    const lease = await db.query<{ last_txid: number; last_seq: number }>(
      `UPDATE event_consumer_offsets SET lease_owner = $2, lease_until = now() + make_interval(secs => $3)
       WHERE group_name = $1 AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until < now())
       RETURNING last_txid, last_seq`,
      [group, instanceId, this.leaseMs / 1000],
    );
    if (!lease.rows.length) return 'none'; // another instance works this group
    const cursor = { txid: Number(lease.rows[0]!.last_txid), seq: Number(lease.rows[0]!.last_seq) };

    const due = await db.query<OutboxRow & { attempts: number }>(
      `SELECT r.attempts, ${OUTBOX_COLUMNS.split(', ')
        .map((c) => `o.${c}`)
        .join(', ')}
       FROM event_retries r JOIN event_outbox o ON o.id = r.event_id
       WHERE r.group_name = $1 AND r.next_attempt_at <= now() ORDER BY r.next_attempt_at LIMIT $2`,
      [group, batchSize],
    );
    for (const row of due.rows) {
      if (!this.running) return 'none';
      await this.retry(consumer, row);
    }

    const fresh = await db.query<OutboxRow>(
      `SELECT ${OUTBOX_COLUMNS} FROM event_outbox
       WHERE (txid, seq) > ($1, $2) AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
       ORDER BY txid, seq LIMIT $3`,
      [cursor.txid, cursor.seq, batchSize],
    );
    for (const row of fresh.rows) {
      if (!this.running) return 'none';
      const next = { txid: Number(row.txid), seq: Number(row.seq) };
      const moveCursor = async (tx: Queryable) => {
        const moved = await tx.query(
          'UPDATE event_consumer_offsets SET last_txid = $2, last_seq = $3 WHERE group_name = $1 AND lease_owner = $4 RETURNING 1',
          [group, next.txid, next.seq, instanceId],
        );
        if (!moved.rows.length) throw new LeaseLost('lease lost');
      };
      const raw = rowToEnvelope(row);
      try {
        await deliverOnce(db, consumer, raw, moveCursor);
      } catch (err) {
        if (err instanceof LeaseLost) throw err;
        const error = errorText(err);
        await db.transaction(async (tx) => {
          if (this.opts.retry.maxDeliveries <= 1) await recordDeadLetter(tx, group, raw, 1, error);
          else {
            await tx.query(
              `INSERT INTO event_retries (group_name, event_id, attempts, next_attempt_at, last_error)
               VALUES ($1, $2, 1, now() + make_interval(secs => $3), $4) ON CONFLICT DO NOTHING`,
              [group, row.id, backoffMs(1, this.opts.retry) / 1000, error.slice(0, 2000)],
            );
          }
          await moveCursor(tx);
        });
        if (this.opts.retry.maxDeliveries > 1) this.paces.get(group)?.dueAt(Date.now() + backoffMs(1, this.opts.retry));
      }
    }
    if (fresh.rows.length === batchSize || due.rows.length === batchSize) return 'more';
    return fresh.rows.length || due.rows.length ? 'some' : 'none';
  }

  private async retry(consumer: EventConsumer, row: OutboxRow & { attempts: number }): Promise<void> {
    const { db } = this.opts;
    const group = consumer.group;
    const raw = rowToEnvelope(row);
    const clear = async (tx: Queryable) => {
      await tx.query('DELETE FROM event_retries WHERE group_name = $1 AND event_id = $2', [group, row.id]);
    };
    try {
      await deliverOnce(db, consumer, raw, clear);
    } catch (err) {
      const attempts = Number(row.attempts) + 1;
      const error = errorText(err);
      await db.transaction(async (tx) => {
        if (attempts >= this.opts.retry.maxDeliveries) {
          await recordDeadLetter(tx, group, raw, attempts, error);
          await clear(tx);
        } else {
          await tx.query(
            `UPDATE event_retries SET attempts = $3, next_attempt_at = now() + make_interval(secs => $4), last_error = $5
             WHERE group_name = $1 AND event_id = $2`,
            [group, row.id, attempts, backoffMs(attempts, this.opts.retry) / 1000, error.slice(0, 2000)],
          );
          this.paces.get(group)?.dueAt(Date.now() + backoffMs(attempts, this.opts.retry));
        }
      });
      this.opts.log.debug({ group, eventId: row.id, attempts, err: error }, 'event delivery failed');
    }
  }
}
