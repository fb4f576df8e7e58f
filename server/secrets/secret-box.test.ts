import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parseSecretsKey, SecretBox, SecretError, secretBoxFromConfig } from './secret-box.js';

const key = () => randomBytes(32);
const quiet = { info: () => undefined, warn: () => undefined };
const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof SecretError ? err.problem : `other: ${String(err)}`;
  }
  return 'opened';
};

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(key());

  it('seals to a value that does not contain the secret and opens it again', () => {
    const sealed = box.seal('client-secret-123', 'sso:b1');
    expect(sealed).toMatch(/^rbs1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('client-secret-123');
    expect(box.open(sealed, 'sso:b1')).toBe('client-secret-123');
    // A fresh IV each time: the same secret never seals to the same text.
    expect(box.seal('client-secret-123', 'sso:b1')).not.toBe(sealed);
  });

  it('refuses another key as wrong_key', () => {
    const sealed = box.seal('s', 'ctx');
    expect(problemOf(() => new SecretBox(key()).open(sealed, 'ctx'))).toBe('wrong_key');
  });

  it('refuses a tampered ciphertext, IV or tag, and a value moved to another context, as tampered', () => {
    const sealed = box.seal('a secret of some length', 'sso:b1');
    const parts = sealed.split('.');
    const flip = (i: number) => {
      const bytes = Buffer.from(parts[i]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return parts.map((p, j) => (j === i ? bytes.toString('base64url') : p)).join('.');
    };
    expect(problemOf(() => box.open(flip(3), 'sso:b1'))).toBe('tampered');
    expect(problemOf(() => box.open(flip(2), 'sso:b1'))).toBe('tampered');
    expect(problemOf(() => box.open(flip(4), 'sso:b1'))).toBe('tampered');
    expect(problemOf(() => box.open(sealed, 'sso:b2'))).toBe('tampered');
    expect(problemOf(() => box.open(sealed.slice(0, -2), 'sso:b1'))).toBe('malformed');
    expect(problemOf(() => box.open('plain text', 'sso:b1'))).toBe('malformed');
  });

  it('reveals values stored before encryption as they are', () => {
    expect(box.reveal('legacy-plain', 'x')).toBe('legacy-plain');
    expect(box.reveal(box.seal('new', 'x'), 'x')).toBe('new');
  });

  it('without a key seals nothing (a clear 503) and opens nothing', () => {
    const none = new SecretBox(null);
    let thrown: unknown;
    try {
      none.seal('s', 'ctx');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ status: 503, code: 'secrets_key_missing' });
    expect((thrown as Error).message).toMatch(/SECRETS_KEY/);
    expect(problemOf(() => none.open(box.seal('s', 'ctx'), 'ctx'))).toBe('no_key');
  });
});

describe('the secrets key', () => {
  it('SECRETS_KEY is 32 bytes of base64', () => {
    expect(parseSecretsKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(parseSecretsKey(randomBytes(32).toString('base64url'))).toHaveLength(32);
    expect(parseSecretsKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(parseSecretsKey('not base64!')).toBeNull();
    expect(() => secretBoxFromConfig({ SECRETS_KEY: 'short', NODE_ENV: 'production', DATA_DIR: '/nonexistent' }, quiet)).toThrow(
      /SECRETS_KEY/,
    );
  });

  it('in production without SECRETS_KEY: no key, and nothing is written', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rb-secrets-')), 'data');
    const box = secretBoxFromConfig({ NODE_ENV: 'production', DATA_DIR: dir }, quiet);
    expect(box.hasKey).toBe(false);
    expect(() => statSync(dir)).toThrow();
    rmSync(dir, { recursive: true, force: true });
  });

  it('in development without SECRETS_KEY: one key under DATA_DIR (0600), the same for every process, logged once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-secrets-'));
    const lines: string[] = [];
    const log = { info: (_: object, msg: string) => void lines.push(msg), warn: () => undefined };
    const a = secretBoxFromConfig({ NODE_ENV: 'development', DATA_DIR: dir }, log);
    const b = secretBoxFromConfig({ NODE_ENV: 'development', DATA_DIR: dir }, log);
    expect(b.open(a.seal('shared', 'c'), 'c')).toBe('shared');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SECRETS_KEY/);
    const file = join(dir, 'secrets.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSecretsKey(readFileSync(file, 'utf8'))).toHaveLength(32);
    rmSync(dir, { recursive: true, force: true });
  });
});
