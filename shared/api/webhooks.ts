/** Outgoing webhooks of a brokerage, for admins (routes/webhooks.ts; delivered by server/webhooks). */
import { z } from 'zod';
import { EVENT_TYPES } from '../events/index.js';
import { endpoint } from './contract.js';

/** Event types a webhook may subscribe to ('*' = all). */
export const WEBHOOK_EVENT_CHOICES = ['*', ...EVENT_TYPES] as const;

/**
 * The target's syntax only: whether it may be called (http(s), no credentials, not a private or
 * metadata address unless allow-listed) depends on the server's settings, so the route checks that
 * and answers the same 400 on `url`.
 */
const Url = z.string().trim().max(2000);
const Events = z.array(z.enum(WEBHOOK_EVENT_CHOICES)).min(1, 'choose at least one event').max(WEBHOOK_EVENT_CHOICES.length);

export const WebhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

export const WebhookAttemptSchema = z.object({
  attempt: z.number(),
  statusCode: z.number().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
  at: z.string(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  resentFrom: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  log: z.array(WebhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

const HookParams = z.object({ id: z.string().uuid('not a webhook id') });
const DeliveryParams = HookParams.extend({ deliveryId: z.string().uuid('not a delivery id') });

export const webhooksApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/admin/webhooks',
    response: z.object({ webhooks: z.array(WebhookSchema), events: z.array(z.string()) }),
  }),
  /** The signing secret is in this answer only; it is never returned again. */
  create: endpoint({
    method: 'POST',
    path: '/api/admin/webhooks',
    body: z.object({ url: Url, events: Events, active: z.boolean().optional() }),
    response: WebhookSchema.extend({ secret: z.string() }),
    status: 201,
  }),
  get: endpoint({ method: 'GET', path: '/api/admin/webhooks/:id', params: HookParams, response: WebhookSchema }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/admin/webhooks/:id',
    params: HookParams,
    body: z.object({ url: Url.optional(), events: Events.optional(), active: z.boolean().optional() }),
    response: WebhookSchema,
  }),
  /** A new signing secret (the old one stops working at once), shown this once. */
  rotateSecret: endpoint({
    method: 'POST',
    path: '/api/admin/webhooks/:id/rotate-secret',
    params: HookParams,
    response: z.object({ id: z.string(), secret: z.string() }),
  }),
  remove: endpoint({ method: 'DELETE', path: '/api/admin/webhooks/:id', params: HookParams, status: 204 }),
  /** The latest deliveries, newest first, with each attempt. */
  deliveries: endpoint({
    method: 'GET',
    path: '/api/admin/webhooks/:id/deliveries',
    params: HookParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }),
    response: z.object({ deliveries: z.array(WebhookDeliverySchema) }),
  }),
  /** Sends a delivery's event again as a new delivery. */
  resend: endpoint({
    method: 'POST',
    path: '/api/admin/webhooks/:id/deliveries/:deliveryId/resend',
    params: DeliveryParams,
    response: z.object({ id: z.string(), resentFrom: z.string() }),
    status: 202,
  }),
};
