import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../errors.js';
import { checkWebhookUrl, type WebhookService } from '../webhooks/index.js';
import { webhooksApi, WEBHOOK_EVENT_CHOICES } from '../../shared/api/webhooks.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

/** Outgoing webhooks of the caller's brokerage (admins only). */
export function registerWebhookRoutes(app: FastifyInstance, deps: { webhooks: WebhookService }): void {
  const { webhooks } = deps;
  const requireAdmin = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (user.role !== 'admin') throw new AppError(403, 'forbidden', 'Only admins can manage webhooks');
    return user;
  };
  /** Whether the target may be called depends on this server's allow-list, so it is checked here, as a 400 on `url` like the contract's own checks. */
  const checkUrl = (url: string | undefined) => {
    if (url === undefined) return;
    const r = checkWebhookUrl(url, webhooks.privateHosts);
    if (!r.ok) throw new AppError(400, 'validation_failed', `url: ${r.message}`, { fields: [{ field: 'url', message: r.message }] });
  };

  route(app, webhooksApi.list, { auth: requireAdmin }, async (_req, _reply, user) => {
    return { webhooks: await webhooks.list(user.brokerageId), events: [...WEBHOOK_EVENT_CHOICES] };
  });

  route(app, webhooksApi.create, { auth: requireAdmin }, async (req, _reply, user) => {
    checkUrl(req.body.url);
    const { webhook, secret } = await webhooks.create(user.brokerageId, user.id, req.body);
    // The secret is shown this once; it is never returned again.
    return { ...webhook, secret };
  });

  route(app, webhooksApi.get, { auth: requireAdmin }, async (req, _reply, user) => {
    const hook = await webhooks.get(user.brokerageId, req.params.id);
    if (!hook) throw notFound('Webhook');
    return hook;
  });

  route(app, webhooksApi.update, { auth: requireAdmin }, async (req, _reply, user) => {
    checkUrl(req.body.url);
    const hook = await webhooks.update(user.brokerageId, req.params.id, req.body);
    if (!hook) throw notFound('Webhook');
    return hook;
  });

  route(app, webhooksApi.rotateSecret, { auth: requireAdmin }, async (req, _reply, user) => {
    const { id } = req.params;
    const secret = await webhooks.rotateSecret(user.brokerageId, id);
    if (!secret) throw notFound('Webhook');
    return { id, secret };
  });

  route(app, webhooksApi.remove, { auth: requireAdmin }, async (req, _reply, user) => {
    if (!(await webhooks.remove(user.brokerageId, req.params.id))) throw notFound('Webhook');
  });

  route(app, webhooksApi.deliveries, { auth: requireAdmin }, async (req, _reply, user) => {
    const { id } = req.params;
    if (!(await webhooks.get(user.brokerageId, id))) throw notFound('Webhook');
    return { deliveries: await webhooks.deliveries(user.brokerageId, id, req.query.limit) };
  });

  route(app, webhooksApi.resend, { auth: requireAdmin }, async (req, _reply, user) => {
    const { id, deliveryId } = req.params;
    const created = await webhooks.resend(user.brokerageId, id, deliveryId);
    if (!created) throw notFound('Delivery');
    return { id: created, resentFrom: deliveryId };
  });
}
