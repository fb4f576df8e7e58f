import type { FastifyInstance, FastifyReply } from 'fastify';
import { CAPABILITIES, can } from '../auth/permissions.js';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies, type AuthService, type AuthUser } from '../auth/index.js';
import { AppError } from '../errors.js';
import { authApi } from '../../shared/api/auth.js';
import { route } from './endpoint.js';
import { requireUser } from './context.js';
import type { PasswordResets } from '../auth/password-reset.js';

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

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; secureCookies: boolean; resets: PasswordResets },
): void {
  const secure = (protocol: string) => deps.secureCookies || protocol === 'https';

  route(app, authApi.login, {}, async (req, reply) => {
    const body = req.body;
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
  route(app, authApi.refresh, {}, async (req, reply) => {
    const body = req.body;
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

  route(app, authApi.logout, {}, async (req, reply) => {
    const user = req.user;
    if (user) await deps.auth.logout(user);
    clearSessionCookies(reply);
    return reply.code(204).send();
  });

  /** Sign out everywhere: every session of this user ends and their live sockets close. */
  route(app, authApi.logoutAll, { auth: requireUser }, async (req, reply, user) => {
    const ended = await deps.auth.logoutAll(user, 'logout_all');
    await req.server.audit?.record({
      brokerageId: user.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.logout_all',
      details: { sessions: ended },
      ip: req.ip,
    });
    clearSessionCookies(reply);
    return reply.code(204).send();
  });

  /** Public: emails a reset link if the address has an account; the answer is the same either way. */
  route(app, authApi.passwordReset, {}, async (req) => {
    const { email } = req.body;
    await deps.resets.request(email, { ip: req.ip });
    return { message: 'If an account uses this email, a reset link is on its way. It works once, for 30 minutes.' };
  });

  route(app, authApi.passwordResetPreview, {}, async (req) => {
    const { token } = req.body;
    return deps.resets.preview(token);
  });

  /** Public: sets the new password with the emailed link; every session of the person ends (this browser's too). */
  route(app, authApi.passwordResetComplete, {}, async (req, reply) => {
    const body = req.body;
    const done = await deps.resets.complete(body.token, body.password, { ip: req.ip });
    clearSessionCookies(reply);
    return { email: done.email };
  });

  route(app, authApi.me, { auth: requireUser }, async (_req, _reply, user) => ({ user: publicUser(user) }));
  /** The same question for pages that work either way (the log-in page): no session is an answer, not an error. */
  route(app, authApi.session, {}, async (req) => ({ user: req.user ? publicUser(req.user) : null }));
}
