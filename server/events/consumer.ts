import { parseEvent, type DomainEvent } from '../../shared/events/index.js';
import type { Db, Queryable } from '../db/index.js';

/**
 * One consumer group: every event reaches `handle` once per group, whatever the
 * transport, and its effect commits exactly once (the processed-events row is
 * written in the same transaction as the effect).
 */
export interface EventConsumer {
  readonly group: string;
  /** Apply the event's effect with `tx` only; throw to have it retried (and dead-lettered after N failures). */
  handle(event: DomainEvent, tx: Queryable): Promise<void>;
  /**
   * Replay support: forget the effects of events from `since` on (a projection
   * deletes its rows) and return the instant replay must restart from (e.g. the
   * start of that day, when rows are daily buckets).
   */
  reset?(since: Date, tx: Queryable): Promise<Date>;
}

export interface RetryPolicy {
  /** First retry after this long; doubles each time up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** Failed deliveries before the event goes to the dead letters. */
  maxDeliveries: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, maxDeliveries: 5 };

/** Wait before the next attempt after `failures` failed ones. */
export function backoffMs(failures: number, policy: RetryPolicy): number {
  return Math.min(policy.baseMs * 2 ** Math.max(0, failures - 1), policy.maxMs);
}

/** Advisory-lock namespace of consumer groups (delivery takes it shared, replay exclusive). */
const GROUP_LOCK = 724_311_950;

export type DeliveryOutcome = 'processed' | 'duplicate';

/**
 * Delivers one stored event (its raw envelope) to one group: parses it, and in
 * one transaction claims (group, event) in `event_processed` and applies the
 * effect; `after` runs in the same transaction (offset moves, retry clean-up).
 * A second delivery of the same event is a no-op ('duplicate').
 */
export async function deliverOnce(
  db: Db,
  consumer: EventConsumer,
  raw: unknown,
  after?: (tx: Queryable, outcome: DeliveryOutcome) => Promise<void>,
): Promise<DeliveryOutcome> {
  const event = parseEvent(raw);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [GROUP_LOCK, consumer.group]);
    const claimed = await tx.query(
      'INSERT INTO event_processed (group_name, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [consumer.group, event.id],
    );
    const outcome: DeliveryOutcome = claimed.rows.length ? 'processed' : 'duplicate';
    if (outcome === 'processed') await consumer.handle(event, tx);
    await after?.(tx, outcome);
    return outcome;
  });
}

/** Takes the group's exclusive lock for this transaction (no delivery to it commits meanwhile). */
export async function lockGroupExclusive(tx: Queryable, group: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [GROUP_LOCK, group]);
}

/** Records a dead letter in Postgres (durable; both transports). */
export async function recordDeadLetter(tx: Queryable, group: string, raw: unknown, attempts: number, error: string): Promise<void> {
  const env = (raw && typeof raw === 'object' ? raw : {}) as { id?: unknown; type?: unknown; brokerageId?: unknown };
  const id = typeof env.id === 'string' && /^[0-9a-f-]{36}$/i.test(env.id) ? env.id : '00000000-0000-0000-0000-000000000000';
  await tx.query(
    `INSERT INTO event_dead_letters (group_name, event_id, event_type, brokerage_id, attempts, last_error)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (group_name, event_id) DO UPDATE SET attempts = excluded.attempts, last_error = excluded.last_error, dead_at = now()`,
    [group, id, String(env.type ?? 'unknown'), String(env.brokerageId ?? ''), attempts, error.slice(0, 2000)],
  );
}

export const errorText = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
