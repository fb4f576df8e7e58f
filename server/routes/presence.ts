import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PresenceDirectory } from '../collab/index.js';
import { DesignRepository, type Db } from '../repos/index.js';
import { AppError } from '../errors.js';
import { presenceApi } from '../../shared/api/presence.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

/** "Now": who is editing what in the brokerage, across all instances (admins and brand managers). */
export function registerPresenceRoutes(app: FastifyInstance, deps: { db: Db; presence: PresenceDirectory }): void {
  const watcher = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (user.role === 'agent') throw new AppError(403, 'forbidden', 'Only admins and brand managers can see who is editing');
    return user;
  };
  route(app, presenceApi.live, { auth: watcher }, async (_req, _reply, user) => {
    const sessions = await deps.presence.forBrokerage(user.brokerageId);
    const ids = [...new Set(sessions.map((s) => s.designId))];
    const rows = await new DesignRepository(deps.db).summaries(user.brokerageId, ids);
    const designs = rows.map((d) => {
      const here = sessions.filter((s) => s.designId === d.id);
      const people = [...new Map(here.map((s) => [s.userId, { userId: s.userId, name: s.name, readOnly: s.readOnly }])).values()];
      return { designId: d.id, title: d.title, kind: d.kind, status: d.status, people };
    });
    return { designs, people: new Set(sessions.map((s) => s.userId)).size, instances: new Set(sessions.map((s) => s.instanceId)).size };
  });
}
