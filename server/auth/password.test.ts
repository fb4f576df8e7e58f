import { beforeAll, describe, expect, it, vi } from 'vitest';

// Counts scrypt calls running at once (the real scrypt does the work).
const inFlight = vi.hoisted(() => ({ now: 0, max: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const scrypt = (...args: unknown[]) => {
    const done = args.pop() as (err: Error | null, key: Buffer) => void;
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    (real.scrypt as (...a: unknown[]) => void)(...args, (err: Error | null, key: Buffer) => {
      inFlight.now--;
      done(err, key);
    });
  };
  return { ...real, scrypt, default: { ...real, scrypt } };
});

const { hashPassword, setPasswordCost, verifyPassword } = await import('./password.js');

describe('password hashing', () => {
  beforeAll(() => setPasswordCost(10));

  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('wrong horse', stored)).toBe(false);
  });

  it('runs one hash at a time however many are asked for at once (each holds 128·N·r bytes)', async () => {
    inFlight.max = 0;
    const stored = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((p) => hashPassword(p)));
    const checks = await Promise.all(stored.map((s, i) => verifyPassword('abcdef'[i]!, s)));
    expect(checks).toEqual([true, true, true, true, true, true]);
    expect(inFlight.max).toBe(1);
  });
});
