import type { FastifyInstance } from 'fastify';
import { checkText, scoreDesign } from '../../shared/index.js';
import { scoresApi } from '../../shared/api/scores.js';
import type { Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import { BrokerageRepository } from '../repos/index.js';
import { requireDesign } from '../auth/index.js';
import type { ScoringService } from '../scoring/index.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

export function registerScoreRoutes(app: FastifyInstance, deps: { db: Db; scoring: ScoringService }): void {
  const brokerages = new BrokerageRepository(deps.db);

  route(app, scoresApi.current, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
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

  route(app, scoresApi.history, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    await requireDesign(deps.db, user, id, 'view');
    return { history: await deps.scoring.history(id) };
  });

  /** The same engine as an API: `{text}` checks wording; `{design}` scores a whole design against the caller's kit. */
  route(app, scoresApi.check, { auth: requireUser }, async (req, _reply, user) => {
    const body = req.body;
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
