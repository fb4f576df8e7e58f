import { EventEnvelopeSchema } from './envelope.js';
import { EVENT_CATALOG, currentVersion, type EventPayloads, type EventType, type Upcaster } from './catalog.js';
import type { z } from 'zod';

/** A parsed domain event at the current version of its type. */
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: {
    id: string;
    type: K;
    version: number;
    brokerageId: string;
    actorId?: string | null;
    occurredAt: string;
    payload: EventPayloads[K];
  };
}[T];

export class UnknownEventError extends Error {
  readonly code = 'unknown_event';
  constructor(message: string) {
    super(message);
    this.name = 'UnknownEventError';
  }
}

const isEventType = (t: string): t is EventType => Object.prototype.hasOwnProperty.call(EVENT_CATALOG, t);

/**
 * Parses any stored event by (type, version): validates the envelope, validates
 * the payload against that version's schema, then upcasts it to the current
 * version. Throws `UnknownEventError` for a type or version we do not know, and
 * a ZodError for a payload that does not match.
 */
export function parseEvent(raw: unknown): DomainEvent {
  const env = EventEnvelopeSchema.parse(raw);
  if (!isEventType(env.type)) throw new UnknownEventError(`unknown event type ${env.type}`);
  const entry = EVENT_CATALOG[env.type] as { versions: Record<number, z.ZodType>; upcasters?: Record<number, Upcaster> };
  const schema = entry.versions[env.version];
  if (!schema) throw new UnknownEventError(`unknown version ${env.version} of ${env.type}`);
  let payload = schema.parse(env.payload);
  const latest = currentVersion(env.type);
  for (let v = env.version + 1; v <= latest; v++) {
    const up = entry.upcasters?.[v];
    if (!up) throw new UnknownEventError(`no upcaster from ${env.type} v${v - 1} to v${v}`);
    payload = entry.versions[v]!.parse(up(payload));
  }
  return { ...env, version: latest, payload } as DomainEvent;
}

export interface NewEventInput<T extends EventType> {
  brokerageId: string;
  actorId?: string | null;
  payload: EventPayloads[T];
  /** Defaults to now. */
  occurredAt?: Date | string;
  /** Defaults to a fresh uuid (pass one to make recording idempotent). */
  id?: string;
}

/** Builds a validated event of the current version of `type`. */
export function createEvent<T extends EventType>(type: T, input: NewEventInput<T>): DomainEvent<T> {
  const occurredAt = input.occurredAt === undefined ? new Date().toISOString() : new Date(input.occurredAt).toISOString();
  const version = currentVersion(type);
  const raw = {
    id: input.id ?? globalThis.crypto.randomUUID(),
    type,
    version,
    brokerageId: input.brokerageId,
    actorId: input.actorId ?? null,
    occurredAt,
    payload: input.payload,
  };
  return parseEvent(raw) as DomainEvent<T>;
}
