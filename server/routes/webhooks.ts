import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../errors.js';
import { checkWebhookUrl, WEBHOOK_EVENT_CHOICES, type WebhookService } from '../webhooks/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const IdParams = z.object({ id: z.string().uuid('not a webhook id') });
const DeliveryParams = IdParams.extend({ deliveryId: z.string().uuid('not a delivery id') });
const LogQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).optional() });

/** Outgoing webhooks of the caller's brokerage (admins only). */
export function registerWebhookRoutes(app: FastifyInstance, deps: { webhooks: WebhookService }): void {
  const { webhooks } = deps;
  const Url = z
    .string()
    .trim()
    .max(2000)
    .superRefine((v, ctx) => {
      const r = checkWebhookUrl(v, webhooks.privateHosts);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
    });
  const Events = z.array(z.enum(WEBHOOK_EVENT_CHOICES)).min(1, 'choose at least one event').max(WEBHOOK_EVENT_CHOICES.length);
  const CreateSchema = z.object({ url: Url, events: Events, active: z.boolean().optional() });
  const UpdateSchema = z.object({ url: Url.optional(), events: Events.optional(), active: z.boolean().optional() });
  const requireAdmin = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (user.role !== 'admin') throw new AppError(403, 'forbidden', 'Only admins can manage webhooks');
    return user;
  };

  app.get('/api/admin/webhooks', async (req) => {
    const user = requireAdmin(req);
    return { webhooks: await webhooks.list(user.brokerageId), events: WEBHOOK_EVENT_CHOICES };
  });

  app.post('/api/admin/webhooks', async (req, reply) => {
    const user = requireAdmin(req);
    const body = parse(CreateSchema, req.body);
    const { webhook, secret } = await webhooks.create(user.brokerageId, user.id, body);
    // The secret is shown this once; it is never returned again.
    return reply.code(201).send({ ...webhook, secret });
  });

  app.get('/api/admin/webhooks/:id', async (req) => {
    const user = requireAdmin(req);
    const { id } = parse(IdParams, req.params, 'id');
    const hook = await webhooks.get(user.brokerageId, id);
    if (!hook) throw notFound('Webhook');
    return hook;
  });

  app.patch('/api/admin/webhooks/:id', async (req) => {
    const user = requireAdmin(req);
    const { id } = parse(IdParams, req.params, 'id');
    const hook = await webhooks.update(user.brokerageId, id, parse(UpdateSchema, req.body));
    if (!hook) throw notFound('Webhook');
    return hook;
  });

  app.post('/api/admin/webhooks/:id/rotate-secret', async (req) => {
    const user = requireAdmin(req);
    const { id } = parse(IdParams, req.params, 'id');
    const secret = await webhooks.rotateSecret(user.brokerageId, id);
    if (!secret) throw notFound('Webhook');
    return { id, secret };
  });

  app.delete('/api/admin/webhooks/:id', async (req, reply) => {
    const user = requireAdmin(req);
    const { id } = parse(IdParams, req.params, 'id');
    if (!(await webhooks.remove(user.brokerageId, id))) throw notFound('Webhook');
    return reply.code(204).send();
  });

  app.get('/api/admin/webhooks/:id/deliveries', async (req) => {
    const user = requireAdmin(req);
    const { id } = parse(IdParams, req.params, 'id');
    const { limit } = parse(LogQuery, req.query ?? {}, 'query');
    if (!(await webhooks.get(user.brokerageId, id))) throw notFound('Webhook');
    return { deliveries: await webhooks.deliveries(user.brokerageId, id, limit) };
  });

  app.post('/api/admin/webhooks/:id/deliveries/:deliveryId/resend', async (req, reply) => {
    const user = requireAdmin(req);
    const { id, deliveryId } = parse(DeliveryParams, req.params, 'id');
    const created = await webhooks.resend(user.brokerageId, id, deliveryId);
    if (!created) throw notFound('Delivery');
    return reply.code(202).send({ id: created, resentFrom: deliveryId });
  });
}
