/**
 * Listing photos served by us, same-origin: the app's CSP allows only our
 * own images, and a cross-origin image without CORS would taint the editor's
 * canvas (no PNG export). The first request for a photo fetches the URL the
 * feed recorded for that listing (never one from the request) and keeps the
 * bytes under DATA_DIR/listing-photos/<sha256 of the URL>; later requests
 * read the disk.
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

  constructor(private readonly deps: ListingPhotoDeps) {
    this.dir = resolve(deps.dataDir, 'listing-photos');
    this.listings = new ListingRepository(deps.db);
  }

  /**
   * Photo `index` of a listing of this brokerage, or null when there is no
   * such listing or photo. Throws PhotoFetchError when the MLS's server
   * cannot give a PNG/JPEG/WebP image within the limits (nothing is kept).
   */
  async get(brokerageId: string, listingId: string, index: number): Promise<ListingPhoto | null> {
    const listing = await this.listings.get(brokerageId, listingId);
    const url = listing?.listing.photos[index]?.url;
    if (!url) return null;
    const key = createHash('sha256').update(url).digest('hex');
    const cached = await this.readCached(key);
    if (cached) return cached;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.download(url, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
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
