import type { FastifyInstance } from 'fastify';
import { accessApi } from '../../shared/api/access.js';
import type { AccessRequestService } from '../auth/access-requests.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

/** Asking a design's owner for access, and granting it in one click. */
export function registerAccessRequestRoutes(app: FastifyInstance, deps: { requests: AccessRequestService }): void {
  /** Same brokerage: my access (maybe none), the owner's name, my open request. Otherwise 404. */
  route(app, accessApi.info, { auth: requireUser }, async (req, _reply, user) => deps.requests.info(user, req.params.id));

  route(app, accessApi.ask, { auth: requireUser }, async (req, _reply, user) => ({
    request: await deps.requests.request(user, req.params.id, req.body),
  }));

  route(app, accessApi.pending, { auth: requireUser }, async (req, _reply, user) => ({
    requests: await deps.requests.pending(user, req.params.id),
  }));

  route(app, accessApi.grant, { auth: requireUser }, async (req, _reply, user) => ({
    request: await deps.requests.grant(user, req.params.id, req.body.access, req.ip),
  }));
}
