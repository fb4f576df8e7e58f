import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sniffImage } from '../assets/index.js';
import { AssetRepository, type Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import { assetsApi } from '../../shared/api/assets.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

/** Image uploads: type checked by content, stored under DATA_DIR/assets by a server-made id only. */
export function registerAssetRoutes(app: FastifyInstance, deps: { db: Db; dataDir: string; maxUploadBytes: number }): void {
  const dir = resolve(deps.dataDir, 'assets');
  const assets = new AssetRepository(deps.db);

  route(app, assetsApi.upload, { auth: requireUser }, async (req, _reply, user) => {
    if (!req.isMultipart())
      throw new AppError(415, 'unsupported_media_type', 'Upload the image as multipart/form-data in a field named "file"');
    const file = await req.file({ limits: { fileSize: deps.maxUploadBytes, files: 1 } });
    if (!file) throw new AppError(400, 'validation_failed', 'file: no file in the upload');
    const bytes = await file.toBuffer().catch((err: { code?: string }) => {
      if (err.code === 'FST_REQ_FILE_TOO_LARGE')
        throw new AppError(413, 'file_too_large', `Images can be at most ${Math.round(deps.maxUploadBytes / 1024 / 1024)} MiB`);
      throw err;
    });
    const info = sniffImage(bytes);
    if (!info) throw new AppError(415, 'unsupported_image', 'Only PNG, JPEG and WebP images are accepted');
    const id = randomUUID();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, id), bytes);
    await assets.create({
      id,
      brokerageId: user.brokerageId,
      ownerId: user.id,
      mime: info.mime,
      size: bytes.length,
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    return { id, url: `/api/assets/${id}`, width: info.width, height: info.height, mime: info.mime };
  });

  route(app, assetsApi.get, { auth: requireUser }, async (req, reply, user) => {
    const { id } = req.params;
    const asset = await assets.get(user.brokerageId, id);
    if (!asset) throw notFound('Asset');
    const etag = `"${asset.sha256.slice(0, 32)}"`;
    reply.header('cache-control', 'private, max-age=31536000, immutable');
    reply.header('etag', etag);
    reply.header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    // The id is a validated UUID, so the path cannot leave the assets folder.
    const bytes = await readFile(join(dir, id)).catch(() => null);
    if (!bytes) throw notFound('Asset');
    return reply.type(asset.mime).send(bytes);
  });
}
