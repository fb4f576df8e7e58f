/**
 * Bulk generation: one template × many listings → one design per listing,
 * with progress (job row + socket push), then a ZIP of their PDFs on request.
 * Jobs run in the process that accepted them; a job whose process stopped
 * stays `running` with the designs made so far (they are real designs).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { cmykSwatches, designToUpdate, instantiateTemplate } from '../../shared/index.js';
import { addressLines } from '../../shared/listing/index.js';
import { getTemplate } from '../../templates/index.js';
import type { DocumentStore, RoomManager } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { AppError, notFound } from '../errors.js';
import { BrokerageRepository, DesignRepository } from '../repos/index.js';
import { currentDesign } from '../collab/index.js';
import { mergeListingForNewDesign } from './merge-service.js';
import { renderPdf } from '../../shared/render/pdf.js';
import { defaultExportFormat, rasterSize, type Placeholder } from '../../shared/render/index.js';
import { brokerageFonts, designPng, imageLoader, rgbaToJpeg, type ImageSourceDeps } from '../render/index.js';
import type { ListingPhotoService } from './photos.js';
import { ListingRepository, parseListingPhotoPath } from './repo.js';
import { zip } from './zip.js';

export { MAX_BULK_LISTINGS } from '../../shared/api/listings.js';

export interface BulkJob {
  id: string;
  templateId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  designIds: string[];
  /** Who started it. */
  userId: string;
  errors: { listingId: string; code: string; message: string }[];
  createdAt: string;
  finishedAt: string | null;
}

interface JobRow {
  id: string;
  user_id: string;
  template_id: string;
  status: BulkJob['status'];
  total: number;
  done: number;
  design_ids: unknown;
  errors: unknown;
  created_at: Date | string;
  finished_at: Date | string | null;
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export interface BulkDeps {
  db: Db;
  store: DocumentStore;
  rooms: RoomManager;
  log: FastifyBaseLogger;
  dataDir: string;
  /** Listing photos (our same-origin copies), embedded in server-made PDFs. */
  photos: ListingPhotoService;
  notify?: (userId: string, payload: unknown) => void;
}

export class BulkDesignService {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: BulkDeps) {}

  async start(user: { id: string; brokerageId: string }, templateId: string, listingIds: string[]): Promise<BulkJob> {
    const template = getTemplate(templateId);
    if (!template)
      throw new AppError(400, 'validation_failed', 'templateId: no such template', {
        fields: [{ field: 'templateId', message: 'no such template' }],
      });
    const ids = [...new Set(listingIds)];
    // Every listing must be the caller's brokerage's: otherwise the whole request is refused (no partial leaks).
    const { rows } = await this.deps.db.query<{ id: string }>('SELECT id FROM listings WHERE brokerage_id = $1 AND id = ANY($2::text[])', [
      user.brokerageId,
      ids,
    ]);
    if (rows.length !== ids.length) throw notFound('Listing');
    const id = randomUUID();
    await this.deps.db.query(
      `INSERT INTO listing_jobs (id, brokerage_id, user_id, template_id, listing_ids, status, total) VALUES ($1, $2, $3, $4, $5, 'running', $6)`,
      [id, user.brokerageId, user.id, templateId, JSON.stringify(ids), ids.length],
    );
    const run = this.run(user, id, templateId, ids).catch((err) => this.deps.log.error({ err, jobId: id }, 'bulk job failed'));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return (await this.get(user.brokerageId, id))!;
  }

  /** Resolves when every job started here has finished (tests, graceful stop). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  async get(brokerageId: string, id: string): Promise<BulkJob | null> {
    const { rows } = await this.deps.db.query<JobRow>('SELECT * FROM listing_jobs WHERE brokerage_id = $1 AND id = $2', [brokerageId, id]);
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      templateId: r.template_id,
      status: r.status,
      total: Number(r.total),
      done: Number(r.done),
      designIds: json(r.design_ids) as string[],
      userId: r.user_id,
      errors: json(r.errors) as BulkJob['errors'],
      createdAt: iso(r.created_at),
      finishedAt: r.finished_at ? iso(r.finished_at) : null,
    };
  }

  private async run(user: { id: string; brokerageId: string }, jobId: string, templateId: string, listingIds: string[]): Promise<void> {
    const template = getTemplate(templateId)!;
    const kit = await new BrokerageRepository(this.deps.db).brandKit(user.brokerageId);
    const listings = new ListingRepository(this.deps.db);
    const designIds: string[] = [];
    const errors: BulkJob['errors'] = [];
    let done = 0;
    for (const listingId of listingIds) {
      try {
        if (!kit) throw notFound('Brokerage');
        const listing = await listings.get(user.brokerageId, listingId);
        if (!listing) throw notFound('Listing');
        const title = `${addressLines(listing.listing.address).line1 || listing.listingKey} – ${template.title}`.slice(0, 200);
        const instantiated = instantiateTemplate(template, kit, { title });
        const merged = await mergeListingForNewDesign(this.deps.db, user, instantiated, listingId, true);
        const designId = randomUUID();
        await this.deps.db.transaction(async (tx) => {
          await new DesignRepository(tx).create({
            id: designId,
            brokerageId: user.brokerageId,
            ownerId: user.id,
            title,
            kind: merged.design.meta.kind,
            templateId: template.id,
            templateVersion: template.version,
          });
          await this.deps.store.createDocument(designId, designToUpdate(merged.design), tx);
          await merged.link(tx, designId);
        });
        designIds.push(designId);
      } catch (err) {
        if (!(err instanceof AppError)) this.deps.log.error({ err, jobId, listingId }, 'bulk design failed');
        errors.push({
          listingId,
          code: err instanceof AppError ? err.code : 'internal_error',
          message: err instanceof AppError ? err.message : 'Could not create this design',
        });
      }
      done++;
      await this.deps.db.query('UPDATE listing_jobs SET done = $3, design_ids = $4, errors = $5 WHERE brokerage_id = $1 AND id = $2', [
        user.brokerageId,
        jobId,
        done,
        JSON.stringify(designIds),
        JSON.stringify(errors),
      ]);
      this.deps.notify?.(user.id, { type: 'listing-bulk', jobId, status: 'running', done, total: listingIds.length });
    }
    const status = designIds.length === 0 && errors.length > 0 ? 'failed' : 'done';
    await this.deps.db.query('UPDATE listing_jobs SET status = $3, finished_at = now() WHERE brokerage_id = $1 AND id = $2', [
      user.brokerageId,
      jobId,
      status,
    ]);
    this.deps.notify?.(user.id, { type: 'listing-bulk', jobId, status, done, total: listingIds.length });
  }

  /**
   * Where a server-made export reads its images: the brokerage's own uploaded assets, its
   * listings' photos (our copies; a remote URL is never fetched; see README) and our static files.
   */
  imageSource(brokerageId: string): ImageSourceDeps {
    return {
      dataDir: this.deps.dataDir,
      ownsAsset: async (id) =>
        (await this.deps.db.query('SELECT 1 FROM assets WHERE brokerage_id = $1 AND id = $2', [brokerageId, id])).rows.length > 0,
      listingPhoto: async (src) => {
        const ref = parseListingPhotoPath(src);
        if (!ref) return null;
        // A photo that cannot be had is left out; the PDF is still made.
        const photo = await this.deps.photos.get(brokerageId, ref.listingId, ref.index).catch((err: unknown) => {
          this.deps.log.warn({ err, listingId: ref.listingId, index: ref.index }, 'listing photo unavailable for an export');
          return null;
        });
        return photo ? new Uint8Array(photo.bytes) : null;
      },
    };
  }

