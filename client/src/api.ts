/** Thin fetch wrapper for the same-origin REST API. Errors become ApiError with the server's code. */
import type { BrandKit } from '../../shared/brand/index.js';
import type { Design } from '../../shared/design/index.js';
import { designStatePath, takeEarlyResponse } from './early-requests.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's `error.details` (e.g. `{fields: [{field, message}]}` for validation errors). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Role = 'agent' | 'brand_manager' | 'admin';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  brokerageId: string;
  brokerageName: string;
  /** The brokerage requires two-factor and it is not set up yet: only the account security page works. */
  mustEnrolTotp?: boolean;
}

export interface DesignSummary {
  id: string;
  title: string;
  kind: string;
  ownerId: string;
  ownerName: string;
  status: string;
  templateId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DesignInfo {
  id: string;
  title: string;
  kind: string;
  ownerId: string;
  brokerageId: string;
  status: string;
  templateId: string | null;
  createdAt: string;
  updatedAt: string;
  access: 'edit' | 'view';
  canLock: boolean;
  /** Whether I may share it (server: whoever can edit). */
  canShare?: boolean;
}

export interface DesignShare {
  designId: string;
  userId: string;
  email: string;
  name: string;
  access: 'view' | 'edit';
}

export interface TemplateSummary {
  id: string;
  title: string;
  kind: string;
  version: number;
  width: number;
  height: number;
  /** Built-in library template, or one the brokerage's brand managers published. */
  source?: 'library' | 'brokerage';
}

export interface TemplateDetail {
  id: string;
  title: string;
  kind: string;
  version: number;
  design: Design;
}

export interface Asset {
  id: string;
  url: string;
  width: number;
  height: number;
  mime: string;
}

/** Sent on every request: the server's CSRF check wants it on cookie-authenticated changes. */
const CSRF_HEADERS = { 'X-Requested-With': 'fetch' };
const NO_REFRESH = new Set(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']);
let refreshing: Promise<boolean> | null = null;

/** Renews the short-lived session cookie from the refresh cookie (one request at a time). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: { ...CSRF_HEADERS, 'Content-Type': 'application/json' }, body: '{}' })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const fresh = () => fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...CSRF_HEADERS, ...init.headers } });
  try {
    // The page's first requests may already be under way (client/src/early-start.ts).
    const early = takeEarlyResponse(path, init);
    return await (early ? early.catch(fresh) : fresh());
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection.');
  }
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res = await send(path, init);
  if (res.status === 401 && !NO_REFRESH.has(path) && (await refreshSession())) res = await send(path, init);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? `Request failed (${res.status})`, err?.details);
  }
  return body as T;
}

export function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

export const api = {
  login: (email: string, password: string, code?: string) => request<{ accessToken: string; user: User }>('/api/auth/login', json('POST', { email, password, ...(code ? { code } : {}) })),
  logout: () => request<void>('/api/auth/logout', { method: 'POST' }),
  /** The signed-in user, or null (200 either way: a log-in page's check is not an error in the console). */
  me: () => request<{ user: User | null }>('/api/auth/session'),
  designs: () => request<{ designs: DesignSummary[] }>('/api/designs'),
  createDesign: (title: string, templateId?: string) => request<{ id: string }>('/api/designs', json('POST', { title, templateId })),
  design: (id: string) => request<DesignInfo>(`/api/designs/${encodeURIComponent(id)}`),
  /** The design's document as one binary Yjs update; null when it cannot be had now (the editor's socket brings it anyway). */
  designState: async (id: string): Promise<Uint8Array | null> => {
    try {
      const res = await send(designStatePath(encodeURIComponent(id)), { headers: { Accept: 'application/octet-stream' } });
      return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
    } catch {
      return null;
    }
  },
  shares: (id: string) => request<{ shares: DesignShare[] }>(`/api/designs/${encodeURIComponent(id)}/shares`),
  share: (id: string, email: string, access: 'view' | 'edit') => request<{ share: DesignShare }>(`/api/designs/${encodeURIComponent(id)}/shares`, json('POST', { email, access })),
  unshare: (id: string, userId: string) => request<void>(`/api/designs/${encodeURIComponent(id)}/shares/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  renameDesign: (id: string, title: string) => request<{ id: string; title: string }>(`/api/designs/${encodeURIComponent(id)}`, json('PATCH', { title })),
  deleteDesign: (id: string) => request<void>(`/api/designs/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  templates: async () => {
    const body = await request<TemplateSummary[] | { templates: TemplateSummary[] }>('/api/templates');
    return Array.isArray(body) ? body : body.templates;
  },
  template: (id: string) => request<TemplateDetail>(`/api/templates/${encodeURIComponent(id)}`),
  brandKit: () => request<BrandKit>('/api/brand-kit'),
  uploadAsset: (file: Blob, name = 'upload') => {
    const form = new FormData();
    form.append('file', file, name);
    return request<Asset>('/api/assets', { method: 'POST', body: form });
  },
};

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong';
}
