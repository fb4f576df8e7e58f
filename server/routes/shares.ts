import type { FastifyInstance } from 'fastify';
import { requireDesign } from '../auth/access.js';
import type { AccessEvent } from '../auth/access-bus.js';
import { canShareDesign } from '../auth/permissions.js';
import type { Db } from '../repos/index.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { DesignRepository, ShareRepository, UserRepository } from '../repos/index.js';
import type { NotificationService } from '../review/notifications.js';
import { sharesApi } from '../../shared/api/shares.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';

/** Sharing a design with people of the same brokerage. */
export function registerShareRoutes(
  app: FastifyInstance,
  deps: { db: Db; notifyAccess: (event: AccessEvent) => void; notifications: NotificationService },
): void {
  const shares = new ShareRepository(deps.db);
  const users = new UserRepository(deps.db);

  route(app, sharesApi.share, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const body = req.body;
    const { facts } = await requireDesign(deps.db, user, id);
    if (!canShareDesign(user, facts)) throw forbidden('Only people who can edit this design can share it');
    const target = await users.findByEmail(user.brokerageId, body.email);
    if (!target || !target.active) {
      throw new AppError(404, 'person_not_found', 'email: nobody with that email in your brokerage', {
        fields: [{ field: 'email', message: 'nobody with that email in your brokerage' }],
      });
    }
    if (target.id === facts.ownerId)
      throw new AppError(400, 'validation_failed', 'email: that is the owner of the design', {
        fields: [{ field: 'email', message: 'that is the owner of the design' }],
      });
    const before = (await shares.list(user.brokerageId, id)).find((s) => s.userId === target.id);
    await shares.upsert({ brokerageId: user.brokerageId, designId: id, userId: target.id, access: body.access, sharedBy: user.id });
    if (before?.access !== body.access) {
      // The person hears about it in their inbox (and by email when mail is configured).
      const title = await new DesignRepository(deps.db).title(user.brokerageId, id);
      const verb = body.access === 'edit' ? 'edit' : 'view';
      const n = await deps.notifications.notify(deps.db, {
        userId: target.id,
        brokerageId: user.brokerageId,
        kind: 'design_shared',
        designId: id,
        title: `${user.name} shared “${title ?? 'a design'}” with you (can ${verb})`,
      });
      deps.notifications.deliver(target.id, n);
    }
    await req.server.audit?.record({
      brokerageId: user.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'design.shared',
      targetType: 'design',
      targetId: id,
      details: { with: target.email, userId: target.id, access: body.access },
      ip: req.ip,
    });
    deps.notifyAccess({ userId: target.id, brokerageId: user.brokerageId, reason: 'share_changed', designId: id });
    return { share: { designId: id, userId: target.id, email: target.email, name: target.name, access: body.access } };
  });

  route(app, sharesApi.list, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    await requireDesign(deps.db, user, id);
    return { shares: await shares.list(user.brokerageId, id) };
  });

  route(app, sharesApi.unshare, { auth: requireUser }, async (req, _reply, user) => {
    const { id, userId } = req.params;
    const { facts } = await requireDesign(deps.db, user, id);
    if (!canShareDesign(user, facts) && userId !== user.id) throw forbidden('Only people who can edit this design can change its sharing');
    if (!(await shares.remove(user.brokerageId, id, userId))) throw notFound('Share');
    await req.server.audit?.record({
      brokerageId: user.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'design.unshared',
      targetType: 'design',
      targetId: id,
      details: { userId },
      ip: req.ip,
    });
    deps.notifyAccess({ userId, brokerageId: user.brokerageId, reason: 'share_changed', designId: id });
  });
}
