/**
 * A design's shared thumbnail (its first page, drawn by the server): for the designs list, the
 * review queue and listings. Revalidated with an ETag, so a browser keeps it until it changes.
 */
import type { FastifyInstance } from 'fastify';
import { requireDesign } from '../auth/index.js';
import type { Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import type { ThumbnailService } from '../thumbnails/index.js';
import { thumbnailsApi } from '../../shared/api/thumbnails.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

export function registerThumbnailRoutes(app: FastifyInstance, deps: { db: Db; thumbnails: ThumbnailService }): void {
  route(app, thumbnailsApi.png, { auth: requireUser }, async (req, reply, user) => {
    const { id } = req.params;
    await requireDesign(deps.db, user, id, 'view');
    const thumb = await deps.thumbnails.get(user.brokerageId, id);
    if (!thumb) throw notFound('Design');
    reply.header('etag', thumb.etag).header('cache-control', 'private, no-cache').header('vary', 'Cookie, Authorization');
    if (req.headers['if-none-match'] === thumb.etag) return reply.code(304).send();
    return reply.type('image/png').send(Buffer.from(thumb.png.buffer, thumb.png.byteOffset, thumb.png.byteLength));
  });
}
