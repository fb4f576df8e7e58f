import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { brandFontsApi, MAX_FONT_BYTES, type UploadedFont } from '../../shared/api/brand-fonts.js';
import { describeFontFile } from '../../shared/render/font-files.js';
import type { AuditLog } from '../auth/index.js';
import { AppError, notFound } from '../errors.js';
import { embedsInPdf } from '../render/pdf-embed.js';
import { BrandFontRepository, type BrandFontRow, type Db } from '../repos/index.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

const MIME: Record<BrandFontRow['format'], string> = { ttf: 'font/ttf', otf: 'font/otf', woff2: 'font/woff2' };

const view = (f: BrandFontRow): UploadedFont => ({
  id: f.id,
  family: f.family,
  weight: f.weight,
  style: f.style,
  format: f.format,
  url: `/api/brand-kit/fonts/${f.id}/file`,
  createdAt: f.createdAt.toISOString(),
});

/** Brand fonts uploaded in /brand-kit: brand managers and admins change them, everyone in the brokerage reads them. */
export function registerBrandFontRoutes(
  app: FastifyInstance,
  deps: { db: Db; audit?: AuditLog; onChange?: (brokerageId: string) => void; maxBytes?: number },
): void {
  const fonts = new BrandFontRepository(deps.db);
  const maxBytes = deps.maxBytes ?? MAX_FONT_BYTES;
  const brandManager = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (user.role !== 'brand_manager' && user.role !== 'admin')
      throw new AppError(403, 'forbidden', 'Only brand managers and admins can change the brand kit’s fonts');
    return user;
  };

  route(app, brandFontsApi.upload, { auth: brandManager }, async (req, _reply, user) => {
    if (!req.isMultipart())
      throw new AppError(415, 'unsupported_media_type', 'Upload the font as multipart/form-data in a field named "file"');
    const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!file) throw new AppError(400, 'validation_failed', 'file: no file in the upload');
    const tooLarge = () => new AppError(413, 'file_too_large', `Font files can be at most ${Math.round(maxBytes / 1024 / 1024)} MB`);
    const raw = await file.toBuffer().catch((err: { code?: string }) => {
      if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw err;
    });
    // toBuffer() does not always throw when the limit cut the file short (seen under load): the cut
    // prefix of a font can still parse, so check the stream's own flag too.
    if (file.file.truncated || raw.length > maxBytes) throw tooLarge();
    const info = describeFontFile(new Uint8Array(raw));
    if (!info || !(await embedsInPdf(info.bytes)))
      throw new AppError(400, 'not_a_font', 'That file is not a font we can use: upload a TTF, OTF or WOFF2 file');
    const family = req.query.family ?? info.family;
    const id = randomUUID();
    const created = await fonts.create({
      id,
      brokerageId: user.brokerageId,
      family,
      weight: info.weight,
      style: info.style,
      format: info.format,
      bytes: info.bytes,
      sha256: createHash('sha256').update(info.bytes).digest('hex'),
      createdBy: user.id,
    });
    if (!created)
      throw new AppError(
        409,
        'font_exists',
        `${family} ${info.weight}${info.style === 'italic' ? ' italic' : ''} is already uploaded: delete it first`,
      );
    await deps.audit?.write({
      brokerageId: user.brokerageId,
      actorId: user.id,
      action: 'brand_kit.font_uploaded',
      targetType: 'brand_font',
      targetId: id,
      details: { family, weight: info.weight, style: info.style, format: info.format, size: info.bytes.length },
    });
    deps.onChange?.(user.brokerageId);
    return view({ id, family, weight: info.weight, style: info.style, format: info.format, sha256: '', createdAt: new Date() });
  });

  route(app, brandFontsApi.list, { auth: requireUser }, async (_req, _reply, user) => ({
    fonts: (await fonts.list(user.brokerageId)).map(view),
  }));

  route(app, brandFontsApi.remove, { auth: brandManager }, async (req, _reply, user) => {
    const gone = await fonts.remove(user.brokerageId, req.params.id);
    if (!gone) throw notFound('Font');
    await deps.audit?.write({
      brokerageId: user.brokerageId,
      actorId: user.id,
      action: 'brand_kit.font_deleted',
      targetType: 'brand_font',
      targetId: gone.id,
      details: { family: gone.family, weight: gone.weight, style: gone.style },
    });
    deps.onChange?.(user.brokerageId);
  });

  route(app, brandFontsApi.file, { auth: requireUser }, async (req, reply, user) => {
    const font = await fonts.file(user.brokerageId, req.params.id);
    if (!font) throw notFound('Font');
    const etag = `"${font.sha256.slice(0, 32)}"`;
    reply.header('cache-control', 'private, max-age=31536000, immutable');
    reply.header('etag', etag);
    reply.header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(MIME[font.format]).send(Buffer.from(font.bytes));
  });
}
