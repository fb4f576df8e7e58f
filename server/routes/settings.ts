import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCapability, type AuditLog } from '../auth/index.js';
import { BrokerageRepository, UserRepository, type Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

/** Brokerage settings admins control (stored in brokerages.settings). */
export const BrokerageSettingsSchema = z
  .object({
    /** Designs must be approved before anyone exports them. */
    requireApprovalBeforeExport: z.boolean(),
    /** Monthly AI spend cap in USD (then the built-in assistant answers). */
    aiMonthlyBudgetUsd: z.number().min(0).max(100_000),
    /** Everyone must sign in with a second factor (those without one are sent to set it up). Unchanged when left out. */
    requireTwoFactor: z.boolean().optional(),
  })
  .strict();
export type BrokerageSettings = z.infer<typeof BrokerageSettingsSchema>;

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

  app.get('/api/admin/settings', async (req) => read(requireCapability(req, 'settings.edit').brokerageId));

  app.put('/api/admin/settings', async (req) => {
    const admin = requireCapability(req, 'settings.edit');
    const body = parse(BrokerageSettingsSchema, req.body);
    const before = await read(admin.brokerageId);
    await brokerages.mergeSettings(admin.brokerageId, body);
    await deps.audit.write({ brokerageId: admin.brokerageId, actorId: admin.id, action: 'settings.changed', targetType: 'brokerage', targetId: admin.brokerageId, details: { before, after: body } });
    return { ...before, ...body };
  });

  /** People one can @mention: everyone active in the brokerage (names only). */
  app.get('/api/people/mentionable', async (req) => {
    const user = requireUser(req);
    return { people: await new UserRepository(deps.db).mentionable(user.brokerageId) };
  });
}
