/**
 * Scheduled RESO Web API pull, per brokerage. Each instance ticks; a due
 * config is claimed with one UPDATE … RETURNING so only one instance runs it
 * (a claim older than STALE_RUN_MINUTES is taken over: that instance died).
 * The cursor is the newest ModificationTimestamp imported; the next pull asks
 * for `ge` that time, so records sharing it are re-read (idempotent upsert).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import { BrokerageRepository } from '../repos/index.js';
import { SecretBox } from '../secrets/index.js';
import { ListingImporter } from './importer.js';
import { ResoClient, type ResoClientOptions } from './reso-client.js';

const STALE_RUN_MINUTES = 30;
const MAX_REPORTED_ERRORS = 100;

export type { SyncConfigInput, SyncStatus } from '../../shared/api/listings.js';
import type { SyncConfigInput, SyncStatus } from '../../shared/api/listings.js';

interface ConfigRow {
  brokerage_id: string;
  endpoint: string;
  token_url: string;
  client_id: string;
  client_secret: string;
  scope: string | null;
  interval_minutes: number;
  enabled: boolean;
  cursor_timestamp: Date | string | null;
  next_run_at: Date | string | null;
  running_since: Date | string | null;
  last_run_at: Date | string | null;
  last_success_at: Date | string | null;
  last_status: SyncStatus['lastStatus'];
  last_error: string | null;
  last_imported: number;
  last_errors: unknown;
}

const iso = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

function toStatus(r: ConfigRow | undefined): SyncStatus {
  if (!r) {
    return {
      configured: false,
      running: false,
      cursor: null,
      nextRunAt: null,
      lastRunAt: null,
      lastSuccessAt: null,
      lastStatus: 'never',
      lastError: null,
      lastImported: 0,
      lastErrors: [],
    };
  }
  return {
    configured: true,
    endpoint: r.endpoint,
    tokenUrl: r.token_url,
    clientId: r.client_id,
    scope: r.scope,
    // The secret is write-only: never sent back.
    hasSecret: Boolean(r.client_secret),
    intervalMinutes: Number(r.interval_minutes),
    enabled: r.enabled,
    running: r.running_since !== null,
    cursor: iso(r.cursor_timestamp),
    nextRunAt: iso(r.next_run_at),
    lastRunAt: iso(r.last_run_at),
    lastSuccessAt: iso(r.last_success_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastImported: Number(r.last_imported),
    lastErrors: (json(r.last_errors) as SyncStatus['lastErrors']) ?? [],
  };
}

export interface ListingSyncOptions {
  db: Db;
  log: FastifyBaseLogger;
  /** How often to look for due syncs. */
  tickMs?: number;
  /** Client tuning (tests shorten delays); fetch injection. */
  client?: Partial<ResoClientOptions>;
  /** The client secret is sealed with it at rest (AES-256-GCM, key outside the database). */
  secrets: SecretBox;
}

/** Where a brokerage's sync secret is sealed (the AAD): a sealed value does not open in another row. */
const secretContext = (brokerageId: string) => `listing_sync_configs.client_secret:${brokerageId}`;

