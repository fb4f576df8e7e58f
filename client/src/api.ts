/**
 * Thin fetch wrapper for the same-origin REST API. Errors become ApiError (shared/api/errors.ts,
 * the class the server throws) with the server's code. `call` is typed from the endpoint's
 * contract in shared/api: its path parameters, query, body and answer.
 */
import type { z } from 'zod';
import { assetsApi } from '../../shared/api/assets.js';
import { brandFontsApi, type UploadedFont } from '../../shared/api/brand-fonts.js';
import { brandKitApi } from '../../shared/api/brand-kit.js';
import { fillPath, queryString, urlOf, type Endpoint, type ResponseOf } from '../../shared/api/contract.js';
import { designsApi } from '../../shared/api/designs.js';
import { ApiError } from '../../shared/api/errors.js';
import { authApi, type SessionUser } from '../../shared/api/auth.js';
import { peopleApi } from '../../shared/api/people.js';
import { sharesApi } from '../../shared/api/shares.js';
import { templatesApi } from '../../shared/api/templates.js';
import { thumbnailsApi } from '../../shared/api/thumbnails.js';
import { designStatePath, takeEarlyResponse } from './early-requests.js';

export { ApiError };
export type { DesignInfo, DesignSummary } from '../../shared/api/designs.js';
export type { DesignShare } from '../../shared/api/shares.js';
export type { TemplateDetail, TemplateSummary } from '../../shared/api/templates.js';
export type { Role } from '../../shared/api/people.js';
export type { SessionUser } from '../../shared/api/auth.js';

/** The signed-in person as the server answers (shared/api/auth.ts). */
export type User = SessionUser;

/** An uploaded image as the server answers it (shared/api/assets.ts). */
export type Asset = ResponseOf<typeof assetsApi.upload>;

/** Sent on every request: the server's CSRF check wants it on cookie-authenticated changes. */
const CSRF_HEADERS = { 'X-Requested-With': 'fetch' };
const NO_REFRESH = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']);
let refreshing: Promise<boolean> | null = null;

/** Renews the short-lived session cookie from the refresh cookie (one request at a time). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...CSRF_HEADERS, 'Content-Type': 'application/json' },
    body: '{}',
  })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const fresh = () =>
    fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...CSRF_HEADERS, ...init.headers } });
  try {
    // The page's first requests may already be under way (client/src/early-start.ts).
    const early = takeEarlyResponse(path, init);
    return await (early ? early.catch(fresh) : fresh());
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection.');
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res = await send(path, init);
  if (res.status === 401 && !NO_REFRESH.has(path) && (await refreshSession())) res = await send(path, init);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) throw ApiError.fromResponse(res.status, body);
  return body as T;
}

type Input<S> = S extends z.ZodType ? z.input<S> : never;
/** What calling an endpoint takes: its path parameters and body when it has them, its query string optionally. */
export type CallInput<E extends Endpoint> = (E['params'] extends z.ZodType ? { params: Input<E['params']> } : { params?: never }) &
  (E['query'] extends z.ZodType ? { query?: Partial<Input<E['query']>> } : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: Input<E['body']> } : { body?: never });

/** Calls one endpoint of shared/api; the answer is typed by its response schema (the server serialised it with that schema). */
export function call<E extends Endpoint>(
  e: E,
  ...[input]: Record<never, never> extends CallInput<E> ? [CallInput<E>?] : [CallInput<E>]
): Promise<ResponseOf<E>> {
  const i = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const path = fillPath(e.path, i.params) + queryString(i.query);
  return request<ResponseOf<E>>(path, i.body !== undefined ? json(e.method, i.body) : { method: e.method });
}

function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

export const api = {
  login: (email: string, password: string, code?: string) => call(authApi.login, { body: { email, password, ...(code ? { code } : {}) } }),
  logout: () => call(authApi.logout),
  /** The signed-in user, or null (200 either way: a log-in page's check is not an error in the console). */
  me: () => call(authApi.session),
  designs: () => call(designsApi.list),
  createDesign: (title: string, templateId?: string) => call(designsApi.create, { body: { title, templateId } }),
  design: (id: string) => call(designsApi.get, { params: { id } }),
  /** The design's document as one binary Yjs update; null when it cannot be had now (the editor's socket brings it anyway). */
  designState: async (id: string): Promise<Uint8Array | null> => {
    try {
      const res = await send(designStatePath(encodeURIComponent(id)), { headers: { Accept: 'application/octet-stream' } });
      return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
    } catch {
      return null;
    }
  },
  shares: (id: string) => call(sharesApi.list, { params: { id } }),
  share: (id: string, email: string, access: 'view' | 'edit') => call(sharesApi.share, { params: { id }, body: { email, access } }),
  unshare: (id: string, userId: string) => call(sharesApi.unshare, { params: { id, userId } }),
  renameDesign: (id: string, title: string) => call(designsApi.rename, { params: { id }, body: { title } }),
  deleteDesign: (id: string) => call(designsApi.remove, { params: { id } }),
  templates: () => call(templatesApi.list),
  /** Publishes the design as a brokerage template (a new one, or the next version of the one it came from). */
  publishTemplate: (designId: string, title: string) => call(templatesApi.publish, { body: { designId, title } }),
  retireTemplate: (id: string) => call(templatesApi.retire, { params: { id }, body: {} }),
  template: (id: string) => call(templatesApi.get, { params: { id } }),
  brandKit: () => call(brandKitApi.get),
  /** Everyone in the brokerage (admins only). */
  people: () => call(peopleApi.list),
  /** People one can @mention: everyone active in the brokerage (names only). */
  mentionable: () => call(peopleApi.mentionable),
  uploadAsset: (file: Blob, name = 'upload') => {
    const form = new FormData();
    form.append('file', file, name);
    // Multipart, not JSON (so not `call`): typed from the contract all the same.
    return request<Asset>(assetsApi.upload.path, { method: 'POST', body: form });
  },
  /** The brokerage's uploaded brand fonts. */
  brandFonts: () => call(brandFontsApi.list),
  /** Uploads a TTF/OTF/WOFF2 (brand managers and admins); the family is the font's own unless given. */
  uploadBrandFont: (file: Blob, name: string, family?: string) => {
    const form = new FormData();
    form.append('file', file, name);
    return request<UploadedFont>(brandFontsApi.upload.path + queryString(family ? { family } : {}), { method: 'POST', body: form });
  },
  deleteBrandFont: (id: string) => call(brandFontsApi.remove, { params: { id } }),
};

/** A design's thumbnail (its first page, PNG); `updatedAt` makes a changed design a new address. */
export const designThumbnailUrl = (id: string, updatedAt?: string) => urlOf(thumbnailsApi.png, { params: { id }, query: { v: updatedAt } });

/** A template's thumbnail (SVG), one address per version. */
export const templateThumbnailUrl = (id: string, version: number) =>
  urlOf(templatesApi.thumbnail, { params: { id }, query: { v: String(version) } });

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}
