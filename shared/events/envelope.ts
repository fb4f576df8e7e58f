import { z } from 'zod';

/** The envelope every domain event travels in (outbox row, Redis entry, webhook body). */
export const EventEnvelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.string().min(1).max(100),
  version: z.number().int().min(1),
  brokerageId: z.string().min(1).max(100),
  actorId: z.string().min(1).max(100).nullish(),
  occurredAt: z.string().datetime({ offset: true }),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;
