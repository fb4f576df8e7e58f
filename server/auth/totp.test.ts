import { describe, expect, it } from 'vitest';
import { qrMatrix, qrSvg } from './qr.js';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from './totp.js';

// RFC 6238 appendix B (SHA-1 secret "12345678901234567890"), last six digits.
const SECRET = base32Encode(Buffer.from('12345678901234567890'));
const VECTORS: Array<[number, string]> = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP', () => {
  it.each(VECTORS)('at %i s the code is %s', (seconds, code) => {
    expect(totp(SECRET, seconds * 1000)).toBe(code);
    expect(verifyTotp(SECRET, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
  });
  it('accepts one step of drift, nothing more, and only six digits', () => {
    const now = 1234567890_000;
    expect(verifyTotp(SECRET, totp(SECRET, now - 30_000), now)).not.toBeNull();
    expect(verifyTotp(SECRET, totp(SECRET, now - 90_000), now)).toBeNull();
    expect(verifyTotp(SECRET, 'abcdef', now)).toBeNull();
  });
  it('round-trips base32 and builds the otpauth URI', () => {
    expect(base32Decode(SECRET).toString()).toBe('12345678901234567890');
    expect(hotp(SECRET, 0)).toBe('755224'); // RFC 4226 appendix D
    expect(otpauthUri(SECRET, 'sam@demo.test')).toBe(
      `otpauth://totp/RealBrand%3Asam%40demo.test?secret=${SECRET}&issuer=RealBrand&algorithm=SHA1&digits=6&period=30`,
    );
  });
});

describe('QR code', () => {
  it('picks the smallest version and draws finder patterns and timing', async () => {
    expect((await qrMatrix('hello')).length).toBe(21);
    const uri = otpauthUri(SECRET, 'agent@demo.realbrand.test');
    const m = await qrMatrix(uri);
    expect(m.length).toBeGreaterThanOrEqual(41);
    for (const [ox, oy] of [
      [0, 0],
      [m.length - 7, 0],
      [0, m.length - 7],
    ] as const) {
      expect(m[oy]!.slice(ox, ox + 7)).toEqual([true, true, true, true, true, true, true]);
      expect(m[oy + 1]!.slice(ox, ox + 7)).toEqual([true, false, false, false, false, false, true]);
    }
    for (let i = 8; i < m.length - 8; i++) expect(m[6]![i]).toBe(i % 2 === 0);
    const svg = await qrSvg(uri);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain(`viewBox="0 0 ${m.length + 8} ${m.length + 8}"`); // four modules of quiet zone each side
    expect(svg).toMatch(/<path[^>]*stroke="#000000"[^>]*d="M/);
    await expect(qrMatrix('x'.repeat(3000))).rejects.toThrow();
  });
});
