/**
 * A RESO Web API (OData) client for pulling Property records: OAuth2
 * client-credentials token, `$filter` on ModificationTimestamp,
 * `$expand=Media`, `@odata.nextLink` paging, retries with exponential
 * backoff and jitter, and 429/503 `Retry-After` handling.
 */

export interface ResoClientOptions {
  /** The OData service root (".../odata") or the Property resource URL (".../odata/Property"). */
  endpoint: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  pageSize?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  /** The longest we wait for one retry, Retry-After included. */
  maxDelayMs?: number;
  timeoutMs?: number;
  /** At most this many pages per pull (a runaway nextLink loop stops here). */
  maxPages?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class ResoApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ResoApiError';
  }
}

export interface ResoPage {
  url: string;
  records: unknown[];
  nextLink: string | null;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const v = header.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** OData DateTimeOffset literal (no quotes), e.g. 2025-06-01T00:00:00.000Z. */
function odataTimestamp(iso: string): string {
  return new Date(iso).toISOString();
}

export function propertyUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return /\/Property$/i.test(base) ? base : `${base}/Property`;
}

/** The first page's URL: modified since `since` (inclusive), oldest first, Media expanded. */
export function firstPageUrl(endpoint: string, since: string | null, pageSize: number): string {
  const q: string[] = [];
  if (since) q.push(`$filter=${encodeURIComponent(`ModificationTimestamp ge ${odataTimestamp(since)}`)}`);
  q.push(`$orderby=${encodeURIComponent('ModificationTimestamp asc')}`);
  q.push(`$expand=Media`);
  q.push(`$top=${pageSize}`);
  return `${propertyUrl(endpoint)}?${q.join('&')}`;
}

export class ResoClient {
  private token: { value: string; expiresAt: number } | null = null;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly origin: string;

  constructor(private readonly opts: ResoClientOptions) {
    this.fetch = opts.fetch ?? fetch;
    this.sleep = opts.sleep ?? defaultSleep;
    this.origin = new URL(opts.endpoint).origin;
  }

  private get maxRetries() {
    return this.opts.maxRetries ?? 4;
  }

  /** Runs `attempt` with retries: network errors, 429, 5xx. 429/503 honour Retry-After. */
  private async withRetries(what: string, attempt: () => Promise<Response>): Promise<Response> {
    let lastError: unknown;
    for (let i = 0; i <= this.maxRetries; i++) {
      let res: Response | null = null;
      try {
        res = await attempt();
      } catch (err) {
        lastError = err;
      }
      if (res && res.status !== 429 && res.status < 500) return res;
      if (res) lastError = new ResoApiError(`${what}: HTTP ${res.status}`, res.status);
      if (i === this.maxRetries) break;
      const backoff = Math.min(this.opts.maxDelayMs ?? 30_000, (this.opts.baseDelayMs ?? 500) * 2 ** i) * (0.5 + Math.random() / 2);
      const told = res && (res.status === 429 || res.status === 503) ? retryAfterMs(res.headers.get('retry-after')) : null;
      await res?.body?.cancel().catch(() => undefined);
      await this.sleep(Math.min(this.opts.maxDelayMs ?? 30_000, told ?? backoff));
    }
    if (lastError instanceof ResoApiError) throw lastError;
    throw new ResoApiError(`${what}: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
  }

  private timeout(): AbortSignal {
    return AbortSignal.timeout(this.opts.timeoutMs ?? 30_000);
  }

  /** A bearer token (client-credentials grant, credentials in the form body), cached until a minute before it expires. */
  async accessToken(force = false): Promise<string> {
    if (!force && this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret,
    });
    if (this.opts.scope) form.set('scope', this.opts.scope);
    const res = await this.withRetries('token request', () =>
      this.fetch(this.opts.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: this.timeout(),
      }),
    );
    if (!res.ok) throw new ResoApiError(`token request failed: HTTP ${res.status}`, res.status);
    const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!body || typeof body.access_token !== 'string') throw new ResoApiError('token response has no access_token');
    const ttl = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    this.token = { value: body.access_token, expiresAt: Date.now() + Math.max(0, ttl - 60) * 1000 };
    return this.token.value;
  }

  /** One page; a 401 refreshes the token once. */
  async page(url: string): Promise<ResoPage> {
    if (new URL(url).origin !== this.origin)
      throw new ResoApiError(`nextLink points at another host (${new URL(url).host}); not following it with our token`);
    let refreshed = false;
    for (;;) {
      const token = await this.accessToken();
      const res = await this.withRetries('page request', () =>
        this.fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: this.timeout() }),
      );
      if (res.status === 401 && !refreshed) {
        refreshed = true;
        await res.body?.cancel().catch(() => undefined);
        await this.accessToken(true);
        continue;
      }
      if (!res.ok) throw new ResoApiError(`page request failed: HTTP ${res.status}`, res.status);
      const body = (await res.json().catch(() => null)) as { value?: unknown; '@odata.nextLink'?: unknown } | null;
      if (!body || !Array.isArray(body.value)) throw new ResoApiError('page is not an OData collection (no "value" array)');
      const next = typeof body['@odata.nextLink'] === 'string' ? new URL(body['@odata.nextLink'], url).toString() : null;
      return { url, records: body.value, nextLink: next };
    }
  }

  /** Every page of records modified since `since`, following nextLink. */
  async *pull(since: string | null): AsyncGenerator<ResoPage> {
    let url: string | null = firstPageUrl(this.opts.endpoint, since, this.opts.pageSize ?? 200);
    for (let n = 0; url && n < (this.opts.maxPages ?? 1_000); n++) {
      const page: ResoPage = await this.page(url);
      yield page;
      url = page.nextLink;
    }
  }
}
