import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { FairHashQueue, type HashQueueLimits } from './hash-queue.js';

/**
 * One hash at a time in this process: each holds 128·N·r bytes (128 MiB at the default
 * cost) while it runs on libuv's 4-thread pool, so a few log-ins at once (or seeding)
 * took half a GiB of RSS. Serialised, the peak is one hash's memory. The queue in front is
 * bounded and fair per client (see hash-queue.ts): a burst from one address is refused
 * rather than queued, and cannot hold up other people's log-ins.
 */
export const hashing = new FairHashQueue({ perClient: 4, total: 32 });
const scrypt = (client: string, password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  hashing.run(
    client,
    () =>
      new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)))),
    client !== 'server',
  );

/** Bounds of the hashing queue (LOGIN_HASH_QUEUE_PER_CLIENT, LOGIN_HASH_QUEUE_TOTAL). */
export function setHashQueueLimits(limits: HashQueueLimits): void {
  hashing.limits = limits;
}

// OWASP's scrypt floor is N=2^17, r=8, p=1 (128 MiB); that is the default. Test runs lower it
// (PASSWORD_SCRYPT_LOG_N) so suites that seed fresh databases don't spend seconds hashing.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };

/** Sets the cost of new hashes (existing hashes keep their own parameters). */
export function setPasswordCost(logN: number): void {
  if (!Number.isInteger(logN) || logN < 10 || logN > 20) throw new Error('scrypt cost must be 2^10..2^20');
  if (PARAMS.N !== 2 ** logN) dummyHash = null;
  PARAMS.N = 2 ** logN;
}
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$hash` (base64url parts), so parameters can be raised later. */
/** `client`: whose turn it is in the hashing queue (an address for log-ins; the server's own work by default). */
export async function hashPassword(password: string, client = 'server'): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(client, password, salt, KEY_LENGTH, { ...PARAMS, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string, client = 'server'): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyText, 'base64url');
  const key = await scrypt(client, password, Buffer.from(saltText, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the account doesn't exist, so timing doesn't reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
