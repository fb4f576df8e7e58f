import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { REFRESH_COOKIE, SESSION_COOKIE } from './service.js';

/** The header our client sends on every state-changing request (see client/src/api.ts). */
export const CSRF_HEADER = 'x-requested-with';

/** Routes that never rely on the session cookie (they create one), so need no CSRF header; the Origin check still applies. */
const CSRF_EXEMPT = new Set([
  '/api/auth/login',
  '/api/invites/preview',
  '/api/invites/accept',
  '/api/auth/password-reset',
  '/api/auth/password-reset/preview',
  '/api/auth/password-reset/complete',
  '/api/setup',
  '/api/setup/check',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a browser's Origin is ours: PUBLIC_URL's origin, or the Host it asked (http/https only). */
export function originAllowed(origin: string, host: string | undefined, publicUrl?: string): boolean {
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && given.origin === new URL(publicUrl).origin) return true;
  return Boolean(host) && given.host === host && (given.protocol === 'http:' || given.protocol === 'https:');
}

function sameOrigin(req: FastifyRequest, origin: string, publicUrl?: string): boolean {
  return originAllowed(origin, req.headers.host, publicUrl);
}

/**
 * Sockets a browser opens carry its cookies whoever's page opens them (WebSockets have no CORS).
 * A cookie-authenticated socket (no bearer token) must therefore come from our own page: a
 * foreign Origin is refused. No Origin at all is not a browser; it needs a token or cookie it holds.
 */
export function socketOriginRefused(
  headers: { origin?: string; authorization?: string; cookie?: string },
  publicUrl?: string,
  host?: string,
): boolean {
  if (headers.authorization?.startsWith('Bearer ')) return false;
  const cookie = headers.cookie ?? '';
  const usesCookie = cookie.split(';').some((part) => {
    const name = part.trim().split('=')[0];
    return name === SESSION_COOKIE || name === REFRESH_COOKIE;
  });
  if (!usesCookie || headers.origin === undefined) return false;
  return headers.origin === 'null' || !originAllowed(headers.origin, host, publicUrl);
}

/**
 * CSRF protection for cookie-authenticated state changes:
 * - a cross-site Origin (or Sec-Fetch-Site: cross-site) is refused on any state-changing request;
 * - a request that carries the session cookies must also carry the custom header
 *   `X-Requested-With` (a cross-site page cannot set it without a CORS preflight,
 *   which this server never grants).
 * Bearer-token requests are exempt: a browser never attaches those by itself.
 */
export function checkCsrf(req: FastifyRequest, publicUrl?: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  if (req.headers.authorization?.startsWith('Bearer ')) return;
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== 'null' && !sameOrigin(req, origin, publicUrl)) {
    throw new AppError(403, 'csrf_rejected', 'Cross-site request refused');
  }
  if (origin === 'null' || req.headers['sec-fetch-site'] === 'cross-site')
    throw new AppError(403, 'csrf_rejected', 'Cross-site request refused');
  const path = req.url.split('?')[0]!;
  if (CSRF_EXEMPT.has(path)) return;
  const hasCookie = Boolean(req.cookies?.[SESSION_COOKIE] || req.cookies?.[REFRESH_COOKIE]);
  if (!hasCookie) return;
  const header = req.headers[CSRF_HEADER];
  if (typeof header !== 'string' || header.length === 0 || header.length > 100) {
    throw new AppError(403, 'csrf_rejected', `Cookie-authenticated changes need the ${CSRF_HEADER} header`);
  }
}

/** Content-Security-Policy for the built Vite/React client: own scripts only, blob:/data: images, WebSockets to us. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply, tls: boolean): void {
  // A route that set its own (stricter) policy keeps it: thumbnails, email-signature HTML.
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (tls || req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  if (req.url.startsWith('/api/')) reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
}
