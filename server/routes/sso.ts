import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ssoApi } from '../../shared/api/sso.js';
import { requireCapability, setSessionCookies } from '../auth/index.js';
import { SsoRefused, type SsoService } from '../auth/sso.js';
import { AppError } from '../errors.js';
import { route } from './endpoint.js';

/** Binds a sign-in under way to the browser that started it (login CSRF): only its hash is stored. */
const BROWSER_COOKIE = 'rb_sso';
const COOKIE_PATH = '/api/auth/sso';

/** A path of this app to return to after signing in (never another origin). */
const NextSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\t\r\n]*$/, 'a path of this app');
const StartSchema = z.object({
  brokerage: z.string().trim().min(1).max(100),
  next: z.unknown().optional(),
  login_hint: z.string().trim().max(320).optional().catch(undefined),
});

const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

/** Back to the log-in page with the reason (the page shows a message for it). */
const refusedTo = (reply: FastifyReply, reason: string) => reply.redirect(`/login?sso_error=${encodeURIComponent(reason)}`, 303);

/** Single sign-on: discovery by email or brokerage, the OpenID Connect round trip, and the admin settings. */
export function registerSsoRoutes(app: FastifyInstance, deps: { sso: SsoService; secureCookies: boolean }): void {
  const { sso } = deps;
  const secure = (req: FastifyRequest) => deps.secureCookies || req.protocol === 'https';

  /** Public: which brokerage signs this email (by domain) or this brokerage in, and where to start. */
  route(app, ssoApi.discover, {}, async (req) => {
    const body = req.body;
    const found = await sso.discover(body);
    if (!found) {
      const what = 'email' in body ? body.email.split('@').pop() : 'this brokerage';
      throw new AppError(
        404,
        'sso_not_configured',
        `Single sign-on is not set up for ${what}. Log in with your password, or ask your administrator.`,
      );
    }
    const hint = 'email' in body ? `&login_hint=${encodeURIComponent(body.email)}` : '';
    return { ...found, startUrl: `/api/auth/sso/start?brokerage=${encodeURIComponent(found.brokerageId)}${hint}` };
  });

  /** Public: sends the browser to the brokerage's provider (authorization code + PKCE). */
  app.get('/api/auth/sso/start', async (req, reply) => {
    const q = StartSchema.safeParse(req.query);
    if (!q.success) return refusedTo(reply, 'not_configured');
    try {
      // A return path that is not one of ours is dropped (never followed), not an error.
      const next = NextSchema.safeParse(q.data.next);
      const started = await sso.begin(q.data.brokerage, { next: next.success ? next.data : null, loginHint: q.data.login_hint ?? null });
      reply.setCookie(BROWSER_COOKIE, started.browserToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(req),
        path: COOKIE_PATH,
        maxAge: 600,
      });
      return reply.header('cache-control', 'no-store').redirect(started.url, 303);
    } catch (err) {
      if (err instanceof SsoRefused) return refusedTo(reply, err.reason);
      req.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'SSO start failed');
      return refusedTo(reply, 'unavailable');
    }
  });

  /** Public: the provider's redirect back; a session on success, the log-in page with a reason otherwise. */
  app.get('/api/auth/sso/callback', async (req, reply) => {
    const browserToken = req.cookies?.[BROWSER_COOKIE];
    reply.clearCookie(BROWSER_COOKIE, { path: COOKIE_PATH });
    reply.header('cache-control', 'no-store');
    try {
      const session = await sso.complete(new URL(req.url, 'http://callback.invalid'), browserToken, meta(req));
      setSessionCookies(reply, session, secure(req));
      return reply.redirect(session.next ? encodeURI(session.next) : '/designs', 303);
    } catch (err) {
      if (!(err instanceof SsoRefused)) throw err;
      req.log.info({ reason: err.reason }, 'SSO sign-in refused');
      await sso.recordRefusal(err, meta(req));
      return refusedTo(reply, err.reason);
    }
  });

  const admin = (req: FastifyRequest) => requireCapability(req, 'settings.edit');

  route(app, ssoApi.settings, { auth: admin }, async (_req, _reply, user) => sso.settings(user.brokerageId));

  route(app, ssoApi.save, { auth: admin }, async (req, _reply, user) =>
    sso.save(user, { ...req.body, domains: [...new Set(req.body.domains)] }, meta(req)),
  );

  route(app, ssoApi.remove, { auth: admin }, async (req, _reply, user) => {
    if (!(await sso.remove(user, meta(req)))) throw new AppError(404, 'not_found', 'Single sign-on is not set up');
  });
}
