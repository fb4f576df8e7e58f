import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const TokenClaimsSchema = z.object({
  sub: z.string(), // user id
  bid: z.string(), // brokerage id
  sid: z.string(), // session id
  exp: z.number().int(), // seconds since epoch
});
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

export type TokenProblem = 'malformed' | 'bad_signature' | 'expired';

/** Compact signed token: `v1.<base64url JSON claims>.<base64url HMAC-SHA256>`. */
export class TokenSigner {
  constructor(private readonly secret: string) {}

  sign(claims: TokenClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `v1.${body}.${this.mac(body)}`;
  }

  verify(
    token: string,
    nowSeconds = Math.floor(Date.now() / 1000),
  ): { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem } {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== 'v1' || token.length > 4096) return { ok: false, problem: 'malformed' };
    const [, body, sig] = parts as [string, string, string];
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: 'bad_signature' };
    let claims: TokenClaims;
    try {
      claims = TokenClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return { ok: false, problem: 'malformed' };
    }
    if (claims.exp <= nowSeconds) return { ok: false, problem: 'expired' };
    return { ok: true, claims };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
