import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { currentDesign, type DocumentStore, type RoomManager } from '../collab/index.js';
import { BrokerageRepository, type Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import { DesignRepository } from '../repos/index.js';
import { NewCommentSchema, type CommentService, type NotificationService, type ReviewService, type VersionService } from '../review/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const DesignParams = z.object({ id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not a design id') });
const VersionParams = DesignParams.extend({ versionId: z.string().uuid('not a version id') });
const IdParams = z.object({ id: z.string().uuid('not an id') });
const SubmitSchema = z.object({ comment: z.string().trim().max(2_000).optional() }).strict();
const ReviewSchema = z.object({ decision: z.enum(['approve', 'request_changes']), comment: z.string().trim().max(2_000).optional() }).strict();
const NamedVersionSchema = z.object({ name: z.string().trim().min(1).max(120) }).strict();
const ResolveSchema = z.object({ resolved: z.boolean().default(true) }).strict();
const ExportSchema = z.object({ format: z.enum(['png', 'pdf', 'html', 'zip']) }).strict();

export interface ReviewRouteDeps {
  db: Db;
  rooms: RoomManager;
  store: DocumentStore;
  reviews: ReviewService;
  versions: VersionService;
  comments: CommentService;
  notifications: NotificationService;
  /** How this person may open the design (the permissions matrix). */
  resolveAccess: (designId: string, user: { id: string; brokerageId: string; role: string }) => Promise<'edit' | 'view' | 'not-found' | 'other-brokerage'>;
  /** Called when an export is allowed (events, audit). */
  onExport?: (e: { designId: string; brokerageId: string; userId: string; ownerId: string; format: string; kind: string }) => Promise<void>;
}

/** Review workflow, comments, inbox, version history and export policy. */
export function registerReviewRoutes(app: FastifyInstance, deps: ReviewRouteDeps): void {
  const designs = new DesignRepository(deps.db);

  /** The design, if the caller may at least see it; `need: 'edit'` also requires edit access. */
  async function designFor(req: Parameters<typeof requireUser>[0], need: 'view' | 'edit' = 'view') {
    const user = requireUser(req);
    const { id } = parse(DesignParams, req.params, 'id');
    const design = await designs.get(user.brokerageId, id);
    const access = design ? await deps.resolveAccess(id, user) : 'not-found';
    if (!design || (access !== 'edit' && access !== 'view')) throw notFound('Design');
    if (need === 'edit' && access !== 'edit') throw new AppError(403, 'forbidden', 'You can view this design but not change it');
    return { user, design, access };
  }

  // ---- review -------------------------------------------------------------
  app.post('/api/designs/:id/submit', async (req) => {
    const { user, design } = await designFor(req);
    const body = parse(SubmitSchema, req.body ?? {});
    return { id: design.id, status: await deps.reviews.submit(user, design.id, body.comment) };
  });

  app.post('/api/designs/:id/review', async (req) => {
    const { user, design } = await designFor(req);
    const body = parse(ReviewSchema, req.body);
    return { id: design.id, status: await deps.reviews.review(user, design.id, body.decision, body.comment) };
  });

  app.get('/api/designs/:id/reviews', async (req) => {
    const { user, design } = await designFor(req);
    return { reviews: await deps.reviews.history(user.brokerageId, design.id) };
  });

  app.get('/api/reviews/queue', async (req) => {
    const user = requireUser(req);
    if (user.role !== 'brand_manager' && user.role !== 'admin') throw new AppError(403, 'forbidden', 'Only brand managers and admins review designs');
    return { designs: await deps.reviews.queue(user.brokerageId) };
  });

  // ---- export policy --------------------------------------------------------
  /** The editor asks before downloading: brokerage policy may require approval first. Records the export. */
  app.post('/api/designs/:id/exports', async (req) => {
    const { user, design } = await designFor(req);
    const body = parse(ExportSchema, req.body);
    if ((await new BrokerageRepository(deps.db).requiresApprovalBeforeExport(user.brokerageId)) && design.status !== 'approved') {
      throw new AppError(409, 'approval_required', 'Your brokerage requires approval before export: submit the design for review first');
    }
    await deps.onExport?.({ designId: design.id, brokerageId: user.brokerageId, userId: user.id, ownerId: design.ownerId, format: body.format, kind: design.kind });
    return { allowed: true };
  });

  // ---- comments -------------------------------------------------------------
  app.get('/api/designs/:id/comments', async (req) => {
    const { user, design } = await designFor(req);
    return { comments: await deps.comments.list(user.brokerageId, design.id) };
  });

  app.post('/api/designs/:id/comments', async (req, reply) => {
    const { user, design } = await designFor(req);
    const body = parse(NewCommentSchema, req.body);
    const { comment } = await deps.comments.add(user, design.id, body);
    return reply.code(201).send(comment);
  });

  app.post('/api/comments/:id/resolve', async (req) => {
    const user = requireUser(req);
    const { id } = parse(IdParams, req.params, 'id');
    const body = parse(ResolveSchema, req.body ?? {});
    // A comment is part of its design: someone who may not open the design has no such comment.
    const designId = await deps.comments.designOf(user.brokerageId, id);
    const access = designId ? await deps.resolveAccess(designId, user) : 'not-found';
    if (access !== 'edit' && access !== 'view') throw notFound('Comment');
    return deps.comments.resolve(user.brokerageId, user.id, id, body.resolved);
  });

  // ---- inbox ----------------------------------------------------------------
  app.get('/api/notifications', async (req) => deps.notifications.inbox(requireUser(req).id));

  app.post('/api/notifications/:id/read', async (req, reply) => {
    const user = requireUser(req);
    const raw = (req.params as { id?: string }).id;
    const id = raw === 'all' ? 'all' : parse(IdParams, req.params, 'id').id;
    await deps.notifications.markRead(user.id, id);
    return reply.code(204).send();
  });

  // ---- versions -------------------------------------------------------------
  app.get('/api/designs/:id/versions', async (req) => {
    const { user, design } = await designFor(req);
    return { versions: await deps.versions.list(user.brokerageId, design.id) };
  });

  app.post('/api/designs/:id/versions', async (req, reply) => {
    const { user, design } = await designFor(req, 'edit');
    const body = parse(NamedVersionSchema, req.body);
    const id = await deps.versions.create(design.id, 'named', body.name, user.id);
    return reply.code(201).send({ id });
  });

  app.get('/api/designs/:id/versions/:versionId', async (req) => {
    const { user } = await designFor(req);
    const { id, versionId } = parse(VersionParams, req.params, 'id');
    const design = await deps.versions.preview(user.brokerageId, id, versionId);
    if (!design) throw notFound('Version');
    return { design };
  });

  app.post('/api/designs/:id/versions/:versionId/restore', async (req) => {
    const { user } = await designFor(req, 'edit');
    const { id, versionId } = parse(VersionParams, req.params, 'id');
    if (!(await deps.versions.restore(user.brokerageId, id, versionId, user))) throw notFound('Version');
    return { restored: true, design: await currentDesign(deps.rooms, deps.store, id) };
  });
}
