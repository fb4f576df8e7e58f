import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint, optionalBody } from '../../shared/api/contract.js';
import { AppError, unauthenticated } from '../errors.js';
import { route } from './endpoint.js';

/** A route registered from a contract, on a bare Fastify with our error shape (as server/app.ts answers AppError). */
const echo = endpoint({
  method: 'POST',
  path: '/things/:id',
  params: z.object({ id: z.string().regex(/^\d+$/, 'digits') }),
  query: z.object({ n: z.coerce.number().int().default(1) }),
  body: z.object({ title: z.string().trim().min(1).max(20), tags: z.array(z.string()).default([]) }).strict(),
  response: z.object({ id: z.string(), title: z.string(), n: z.number(), tags: z.array(z.string()) }),
  status: 201,
});
const touch = endpoint({
  method: 'POST',
  path: '/things/:id/touch',
  params: z.object({ id: z.string() }),
  body: optionalBody(z.object({ force: z.boolean().default(false) }).strict()),
  response: z.object({ force: z.boolean() }),
});
const gone = endpoint({ method: 'DELETE', path: '/things/:id', params: z.object({ id: z.string() }), status: 204 });

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof AppError) return reply.code(err.status).send(err.toBody());
    return reply.code(500).send({ error: { code: 'internal_error', message: String(err) } });
  });
  const signedIn = (req: { headers: Record<string, unknown> }) => {
    if (req.headers['x-user'] !== 'ann') throw unauthenticated();
    return 'ann';
  };
  // The handler answers more than the contract says: the serialiser leaves the extra field out.
  route(
    app,
    echo,
    { auth: signedIn },
    async (req, _reply, who) => ({ ...req.body, id: req.params.id, n: req.query.n, secret: who }) as never,
  );
  route(app, gone, {}, async () => undefined);
  route(app, touch, {}, async (req) => ({ force: req.body.force }));
  await app.ready();
});
afterAll(() => app.close());

const post = (url: string, body: unknown, user: string | null = 'ann') =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...(user ? { 'x-user': user } : {}) },
    payload: JSON.stringify(body),
  });

describe('routes registered from a shared/api contract', () => {
  it('validates, coerces and fills defaults, answers with the contract status, and serialises only what the response schema names', async () => {
    const res = await post('/things/42?n=3', { title: '  hello ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: '42', title: 'hello', n: 3, tags: [] });
  });

  it('answers a bad body with our 400 shape, naming the field', async () => {
    const res = await post('/things/42', { title: '', extra: 1 });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(/^title: /);
    expect(body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['title']));
  });

  it('names the part when the issue has no field of its own (no body at all, bad path parameter)', async () => {
    const none = await app.inject({ method: 'POST', url: '/things/42', headers: { 'x-user': 'ann' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/^body: /);
    const param = await post('/things/abc', { title: 'x' });
    expect(param.statusCode).toBe(400);
    expect(param.json().error).toMatchObject({ code: 'validation_failed', message: 'id: digits' });
  });

  it('checks who is asking before what they sent: an anonymous bad body is a 401, not a 400', async () => {
    const res = await post('/things/abc', { title: 12 }, null);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('an optional body may be left out (Fastify reads it as null) and still gets its defaults', async () => {
    const none = await app.inject({ method: 'POST', url: '/things/1/touch' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ force: false });
    expect((await post('/things/1/touch', { force: true })).json()).toEqual({ force: true });
    expect((await post('/things/1/touch', { force: 'yes' })).statusCode).toBe(400);
  });

  it('a 204 contract answers an empty 204', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/things/1' });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });
});
