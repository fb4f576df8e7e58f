/**
 * Public images for email signatures: a recipient's mail client loads them without a log-in, so
 * each published image gets a 256-bit random token (unguessable) and a URL that stays valid as
 * long as the brokerage exists. Served as PNG/JPEG (mail clients do not show SVG).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import { readImageSource, toLoadedImage, type ImageSourceDeps } from './images.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PUBLIC_IMAGE_PATH = '/p/i/';

export class PublicImages {
  constructor(private readonly db: Db) {}

  /** Whether a source can be published (our storage only; remote URLs are never fetched). */
  static publishable(src: string): boolean {
    return UUID_RE.test(src) || src.startsWith('/brand/') || /^\/api\/listings\/[0-9a-zA-Z_-]{1,64}\/photos\/\d{1,3}$/.test(src);
  }

  /** The token of a source in the brokerage (made on first use, then the same one). */
  async token(brokerageId: string, src: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(
      'INSERT INTO public_images (token, brokerage_id, src) VALUES ($1, $2, $3) ON CONFLICT (brokerage_id, src) DO NOTHING',
      [token, brokerageId, src],
    );
    const { rows } = await this.db.query<{ token: string }>('SELECT token FROM public_images WHERE brokerage_id = $1 AND src = $2', [
      brokerageId,
      src,
    ]);
    return rows[0]!.token;
  }

  /** Public URLs for every publishable source, by source. */
  async urls(brokerageId: string, srcs: readonly string[], base: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const src of new Set(srcs)) {
      if (PublicImages.publishable(src))
        out.set(src, `${base.replace(/\/+$/, '')}${PUBLIC_IMAGE_PATH}${await this.token(brokerageId, src)}`);
    }
    return out;
  }

  /** The image behind a token, as PNG/JPEG bytes, or null. */
  async read(token: string, images: (brokerageId: string) => ImageSourceDeps): Promise<{ type: string; bytes: Uint8Array } | null> {
    const { rows } = await this.db.query<{ brokerage_id: string; src: string }>(
      'SELECT brokerage_id, src FROM public_images WHERE token = $1',
      [token],
    );
    const row = rows[0];
    if (!row) return null;
    const bytes = await readImageSource(row.src, images(row.brokerage_id));
    const img = bytes && (await toLoadedImage(bytes));
    return img ? { type: img.format === 'png' ? 'image/png' : 'image/jpeg', bytes: img.bytes } : null;
  }
}
