import type { FastifyInstance } from 'fastify';
import { currentDesign, type DocumentStore, type RoomManager } from '../collab/index.js';
import { BrokerageRepository, type Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import { DesignRepository } from '../repos/index.js';
import { type CommentService, type NotificationService, type ReviewService, type VersionService } from '../review/index.js';
import { reviewApi } from '../../shared/api/review.js';
import type { AuthUser } from '../auth/index.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';

export interface ReviewRouteDeps {
  db: Db;
  rooms: RoomManager;
  store: DocumentStore;
  reviews: ReviewService;
  versions: VersionService;
  comments: CommentService;
  notifications: NotificationService;
  /** How this person may open the design (the permissions matrix). */
  resolveAccess: (
    designId: string,
    user: { id: string; brokerageId: string; role: string },
  ) => Promise<'edit' | 'view' | 'not-found' | 'other-brokerage'>;
  /** Called when an export is allowed (events, audit). */
  onExport?: (e: { designId: string; brokerageId: string; userId: string; ownerId: string; format: string; kind: string }) => Promise<void>;
}

/** Review workflow, comments, inbox, version history and export policy. */
export function registerReviewRoutes(app: FastifyInstance, deps: ReviewRouteDeps): void {
  const designs = new DesignRepository(deps.db);

  /** The design, if the caller may at least see it; `need: 'edit'` also requires edit access. */
  async function designFor(user: AuthUser, id: string, need: 'view' | 'edit' = 'view') {
    const design = await designs.get(user.brokerageId, id);
    const access = design ? await deps.resolveAccess(id, user) : 'not-found';
    if (!design || (access !== 'edit' && access !== 'view')) throw notFound('Design');
    if (need === 'edit' && access !== 'edit') throw new AppError(403, 'forbidden', 'You can view this design but not change it');
    return { user, design, access };
  }

  // ---- review -------------------------------------------------------------
  route(app, reviewApi.submit, { auth: requireUser }, async (req, _reply, me) => {
    const { user, design } = await designFor(me, req.params.id);
    const body = req.body;
    return { id: design.id, status: await deps.reviews.submit(user, design.id, body.comment) };
  });

  route(app, reviewApi.review, { auth: requireUser }, async (req, _reply, me) => {
    const { user, design } = await designFor(me, req.params.id);
    const body = req.body;
    return { id: design.id, status: await deps.reviews.review(user, design.id, body.decision, body.comment) };
  });

  route(app, reviewApi.history, { auth: requireUser }, async (req, _reply, me) => {
    const { user, design } = await designFor(me, req.params.id);
    return { reviews: await deps.reviews.history(user.brokerageId, design.id) };
  });

  route(app, reviewApi.queue, { auth: requireUser }, async (_req, _reply, user) => {
    if (user.role !== 'brand_manager' && user.role !== 'admin')
      throw new AppError(403, 'forbidden', 'Only brand managers and admins review designs');
    return { designs: await deps.reviews.queue(user.brokerageId) };
  });

  // ---- export policy --------------------------------------------------------
  /** The editor asks before downloading: brokerage policy may require approval first. Records the export. */
  route(app, reviewApi.exports, { auth: requireUser }, async (req, _reply, me) => {
    const { user, design } = await designFor(me, req.params.id);
    const body = req.body;
    if ((await new BrokerageRepository(deps.db).requiresApprovalBeforeExport(user.brokerageId)) && design.status !== 'approved') {
      throw new AppError(409, 'approval_required', 'Your brokerage requires approval before export: submit the design for review first');
    }
    await deps.onExport?.({
      designId: design.id,
      brokerageId: user.brokerageId,
      userId: user.id,
      ownerId: design.ownerId,
      format: body.format,
      kind: design.kind,
    });
    return { allowed: true as const };
  });

  // ---- comments -------------------------------------------------------------
  route(app, reviewApi.comments, { auth: requireUser }, async (req, _reply, me) => {
    const { user, design } = await designFor(me, req.params.id);
    return { comments: await deps.comments.list(user.brokerageId, design.id) };
  });

  route(app, reviewApi.comment, { auth: requireUser }, async (req, _reply, me) => {
    const { user, design } = await designFor(me, req.params.id);
    const { comment } = await deps.comments.add(user, design.id, req.body);
    return comment;
  });

  route(app, reviewApi.resolve, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const body = req.body;
    // A comment is part of its design: someone who may not open the design has no such comment.
    const designId = await deps.comments.designOf(user.brokerageId, id);
    const access = designId ? await deps.resolveAccess(designId, user) : 'not-found';
    if (access !== 'edit' && access !== 'view') throw notFound('Comment');
    return deps.comments.resolve(user.brokerageId, user.id, id, body.resolved);
  });

  // ---- inbox ----------------------------------------------------------------
  route(app, reviewApi.inbox, { auth: requireUser }, async (_req, _reply, user) => deps.notifications.inbox(user.id));

  route(app, reviewApi.read, { auth: requireUser }, async (req, _reply, user) => {
    await deps.notifications.markRead(user.id, req.params.id);
  });

  // ---- versions -------------------------------------------------------------
  route(app, reviewApi.versions, { auth: requireUser }, async (req, _reply, me) => {
    const { user, design } = await designFor(me, req.params.id);
    return { versions: await deps.versions.list(user.brokerageId, design.id) };
  });

  route(app, reviewApi.nameVersion, { auth: requireUser }, async (req, _reply, me) => {
    const { user, design } = await designFor(me, req.params.id, 'edit');
    const id = await deps.versions.create(design.id, 'named', req.body.name, user.id);
    return { id };
  });

  route(app, reviewApi.version, { auth: requireUser }, async (req, _reply, me) => {
    const { user } = await designFor(me, req.params.id);
    const { id, versionId } = req.params;
    const design = await deps.versions.preview(user.brokerageId, id, versionId);
    if (!design) throw notFound('Version');
    return { design };
  });

  route(app, reviewApi.restore, { auth: requireUser }, async (req, _reply, me) => {
    const { user } = await designFor(me, req.params.id, 'edit');
    const { id, versionId } = req.params;
    if (!(await deps.versions.restore(user.brokerageId, id, versionId, user))) throw notFound('Version');
    return { restored: true as const, design: await currentDesign(deps.rooms, deps.store, id) };
  });
}
