/** What a page URL will ask the server for first (shared by the early-start script and the app). */

export const EARLY_KEY = '__realbrandEarly';
export const EDITOR_PRELOAD_META = 'realbrand-editor-preload';
/** Early responses older than this are not used: access can change. */
export const EARLY_MAX_AGE_MS = 10_000;

export interface EarlyRequests {
  /** performance.now() when they were started. */
  at: number;
  responses: Record<string, Promise<Response>>;
}

/**
 * The GETs a page URL starts before the app has loaded: `api` (JSON) on every
 * page; on an editor URL also `state`, the design's document as one binary Yjs
 * update (drawn before the WebSocket has even connected).
 */
export function earlyRequests(pathname: string): { api: string[]; state: string | null } {
  // Every page checks the session (the auth provider wraps them all).
  const design = /^\/designs\/([^/?#]+)\/?$/.exec(pathname);
  if (!design) return { api: ['/api/auth/session'], state: null };
  const id = encodeURIComponent(decodeURIComponent(design[1]!));
  return { api: ['/api/auth/session', `/api/designs/${id}`, '/api/brand-kit'], state: designStatePath(id) };
}

/** Where a design's binary state is served (`id` already URL-encoded), in Yjs's v2 update encoding (applied ~20% faster). */
export function designStatePath(encodedId: string): string {
  return `/api/designs/${encodedId}/state?encoding=v2`;
}

/** Takes (once) the early response for a GET of `path`, if the early-start script started one recently. */
export function takeEarlyResponse(path: string, init: { method?: string; body?: unknown }): Promise<Response> | null {
  if ((init.method ?? 'GET') !== 'GET' || init.body != null) return null;
  const early = (globalThis as unknown as Record<string, EarlyRequests | undefined>)[EARLY_KEY];
  const response = early?.responses[path];
  if (!early || !response) return null;
  delete early.responses[path];
  return performance.now() - early.at <= EARLY_MAX_AGE_MS ? response : null;
}
