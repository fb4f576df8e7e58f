import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index.js';
import { notFound } from '../errors.js';
import { BrokerageRepository } from '../repos/index.js';
import { requireUser } from './context.js';

export function registerBrandKitRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const brokerages = new BrokerageRepository(deps.db);
  app.get('/api/brand-kit', async (req) => {
    const user = requireUser(req);
    const kit = await brokerages.brandKit(user.brokerageId);
    if (!kit) throw notFound('Brand kit');
    return kit;
  });
}
