/** The HTTP edge every other plugin relies on: config, metrics, body parsers, the JSON error shape. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { setHashQueueLimits, setPasswordCost } from '../auth/index.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { Metrics } from '../metrics.js';
import { assertStorableText } from '../validation.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** This process among the instances sharing a database and bus. */
    instanceId: string;
    metrics: Metrics;
  }
}

/** A request's id in logs: the caller's `x-request-id` when it is sane, else a fresh one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

export const core = fp<{ config: Config; instanceId: string }>(
  async (app, { config, instanceId }) => {
    app.decorate('config', config);
    app.decorate('instanceId', instanceId);
    app.decorate('metrics', new Metrics());
    setPasswordCost(config.PASSWORD_SCRYPT_LOG_N);
    setHashQueueLimits({ perClient: config.LOGIN_HASH_QUEUE_PER_CLIENT, total: config.LOGIN_HASH_QUEUE_TOTAL });

    await app.register(fastifyCookie);
    await app.register(fastifyMultipart, { limits: { fileSize: config.MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

    app.addHook('onResponse', async (req, reply) => {
      app.metrics.httpDuration.observe(
        { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
    // One place at the JSON edge: text PostgreSQL cannot store (NUL, lone surrogates) is a 400, not a 500 later.
    app.addHook('preValidation', async (req) => assertStorableText({ body: req.body, query: req.query, params: req.params }));
    app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
      if (err instanceof AppError) {
        return reply
          .code(err.status)
          .send({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
      }
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
      if (status >= 500) {
        req.log.error({ err }, 'request failed');
        return reply.code(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side' } });
      }
      // Fastify's own 4xx (bad JSON, body too large, wrong content type): say what, not how.
      const code =
        err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'payload_too_large'
          : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'unsupported_media_type'
            : 'bad_request';
      const message =
        code === 'payload_too_large'
          ? 'Request body is too large'
          : code === 'unsupported_media_type'
            ? 'Unsupported content type'
            : 'Malformed request';
      return reply.code(status).send({ error: { code, message } });
    });
  },
  { name: 'core', fastify: '5.x' },
);
