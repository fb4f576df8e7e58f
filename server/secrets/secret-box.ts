/**
 * Secrets at rest (SSO client secrets, MLS sync secrets): AES-256-GCM with a key from outside
 * the database. A sealed value is `rbs1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts);
 * the key id (a hash of the key, not the key) tells "sealed with another key" apart from
 * "changed since it was sealed". Each value is bound to where it is stored (the additional
 * authenticated data, e.g. `sso_connections.client_secret:<brokerage id>`), so a sealed value
 * copied into another row or brokerage does not open.
 *
 * The key: SECRETS_KEY (32 random bytes, base64: `openssl rand -base64 32`). Without it, a
 * production server (NODE_ENV=production) stores no secret (503 secrets_key_missing) and a
 * development server makes one under DATA_DIR (secrets.key, mode 0600) and says so in its log.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';

const PREFIX = 'rbs1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

export type SecretProblem = 'no_key' | 'wrong_key' | 'tampered' | 'malformed';

/** A sealed value that cannot be opened; `problem` says why (never the value). */
export class SecretError extends Error {
  constructor(
    readonly problem: SecretProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SecretError';
  }
}

/** The key from SECRETS_KEY's text: base64 (or base64url) of exactly 32 bytes; null when it is not. */
export function parseSecretsKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : null;
}

const keyId = (key: Buffer) => createHash('sha256').update('realbrand secrets key id\0').update(key).digest('base64url').slice(0, 11);

export class SecretBox {
  private readonly id: string | null;

  /** `key` null: nothing can be sealed or opened (production without SECRETS_KEY). */
  constructor(private readonly key: Buffer | null) {
    if (key && key.length !== KEY_BYTES) throw new Error(`a secrets key is ${KEY_BYTES} bytes`);
    this.id = key ? keyId(key) : null;
  }

  get hasKey(): boolean {
    return this.key !== null;
  }

  /** Whether a stored value is sealed (a value from before encryption is plain text). */
  static isSealed(value: string): boolean {
    return value.startsWith(`${PREFIX}.`);
  }

  /** Encrypts `plain` for storing at `context`; without a key, a clear 503 (nothing is stored in the clear). */
  seal(plain: string, context: string): string {
    if (!this.key || !this.id) {
      throw new AppError(
        503,
        'secrets_key_missing',
        'This server cannot store secrets: SECRETS_KEY is not set. An operator must set it (32 random bytes, base64: openssl rand -base64 32) and restart the server.',
      );
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PREFIX, this.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** Decrypts a value sealed for `context`; throws SecretError (wrong key, tampered, malformed, no key). */
  open(sealed: string, context: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== PREFIX) throw new SecretError('malformed', 'not a sealed secret');
    const [, id, ivText, bodyText, tagText] = parts as [string, string, string, string, string];
    if (!this.key) throw new SecretError('no_key', 'SECRETS_KEY is not set, so stored secrets cannot be read');
    if (id !== this.id) throw new SecretError('wrong_key', 'this secret was sealed with another key (was SECRETS_KEY changed?)');
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== 16) throw new SecretError('malformed', 'not a sealed secret');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretError('tampered', 'this secret was changed after it was sealed, or belongs elsewhere');
    }
  }

  /** A stored value as plain text: sealed values are opened, values from before encryption pass through. */
  reveal(stored: string, context: string): string {
    return SecretBox.isSealed(stored) ? this.open(stored, context) : stored;
  }
}

export interface SecretsKeySource {
  SECRETS_KEY?: string;
  /** Only `production` matters here. */
  NODE_ENV: string;
  DATA_DIR: string;
}

/**
 * The server's secret box: SECRETS_KEY; else, outside production, a key kept in DATA_DIR/secrets.key
 * (made on first start, shared by every process using that directory).
 */
export function secretBoxFromConfig(
  config: SecretsKeySource,
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void },
): SecretBox {
  if (config.SECRETS_KEY) {
    const key = parseSecretsKey(config.SECRETS_KEY);
    if (!key) throw new Error('SECRETS_KEY must be 32 random bytes in base64 (openssl rand -base64 32)');
    return new SecretBox(key);
  }
  if (config.NODE_ENV === 'production') {
    log.warn({}, 'SECRETS_KEY is not set: SSO and MLS sync secrets cannot be stored (openssl rand -base64 32 makes one)');
    return new SecretBox(null);
  }
  const file = join(config.DATA_DIR, 'secrets.key');
  mkdirSync(config.DATA_DIR, { recursive: true });
  // Written aside, then linked into place: the first process to link makes it, the others read a whole file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
    log.info({ file }, 'no SECRETS_KEY: made a development secrets key (set SECRETS_KEY in production)');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(draft, { force: true });
  }
  const key = parseSecretsKey(readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a secrets key (32 bytes, base64); delete it to make a new one`);
  return new SecretBox(key);
}
