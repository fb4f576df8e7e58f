import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import { AppError } from '../errors.js';
import { BrokerageRepository, SessionRepository, UserRepository, type User } from '../repos/index.js';
import type { AuditLog } from './audit.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { HashQueueFull } from './hash-queue.js';
import { LoginRateLimiter } from './rate-limit.js';
import { SessionLookups } from './session-lookups.js';
import { TokenSigner, type TokenProblem } from './token.js';
import { hashRecoveryCode, verifyTotp } from './totp.js';

/** The access token (short-lived, signed). */
export const SESSION_COOKIE = 'rb_session';
/** The refresh token (opaque, single use, rotated on every use). */
export const REFRESH_COOKIE = 'rb_refresh';

export interface AuthUser extends User {
  brokerageName: string;
  sessionId: string;
  /** The brokerage requires two-factor and this person has not enrolled: only sign-in and account routes answer. */
  mustEnrolTotp: boolean;
}

export type AuthResult = { ok: true; user: AuthUser } | { ok: false; problem: TokenProblem | 'missing' | 'revoked' };

/**
 * What authentication reads from a request: a Fastify request has it all; a collaboration
 * socket's upgrade, answered outside Fastify (collab/handler.ts), brings the same parts.
 */
export interface CredentialSource {
  headers: IncomingHttpHeaders;
  cookies?: { [name: string]: string | undefined };
  query?: unknown;
  ip?: string;
  /** Only read when cookies are set again (with a reply). */
  protocol?: string;
}

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working (refresh before). */
  accessExpiresAt: Date;
  /** When the session ends at the latest (the refresh token's lifetime). */
  sessionExpiresAt: Date;
}

export interface AuthServiceOptions {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** A refresh token presented again this soon after its rotation (parallel browser requests) authenticates without rotating. */
  refreshGraceMs?: number;
  audit?: AuditLog;
  /** Called when sessions of a user end (so live sockets close, on every instance). */
  onSessionsEnded?: (event: { userId: string; brokerageId: string; reason: string }) => void;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** How long a successful token check is reused (see authenticate). */
const SESSION_CHECK_TTL_MS = 5_000;

/** Sessions: log-in, refresh-token rotation, token verification, and where a request's token comes from. */
export class AuthService {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  private readonly brokerages: BrokerageRepository;
  readonly limiter: LoginRateLimiter;
  private readonly graceMs: number;

  constructor(
    private readonly db: Db,
    private readonly signer: TokenSigner,
    private readonly opts: AuthServiceOptions,
  ) {
    this.users = new UserRepository(db);
    this.sessions = new SessionRepository(db);
    this.brokerages = new BrokerageRepository(db);
    this.limiter = new LoginRateLimiter(db);
    this.graceMs = opts.refreshGraceMs ?? 10_000;
  }

  /** Set by single sign-on (server/auth/sso.ts): a refusal when a password may not be used for this email/person. */
  private passwordPolicy: ((email: string, person: User | null) => Promise<AppError | null>) | null = null;
  setPasswordPolicy(policy: (email: string, person: User | null) => Promise<AppError | null>): void {
    this.passwordPolicy = policy;
  }

  get accessTtlSeconds(): number {
    return this.opts.accessTtlSeconds;
  }

