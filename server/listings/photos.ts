/**
 * Listing photos served by us, same-origin: the app's CSP allows only our
 * own images, and a cross-origin image without CORS would taint the editor's
 * canvas (no PNG export). The first request for a photo fetches the URL the
 * feed recorded for that listing (never one from the request) and keeps the
 * bytes under DATA_DIR/listing-photos/<sha256 of the URL>; later requests
 * read the disk. A download that failed is not tried again on every view:
 * the next attempt waits (30 s, then 2, 10, 60 min), unless a person asks to
 * retry now.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sniffImage, type ImageInfo } from '../assets/index.js';
import type { Queryable } from '../db/index.js';
import { fetchPhoto, PhotoFetchError, type PhotoFetchOptions } from './photo-fetch.js';
import { ListingRepository } from './repo.js';

export interface ListingPhoto {
  bytes: Buffer;
  info: ImageInfo;
}

/** How long to wait before downloading a photo again after 1, 2, 3, 4+ failures in a row. */
export const PHOTO_RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000] as const;
/** Failures remembered at most (the oldest are forgotten first). */
const MAX_REMEMBERED_FAILURES = 10_000;

/** A photo whose last download failed and that is not due to be tried again yet. */
export class PhotoBackoffError extends PhotoFetchError {
  constructor(
    message: string,
    /** When a download will be tried again (epoch ms). */
    readonly retryAt: number,
  ) {
    super(message);
    this.name = 'PhotoBackoffError';
  }
}

export interface ListingPhotoDeps {
  db: Queryable;
  dataDir: string;
  fetch: PhotoFetchOptions;
}

export class ListingPhotoService {
  private readonly dir: string;
  private readonly listings: ListingRepository;
  /** One download per URL at a time (a listings page asks for many thumbnails at once). */
  private readonly inFlight = new Map<string, Promise<ListingPhoto>>();
  /** Failed downloads by URL key: how many in a row, and when the next may start. */
  private readonly failures = new Map<string, { count: number; retryAt: number; reason: string }>();

  constructor(private readonly deps: ListingPhotoDeps) {
    this.dir = resolve(deps.dataDir, 'listing-photos');
    this.listings = new ListingRepository(deps.db);
  }

  /**
   * Photo `index` of a listing of this brokerage, or null when there is no
   * such listing or photo. Throws PhotoFetchError when the MLS's server
   * cannot give a PNG/JPEG/WebP image within the limits (nothing is kept), and
   * PhotoBackoffError while a failed photo waits for its next attempt (`retry`
   * — a person clicked Retry — starts one now).
   */
  async get(
    brokerageId: string,
    listingId: string,
    index: number,
    opts: { retry?: boolean; now?: number } = {},
  ): Promise<ListingPhoto | null> {
    const listing = await this.listings.get(brokerageId, listingId);
    const url = listing?.listing.photos[index]?.url;
    if (!url) return null;
    const key = createHash('sha256').update(url).digest('hex');
    const cached = await this.readCached(key);
    if (cached) return cached;
    let pending = this.inFlight.get(key);
    if (!pending) {
      const failed = this.failures.get(key);
      const now = opts.now ?? Date.now();
      if (failed && !opts.retry && now < failed.retryAt) throw new PhotoBackoffError(failed.reason, failed.retryAt);
      pending = this.download(url, key)
        .then(
          (photo) => {
            this.failures.delete(key);
            return photo;
          },
          (err: unknown) => {
            if (err instanceof PhotoFetchError) this.recordFailure(key, err.message, now);
            throw err;
          },
        )
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private recordFailure(key: string, reason: string, now: number): void {
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const delay = PHOTO_RETRY_DELAYS_MS[Math.min(count, PHOTO_RETRY_DELAYS_MS.length) - 1]!;
    this.failures.delete(key); // re-inserted last: the map's order is oldest failure first
    this.failures.set(key, { count, retryAt: now + delay, reason });
    if (this.failures.size > MAX_REMEMBERED_FAILURES) this.failures.delete(this.failures.keys().next().value!);
  }

  private async readCached(key: string): Promise<ListingPhoto | null> {
    const bytes = await readFile(join(this.dir, key)).catch(() => null);
    const info = bytes ? sniffImage(bytes) : null;
    return bytes && info ? { bytes, info } : null;
  }

  private async download(url: string, key: string): Promise<ListingPhoto> {
    const bytes = await fetchPhoto(url, this.deps.fetch);
    const info = sniffImage(bytes);
    if (!info) throw new PhotoFetchError('the photo is not a PNG, JPEG or WebP image');
    await mkdir(this.dir, { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const tmp = join(this.dir, `${key}.${randomUUID()}.tmp`);
    await writeFile(tmp, bytes);
    await rename(tmp, join(this.dir, key));
    return { bytes, info };
  }
}
