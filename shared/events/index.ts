export { EventEnvelopeSchema, type EventEnvelope } from './envelope.js';
export * from './catalog.js';
export { parseEvent, createEvent, UnknownEventError, type DomainEvent, type NewEventInput } from './registry.js';
export * from './metrics.js';
