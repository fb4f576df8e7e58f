import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index.js';
import type { Fanout } from '../collab/index.js';
import type { Metrics } from '../metrics.js';

export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db; fanout: Fanout; metrics: Metrics; redisConfigured: boolean }): void {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/readyz', async (_req, reply) => {
    const checks: Record<string, boolean> = {};
    checks.database = await deps.db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    if (deps.redisConfigured) checks.redis = await deps.fanout.ping();
    const ok = Object.values(checks).every(Boolean);
    return reply.code(ok ? 200 : 503).send({ ok, checks });
  });

  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
}