  /** A design as a print PDF (brand fonts embedded, bleed, metadata); `placeholders` lists what was left out. */
  async designPdf(
    brokerageId: string,
    designId: string,
    opts: { author?: string; cropMarks?: boolean; cmyk?: boolean } = {},
  ): Promise<{ title: string; pdf: Uint8Array; placeholders: Placeholder[] }> {
    const design = await currentDesign(this.deps.rooms, this.deps.store, designId);
    const brokerages = new BrokerageRepository(this.deps.db);
    const brokerage = await brokerages.get(brokerageId);
    const kit = opts.cmyk ? await brokerages.brandKit(brokerageId) : null;
    const { book } = await brokerageFonts(this.deps.db, brokerageId);
    const { bytes, scene } = await renderPdf(design, {
      book,
      loadImage: imageLoader(this.imageSource(brokerageId)),
      cropMarks: opts.cropMarks,
      cmyk: kit ? cmykSwatches(kit) : undefined,
      metadata: { title: design.meta.title, author: opts.author, brokerage: brokerage?.name },
    });
    return { title: design.meta.title, pdf: bytes, placeholders: scene.placeholders };
  }

  /** One page as PNG/JPG at the kind's pixel size (social posts exactly at the platform's size). */
  async designImage(
    brokerageId: string,
    designId: string,
    format: 'png' | 'jpg',
    page = 0,
  ): Promise<{ title: string; bytes: Uint8Array; placeholders: Placeholder[] }> {
    const design = await currentDesign(this.deps.rooms, this.deps.store, designId);
    const { book } = await brokerageFonts(this.deps.db, brokerageId);
    const img = await designPng(design, this.imageSource(brokerageId), {
      book,
      page: Math.min(page, (design.meta.pages ?? 1) - 1),
      width: rasterSize(design.meta).width,
    });
    return {
      title: design.meta.title,
      bytes: format === 'png' ? img.png : await rgbaToJpeg(img.pixels, img.width, img.height),
      placeholders: img.placeholders,
    };
  }

  /**
   * A ZIP of the designs the job made (still existing in the brokerage; of those, only `only` when
   * given: what the caller may open), each in its kind's format: print pieces as PDF, social posts
   * and stories as PNG at the platform's size.
   */
  async exportZip(brokerageId: string, jobId: string, only?: ReadonlySet<string>): Promise<Uint8Array | null> {
    const job = await this.get(brokerageId, jobId);
    if (!job) return null;
    const { rows } = await this.deps.db.query<{ id: string }>(
      'SELECT id FROM designs WHERE brokerage_id = $1 AND id = ANY($2::text[]) AND deleted_at IS NULL',
      [brokerageId, job.designIds],
    );
    const alive = new Set(rows.map((r) => r.id));
    const used = new Set<string>();
    const entries = [];
    for (const id of job.designIds.filter((d) => alive.has(d) && (!only || only.has(d)))) {
      const kind = (await currentDesign(this.deps.rooms, this.deps.store, id)).meta.kind;
      // Email signatures go out as HTML from the editor; in a bulk ZIP they are pictures like posts.
      const ext = defaultExportFormat(kind) === 'pdf' ? 'pdf' : 'png';
      const { title, data } =
        ext === 'pdf'
          ? await this.designPdf(brokerageId, id).then((r) => ({ title: r.title, data: r.pdf }))
          : await this.designImage(brokerageId, id, 'png').then((r) => ({ title: r.title, data: r.bytes }));
      let name = fileSlug(title);
      for (let n = 2; used.has(name); n++) name = `${fileSlug(title)}-${n}`;
      used.add(name);
      entries.push({ name: `${name}.${ext}`, data });
    }
    return zip(entries);
  }
}

export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'design'
  );
}