export class ListingSyncService {
  private timer: NodeJS.Timeout | null = null;
  private readonly importer: ListingImporter;
  private readonly brokerages: BrokerageRepository;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly opts: ListingSyncOptions) {
    this.importer = new ListingImporter(opts.db);
    this.brokerages = new BrokerageRepository(opts.db);
  }

  start(): void {
    if (this.timer) return;
    void this.sealStoredSecrets();
    this.timer = setInterval(() => void this.tick(), this.opts.tickMs ?? 30_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
  }

  async status(brokerageId: string): Promise<SyncStatus> {
    const { rows } = await this.opts.db.query<ConfigRow>('SELECT * FROM listing_sync_configs WHERE brokerage_id = $1', [brokerageId]);
    return toStatus(rows[0]);
  }

  /**
   * Secrets stored before they were encrypted are sealed at start-up (every instance may try:
   * each row changes only while it still holds the plain value). Without a key they stay as they
   * are, and the log says so.
   */
  async sealStoredSecrets(): Promise<number> {
    try {
      const { rows } = await this.opts.db.query<{ brokerage_id: string; client_secret: string }>(
        "SELECT brokerage_id, client_secret FROM listing_sync_configs WHERE client_secret NOT LIKE 'rbs1.%'",
      );
      if (!rows.length) return 0;
      if (!this.opts.secrets.hasKey) {
        this.opts.log.warn({ count: rows.length }, 'MLS sync secrets are stored in plain text: set SECRETS_KEY to encrypt them');
        return 0;
      }
      let sealed = 0;
      for (const r of rows) {
        const { rows: done } = await this.opts.db.query(
          'UPDATE listing_sync_configs SET client_secret = $3 WHERE brokerage_id = $1 AND client_secret = $2 RETURNING brokerage_id',
          [r.brokerage_id, r.client_secret, this.opts.secrets.seal(r.client_secret, secretContext(r.brokerage_id))],
        );
        sealed += done.length;
      }
      if (sealed) this.opts.log.info({ count: sealed }, 'MLS sync secrets encrypted at rest');
      return sealed;
    } catch (err) {
      this.opts.log.warn({ err }, 'sealing stored MLS sync secrets failed');
      return 0;
    }
  }

  /** Creates or updates the config; the secret is required the first time. Returns false when it is missing. */
  async configure(brokerageId: string, input: SyncConfigInput): Promise<boolean> {
    if (input.clientSecret) {
      // Sealed before storing; without a key (production without SECRETS_KEY) this is a clear 503 and nothing is stored.
      input = { ...input, clientSecret: this.opts.secrets.seal(input.clientSecret, secretContext(brokerageId)) };
      await this.opts.db.query(
        `INSERT INTO listing_sync_configs (brokerage_id, endpoint, token_url, client_id, client_secret, scope, interval_minutes, enabled, next_run_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
         ON CONFLICT (brokerage_id) DO UPDATE SET endpoint = EXCLUDED.endpoint, token_url = EXCLUDED.token_url, client_id = EXCLUDED.client_id,
           client_secret = EXCLUDED.client_secret, scope = EXCLUDED.scope, interval_minutes = EXCLUDED.interval_minutes, enabled = EXCLUDED.enabled,
           next_run_at = now(), updated_at = now()`,
        [
          brokerageId,
          input.endpoint,
          input.tokenUrl,
          input.clientId,
          input.clientSecret,
          input.scope ?? null,
          input.intervalMinutes,
          input.enabled,
        ],
      );
      return true;
    }
    const { rows } = await this.opts.db.query(
      `UPDATE listing_sync_configs SET endpoint = $2, token_url = $3, client_id = $4, scope = $5, interval_minutes = $6, enabled = $7, next_run_at = now(), updated_at = now()
       WHERE brokerage_id = $1 RETURNING brokerage_id`,
      [brokerageId, input.endpoint, input.tokenUrl, input.clientId, input.scope ?? null, input.intervalMinutes, input.enabled],
    );
    return rows.length > 0;
  }

  /** Due configs, claimed by this instance. */
  async tick(): Promise<void> {
    try {
      const { rows } = await this.opts.db.query<ConfigRow>(
        `UPDATE listing_sync_configs SET running_since = now()
         WHERE enabled AND next_run_at <= now() AND (running_since IS NULL OR running_since < now() - interval '${STALE_RUN_MINUTES} minutes')
         RETURNING *`,
      );
      await Promise.all(rows.map((r) => this.track(this.run(r))));
    } catch (err) {
      this.opts.log.warn({ err }, 'listing sync tick failed');
    }
  }

  /** Runs one brokerage's sync now (unless one is running); returns the status after it. */
  async runNow(brokerageId: string): Promise<SyncStatus | null> {
    const { rows } = await this.opts.db.query<ConfigRow>(
      `UPDATE listing_sync_configs SET running_since = now()
       WHERE brokerage_id = $1 AND (running_since IS NULL OR running_since < now() - interval '${STALE_RUN_MINUTES} minutes') RETURNING *`,
      [brokerageId],
    );
    if (!rows[0]) return null;
    await this.track(this.run(rows[0]));
    return this.status(brokerageId);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  private async run(cfg: ConfigRow): Promise<void> {
    const brokerageId = cfg.brokerage_id;
    const kit = await this.brokerages.brandKit(brokerageId).catch(() => null);
    const timeZone = kit?.timeZone ?? 'America/Chicago';
    let clientSecret: string;
    try {
      clientSecret = this.opts.secrets.reveal(cfg.client_secret, secretContext(brokerageId));
    } catch (err) {
      // A wrong or missing SECRETS_KEY: the run fails with a reason an admin can act on.
      clientSecret = '';
      this.opts.log.error({ brokerageId, err: err instanceof Error ? err.message : String(err) }, 'MLS sync secret cannot be opened');
    }
    const client = new ResoClient({
      ...this.opts.client,
      endpoint: cfg.endpoint,
      tokenUrl: cfg.token_url,
      clientId: cfg.client_id,
      clientSecret,
      ...(cfg.scope ? { scope: cfg.scope } : {}),
    });
    let cursor = iso(cfg.cursor_timestamp);
    let imported = 0;
    const errors: SyncStatus['lastErrors'] = [];
    let failure: string | null = null;
    try {
      if (!clientSecret)
        throw new Error('the stored client secret cannot be read (SECRETS_KEY missing or changed): enter the secret again');
      let offset = 0;
      for await (const page of client.pull(cursor)) {
        const result = await this.importer.importRecords(brokerageId, page.records, 'sync', timeZone);
        imported += result.imported;
        for (const e of result.errors)
          if (errors.length < MAX_REPORTED_ERRORS) errors.push({ ...e, index: offset + e.index, page: page.url });
        offset += page.records.length;
        for (const r of page.records) {
          const t = (r as { ModificationTimestamp?: unknown } | null)?.ModificationTimestamp;
          if (typeof t === 'string' && !Number.isNaN(Date.parse(t)) && (!cursor || Date.parse(t) > Date.parse(cursor)))
            cursor = new Date(t).toISOString();
        }
      }
    } catch (err) {
      failure = err instanceof Error ? err.message : String(err);
      this.opts.log.warn({ brokerageId, err: failure }, 'listing sync failed');
    }
    const status = failure ? 'failed' : errors.length ? 'partial' : 'ok';
    await this.opts.db.query(
      `UPDATE listing_sync_configs SET running_since = NULL, last_run_at = now(),
         last_success_at = CASE WHEN $2 = 'failed' THEN last_success_at ELSE now() END,
         last_status = $2, last_error = $3, last_imported = $4, last_errors = $5, cursor_timestamp = $6,
         next_run_at = now() + make_interval(mins => interval_minutes)
       WHERE brokerage_id = $1`,
      [brokerageId, status, failure, imported, JSON.stringify(errors), cursor],
    );
  }
}
