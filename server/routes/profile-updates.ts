import type { FastifyInstance } from 'fastify';
import type { DocumentStore, RoomManager } from '../collab/index.js';
import type { Db } from '../repos/index.js';
import { ProfileDesignUpdates } from '../listings/index.js';
import { profileApi } from '../../shared/api/profile.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';

/** "Update my designs": after a profile or office change, one's own designs offer the new details (never over what one retyped). */
export function registerProfileUpdateRoutes(app: FastifyInstance, deps: { db: Db; store: DocumentStore; rooms: RoomManager }): void {
  const updates = new ProfileDesignUpdates(deps);
  route(app, profileApi.designUpdates, { auth: requireUser }, async (_req, _reply, user) => ({
    designs: await updates.pending(user.brokerageId, user.id),
  }));
  route(app, profileApi.updateDesigns, { auth: requireUser }, async (req, _reply, user) => ({
    updated: await updates.apply(user.brokerageId, user, req.body.designIds),
  }));
}
