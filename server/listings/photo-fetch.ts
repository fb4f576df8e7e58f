/**
 * Fetching a listing photo from the MLS's server. The URL comes from a file any agent can
 * import, so this is an SSRF surface: it goes through the outbound guard (server/net/outbound:
 * the same one webhooks use), GET with status 200 only, bounded in time and size.
 */
import { OutboundError, outboundRequest } from '../net/outbound.js';

export { isPublicAddress, hostAllowed } from '../net/outbound.js';

export class PhotoFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhotoFetchError';
  }
}

export interface PhotoFetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Hosts that may resolve to private addresses (tests, an MLS mirror inside the network). */
  privateHosts: readonly string[];
}

/** GETs a URL's body (status 200 only, no redirects), bounded by time and size. */
export async function fetchPhoto(rawUrl: string, options: PhotoFetchOptions): Promise<Buffer> {
  let res: Awaited<ReturnType<typeof outboundRequest>>;
  try {
    res = await outboundRequest(rawUrl, {
      ...options,
      headers: { accept: 'image/png, image/jpeg, image/webp', 'user-agent': 'RealBrand listing photos' },
    });
  } catch (err) {
    if (err instanceof OutboundError)
      throw new PhotoFetchError(err.kind === 'too_large' ? `the photo is larger than ${options.maxBytes} bytes` : err.message);
    throw err;
  }
  if (res.status !== 200)
    throw new PhotoFetchError(`the photo server answered ${res.status}${res.location ? ' (redirects are not followed)' : ''}`);
  return res.body;
}
