import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkText, objectsInOrder } from '../../shared/index.js';
import { ListingFactsSchema, type AiContext, type AiService } from '../ai/index.js';
import { currentDesign, type DocumentStore, type RoomManager } from '../collab/index.js';
import type { Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import { BrokerageRepository } from '../repos/index.js';
import { requireDesign } from '../auth/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const ReviewSchema = z.object({ designId: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/) }).strict();
const RewriteSchema = z
  .object({ text: z.string().min(1).max(5_000), instruction: z.string().max(500).default('Make it compliant and on-brand') })
  .strict();
const DescribeSchema = z.object({ facts: ListingFactsSchema }).strict();

export function registerAiRoutes(app: FastifyInstance, deps: { db: Db; ai: AiService; rooms: RoomManager; store: DocumentStore }): void {
  const brokerages = new BrokerageRepository(deps.db);

  async function context(brokerageId: string): Promise<AiContext> {
    const kit = await brokerages.brandKit(brokerageId);
    if (!kit) throw notFound('Brand kit');
    return { brokerageId, voice: kit.voice, rulePacks: kit.rulePacks };
  }

  app.get('/api/ai/status', async (req) => {
    requireUser(req);
    return { provider: deps.ai.configured ? 'openai' : 'builtin' };
  });

  /** Reviews every piece of copy in a design; findings are advisory and marked with their source. */
  app.post('/api/ai/review', async (req) => {
    const user = requireUser(req);
    const { designId } = parse(ReviewSchema, req.body);
    await requireDesign(deps.db, user, designId, 'view');
    const design = await currentDesign(deps.rooms, deps.store, designId);
    const items = objectsInOrder(design).flatMap((o) =>
      o.type === 'text' && o.text.trim() ? [{ objectId: o.id, role: o.role, text: o.text.slice(0, 5_000) }] : [],
    );
    const answer = await deps.ai.review(await context(user.brokerageId), items.slice(0, 200));
    return { provider: answer.provider, cached: answer.cached, notice: answer.notice, findings: answer.result.findings };
  });

  app.post('/api/ai/rewrite', async (req) => {
    const user = requireUser(req);
    const body = parse(RewriteSchema, req.body);
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

  app.post('/api/ai/listing-description', async (req) => {
    const user = requireUser(req);
    const body = parse(DescribeSchema, req.body);
    const ctx = await context(user.brokerageId);
    const answer = await deps.ai.describeListing(ctx, body.facts);
    const check = checkText(answer.result.text, { rulePacks: ctx.rulePacks as never });
    return { provider: answer.provider, cached: answer.cached, notice: answer.notice, text: answer.result.text, findings: check.findings };
  });

  app.get('/api/ai/usage', async (req) => {
    const user = requireUser(req);
    if (user.role === 'agent') throw new AppError(403, 'forbidden', 'Only brand managers and admins can see AI usage');
    return deps.ai.usage(user.brokerageId);
  });
}
