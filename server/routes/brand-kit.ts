import type { FastifyInstance } from 'fastify';
import { BrandKitSchema } from '../../shared/index.js';
import type { Db } from '../db/index.js';
import { AppError, notFound } from '../errors.js';
import { BrokerageRepository } from '../repos/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

export function registerBrandKitRoutes(app: FastifyInstance, deps: { db: Db; onChange?: (brokerageId: string) => void }): void {
  const brokerages = new BrokerageRepository(deps.db);

  app.get('/api/brand-kit', async (req) => {
    const user = requireUser(req);
    const kit = await brokerages.brandKit(user.brokerageId);
    if (!kit) throw notFound('Brand kit');
    return kit;
  });

  /** Brand managers and admins own the kit; every design in the brokerage is scored against it. */
  app.put('/api/brand-kit', async (req) => {
    const user = requireUser(req);
    if (user.role !== 'brand_manager' && user.role !== 'admin') throw new AppError(403, 'forbidden', 'Only brand managers and admins can edit the brand kit');
    const kit = parse(BrandKitSchema, req.body);
    if (!(await brokerages.updateBrandKit(user.brokerageId, kit))) throw notFound('Brokerage');
    deps.onChange?.(user.brokerageId);
    return kit;
  });
}
