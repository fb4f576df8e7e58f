import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { BrandKit } from '../../shared/index.js';
import type { AuditLog } from '../auth/index.js';
import type { Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import { BrokerageRepository } from '../repos/index.js';
import { brandKitApi } from '../../shared/api/brand-kit.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';

/** Top-level kit sections that differ, and the per-brokerage rule lists as they were and are (what an auditor asks about). */
function kitChanges(before: BrandKit | null, after: BrandKit): Record<string, unknown> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]) as Set<keyof BrandKit>;
  const changed = [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after[k])).sort();
  const rules: Record<string, unknown> = {};
  for (const k of ['bannedPhrases', 'extraProtectedClasses', 'disclaimers', 'rulePacks'] as const) {
    if (changed.includes(k)) rules[k] = { before: before?.[k] ?? null, after: after[k] ?? null };
  }
  return { changed, ...rules };
}

export function registerBrandKitRoutes(
  app: FastifyInstance,
  deps: { db: Db; audit?: AuditLog; onChange?: (brokerageId: string) => void },
): void {
  const brokerages = new BrokerageRepository(deps.db);

  route(app, brandKitApi.get, { auth: requireUser }, async (_req, _reply, user) => {
    const kit = await brokerages.brandKit(user.brokerageId);
    if (!kit) throw notFound('Brand kit');
    return kit;
  });

  /** Brand managers and admins own the kit; every design in the brokerage is scored against it. */
  const brandManager = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (user.role !== 'brand_manager' && user.role !== 'admin')
      throw new AppError(403, 'forbidden', 'Only brand managers and admins can edit the brand kit');
    return user;
  };
  route(app, brandKitApi.put, { auth: brandManager }, async (req, _reply, user) => {
    const kit = req.body;
    const before = await brokerages.brandKit(user.brokerageId);
    if (!(await brokerages.updateBrandKit(user.brokerageId, kit))) throw notFound('Brokerage');
    await deps.audit?.write({
      brokerageId: user.brokerageId,
      actorId: user.id,
      action: 'brand_kit.changed',
      targetType: 'brokerage',
      targetId: user.brokerageId,
      details: kitChanges(before, kit),
    });
    deps.onChange?.(user.brokerageId);
    return kit;
  });
}
