import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AccessRequestService } from '../auth/access-requests.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const IdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not a design id') }).strict();
const RequestParamsSchema = z.object({ id: z.string().uuid('not a request id') }).strict();
const AskSchema = z.object({ access: z.enum(['view', 'edit']), message: z.string().trim().max(500).nullable().default(null) }).strict();
const GrantSchema = z.object({ access: z.enum(['view', 'edit']) }).strict();

/** Asking a design's owner for access, and granting it in one click. */
export function registerAccessRequestRoutes(app: FastifyInstance, deps: { requests: AccessRequestService }): void {
  /** Same brokerage: my access (maybe none), the owner's name, my open request. Otherwise 404. */
  app.get('/api/designs/:id/access', async (req) => {
    const { id } = parse(IdParamsSchema, req.params, 'id');
    return deps.requests.info(requireUser(req), id);
  });

  app.post('/api/designs/:id/access-requests', async (req, reply) => {
    const user = requireUser(req);
    const { id } = parse(IdParamsSchema, req.params, 'id');
    const body = parse(AskSchema, req.body ?? {});
    return reply.code(201).send({ request: await deps.requests.request(user, id, body) });
  });

  app.get('/api/designs/:id/access-requests', async (req) => {
    const { id } = parse(IdParamsSchema, req.params, 'id');
    return { requests: await deps.requests.pending(requireUser(req), id) };
  });

  app.post('/api/access-requests/:id/grant', async (req) => {
    const user = requireUser(req);
    const { id } = parse(RequestParamsSchema, req.params, 'id');
    const { access } = parse(GrantSchema, req.body);
    return { request: await deps.requests.grant(user, id, access, req.ip) };
  });
}
