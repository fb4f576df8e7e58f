import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { instantiateTemplate } from '../../shared/index.js';
import { getTemplate, templateSummaries } from '../../templates/index.js';
import type { Db } from '../db/index.js';
import { notFound } from '../errors.js';
import { BrokerageRepository } from '../repos/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

export function registerTemplateRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const brokerages = new BrokerageRepository(deps.db);

  app.get('/api/templates', async (req) => {
    requireUser(req);
    return templateSummaries();
  });

  /** The template resolved with the caller's brand kit (what a new design from it looks like). */
  app.get('/api/templates/:id', async (req) => {
    const user = requireUser(req);
    const { id } = parse(z.object({ id: z.string().min(1).max(100) }), req.params, 'id');
    const template = getTemplate(id);
    const kit = await brokerages.brandKit(user.brokerageId);
    if (!template || !kit) throw notFound('Template');
    return { id: template.id, title: template.title, kind: template.kind, version: template.version, design: instantiateTemplate(template, kit) };
  });
}
