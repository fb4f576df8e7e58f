import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Webhook, WebhookAttempt, WebhookDelivery } from '../../shared/api/webhooks.js';
import type { Db, Queryable } from '../db/index.js';
import { backoffMs, PollPace, Waker, type EventConsumer, type RetryPolicy } from '../events/index.js';
import { withTenant } from '../repos/index.js';
import { checkOutboundUrl, hostOf, literalAddressRefused, OutboundError, outboundRequest, type OutboundFailure } from '../net/outbound.js';
import { newWebhookSecret, signWebhook } from './signing.js';

export const WEBHOOKS_GROUP = 'webhooks';

/** As the API answers them (shared/api/webhooks.ts). */
export type { Webhook, WebhookAttempt, WebhookDelivery };

export interface WebhookServiceOptions {
  db: Db;
  log: Pick<FastifyBaseLogger, 'warn' | 'info' | 'debug'>;
  /** How often the dispatcher looks for due deliveries (ms) when it has had some lately, or cannot be notified. */
  pollMs?: number;
  /** The longest an idle dispatcher sleeps: new deliveries notify it (`Db.listen`), polling is a safety net. */
  idlePollMs?: number;
  /** Attempts per delivery and their backoff (maxDeliveries = attempts before 'failed'). */
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Deliveries sent at once per instance. */
  concurrency?: number;
  /** Receivers (host or host:port) that may resolve to loopback/private addresses (WEBHOOK_PRIVATE_HOSTS); refused otherwise. */
  privateHosts?: readonly string[];
}

/** Event types a webhook may subscribe to ('*' = all). */
export { WEBHOOK_EVENT_CHOICES } from '../../shared/api/webhooks.js';

const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);

