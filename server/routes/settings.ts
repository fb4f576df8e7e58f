import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireCapability, type AuditLog } from '../auth/index.js';
import type { Db } from '../db/index.js';
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
  async function read(brokerageId: string): Promise<BrokerageSettings> {
    const { rows } = await deps.db.query<{ settings: unknown }>('SELECT settings FROM brokerages WHERE id = $1', [brokerageId]);
    if (!rows[0]) throw notFound('Brokerage');
    const raw = (typeof rows[0].settings === 'string' ? JSON.parse(rows[0].settings) : rows[0].settings) as Record<string, unknown>;
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
    await deps.db.query('UPDATE brokerages SET settings = settings || $2::jsonb WHERE id = $1', [admin.brokerageId, JSON.stringify(body)]);
    await deps.audit.write({ brokerageId: admin.brokerageId, actorId: admin.id, action: 'settings.changed', targetType: 'brokerage', targetId: admin.brokerageId, details: { before, after: body } });
    return { ...before, ...body };
  });

  /** People one can @mention: everyone active in the brokerage (names only). */
  app.get('/api/people/mentionable', async (req) => {
    const user = requireUser(req);
    const { rows } = await deps.db.query<{ id: string; name: string; role: string }>('SELECT id, name, role FROM users WHERE brokerage_id = $1 AND active ORDER BY name', [user.brokerageId]);
    return { people: rows };
  });
}
