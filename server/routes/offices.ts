import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability, type AuditLog } from '../auth/index.js';
import { OfficeRepository, type Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import { officesApi } from '../../shared/api/offices.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';

const nameTaken = () =>
  new AppError(409, 'office_name_taken', 'The brokerage has an office of that name already', {
    fields: [{ field: 'name', message: 'taken' }],
  });

/** Offices: everyone in the brokerage reads them; admins create, change and remove them and put people in them. */
export function registerOfficeRoutes(app: FastifyInstance, deps: { db: Db; audit: AuditLog }): void {
  const offices = new OfficeRepository(deps.db);
  const settingsAdmin = (req: FastifyRequest) => requireCapability(req, 'settings.edit');
  const manager = (req: FastifyRequest) => requireCapability(req, 'people.manage');
  const audit = (
    req: FastifyRequest,
    admin: { brokerageId: string; id: string; email: string },
    action: string,
    targetId: string,
    details: object,
  ) =>
    deps.audit.write({
      brokerageId: admin.brokerageId,
      actorId: admin.id,
      actorEmail: admin.email,
      action,
      targetType: action.startsWith('person') ? 'user' : 'office',
      targetId,
      details: details as Record<string, unknown>,
      ip: req.ip,
    });

  route(app, officesApi.list, { auth: requireUser }, async (_req, _reply, user) => ({ offices: await offices.list(user.brokerageId) }));

  route(app, officesApi.create, { auth: settingsAdmin }, async (req, _reply, admin) => {
    const id = randomUUID();
    if (!(await offices.create(admin.brokerageId, id, req.body))) throw nameTaken();
    await audit(req, admin, 'office.created', id, { after: req.body });
    return (await offices.get(admin.brokerageId, id))!;
  });

  route(app, officesApi.update, { auth: settingsAdmin }, async (req, _reply, admin) => {
    const before = await offices.get(admin.brokerageId, req.params.id);
    if (!before) throw notFound('Office');
    const result = await offices.update(admin.brokerageId, req.params.id, req.body);
    if (result === 'missing') throw notFound('Office');
    if (result === 'name-taken') throw nameTaken();
    await audit(req, admin, 'office.updated', req.params.id, { before, after: req.body });
    return (await offices.get(admin.brokerageId, req.params.id))!;
  });

  route(app, officesApi.remove, { auth: settingsAdmin }, async (req, _reply, admin) => {
    const before = await offices.get(admin.brokerageId, req.params.id);
    if (!before || !(await offices.remove(admin.brokerageId, req.params.id))) throw notFound('Office');
    await audit(req, admin, 'office.deleted', req.params.id, { before });
  });

  route(app, officesApi.assign, { auth: manager }, async (req, _reply, admin) => {
    const result = await offices.assign(admin.brokerageId, req.params.id, req.body.officeId);
    if (result === 'no-person') throw notFound('Person');
    if (result === 'no-office')
      throw new AppError(400, 'validation_failed', 'officeId: no such office in this brokerage', {
        fields: [{ field: 'officeId', message: 'no such office' }],
      });
    await audit(req, admin, 'person.office_changed', req.params.id, { officeId: req.body.officeId });
    return { officeId: req.body.officeId };
  });
}
