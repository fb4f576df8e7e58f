import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import { BrokerageRepository, SessionRepository, UserRepository, type User } from '../repos/index.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { TokenSigner, type TokenProblem } from './token.js';

export const SESSION_COOKIE = 'rb_session';

export interface AuthUser extends User {
  brokerageName: string;
  sessionId: string;
}

export type AuthResult = { ok: true; user: AuthUser } | { ok: false; problem: TokenProblem | 'missing' | 'revoked' };

/** Sessions: log-in, token verification, and where a request's token comes from. */
export class AuthService {
  private readonly users: UserRepository;
  private readonly sessions: SessionRepository;
  private readonly brokerages: BrokerageRepository;

  constructor(
    db: Db,
    private readonly signer: TokenSigner,
    private readonly ttlSeconds: number,
  ) {
    this.users = new UserRepository(db);
    this.sessions = new SessionRepository(db);
    this.brokerages = new BrokerageRepository(db);
  }

  async login(email: string, password: string, meta: { ip?: string; userAgent?: string } = {}): Promise<{ accessToken: string; user: AuthUser; expiresAt: Date }> {
    const found = await this.users.findForLogin(email);
    // Verify against a dummy hash when the account is unknown, so timing says nothing.
    const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyPasswordHash()));
    if (!found || !ok || !found.active) throw new AppError(401, 'invalid_credentials', 'Email or password is incorrect');
    const sessionId = randomUUID();
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    await this.sessions.create({ id: sessionId, userId: found.id, brokerageId: found.brokerageId, expiresAt, ...meta });
    const accessToken = this.signer.sign({ sub: found.id, bid: found.brokerageId, sid: sessionId, exp: Math.floor(expiresAt.getTime() / 1000) });
    const brokerage = await this.brokerages.get(found.brokerageId);
    const { passwordHash: _omit, ...user } = found;
    return { accessToken, user: { ...user, brokerageName: brokerage?.name ?? '', sessionId }, expiresAt };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
  }

  async authenticate(token: string | undefined): Promise<AuthResult> {
    if (!token) return { ok: false, problem: 'missing' };
    const verified = this.signer.verify(token);
    if (!verified.ok) return verified;
    const { sub, bid, sid } = verified.claims;
    if (!(await this.sessions.isLive(sid, sub))) return { ok: false, problem: 'revoked' };
    const user = await this.users.get(bid, sub);
    if (!user || !user.active) return { ok: false, problem: 'revoked' };
    const brokerage = await this.brokerages.get(bid);
    return { ok: true, user: { ...user, brokerageName: brokerage?.name ?? '', sessionId: sid } };
  }
}

/** The token a request carries: `Authorization: Bearer`, the session cookie, or `?token=` (WebSocket clients). */
export function tokenFromRequest(req: FastifyRequest, allowQuery = false): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) return cookie;
  if (allowQuery) {
    const q = (req.query as Record<string, unknown> | undefined)?.token;
    if (typeof q === 'string') return q;
  }
  return undefined;
}
