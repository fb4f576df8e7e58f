import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DesignSchema, checkText, scoreDesign } from '../../shared/index.js';
import type { Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import { BrokerageRepository } from '../repos/index.js';
import { requireDesign } from '../auth/index.js';
import type { ScoringService } from '../scoring/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const IdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not a design id') });
const CheckSchema = z.union([z.object({ text: z.string().max(100_000) }).strict(), z.object({ design: DesignSchema }).strict()]);

export function registerScoreRoutes(app: FastifyInstance, deps: { db: Db; scoring: ScoringService }): void {
  const brokerages = new BrokerageRepository(deps.db);

  app.get('/api/designs/:id/score', async (req) => {
    const user = requireUser(req);
    const { id } = parse(IdParamsSchema, req.params, 'id');
    await requireDesign(deps.db, user, id, 'view');
    const score = await deps.scoring.current(id);
    if (!score) throw notFound('Design');
    return {
      brand: score.brand,
      compliance: score.compliance,
      blocksApproval: score.blocksApproval,
      findings: score.findings,
      seq: score.seq,
      at: score.at,
    };
  });

  app.get('/api/designs/:id/score/history', async (req) => {
    const user = requireUser(req);
    const { id } = parse(IdParamsSchema, req.params, 'id');
    await requireDesign(deps.db, user, id, 'view');
    return { history: await deps.scoring.history(id) };
  });

  /** The same engine as an API: `{text}` checks wording; `{design}` scores a whole design against the caller's kit. */
  app.post('/api/compliance/check', async (req) => {
    const user = requireUser(req);
    const body = parse(CheckSchema, req.body);
    const kit = await brokerages.brandKit(user.brokerageId);
    if (!kit) throw notFound('Brand kit');
    if ('text' in body)
      return checkText(body.text, {
        rulePacks: kit.rulePacks,
        extraProtectedClasses: kit.extraProtectedClasses,
        bannedPhrases: kit.bannedPhrases,
      });
    return scoreDesign(body.design, { brandKit: kit, rulePacks: kit.rulePacks });
  });
}
