/** Review workflow, comments, inbox, version history and export policy (routes/review.ts). */
import { z } from 'zod';
import type { Design } from '../design/model.js';
import { DesignStatusSchema } from '../review/state-machine.js';
import { endpoint, idParam, optionalBody } from './contract.js';

const DesignParams = z.object({ id: idParam('design') });
const VersionParams = DesignParams.extend({ versionId: z.string().uuid('not a version id') });
const UuidParams = z.object({ id: z.string().uuid('not an id') });
/** A whole design document (validated where it is stored; answers pass it through). */
const DesignDocument = z.custom<Design>((v) => typeof v === 'object' && v !== null);

export const QueueItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  submittedAt: z.string().nullable(),
  brand: z.number().nullable(),
  compliance: z.number().nullable(),
  blocksApproval: z.boolean(),
});

export const ReviewEntrySchema = z.object({
  id: z.string(),
  action: z.enum(['submitted', 'approved', 'changes_requested', 'reopened']),
  actorId: z.string(),
  actorName: z.string(),
  comment: z.string().nullable(),
  brand: z.number().nullable(),
  compliance: z.number().nullable(),
  at: z.string(),
});

export const CommentSchema = z.object({
  id: z.string(),
  designId: z.string(),
  parentId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  /** Pinned to this object (x, y = offset from its top-left), or to a page point when null. */
  objectId: z.string().nullable(),
  x: z.number().nullable(),
  y: z.number().nullable(),
  mentions: z.array(z.string()),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  designId: z.string().nullable(),
  title: z.string(),
  body: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const PersonChangesSchema = z.object({
  name: z.string(),
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});
export const DesignDiffSchema = z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) });
export const VersionKindSchema = z.enum(['auto', 'named', 'submit', 'approval', 'restore']);
export const VersionSummarySchema = z.object({
  id: z.string(),
  kind: VersionKindSchema,
  name: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  /** Who changed what, by user id. */
  changes: z.record(z.string(), PersonChangesSchema),
  diff: DesignDiffSchema,
});

/** New comment: pinned to an object (x, y = offset from its top-left) or, without objectId, to a point on the page. */
export const NewCommentSchema = z
  .object({
    body: z.string().trim().min(1).max(5_000),
    parentId: z.string().uuid().optional(),
    objectId: z.string().min(1).max(64).optional(),
    x: z.number().finite().min(-100_000).max(100_000).optional(),
    y: z.number().finite().min(-100_000).max(100_000).optional(),
  })
  .strict();

const StatusAnswer = z.object({ id: z.string(), status: DesignStatusSchema });

export const reviewApi = {
  submit: endpoint({
    method: 'POST',
    path: '/api/designs/:id/submit',
    params: DesignParams,
    body: optionalBody(z.object({ comment: z.string().trim().max(2_000).optional() }).strict()),
    response: StatusAnswer,
  }),
  review: endpoint({
    method: 'POST',
    path: '/api/designs/:id/review',
    params: DesignParams,
    body: z.object({ decision: z.enum(['approve', 'request_changes']), comment: z.string().trim().max(2_000).optional() }).strict(),
    response: StatusAnswer,
  }),
  history: endpoint({
    method: 'GET',
    path: '/api/designs/:id/reviews',
    params: DesignParams,
    response: z.object({ reviews: z.array(ReviewEntrySchema) }),
  }),
  queue: endpoint({ method: 'GET', path: '/api/reviews/queue', response: z.object({ designs: z.array(QueueItemSchema) }) }),
  /** The editor asks before downloading: brokerage policy may require approval first. Records the export. */
  exports: endpoint({
    method: 'POST',
    path: '/api/designs/:id/exports',
    params: DesignParams,
    body: z.object({ format: z.enum(['png', 'pdf', 'html', 'zip']) }).strict(),
    response: z.object({ allowed: z.literal(true) }),
  }),
  comments: endpoint({
    method: 'GET',
    path: '/api/designs/:id/comments',
    params: DesignParams,
    response: z.object({ comments: z.array(CommentSchema) }),
  }),
  comment: endpoint({
    method: 'POST',
    path: '/api/designs/:id/comments',
    params: DesignParams,
    body: NewCommentSchema,
    response: CommentSchema,
    status: 201,
  }),
  resolve: endpoint({
    method: 'POST',
    path: '/api/comments/:id/resolve',
    params: UuidParams,
    body: optionalBody(z.object({ resolved: z.boolean().default(true) }).strict()),
    response: CommentSchema,
  }),
  inbox: endpoint({
    method: 'GET',
    path: '/api/notifications',
    response: z.object({ unread: z.number(), notifications: z.array(NotificationSchema) }),
  }),
  /** One notification, or `all`. */
  read: endpoint({
    method: 'POST',
    path: '/api/notifications/:id/read',
    params: z.object({ id: z.union([z.literal('all'), z.string().uuid('not an id')]) }),
    status: 204,
  }),
  versions: endpoint({
    method: 'GET',
    path: '/api/designs/:id/versions',
    params: DesignParams,
    response: z.object({ versions: z.array(VersionSummarySchema) }),
  }),
  nameVersion: endpoint({
    method: 'POST',
    path: '/api/designs/:id/versions',
    params: DesignParams,
    body: z.object({ name: z.string().trim().min(1).max(120) }).strict(),
    response: z.object({ id: z.string() }),
    status: 201,
  }),
  version: endpoint({
    method: 'GET',
    path: '/api/designs/:id/versions/:versionId',
    params: VersionParams,
    response: z.object({ design: DesignDocument }),
  }),
  restore: endpoint({
    method: 'POST',
    path: '/api/designs/:id/versions/:versionId/restore',
    params: VersionParams,
    response: z.object({ restored: z.literal(true), design: DesignDocument }),
  }),
};
