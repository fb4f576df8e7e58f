/**
 * The instances' bus: every Redis connection of this instance comes from here (server/bus): one
 * reconnect policy, one state. Redis away is a degraded state: /readyz says so, fan-out pauses,
 * rooms reconcile on return. Without REDIS_URL everything runs in-process.
 */
import fp from 'fastify-plugin';
import { InProcessPubSub, RedisConnections, RedisPubSub, type PubSub } from '../bus/index.js';
import { BusFanout, type Fanout } from '../collab/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    redis: RedisConnections | null;
    bus: PubSub;
    /** Collaboration updates and presence between instances. */
    fanout: Fanout;
  }
}

export const bus = fp<{ bus?: PubSub; fanout?: Fanout }>(
  async (app, opts) => {
    const { config, log } = app;
    const redis = config.REDIS_URL && !opts.fanout && !opts.bus ? new RedisConnections(config.REDIS_URL, log) : null;
    if (redis) app.metrics.watchRedis(() => redis.up);
    const pubsub: PubSub =
      opts.bus ?? (redis ? new RedisPubSub(redis, (err) => log.warn({ err: err.message }, 'bus message dropped')) : new InProcessPubSub());
    const fanout = opts.fanout ?? new BusFanout(app.instanceId, pubsub);
    app.decorate('redis', redis);
    app.decorate('bus', pubsub);
    app.decorate('fanout', fanout);
    // Closed after everything registered later (onClose runs in reverse): a given bus is the caller's.
    app.addHook('onClose', async () => {
      await fanout.close();
      if (!opts.bus) await pubsub.close();
      await redis?.close();
    });
  },
  { name: 'bus', dependencies: ['core'], fastify: '5.x' },
);
