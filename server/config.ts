import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number) => z.coerce.number().int().min(min);
/** Comma-separated `host` or `host:port` entries (an IPv6 address in brackets). */
const hostList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/, 'not a host or host:port')));

/** Every setting comes from the environment, validated once at start-up. */
export const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Without DATABASE_URL: `postgres` (real PostgreSQL binaries from npm, the default) or `pglite` (Postgres in WASM). */
  EMBEDDED_DB: z.enum(['postgres', 'pglite']).optional(),
  REDIS_URL: z.string().url().optional(),
  SEED_DEMO: bool.default(true),
  /** With the demo seed: a handful of imported listings with photos from the repo (first start only). */
  SEED_DEMO_LISTINGS: bool.default(true),
  DEMO_PASSWORD: z.string().min(8).default('realbrand-demo'),
  SESSION_SECRET: z.string().min(32).optional(),
  /** `production` makes SECRETS_KEY required for storing secrets (no development key under DATA_DIR). */
  NODE_ENV: z.string().default('development'),
  /** Encrypts SSO and MLS sync secrets at rest (AES-256-GCM): 32 random bytes, base64 (`openssl rand -base64 32`). See server/secrets. */
  SECRETS_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{42,44}={0,2}$/, '32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  /** OpenID providers (issuers) that may resolve to loopback/private addresses, and may use http (an on-premises or test IdP). */
  SSO_PRIVATE_HOSTS: hostList.default([]),
  /** Access tokens are short-lived; refresh tokens (rotated on every use) carry the session. */
  /** scrypt cost (log2 N) for new password hashes; 17 is OWASP's floor. Only tests should lower it. */
  PASSWORD_SCRYPT_LOG_N: int(10).max(20).default(17),
  ACCESS_TOKEN_TTL_SECONDS: int(1).default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: int(60).default(30 * 24 * 60 * 60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.string().url().optional(),
  /** Outgoing mail (invitations, password resets, notifications): smtp(s)://user:pass@host:port; without it nothing is sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL')
    .optional(),
  /** The From address of outgoing mail ("Name <address>" or an address; the brokerage's name is shown with a bare address). */
  MAIL_FROM: z
    .string()
    .min(3)
    .max(320)
    .regex(/^[^\r\n]+$/, 'one line')
    .optional(),
  INSTANCE_ID: z.string().min(1).max(64).optional(),
  MAX_MESSAGE_BYTES: int(1024).default(4 * 1024 * 1024),
  MAX_DOCUMENT_BYTES: int(1024).default(64 * 1024 * 1024),
  MAX_UPLOAD_BYTES: int(1024).default(10 * 1024 * 1024),
  /** Listing photo hosts that may resolve to loopback/private addresses (the server refuses those otherwise: SSRF). */
  LISTING_PHOTO_PRIVATE_HOSTS: hostList.default([]),
  /** Webhook receivers that may resolve to loopback/private addresses (an on-premises CRM); refused otherwise. */
  WEBHOOK_PRIVATE_HOSTS: hostList.default([]),
  ROOM_IDLE_MS: int(0).default(30_000),
  /** Unsaved changes (bytes) one room keeps while the database is away; then new changes are refused with 1013. */
  MAX_UNSAVED_BYTES: int(1024).default(16 * 1024 * 1024),
  COMPACT_THRESHOLD: int(2).default(500),
  /** Group commit: update-log writes of all rooms start at most once per window (ms). */
  COMMIT_WINDOW_MS: int(0).max(50).default(40),
  HEARTBEAT_MS: int(100).default(10_000),
  RECONCILE_MS: int(100).default(2_000),
  AWARENESS_THROTTLE_MS: int(0).default(50),
  /** Log-ins whose password hash may wait or run at once, per client address and in all; more are refused with 429 at once. */
  LOGIN_HASH_QUEUE_PER_CLIENT: int(1).default(4),
  LOGIN_HASH_QUEUE_TOTAL: int(1).default(32),
  /** Per person (per instance for sockets): open sockets (/collab + socket.io), designs open at once, designs created per minute. */
  MAX_SOCKETS_PER_USER: int(1).default(50),
  MAX_ROOMS_PER_USER: int(1).default(25),
  MAX_DESIGNS_PER_MINUTE: int(1).default(60),
  /** Slow clients (slowloris): the whole request, headers included, must arrive within this (408 otherwise). */
  REQUEST_TIMEOUT_MS: int(1000).default(60_000),
  /** ...and its headers within this. */
  HEADERS_TIMEOUT_MS: int(1000).default(15_000),
  /** Addresses (IPs or CIDRs) that may read /metrics without a token; requests through a proxy never count as local. */
  METRICS_ALLOW: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine((e) => isIP(e.split('/')[0]!) !== 0 && /^[^/]+(\/\d{1,3})?$/.test(e), 'not an IP address or CIDR')))
    .default(['127.0.0.1', '::1']),
  /** A bearer token that opens /metrics from anywhere (≥ 16 chars). */
  METRICS_TOKEN: z.string().min(16).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_REVIEW_MODEL: z.string().min(1).default('gpt-4.1'),
  OPENAI_FAST_MODEL: z.string().min(1).default('gpt-4.1-mini'),
  OPENAI_TIMEOUT_MS: int(100).default(20_000),
  AI_MONTHLY_BUDGET_USD: z.coerce.number().nonnegative().default(50),
  /** Quiet time per text object before the live AI pass reviews its changed text. */
  AI_LIVE_DEBOUNCE_MS: int(0).default(1_500),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; an invalid value stops start-up with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