interface HookRow {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}
const toWebhook = (r: HookRow): Webhook => ({
  id: r.id,
  url: r.url,
  events: r.events,
  active: r.active,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

/**
 * Outgoing webhooks: a consumer group turns events into deliveries (one per
 * subscribed webhook, in the same transaction, so exactly once); a dispatcher
 * sends them signed, retries with backoff and logs every attempt.
 */
export class WebhookService {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly waker = new Waker();
  private pace: PollPace | null = null;
  private readonly retry: RetryPolicy;

  /** Receivers that may be private (WEBHOOK_PRIVATE_HOSTS). */
  get privateHosts(): readonly string[] {
    return this.opts.privateHosts ?? [];
  }

  constructor(private readonly opts: WebhookServiceOptions) {
    this.retry = { baseMs: 5_000, maxMs: 60 * 60_000, maxDeliveries: 8, ...opts.retry };
  }

  // ---- CRUD (tenant-scoped) -------------------------------------------------------

  async create(
    brokerageId: string,
    userId: string,
    input: { url: string; events: string[]; active?: boolean },
  ): Promise<{ webhook: Webhook; secret: string }> {
    const secret = newWebhookSecret();
    const row = await withTenant(this.opts.db, brokerageId, async (tx) => {
      const { rows } = await tx.query<HookRow>(
        `INSERT INTO webhooks (id, brokerage_id, url, events, secret, active, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, url, events, active, created_at, updated_at`,
        [randomUUID(), brokerageId, input.url, [...new Set(input.events)], secret, input.active ?? true, userId],
      );
      return rows[0]!;
    });
    return { webhook: toWebhook(row), secret };
  }

  async list(brokerageId: string): Promise<Webhook[]> {
    return withTenant(this.opts.db, brokerageId, async (tx) => {
      const { rows } = await tx.query<HookRow>(
        'SELECT id, url, events, active, created_at, updated_at FROM webhooks WHERE brokerage_id = $1 AND deleted_at IS NULL ORDER BY created_at',
        [brokerageId],
      );
      return rows.map(toWebhook);
    });
  }

  async get(brokerageId: string, id: string): Promise<Webhook | null> {
    return withTenant(this.opts.db, brokerageId, async (tx) => {
      const { rows } = await tx.query<HookRow>(
        'SELECT id, url, events, active, created_at, updated_at FROM webhooks WHERE brokerage_id = $1 AND id = $2 AND deleted_at IS NULL',
        [brokerageId, id],
      );
      return rows[0] ? toWebhook(rows[0]) : null;
    });
  }

  async update(brokerageId: string, id: string, patch: { url?: string; events?: string[]; active?: boolean }): Promise<Webhook | null> {
    return withTenant(this.opts.db, brokerageId, async (tx) => {
      const { rows } = await tx.query<HookRow>(
        `UPDATE webhooks SET url = COALESCE($3, url), events = COALESCE($4, events), active = COALESCE($5, active), updated_at = now()
         WHERE brokerage_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id, url, events, active, created_at, updated_at`,
        [brokerageId, id, patch.url ?? null, patch.events ? [...new Set(patch.events)] : null, patch.active ?? null],
      );
      return rows[0] ? toWebhook(rows[0]) : null;
    });
  }

  /** A new secret (shown once); the old one stops working at once. */
  async rotateSecret(brokerageId: string, id: string): Promise<string | null> {
    const secret = newWebhookSecret();
    const ok = await withTenant(this.opts.db, brokerageId, (tx) =>
      tx.query(
        'UPDATE webhooks SET secret = $3, updated_at = now() WHERE brokerage_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING 1',
        [brokerageId, id, secret],
      ),
    );
    return ok.rows.length ? secret : null;
  }

  async remove(brokerageId: string, id: string): Promise<boolean> {
    const { rows } = await withTenant(this.opts.db, brokerageId, (tx) =>
      tx.query(
        'UPDATE webhooks SET deleted_at = now(), active = false WHERE brokerage_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING 1',
        [brokerageId, id],
      ),
    );
    return rows.length > 0;
  }

  /** The delivery log of one webhook, newest first, each with its attempts. */
  async deliveries(brokerageId: string, webhookId: string, limit = 50): Promise<WebhookDelivery[]> {
    return withTenant(this.opts.db, brokerageId, async (tx) => {
      const { rows } = await tx.query<{
        id: string;
        webhook_id: string;
        event_id: string;
        event_type: string;
        status: WebhookDelivery['status'];
        attempts: number;
        next_attempt_at: Date | string;
        last_status_code: number | null;
        last_error: string | null;
        resent_from: string | null;
        created_at: Date | string;
        delivered_at: Date | string | null;
      }>(
        `SELECT id, webhook_id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, resent_from, created_at, delivered_at
         FROM webhook_deliveries WHERE brokerage_id = $1 AND webhook_id = $2 ORDER BY created_at DESC, id LIMIT $3`,
        [brokerageId, webhookId, limit],
      );
      if (!rows.length) return [];
      const attempts = await tx.query<{
        delivery_id: string;
        attempt: number;
        status_code: number | null;
        error: string | null;
        duration_ms: number;
        at: Date | string;
      }>(
        `SELECT a.delivery_id, a.attempt, a.status_code, a.error, a.duration_ms, a.at FROM webhook_attempts a
         WHERE a.delivery_id = ANY($1::text[]) ORDER BY a.id`,
        [rows.map((r) => r.id)],
      );
      const byDelivery = new Map<string, WebhookAttempt[]>();
      for (const a of attempts.rows) {
        const list = byDelivery.get(a.delivery_id) ?? byDelivery.set(a.delivery_id, []).get(a.delivery_id)!;
        list.push({ attempt: a.attempt, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms, at: iso(a.at)! });
      }
      return rows.map((r) => ({
        id: r.id,
        webhookId: r.webhook_id,
        eventId: r.event_id,
        eventType: r.event_type,
        status: r.status,
        attempts: Number(r.attempts),
        nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
        lastStatusCode: r.last_status_code,
        lastError: r.last_error,
        resentFrom: r.resent_from,
        createdAt: iso(r.created_at)!,
        deliveredAt: iso(r.delivered_at),
        log: byDelivery.get(r.id) ?? [],
      }));
    });
  }

  /** Sends a delivery again as a new delivery (same event body, fresh signature). Null when unknown. */
  async resend(brokerageId: string, webhookId: string, deliveryId: string): Promise<string | null> {
    const id = randomUUID();
    const { rows } = await withTenant(this.opts.db, brokerageId, (tx) =>
      tx.query(
        `INSERT INTO webhook_deliveries (id, webhook_id, brokerage_id, event_id, event_type, body, status, resent_from)
         SELECT $4, d.webhook_id, d.brokerage_id, d.event_id, d.event_type, d.body, 'pending', d.id
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.deleted_at IS NULL
         WHERE d.brokerage_id = $1 AND d.webhook_id = $2 AND d.id = $3 RETURNING id`,
        [brokerageId, webhookId, deliveryId, id],
      ),
    );
    if (!rows.length) return null;
    this.wakeUp();
    return id;
  }

  // ---- event consumer -------------------------------------------------------------

  /** The consumer group that fans events out to subscribed webhooks. */
  consumer(): EventConsumer {
    return {
      group: WEBHOOKS_GROUP,
      handle: async (event, tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `SELECT id FROM webhooks WHERE brokerage_id = $1 AND active AND deleted_at IS NULL AND ($2 = ANY(events) OR '*' = ANY(events))`,
          [event.brokerageId, event.type],
        );
        if (!rows.length) return;
        const body = JSON.stringify({
          id: event.id,
          type: event.type,
          version: event.version,
          brokerageId: event.brokerageId,
          actorId: event.actorId ?? null,
          occurredAt: event.occurredAt,
          payload: event.payload,
        });
        for (const hook of rows) await insertDelivery(tx, hook.id, event.brokerageId, event.id, event.type, body);
      },
    };
  }

  // ---- dispatcher -----------------------------------------------------------------

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async close(): Promise<void> {
    this.running = false;
    this.waker.wake();
    await this.loop;
    this.loop = null;
  }

  /** New deliveries: dispatch now rather than at the next poll. */
  private wakeUp(): void {
    this.pace?.woken();
    this.waker.wake();
  }

  private async run(): Promise<void> {
    const poll = this.opts.pollMs ?? 500;
    const unlisten = await this.opts.db.listen('rb_webhooks', () => this.wakeUp()).catch(() => null);
    const pace = (this.pace = new PollPace(poll, unlisten ? (this.opts.idlePollMs ?? 5_000) : poll));
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.dispatchDue();
      } catch (err) {
        this.opts.log.warn({ err: (err as Error).message }, 'webhook dispatch failed');
      }
      if (sent > 0)
        pace.woken(); // look again right away, then at poll pace
      else if (this.running) await this.waker.wait(pace.afterRound(false));
    }
    await unlisten?.().catch(() => undefined);
  }

  /** Claims due deliveries (SKIP LOCKED: instances share the work), sends them, records the outcome. */
  async dispatchDue(): Promise<number> {
    const claimSeconds = Math.ceil((this.opts.timeoutMs ?? 10_000) / 1000) + 30;
    const { rows } = await this.opts.db.query<{
      id: string;
      body: string;
      attempts: number;
      event_type: string;
      event_id: string;
      url: string | null;
      secret: string | null;
      usable: boolean | null;
    }>(
      `WITH due AS (
         SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => $2)
         FROM due WHERE d.id = due.id
         RETURNING d.id, d.body, d.attempts, d.event_type, d.event_id, d.webhook_id)
       SELECT c.id, c.body, c.attempts, c.event_type, c.event_id, w.url, w.secret, (w.active AND w.deleted_at IS NULL) AS usable
       FROM claimed c LEFT JOIN webhooks w ON w.id = c.webhook_id`,
      [this.opts.concurrency ?? 8, claimSeconds],
    );
    await Promise.all(rows.map((r) => this.send(r)));
    return rows.length;
  }

  private async send(d: {
    id: string;
    body: string;
    attempts: number;
    event_type: string;
    event_id: string;
    url: string | null;
    secret: string | null;
    usable: boolean | null;
  }): Promise<void> {
    const attempt = Number(d.attempts) + 1;
    if (!d.usable || !d.url || !d.secret) {
      await this.opts.db.query(
        `UPDATE webhook_deliveries SET status = 'failed', last_error = 'webhook disabled or deleted' WHERE id = $1`,
        [d.id],
      );
      return;
    }
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await outboundRequest(d.url, {
        method: 'POST',
        timeoutMs: this.opts.timeoutMs ?? 10_000,
        // The receiver's answer is not used; a big one is not read.
        maxBytes: 64 * 1024,
        privateHosts: this.privateHosts,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(d.body)),
          'user-agent': 'RealBrand-Webhooks/1',
          'x-realbrand-event': d.event_type,
          'x-realbrand-event-id': d.event_id,
          'x-realbrand-delivery': d.id,
          'x-realbrand-signature': signWebhook(d.secret, d.body),
        },
        body: d.body,
      });
      statusCode = res.status;
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      // Coarse classes only: the admin who set the URL must not learn the network's details from the log.
      error = err instanceof OutboundError ? DELIVERY_ERRORS[err.kind] : 'delivery failed';
      if (!(err instanceof OutboundError)) this.opts.log.warn({ err, delivery: d.id }, 'webhook delivery failed unexpectedly');
    }
    const durationMs = Date.now() - started;
    const ok = error === null;
    const exhausted = !ok && attempt >= this.retry.maxDeliveries;
    await this.opts.db.transaction(async (tx) => {
      await tx.query('INSERT INTO webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5)', [
        d.id,
        attempt,
        statusCode,
        error?.slice(0, 500) ?? null,
        durationMs,
      ]);
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = $2, last_status_code = $3, last_error = $4,
           status = $5::text, delivered_at = CASE WHEN $5::text = 'delivered' THEN now() ELSE delivered_at END,
           next_attempt_at = now() + make_interval(secs => $6)
         WHERE id = $1`,
        [
          d.id,
          attempt,
          statusCode,
          error?.slice(0, 500) ?? null,
          ok ? 'delivered' : exhausted ? 'failed' : 'pending',
          backoffMs(attempt, this.retry) / 1000,
        ],
      );
    });
    if (!ok) this.opts.log.debug({ delivery: d.id, attempt, err: error }, 'webhook delivery failed');
    if (!ok && !exhausted) this.pace?.dueAt(Date.now() + backoffMs(attempt, this.retry));
  }
}

async function insertDelivery(
  tx: Queryable,
  webhookId: string,
  brokerageId: string,
  eventId: string,
  eventType: string,
  body: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO webhook_deliveries (id, webhook_id, brokerage_id, event_id, event_type, body, status) VALUES ($1, $2, $3, $4, $5, $6, 'pending')`,
    [randomUUID(), webhookId, brokerageId, eventId, eventType, body],
  );
}

/** What the delivery log says for each kind of failure. */
const DELIVERY_ERRORS: Record<OutboundFailure, string> = {
  bad_url: 'invalid URL',
  dns_failure: 'DNS lookup failed',
  blocked_address: 'address not allowed',
  timeout: 'timed out',
  connection_failed: 'connection failed',
  too_large: 'response too large',
  cut_off: 'response cut off',
};

/**
 * http(s) only, no credentials, and not an IP literal that is loopback, private, link-local or
 * otherwise not public (unless allow-listed); names are checked when delivered (they may change).
 * Returns the normalised URL or an error message.
 */
export function checkWebhookUrl(
  value: string,
  privateHosts: readonly string[] = [],
): { ok: true; url: string } | { ok: false; message: string } {
  let u: URL;
  try {
    u = checkOutboundUrl(value);
  } catch (err) {
    return { ok: false, message: err instanceof OutboundError ? err.message : 'not a URL' };
  }
  if (literalAddressRefused(u, privateHosts))
    return { ok: false, message: 'must not target a loopback, private, link-local or metadata address' };
  if (/^metadata(\.google)?\.internal$/.test(hostOf(u))) return { ok: false, message: 'must not target a link-local or metadata address' };
  return { ok: true, url: u.toString() };
}