  /**
   * Checks the password (and the second factor when enabled) and starts a session.
   * Rate limited per account and per address: 429 with `retryAfterSeconds`.
   */
  async login(email: string, password: string, meta: RequestMeta & { code?: string } = {}): Promise<IssuedTokens & { user: AuthUser }> {
    const normalized = email.trim().toLowerCase();
    const ip = meta.ip ?? 'unknown';
    // Counted before the (slow) hash: concurrent guesses see each other, and at most the limit are checked.
    const reserved = await this.limiter.reserve(normalized, ip);
    if ('wait' in reserved) {
      const wait = reserved.wait;
      throw new AppError(
        429,
        'too_many_attempts',
        `Too many failed log-ins. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`,
        {
          retryAfterSeconds: wait,
        },
      );
    }
    const found = await this.users.findForLogin(normalized);
    // Verify against a dummy hash when the account is unknown, so timing says nothing.
    let ok: boolean;
    try {
      ok = await verifyPassword(password, found?.passwordHash ?? (await dummyPasswordHash()), `ip:${ip}`);
    } catch (err) {
      await this.limiter.release(reserved.attemptId);
      if (err instanceof HashQueueFull) {
        throw new AppError(
          429,
          'login_busy',
          err.scope === 'client'
            ? 'Too many log-ins in progress from your address; try again in a moment'
            : 'The server is busy; try again in a moment',
          { retryAfterSeconds: 1 },
        );
      }
      throw err;
    }
    // A brokerage that signs in with SSO only: the password says nothing either way (checked above, so timing is the same).
    const refusal = this.passwordPolicy ? await this.passwordPolicy(normalized, found) : null;
    if (refusal) {
      await this.limiter.release(reserved.attemptId);
      await this.opts.audit?.record({
        brokerageId: found?.brokerageId ?? null,
        actorId: found?.id ?? null,
        actorEmail: normalized,
        action: 'auth.login_failed',
        details: { reason: refusal.code },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      throw refusal;
    }
    const fail = async (reason: string, error: AppError) => {
      await this.opts.audit?.record({
        brokerageId: found?.brokerageId ?? null,
        actorId: found?.id ?? null,
        actorEmail: normalized,
        action: 'auth.login_failed',
        details: { reason },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      throw error;
    };
    const invalid = new AppError(401, 'invalid_credentials', 'Email or password is incorrect');
    if (!found || !ok) return fail(found ? 'bad_password' : 'unknown_account', invalid);
    if (!found.active) return fail('deactivated', invalid);
    if (found.brokerageOff)
      return fail('brokerage_off', new AppError(403, 'brokerage_off', 'This brokerage is switched off on this server; ask its operator'));
    if (found.totpEnabled) {
      if (!meta.code) {
        await this.limiter.release(reserved.attemptId);
        throw new AppError(401, 'totp_required', 'Enter the code from your authenticator app', {
          fields: [{ field: 'code', message: 'required' }],
        });
      }
      if (!(await this.checkSecondFactor(found.brokerageId, found.id, meta.code))) {
        return fail(
          'bad_totp',
          new AppError(401, 'invalid_totp', 'That code is not valid', { fields: [{ field: 'code', message: 'not valid' }] }),
        );
      }
    }
    await this.limiter.settle(reserved.attemptId);
    const { passwordHash: _omit, totpEnabled: _t, brokerageOff: _off, ...user } = found;
    return this.startSession(user, { ...meta, totpEnabled: found.totpEnabled });
  }

  /**
   * Starts a session for a person who proved who they are (password and second factor, or
   * single sign-on: `via: 'sso'`): tokens, last sign-in, the audit entry.
   */
  async startSession(
    user: User,
    meta: RequestMeta & { totpEnabled?: boolean; via?: 'password' | 'sso' } = {},
  ): Promise<IssuedTokens & { user: AuthUser }> {
    const sessionId = randomUUID();
    const sessionExpiresAt = new Date(Date.now() + this.opts.refreshTtlSeconds * 1000);
    await this.sessions.create({
      id: sessionId,
      userId: user.id,
      brokerageId: user.brokerageId,
      expiresAt: sessionExpiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    const tokens = await this.issue(user.id, user.brokerageId, sessionId, sessionExpiresAt);
    const brokerage = await this.brokerages.get(user.brokerageId);
    const totpEnabled = meta.totpEnabled ?? (await this.users.totpState(user.brokerageId, user.id))?.enabled ?? false;
    const mustEnrolTotp = !totpEnabled && (await this.brokerages.requiresTwoFactor(user.brokerageId));
    await this.db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [user.id]);
    await this.opts.audit?.record({
      brokerageId: user.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.login',
      targetType: 'session',
      targetId: sessionId,
      ...(meta.via === 'sso' ? { details: { via: 'sso' } } : {}),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { ...tokens, user: { ...user, brokerageName: brokerage?.name ?? '', sessionId, mustEnrolTotp } };
  }

  /** A TOTP code (once per time step) or an unused recovery code. */
  async checkSecondFactor(brokerageId: string, userId: string, code: string): Promise<boolean> {
    const state = await this.users.totpState(brokerageId, userId);
    if (!state?.enabled || !state.secret) return false;
    const digits = code.replace(/\s+/g, '');
    if (/^\d{6}$/.test(digits)) {
      const step = verifyTotp(state.secret, digits);
      return step !== null && (await this.users.claimTotpStep(brokerageId, userId, step));
    }
    return this.users.useRecoveryCode(userId, hashRecoveryCode(code));
  }

  private async issue(userId: string, brokerageId: string, sessionId: string, sessionExpiresAt: Date): Promise<IssuedTokens> {
    const accessExpiresAt = new Date(Math.min(Date.now() + this.opts.accessTtlSeconds * 1000, sessionExpiresAt.getTime()));
    const accessToken = this.signer.sign({
      sub: userId,
      bid: brokerageId,
      sid: sessionId,
      exp: Math.floor(accessExpiresAt.getTime() / 1000),
    });
    const refreshToken = `rt1.${randomBytes(32).toString('base64url')}`;
    await this.sessions.addRefreshToken({
      id: randomUUID(),
      sessionId,
      brokerageId,
      tokenHash: sha256(refreshToken),
      expiresAt: sessionExpiresAt,
    });
    return { accessToken, refreshToken, accessExpiresAt, sessionExpiresAt };
  }

  /**
   * Rotates a refresh token: the presented one is used up and a new pair is issued.
   * Presenting a used token again is reuse (a stolen copy, or the thief's): the
   * whole session — every token of the family — is revoked.
   */
  async refresh(
    refreshToken: string,
    meta: RequestMeta = {},
  ): Promise<IssuedTokens & { userId: string; brokerageId: string; sessionId: string }> {
    const rejected = new AppError(401, 'invalid_refresh_token', 'Your session has ended; log in again');
    if (!/^rt1\.[\w-]{43}$/.test(refreshToken)) throw rejected;
    const found = await this.sessions.findRefreshToken(sha256(refreshToken));
    if (!found || found.expired || !found.sessionLive) throw rejected;
    if (found.usedAt) {
      await this.revokeFamily(found, meta);
      throw rejected;
    }
    const { rows } = await this.db.query<{ expires_at: Date | string }>('SELECT expires_at FROM sessions WHERE id = $1', [found.sessionId]);
    const sessionExpiresAt = new Date(rows[0]!.expires_at);
    const tokens = await this.issue(found.userId, found.brokerageId, found.sessionId, sessionExpiresAt);
    if (!(await this.sessions.useRefreshToken(found.id, sha256(tokens.refreshToken)))) {
      // Someone used it between our read and our write: that is reuse too.
      await this.revokeFamily(found, meta);
      throw rejected;
    }
    await this.sessions.touch(found.sessionId);
    return { ...tokens, userId: found.userId, brokerageId: found.brokerageId, sessionId: found.sessionId };
  }

  private async revokeFamily(found: { sessionId: string; userId: string; brokerageId: string }, meta: RequestMeta): Promise<void> {
    await this.sessions.revoke(found.sessionId, 'refresh_token_reuse');
    this.forgetSessionChecks(found.userId);
    await this.opts.audit?.record({
      brokerageId: found.brokerageId,
      actorId: found.userId,
      action: 'auth.refresh_reuse',
      targetType: 'session',
      targetId: found.sessionId,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    this.opts.onSessionsEnded?.({ userId: found.userId, brokerageId: found.brokerageId, reason: 'refresh_token_reuse' });
  }

  async logout(user: { id: string; brokerageId: string; sessionId: string }): Promise<void> {
    await this.sessions.revoke(user.sessionId, 'logout');
    this.forgetSessionChecks(user.id);
    this.opts.onSessionsEnded?.({ userId: user.id, brokerageId: user.brokerageId, reason: 'logout' });
  }

  /** Sign out everywhere: every session of the user ends (but `except`), live sockets close. */
  async logoutAll(user: { id: string; brokerageId: string }, reason = 'logout_all', except?: string): Promise<number> {
    const n = await this.sessions.revokeAllOf(user.brokerageId, user.id, reason, except);
    this.forgetSessionChecks(user.id);
    this.opts.onSessionsEnded?.({ userId: user.id, brokerageId: user.brokerageId, reason });
    return n;
  }

  /**
   * Checks an access token: its signature and expiry, then that its session is live. A success
   * is remembered for a few seconds per token: opening a design makes ~10 requests and two
   * sockets with one token, and each check was a session query. Everything that ends a session
   * (log-out, sign-out everywhere, refresh-token reuse, deactivation, password change) or changes
   * a person's role forgets that person's checks: here at once, on other instances through the
   * access bus (`forgetSessionChecks`), so a revoked token is refused from then on. A session that
   * merely expires meanwhile is at most SESSION_CHECK_TTL_MS late.
   */
  async authenticate(token: string | undefined): Promise<AuthResult> {
    if (!token) return { ok: false, problem: 'missing' };
    const now = Date.now();
    const hit = this.sessionChecks.get(token);
    if (hit && hit.until > now) return { ok: true, user: hit.user };
    const verified = this.signer.verify(token);
    if (!verified.ok) return verified;
    const epoch = this.sessionCheckEpoch;
    const { sub, bid, sid, exp } = verified.claims;
    const result = await this.sessionUser(sub, bid, sid);
    // Not remembered if a forget happened while the session was being read (it may have read the session before the change).
    if (!result.ok || epoch !== this.sessionCheckEpoch) return result;
    if (this.sessionChecks.size >= 1_000) {
      for (const [t, c] of this.sessionChecks) if (c.until <= now) this.sessionChecks.delete(t);
      if (this.sessionChecks.size >= 10_000) this.sessionChecks.clear(); // bounded; entries are cheap to redo
    }
    this.sessionChecks.set(token, { user: result.user, until: Math.min(now + SESSION_CHECK_TTL_MS, exp * 1000) });
    return result;
  }

  /** The user of a live session (checks that arrive together share one statement, see SessionLookups). */
  private async sessionUser(userId: string, brokerageId: string, sessionId: string): Promise<AuthResult> {
    const user = await this.sessionLookups.lookup({ brokerageId, userId, sessionId });
    if (!user) return { ok: false, problem: 'revoked' };
    return { ok: true, user: { ...user, sessionId } };
  }

  /**
   * `authenticateRequest` for collaboration sockets: a token that does not check out (expired,
   * say) takes the full path, where a browser's refresh cookie may still carry the socket.
   */
  async authenticateSocket(req: CredentialSource): Promise<AuthResult> {
    // The token authenticateRequest would try first; without one (or with a bad or expired one) it takes its full path.
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ')
      ? header.slice(7).trim()
      : (req.cookies?.[SESSION_COOKIE] ?? (req.cookies?.[REFRESH_COOKIE] ? undefined : queryToken(req)));
    if (!token) return this.authenticateRequest(req, undefined, true);
    const result = await this.authenticate(token);
    return result.ok || result.problem === 'revoked' ? result : this.authenticateRequest(req, undefined, true);
  }
  private readonly sessionChecks = new Map<string, SessionCheck>();
  /** Session checks, batched (see SessionLookups). */
  private readonly sessionLookups = new SessionLookups((keys) => this.users.ofLiveSessions(keys));
  /** Counts forgets, so a check that was in flight during one is not remembered. */
  private sessionCheckEpoch = 0;

  /** Forgets a person's remembered token checks (their sessions or role changed, here or on another instance). */
  forgetSessionChecks(userId: string): void {
    this.sessionCheckEpoch++;
    for (const [t, c] of this.sessionChecks) if (c.user.id === userId) this.sessionChecks.delete(t);
  }

  /**
   * Authenticates a request: Bearer header, else cookies, else `?token=` (when
   * allowed). A browser whose short-lived access cookie has expired is carried
   * by its refresh cookie: with `reply`, the refresh token is rotated and both
   * cookies are set again; without (a WebSocket upgrade), a current refresh token
   * authenticates its session without rotating.
   */
  async authenticateRequest(req: CredentialSource, reply?: FastifyReply, allowQuery = false, secureCookies = false): Promise<AuthResult> {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return this.authenticate(header.slice(7).trim());
    const access = req.cookies?.[SESSION_COOKIE];
    const refresh = req.cookies?.[REFRESH_COOKIE];
    if (access || !refresh) {
      const result = await this.authenticate(access ?? (allowQuery ? queryToken(req) : undefined));
      if (result.ok || !refresh || (result.problem !== 'expired' && result.problem !== 'missing')) return result;
    }
    // The access cookie is missing or expired: fall back to the refresh cookie.
    if (!refresh || !/^rt1\.[\w-]{43}$/.test(refresh)) return { ok: false, problem: 'missing' };
    const found = await this.sessions.findRefreshToken(sha256(refresh));
    if (!found || found.expired || !found.sessionLive) return { ok: false, problem: 'revoked' };
    const meta = { ip: req.ip, userAgent: req.headers['user-agent'] };
    if (found.usedAt) {
      // Parallel requests of one browser all carry the old token: inside the grace window they ride on the session.
      if (Date.now() - found.usedAt.getTime() <= this.graceMs) return this.sessionUser(found.userId, found.brokerageId, found.sessionId);
      await this.revokeFamily(found, meta);
      return { ok: false, problem: 'revoked' };
    }
    if (!reply) return this.sessionUser(found.userId, found.brokerageId, found.sessionId);
    try {
      const tokens = await this.refresh(refresh, meta);
      setSessionCookies(reply, tokens, secureCookies || req.protocol === 'https');
      return this.sessionUser(tokens.userId, tokens.brokerageId, tokens.sessionId);
    } catch {
      return { ok: false, problem: 'revoked' };
    }
  }
}

/** A successful token check, remembered (see AuthService.authenticate). */
interface SessionCheck {
  user: AuthUser;
  /** Reused until then: SESSION_CHECK_TTL_MS after the check, never past the token's expiry. */
  until: number;
}

function queryToken(req: CredentialSource): string | undefined {
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' ? q : undefined;
}

/** Both cookies: httpOnly, SameSite=Lax, Secure over TLS; they live as long as the session. */
export function setSessionCookies(
  reply: FastifyReply,
  tokens: Pick<IssuedTokens, 'accessToken' | 'refreshToken' | 'sessionExpiresAt'>,
  secure: boolean,
): void {
  const common = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', expires: tokens.sessionExpiresAt };
  reply.setCookie(SESSION_COOKIE, tokens.accessToken, common);
  reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, common);
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(REFRESH_COOKIE, { path: '/' });
}

/** The token a request carries: `Authorization: Bearer`, the session cookie, or `?token=` (WebSocket clients). */
export function tokenFromRequest(req: FastifyRequest, allowQuery = false): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) return cookie;
  if (allowQuery) return queryToken(req);
  return undefined;
}
