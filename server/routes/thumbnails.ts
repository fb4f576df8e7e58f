/**
 * A design's shared thumbnail (its first page, drawn by the server): for the designs list, the
 * review queue and listings. Revalidated with an ETag, so a browser keeps it until it changes.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireDesign } from '../auth/index.js';
import type { Db } from '../repos/index.js';
import { notFound } from '../errors.js';
import type { ThumbnailService } from '../thumbnails/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const Params = z.object({ id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/) });

export function registerThumbnailRoutes(app: FastifyInstance, deps: { db: Db; thumbnails: ThumbnailService }): void {
  app.get('/api/designs/:id/thumbnail.png', async (req, reply) => {
    const user = requireUser(req);
    const { id } = parse(Params, req.params, 'id');
    await requireDesign(deps.db, user, id, 'view');
    const thumb = await deps.thumbnails.get(user.brokerageId, id);
    if (!thumb) throw notFound('Design');
    reply.header('etag', thumb.etag).header('cache-control', 'private, no-cache').header('vary', 'Cookie, Authorization');
    if (req.headers['if-none-match'] === thumb.etag) return reply.code(304).send();
    return reply.type('image/png').send(Buffer.from(thumb.png.buffer, thumb.png.byteOffset, thumb.png.byteLength));
  });
}
