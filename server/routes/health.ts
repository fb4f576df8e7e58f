import type { FastifyInstance } from 'fastify';
import type { RedisConnections } from '../bus/index.js';
import type { Db } from '../db/index.js';
import type { Metrics } from '../metrics.js';

/** A dependency that does not answer within this long counts as down. */
const CHECK_TIMEOUT_MS = 2_000;

async function databaseUp(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([db.query('SELECT 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: the process is alive and serving (load balancers and restarts use this: an
 * instance keeps serving its own rooms while a shared dependency is away, and taking every
 * instance out at once would turn a degraded cluster into an outage).
 * `/readyz`: 200 when every dependency answers, else 503 naming what is degraded (alerts,
 * rolling upgrades waiting for a new instance).
 */
export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db; metrics: Metrics; redis: RedisConnections | null }): void {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/readyz', async (_req, reply) => {
    const checks: Record<string, boolean> = { database: await databaseUp(deps.db) };
    if (deps.redis) checks.redis = deps.redis.up;
    const degraded = Object.keys(checks).filter((k) => !checks[k]);
    const ok = degraded.length === 0;
    return reply.code(ok ? 200 : 503).send({ ok, status: ok ? 'ready' : 'degraded', degraded, checks });
  });

  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
}
