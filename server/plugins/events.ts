/** Domain events: outbox → Redis Streams (REDIS_URL) or in-process delivery; analytics and webhooks consume them. */
import fp from 'fastify-plugin';
import { EventBackbone, analyticsConsumer, type EventTuning } from '../events/index.js';
import { WebhookService, type WebhookServiceOptions } from '../webhooks/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBackbone;
    webhooks: WebhookService;
  }
}

export interface EventsOptions {
  /** `null` forces in-process delivery even with REDIS_URL (tests). */
  redisUrl?: string | null;
  tuning?: Partial<EventTuning>;
  webhooks?: Partial<Omit<WebhookServiceOptions, 'db' | 'log'>>;
}

export const events = fp<EventsOptions>(
  async (app, opts) => {
    const { config, db, log } = app;
    const webhooks = new WebhookService({ db, log, privateHosts: config.WEBHOOK_PRIVATE_HOSTS, ...opts.webhooks });
    const backbone = new EventBackbone({
      db,
      log,
      instanceId: app.instanceId,
      redisUrl: opts.redisUrl === undefined ? config.REDIS_URL : opts.redisUrl,
      redisConnections: opts.redisUrl === undefined && app.redis ? app.redis : undefined,
      consumers: [analyticsConsumer(), webhooks.consumer()],
      ...opts.tuning,
    });
    // Registered late, closed early (onClose runs in reverse): webhooks stop before the backbone, both before the bus.
    app.addHook('onClose', async () => {
      await webhooks.close();
      await backbone.close();
    });
    await backbone.start();
    webhooks.start();
    app.decorate('events', backbone);
    app.decorate('webhooks', webhooks);
  },
  { name: 'events', dependencies: ['database', 'bus'], fastify: '5.x' },
);
