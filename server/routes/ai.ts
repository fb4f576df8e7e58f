import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkText, objectsInOrder } from '../../shared/index.js';
import type { AiContext, AiService } from '../ai/index.js';
import { currentDesign, type DocumentStore, type RoomManager } from '../collab/index.js';
import type { Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import { BrokerageRepository } from '../repos/index.js';
import { requireDesign } from '../auth/index.js';
import { aiApi } from '../../shared/api/ai.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

export function registerAiRoutes(app: FastifyInstance, deps: { db: Db; ai: AiService; rooms: RoomManager; store: DocumentStore }): void {
  const brokerages = new BrokerageRepository(deps.db);

  async function context(brokerageId: string): Promise<AiContext> {
    const kit = await brokerages.brandKit(brokerageId);
    if (!kit) throw notFound('Brand kit');
    return { brokerageId, voice: kit.voice, rulePacks: kit.rulePacks };
  }

  route(app, aiApi.status, { auth: requireUser }, async () => {
    return { provider: deps.ai.configured ? ('openai' as const) : ('builtin' as const) };
  });

  /** Reviews every piece of copy in a design; findings are advisory and marked with their source. */
  route(app, aiApi.review, { auth: requireUser }, async (req, _reply, user) => {
    const { designId } = req.body;
    await requireDesign(deps.db, user, designId, 'view');
    const design = await currentDesign(deps.rooms, deps.store, designId);
    const items = objectsInOrder(design).flatMap((o) =>
      o.type === 'text' && o.text.trim() ? [{ objectId: o.id, role: o.role, text: o.text.slice(0, 5_000) }] : [],
    );
    const answer = await deps.ai.review(await context(user.brokerageId), items.slice(0, 200));
    return { provider: answer.provider, cached: answer.cached, notice: answer.notice, findings: answer.result.findings };
  });

  route(app, aiApi.rewrite, { auth: requireUser }, async (req, _reply, user) => {
    const body = req.body;
    const ctx = await context(user.brokerageId);
    const answer = await deps.ai.rewrite(ctx, body.text, body.instruction);
    const check = checkText(answer.result.text, { rulePacks: ctx.rulePacks as never });
    return {
      provider: answer.provider,
      cached: answer.cached,
      notice: answer.notice,
      text: answer.result.text,
      notes: answer.result.notes,
      findings: check.findings,
    };
  });

  route(app, aiApi.listingDescription, { auth: requireUser }, async (req, _reply, user) => {
    const body = req.body;
    const ctx = await context(user.brokerageId);
    const answer = await deps.ai.describeListing(ctx, body.facts);
    const check = checkText(answer.result.text, { rulePacks: ctx.rulePacks as never });
    return { provider: answer.provider, cached: answer.cached, notice: answer.notice, text: answer.result.text, findings: check.findings };
  });

  const reviewer = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (user.role === 'agent') throw new AppError(403, 'forbidden', 'Only brand managers and admins can see AI usage');
    return user;
  };
  route(app, aiApi.usage, { auth: reviewer }, async (_req, _reply, user) => {
    return deps.ai.usage(user.brokerageId);
  });
}
