import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability, type AuditLog } from '../auth/index.js';
import { BrokerageRepository, UserRepository, type Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import {
  BrokerageSettingsSchema,
  settingsApi,
  StateSchema,
  type BrokerageSettings,
  type BrokerageView,
} from '../../shared/api/settings.js';
import { licensedStatesFor, rulePacksFor } from '../setup/index.js';
import { EXPIRY_WINDOW_DAYS, type LicenseExpiry } from '../licenses/index.js';
import { peopleApi } from '../../shared/api/people.js';
import { route } from './endpoint.js';

export { BrokerageSettingsSchema, type BrokerageSettings };
import { requireUser } from './context.js';

export function registerSettingsRoutes(
  app: FastifyInstance,
  deps: { db: Db; audit: AuditLog; defaultAiBudgetUsd: number; licenses: LicenseExpiry },
): void {
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

  /** The brokerage's name, licensed states (as stored, made to agree with the brand kit's state packs) and rule packs. */
  async function identity(brokerageId: string): Promise<BrokerageView> {
    const [row, raw, kit] = await Promise.all([
      brokerages.get(brokerageId),
      brokerages.settings(brokerageId),
      brokerages.brandKit(brokerageId),
    ]);
    if (!row || !raw || !kit) throw notFound('Brokerage');
    const stored = StateSchema.array().safeParse(raw.licensedStates);
    const licensedStates = StateSchema.array().parse(licensedStatesFor(stored.success ? stored.data : null, kit.rulePacks));
    return { name: row.name, licensedStates, rulePacks: kit.rulePacks };
  }

  route(app, settingsApi.brokerage, { auth: settingsAdmin }, async (_req, _reply, admin) => identity(admin.brokerageId));

  route(app, settingsApi.saveBrokerage, { auth: settingsAdmin }, async (req, _reply, admin) => {
    const before = await identity(admin.brokerageId);
    const rulePacks = rulePacksFor(req.body.licensedStates);
    await deps.db.transaction(async (tx) => {
      if (!(await new BrokerageRepository(tx).updateIdentity(admin.brokerageId, { ...req.body, rulePacks }))) throw notFound('Brokerage');
      await deps.audit.write(
        {
          brokerageId: admin.brokerageId,
          actorId: admin.id,
          actorEmail: admin.email,
          action: 'brokerage.updated',
          targetType: 'brokerage',
          targetId: admin.brokerageId,
          details: { before, after: { ...req.body, rulePacks } },
          ip: req.ip,
        },
        tx,
      );
    });
    return identity(admin.brokerageId);
  });

  /** Who in the brokerage has a license expiring in the next 60 days, soonest first (the admin dashboard). */
  route(app, settingsApi.expiringLicenses, { auth: (req) => requireCapability(req, 'people.manage') }, async (_req, _reply, admin) => ({
    withinDays: EXPIRY_WINDOW_DAYS,
    licenses: await deps.licenses.expiring(admin.brokerageId),
  }));

  /** People one can @mention: everyone active in the brokerage (names only). */
  route(app, peopleApi.mentionable, { auth: requireUser }, async (_req, _reply, user) => {
    return { people: await new UserRepository(deps.db).mentionable(user.brokerageId) };
  });
}
