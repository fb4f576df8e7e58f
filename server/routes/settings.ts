import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability, type AuditLog } from '../auth/index.js';
import { BrokerageRepository, UserRepository, type Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import { BrokerageSettingsSchema, settingsApi, type BrokerageSettings } from '../../shared/api/settings.js';
import { peopleApi } from '../../shared/api/people.js';
import { route } from './endpoint.js';

export { BrokerageSettingsSchema, type BrokerageSettings };
import { requireUser } from './context.js';

export function registerSettingsRoutes(app: FastifyInstance, deps: { db: Db; audit: AuditLog; defaultAiBudgetUsd: number }): void {
  const brokerages = new BrokerageRepository(deps.db);
  async function read(brokerageId: string): Promise<BrokerageSettings> {
    const raw = await brokerages.settings(brokerageId);
    if (!raw) throw notFound('Brokerage');
    return {
      requireApprovalBeforeExport: raw.requireApprovalBeforeExport === true,
      aiMonthlyBudgetUsd: typeof raw.aiMonthlyBudgetUsd === 'number' ? raw.aiMonthlyBudgetUsd : deps.defaultAiBudgetUsd,
      requireTwoFactor: raw.requireTwoFactor === true,
    };
  }

  const settingsAdmin = (req: FastifyRequest) => requireCapability(req, 'settings.edit');
  route(app, settingsApi.get, { auth: settingsAdmin }, async (_req, _reply, admin) => read(admin.brokerageId));

  route(app, settingsApi.put, { auth: settingsAdmin }, async (req, _reply, admin) => {
    const body = req.body;
    const before = await read(admin.brokerageId);
    await brokerages.mergeSettings(admin.brokerageId, body);
    await deps.audit.write({
      brokerageId: admin.brokerageId,
      actorId: admin.id,
      action: 'settings.changed',
      targetType: 'brokerage',
      targetId: admin.brokerageId,
      details: { before, after: body },
    });
    return { ...before, ...body };
  });

  /** People one can @mention: everyone active in the brokerage (names only). */
  route(app, peopleApi.mentionable, { auth: requireUser }, async (_req, _reply, user) => {
    return { people: await new UserRepository(deps.db).mentionable(user.brokerageId) };
  });
}
