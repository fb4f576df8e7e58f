import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { databaseAnswers, type Db } from '../repos/index.js';
import type { RedisConnections } from '../bus/index.js';
import { forbidden } from '../errors.js';
import type { Metrics } from '../metrics.js';

export interface MetricsAccess {
  /** IPs or CIDRs that may scrape without a token. */
  allow: readonly string[];
  /** Bearer token that may scrape from anywhere. */
  token?: string;
}

/** Who may read /metrics: an allow-listed peer that did not come through a proxy, or the bearer of the token (pure once built). */
export function metricsGate(access: MetricsAccess): (req: Pick<FastifyRequest, 'headers' | 'socket'>) => boolean {
  const allowed = new BlockList();
  for (const entry of access.allow) {
    const [ip, prefix] = entry.split('/') as [string, string | undefined];
    const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) allowed.addAddress(ip, family);
    else allowed.addSubnet(ip, Number(prefix), family);
  }
  const token = access.token ? Buffer.from(`Bearer ${access.token}`) : null;
  return (req) => {
    const given = req.headers.authorization;
    if (token && typeof given === 'string' && given.length === token.length && timingSafeEqual(Buffer.from(given), token)) return true;
    // Behind a reverse proxy every visitor arrives from the proxy's (often loopback) address.
    if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined)
      return false;
    const peer = req.socket.remoteAddress ?? '';
    const family = isIP(peer);
    if (family === 0) return false;
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(peer)?.[1];
    return v4 ? allowed.check(v4, 'ipv4') : allowed.check(peer, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** A dependency that does not answer within this long counts as down. */
const CHECK_TIMEOUT_MS = 2_000;

async function databaseUp(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([databaseAnswers(db), timeout]);
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
export function registerHealthRoutes(
  app: FastifyInstance,
  deps: { db: Db; metrics: Metrics; redis: RedisConnections | null; metricsAccess: MetricsAccess },
): void {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/readyz', async (_req, reply) => {
    const checks: Record<string, boolean> = { database: await databaseUp(deps.db) };
    if (deps.redis) checks.redis = deps.redis.up;
    const degraded = Object.keys(checks).filter((k) => !checks[k]);
    const ok = degraded.length === 0;
    return reply.code(ok ? 200 : 503).send({ ok, status: ok ? 'ready' : 'degraded', degraded, checks });
  });

  const mayScrape = metricsGate(deps.metricsAccess);
  app.get('/metrics', async (req, reply) => {
    if (!mayScrape(req))
      throw forbidden('Metrics are served to allow-listed addresses (METRICS_ALLOW) or with the METRICS_TOKEN bearer token');
    reply.header('content-type', deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
}
