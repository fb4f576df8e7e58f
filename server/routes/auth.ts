import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { CAPABILITIES, can } from '../auth/permissions.js';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies, type AuthService, type AuthUser } from '../auth/index.js';
import { AppError } from '../errors.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';
import { RESET_TOKEN, type PasswordResets } from '../auth/password-reset.js';
import { NewPasswordSchema } from './account.js';

const LoginSchema = z.object({
  email: z.string().trim().email().max(320),
  password: z.string().min(1).max(1024),
  /** A TOTP code or a recovery code, when two-factor is on. */
  code: z.string().trim().min(1).max(32).optional(),
});
const ResetRequestSchema = z.object({ email: z.string().trim().email().max(320) }).strict();
const ResetTokenSchema = z.string().regex(RESET_TOKEN, 'not a reset link token');
const ResetPreviewSchema = z.object({ token: ResetTokenSchema }).strict();
const ResetCompleteSchema = z.object({ token: ResetTokenSchema, password: NewPasswordSchema }).strict();
const RefreshSchema = z.object({ refreshToken: z.string().min(1).max(200).optional() }).strict();

/** What clients see of a user: no session id, no flags; plus what their role allows. */
export function publicUser(user: AuthUser) {
  const { sessionId: _sid, active: _a, ...rest } = user;
  return { ...rest, capabilities: CAPABILITIES.filter((c) => can(user, c)) };
}

function withRetryAfter(reply: FastifyReply, err: unknown): never {
  if (err instanceof AppError && err.status === 429) {
    const wait = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
    reply.header('retry-after', String(wait));
  }
  throw err;
}

export function registerAuthRoutes(app: FastifyInstance, deps: { auth: AuthService; secureCookies: boolean; resets: PasswordResets }): void {
  const secure = (protocol: string) => deps.secureCookies || protocol === 'https';

  app.post('/api/auth/login', async (req, reply) => {
    const body = parse(LoginSchema, req.body);
    const result = await deps.auth
      .login(body.email, body.password, { ip: req.ip, userAgent: req.headers['user-agent'], code: body.code })
      .catch((err) => withRetryAfter(reply, err));
    setSessionCookies(reply, result, secure(req.protocol));
    return {
      accessToken: result.accessToken,
      refreshToken: result.refreshToken,
      expiresAt: result.accessExpiresAt.toISOString(),
      user: publicUser(result.user),
    };
  });

  /** Rotates the refresh token (body for API clients, cookie for browsers); a reused token ends the session. */
  app.post('/api/auth/refresh', async (req, reply) => {
    const body = parse(RefreshSchema, req.body ?? {});
    const fromCookie = !body.refreshToken;
    const token = body.refreshToken ?? req.cookies?.[REFRESH_COOKIE];
    if (!token) throw new AppError(401, 'invalid_refresh_token', 'Your session has ended; log in again');
    const tokens = await deps.auth.refresh(token, { ip: req.ip, userAgent: req.headers['user-agent'] }).catch((err) => {
      if (fromCookie) clearSessionCookies(reply);
      throw err;
    });
    if (fromCookie) setSessionCookies(reply, tokens, secure(req.protocol));
    return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.accessExpiresAt.toISOString() };
  });

  app.post('/api/auth/logout', async (req, reply) => {
    const user = req.user;
    if (user) await deps.auth.logout(user);
    clearSessionCookies(reply);
    return reply.code(204).send();
  });

  /** Sign out everywhere: every session of this user ends and their live sockets close. */
  app.post('/api/auth/logout-all', async (req, reply) => {
    const user = requireUser(req);
    const ended = await deps.auth.logoutAll(user, 'logout_all');
    void req.server.audit?.record({ brokerageId: user.brokerageId, actorId: user.id, actorEmail: user.email, action: 'auth.logout_all', details: { sessions: ended }, ip: req.ip });
    clearSessionCookies(reply);
    return reply.code(204).send();
  });

  /** Public: emails a reset link if the address has an account; the answer is the same either way. */
  app.post('/api/auth/password-reset', async (req, reply) => {
    const { email } = parse(ResetRequestSchema, req.body);
    await deps.resets.request(email, { ip: req.ip });
    return reply.code(202).send({ message: 'If an account uses this email, a reset link is on its way. It works once, for 30 minutes.' });
  });

  app.post('/api/auth/password-reset/preview', async (req) => {
    const { token } = parse(ResetPreviewSchema, req.body);
    return deps.resets.preview(token);
  });

  /** Public: sets the new password with the emailed link; every session of the person ends (this browser's too). */
  app.post('/api/auth/password-reset/complete', async (req, reply) => {
    const body = parse(ResetCompleteSchema, req.body);
    const done = await deps.resets.complete(body.token, body.password, { ip: req.ip });
    clearSessionCookies(reply);
    return { email: done.email };
  });

  app.get('/api/auth/me', async (req) => ({ user: publicUser(requireUser(req)) }));
  /** The same question for pages that work either way (the log-in page): no session is an answer, not an error. */
  app.get('/api/auth/session', async (req) => ({ user: req.user ? publicUser(req.user) : null }));
}
