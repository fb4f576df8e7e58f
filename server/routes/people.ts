import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability } from '../auth/access.js';
import type { AccessEvent } from '../auth/access-bus.js';
import { canManagePerson } from '../auth/permissions.js';
import type { AuthService } from '../auth/index.js';
import type { Db } from '../repos/index.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { UserRepository } from '../repos/index.js';
import { peopleApi } from '../../shared/api/people.js';
import { route } from './endpoint.js';

/** Admins: the brokerage's people, their roles, deactivation. */
export function registerPeopleRoutes(
  app: FastifyInstance,
  deps: { db: Db; auth: AuthService; notifyAccess: (event: AccessEvent) => void },
): void {
  const users = new UserRepository(deps.db);

  const manager = (req: FastifyRequest) => requireCapability(req, 'people.manage');

  route(app, peopleApi.list, { auth: manager }, async (_req, _reply, admin) => {
    return { people: await users.listPeople(admin.brokerageId) };
  });

  route(app, peopleApi.update, { auth: manager }, async (req, _reply, admin) => {
    const { id } = req.params;
    const body = req.body;
    const target = await users.get(admin.brokerageId, id);
    if (!target) throw notFound('Person');
    if (!canManagePerson(admin, target)) throw forbidden('You cannot change your own role or deactivate yourself');
    const losesAdmin = target.role === 'admin' && target.active && ((body.role && body.role !== 'admin') || body.active === false);
    if (losesAdmin && (await users.countActiveAdmins(admin.brokerageId)) <= 1) {
      throw new AppError(409, 'last_admin', 'A brokerage needs at least one active admin');
    }
    const audit = (action: string, details: Record<string, unknown>) =>
      req.server.audit?.record({
        brokerageId: admin.brokerageId,
        actorId: admin.id,
        actorEmail: admin.email,
        action,
        targetType: 'user',
        targetId: id,
        details: { email: target.email, ...details },
        ip: req.ip,
      });
    let person = target;
    if (body.role && body.role !== target.role) {
      person = (await users.setRole(admin.brokerageId, id, body.role)) ?? person;
      void audit('people.role_changed', { from: target.role, to: body.role });
      deps.notifyAccess({ userId: id, brokerageId: admin.brokerageId, reason: 'role_changed' });
    }
    if (body.active !== undefined && body.active !== target.active) {
      person = (await users.setActive(admin.brokerageId, id, body.active)) ?? person;
      if (!body.active) {
        // Ends every session and, through the access bus, every live socket on every instance.
        await deps.auth.logoutAll({ id, brokerageId: admin.brokerageId }, 'deactivated');
        deps.notifyAccess({ userId: id, brokerageId: admin.brokerageId, reason: 'deactivated' });
      }
      void audit(body.active ? 'people.reactivated' : 'people.deactivated', {});
    }
    return { person };
  });

  /** An admin turns off someone's second factor (a lost phone): they sign in with the password and, if required, enrol again. */
  route(app, peopleApi.resetTotp, { auth: manager }, async (req, _reply, admin) => {
    const { id } = req.params;
    const target = await users.get(admin.brokerageId, id);
    if (!target) throw notFound('Person');
    await users.disableTotp(admin.brokerageId, id);
    deps.auth.forgetSessionChecks(id);
    deps.notifyAccess({ userId: id, brokerageId: admin.brokerageId, reason: 'role_changed' });
    await req.server.audit.write({
      brokerageId: admin.brokerageId,
      actorId: admin.id,
      actorEmail: admin.email,
      action: 'auth.totp_reset',
      targetType: 'user',
      targetId: id,
      details: { email: target.email },
      ip: req.ip,
    });
  });
}
