import { createEvent, parseEvent, type DomainEvent, type EventType, type NewEventInput } from '../../shared/events/index.js';
import type { Queryable } from '../db/index.js';

/**
 * Writes `event` to the outbox inside the caller's transaction, so the event
 * exists exactly when the change it describes does. Pass the transaction that
 * makes the change (`db.transaction(async (tx) => { …; await recordEvent(tx, e) })`).
 * Idempotent per event id. Validates the event; a malformed one throws (and so
 * rolls the change back) rather than being stored unreadable.
 */
export async function recordEvent(tx: Queryable, event: DomainEvent): Promise<void> {
  const e = parseEvent(event);
  await tx.query(
    `INSERT INTO event_outbox (id, type, version, brokerage_id, actor_id, occurred_at, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
    [e.id, e.type, e.version, e.brokerageId, e.actorId ?? null, e.occurredAt, JSON.stringify(e.payload)],
  );
}

/** Shorthand: builds the event (fresh id, now) and records it. Returns the event. */
export async function emit<T extends EventType>(tx: Queryable, type: T, input: NewEventInput<T>): Promise<DomainEvent<T>> {
  const event = createEvent(type, input);
  await recordEvent(tx, event as DomainEvent);
  return event;
}

export interface OutboxRow {
  seq: number;
  id: string;
  type: string;
  version: number;
  brokerage_id: string;
  actor_id: string | null;
  occurred_at: Date | string;
  payload: unknown;
  txid: number;
}

export const OUTBOX_COLUMNS = 'seq, id, type, version, brokerage_id, actor_id, occurred_at, payload, txid';

/** The stored envelope of a row (not yet parsed: an unknown version must fail in the consumer, not here). */
export function rowToEnvelope(row: OutboxRow): Record<string, unknown> {
  return {
    id: row.id,
    type: row.type,
    version: Number(row.version),
    brokerageId: row.brokerage_id,
    actorId: row.actor_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  };
}
