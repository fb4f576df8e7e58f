import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { SecretBox } from '../secrets/index.js';
import { z } from 'zod';
import type { DocumentStore, RoomManager } from '../collab/index.js';
import type { Db } from '../repos/index.js';
import { AppError, notFound } from '../errors.js';
import {
  BulkDesignService,
  DesignListingService,
  emailSignatureHtml,
  fileSlug,
  ImportPayloadError,
  ListingImporter,
  ListingPhotoService,
  ListingRepository,
  ListingSyncService,
  PhotoFetchError,
  PhotoBackoffError,
  PHOTO_RETRY_DELAYS_MS,
} from '../listings/index.js';
import { currentDesign } from '../collab/index.js';
import { BrokerageRepository, DesignRepository, withTenant } from '../repos/index.js';
import { PublicImages } from '../render/index.js';
import { parse } from '../validation.js';
import { LISTING_DESIGNS_SHOWN, listingsApi } from '../../shared/api/listings.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';
import { designAccess, requireDesign, seesEveryDesign, type AuthUser } from '../auth/index.js';
import { emit } from '../events/index.js';

const IdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, 'not an id') });
/** A listing photo download may take this long before we give up (502). */
const PHOTO_FETCH_TIMEOUT_MS = 10_000;

/** RESO payloads can be large (an OData page with Media expanded). */
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

export interface ListingRouteDeps {
  db: Db;
  store: DocumentStore;
  rooms: RoomManager;
  log: FastifyBaseLogger;
  dataDir: string;
  /** Base for absolute URLs in exports (else the request's host). */
  publicUrl?: string;
  /** Pushes an app event to one user (socket.io `notification`), when wired. */
  notify?: (userId: string, payload: unknown) => void;
  /** How often the scheduler looks for due syncs (tests shorten it). */
  syncTickMs?: number;
  /** Listing photos: the largest we download (the upload limit) and hosts allowed to be private (LISTING_PHOTO_PRIVATE_HOSTS). */
  photoMaxBytes: number;
  photoPrivateHosts: readonly string[];
  /** Seals the MLS sync client secret at rest (server/secrets). */
  secrets: SecretBox;
}

export function registerListingRoutes(
  app: FastifyInstance,
  deps: ListingRouteDeps,
): { designListings: DesignListingService; sync: ListingSyncService; bulk: BulkDesignService } {
  const listings = new ListingRepository(deps.db);
  const importer = new ListingImporter(deps.db);
  const brokerages = new BrokerageRepository(deps.db);
  const designRepo = new DesignRepository(deps.db);
  const photos = new ListingPhotoService({
    db: deps.db,
    dataDir: deps.dataDir,
    fetch: { timeoutMs: PHOTO_FETCH_TIMEOUT_MS, maxBytes: deps.photoMaxBytes, privateHosts: deps.photoPrivateHosts },
  });
  const designListings = new DesignListingService(deps);
  const sync = new ListingSyncService({ db: deps.db, log: deps.log, tickMs: deps.syncTickMs, secrets: deps.secrets });
  const bulk = new BulkDesignService({ ...deps, photos });
  const publicImages = new PublicImages(deps.db);
  sync.start();
  app.addHook('onClose', async () => {
    await sync.stop();
    await bulk.idle();
  });

  const requireAdmin = (req: FastifyRequest) => {
    const user = requireUser(req);
    if (user.role !== 'admin') throw new AppError(403, 'forbidden', 'Only an admin can manage the listing sync');
    return user;
  };
  /** Server-made files count as downloads in analytics. */
  const downloaded = (user: { id: string; brokerageId: string }, assetId: string, designId: string | null) =>
    deps.db
      .transaction((tx) =>
        emit(tx, 'asset.downloaded', { brokerageId: user.brokerageId, actorId: user.id, payload: { assetId, designId, userId: user.id } }),
      )
      .catch((err) => deps.log.warn({ err }, 'could not record a download'));
  const baseUrl = (req: FastifyRequest) => deps.publicUrl ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;

  route(app, listingsApi.import, { auth: requireUser, bodyLimit: IMPORT_BODY_LIMIT }, async (req, reply, user) => {
    if (req.body === undefined || req.body === null)
      throw new AppError(400, 'validation_failed', 'body: send a RESO payload as JSON', {
        fields: [{ field: 'body', message: 'required' }],
      });
    const kit = await brokerages.brandKit(user.brokerageId);
    try {
      const result = await importer.importPayload(user.brokerageId, req.body, 'upload', kit?.timeZone ?? 'America/Chicago');
      // 200 even when some records were bad: the good ones imported; `errors` says which were skipped.
      return reply.code(result.imported > 0 || result.errors.length === 0 ? 200 : 422).send({
        imported: result.imported,
        listings: result.listings,
        errors: result.errors,
      });
    } catch (err) {
      if (err instanceof ImportPayloadError)
        throw new AppError(400, 'validation_failed', `body: ${err.message}`, { fields: [{ field: 'body', message: err.message }] });
      throw err;
    }
  });

  route(app, listingsApi.list, { auth: requireUser }, async (req, _reply, user) => {
    const page = await listings.list(user.brokerageId, req.query);
    const designs = await withTenant(deps.db, user.brokerageId, (tx) =>
      new DesignRepository(tx).visibleByListing(
        user.brokerageId,
        user.id,
        seesEveryDesign(user),
        page.listings.map((l) => l.id),
        LISTING_DESIGNS_SHOWN,
      ),
    );
    return { ...page, listings: page.listings.map((l) => ({ ...l, designs: designs.get(l.id) ?? { designs: [], total: 0 } })) };
  });

  route(app, listingsApi.get, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const record = await listings.get(user.brokerageId, id);
    if (!record) throw notFound('Listing');
    return { ...record, history: await listings.history(user.brokerageId, id) };
  });

  route(app, listingsApi.photo, { auth: requireUser }, async (req, reply, user) => {
    const { id, index } = req.params;
    const { retry } = req.query;
    const photo = await photos.get(user.brokerageId, id, index, { retry }).catch((err: unknown) => {
      if (!(err instanceof PhotoFetchError)) throw err;
      // Logged once per download that failed, not on every view while it waits to be tried again.
      const waiting = err instanceof PhotoBackoffError;
      if (!waiting) req.log.warn({ listingId: id, index, reason: err.message }, 'listing photo fetch failed');
      const retryAt = waiting ? err.retryAt : Date.now() + PHOTO_RETRY_DELAYS_MS[0];
      reply.header('retry-after', String(Math.max(1, Math.ceil((retryAt - Date.now()) / 1000))));
      throw new AppError(502, 'photo_unavailable', "Could not get this photo from the listing's photo server");
    });
    if (!photo) throw notFound('Photo');
    return reply
      .type(photo.info.mime)
      .header('cache-control', 'private, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(photo.bytes);
  });

  route(app, listingsApi.pendingUpdate, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    await requireDesign(deps.db, user, id, 'view');
    return designListings.pendingChanges(user.brokerageId, id);
  });

  route(app, listingsApi.applyUpdate, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const body = req.body;
    await requireDesign(deps.db, user, id, 'edit');
    return designListings.apply(user.brokerageId, id, body.force, user);
  });

  /* ---- bulk: one template x many listings ---- */

  route(app, listingsApi.bulkDesigns, { auth: requireUser }, async (req, _reply, user) => {
    const body = req.body;
    const job = await bulk.start(user, body.templateId, body.listingIds);
    const { userId: _startedBy, ...shown } = job;
    return { jobId: job.id, ...shown };
  });

  /**
   * A job as this person may see it: only the designs they may open. Someone else's job
   * none of whose designs they may open does not exist for them.
   */
  const visibleJob = async (user: AuthUser, id: string) => {
    const job = await bulk.get(user.brokerageId, id);
    if (!job) return null;
    const visible: string[] = [];
    for (const designId of job.designIds) {
      const facts = await designRepo.accessFacts(designId, user.id);
      if (facts && designAccess(user, facts) !== 'none') visible.push(designId);
    }
    if (job.userId !== user.id && visible.length === 0) return null;
    const { userId: _startedBy, ...shown } = job;
    return { ...shown, designIds: visible };
  };

  route(app, listingsApi.job, { auth: requireUser }, async (req, _reply, user) => {
    const { id } = req.params;
    const job = await visibleJob(user, id);
    if (!job) throw notFound('Job');
    return job;
  });

  route(app, listingsApi.jobZip, { auth: requireUser }, async (req, reply, user) => {
    const { id } = req.params;
    const job = await visibleJob(user, id);
    if (!job) throw notFound('Job');
    if (job.status === 'running' || job.status === 'queued') throw new AppError(409, 'job_running', 'The job is still generating designs');
    const archive = await bulk.exportZip(user.brokerageId, id, new Set(job.designIds));
    if (!archive) throw notFound('Job');
    await downloaded(user, `bulk-zip:${id}`, null);
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="designs-${id.slice(0, 8)}.zip"`)
      .send(Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength));
  });

  /* ---- exports of one design ---- */

  /** `cmyk=1`: print (CMYK), the brand kit's CMYK values for its colours (docs/PRINT.md). */
  const PdfQuerySchema = z.object({ cropMarks: z.enum(['0', '1']).optional(), cmyk: z.enum(['0', '1']).optional() });

  app.get('/api/designs/:id/export.pdf', async (req, reply) => {
    const user = requireUser(req);
    const { id } = parse(IdParamsSchema, req.params, 'id');
    await requireDesign(deps.db, user, id, 'view');
    const { cropMarks, cmyk } = parse(PdfQuerySchema, req.query, 'cropMarks');
    const { title, pdf, placeholders } = await bulk.designPdf(user.brokerageId, id, {
      author: user.name,
      cropMarks: cropMarks === '1',
      cmyk: cmyk === '1',
    });
    await downloaded(user, `design-pdf:${id}`, id);
    // What was left out, for clients that warn (ids only: the names are in the design).
    if (placeholders.length) reply.header('x-placeholders', placeholders.map((p) => p.objectId).join(','));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileSlug(title)}.pdf"`)
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });

  /** A page as PNG/JPG at the kind's pixel size (a 1080 × 1080 post is 1080 × 1080 px), drawn by the one renderer. */
  for (const format of ['png', 'jpg'] as const)
    app.get(`/api/designs/:id/export.${format}`, async (req, reply) => {
      const user = requireUser(req);
      const { id } = parse(IdParamsSchema, req.params, 'id');
      const { page } = parse(z.object({ page: z.coerce.number().int().min(1).max(99).optional() }), req.query, 'page');
      await requireDesign(deps.db, user, id, 'view');
      const out = await bulk.designImage(user.brokerageId, id, format, (page ?? 1) - 1);
      await downloaded(user, `design-${format}:${id}`, id);
      if (out.placeholders.length) reply.header('x-placeholders', out.placeholders.map((p) => p.objectId).join(','));
      return reply
        .type(format === 'png' ? 'image/png' : 'image/jpeg')
        .header('content-disposition', `attachment; filename="${fileSlug(out.title)}.${format}"`)
        .send(Buffer.from(out.bytes.buffer, out.bytes.byteOffset, out.bytes.byteLength));
    });

  app.get('/api/designs/:id/export/email-signature.html', async (req, reply) => {
    const user = requireUser(req);
    const { id } = parse(IdParamsSchema, req.params, 'id');
    await requireDesign(deps.db, user, id, 'view');
    const design = await currentDesign(deps.rooms, deps.store, id);
    await downloaded(user, `email-signature:${id}`, id);
    // Images go out as public, unguessable, long-lived URLs: recipients have no log-in.
    const srcs = Object.values(design.objects).flatMap((o) => (o.type === 'image' && o.src ? [o.src] : []));
    const urls = await publicImages.urls(user.brokerageId, srcs, baseUrl(req));
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'")
      .send(emailSignatureHtml(design, (src) => urls.get(src) ?? (/^https:\/\//.test(src) ? src : null)));
  });

  /** Email-signature images: public (no log-in), immutable behind their random token. */
  app.get('/p/i/:token', async (req, reply) => {
    const { token } = parse(z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }), req.params, 'token');
    const img = await publicImages.read(token, (brokerageId) => bulk.imageSource(brokerageId));
    if (!img) throw notFound('Image');
    return reply
      .type(img.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(img.bytes.buffer, img.bytes.byteOffset, img.bytes.byteLength));
  });

  /* ---- admin: scheduled RESO Web API pull ---- */

  route(app, listingsApi.syncStatus, { auth: requireAdmin }, async (_req, _reply, user) => {
    return sync.status(user.brokerageId);
  });

  route(app, listingsApi.configureSync, { auth: requireAdmin }, async (req, _reply, user) => {
    const body = req.body;
    if (!(await sync.configure(user.brokerageId, body))) {
      throw new AppError(400, 'validation_failed', 'clientSecret: required when configuring the sync for the first time', {
        fields: [{ field: 'clientSecret', message: 'required the first time' }],
      });
    }
    return sync.status(user.brokerageId);
  });

  route(app, listingsApi.runSync, { auth: requireAdmin }, async (_req, _reply, user) => {
    const status = await sync.status(user.brokerageId);
    if (!status.configured) throw new AppError(409, 'not_configured', 'Configure the listing sync first');
    const after = await sync.runNow(user.brokerageId);
    if (!after) throw new AppError(409, 'sync_running', 'A sync is already running');
    return after;
  });

  return { designListings, sync, bulk };
}
