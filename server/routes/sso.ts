import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireCapability, setSessionCookies } from '../auth/index.js';
import { SsoRefused, type SsoService } from '../auth/sso.js';
import { RoleGroupsSchema } from '../auth/sso-roles.js';
import { AppError } from '../errors.js';
import { parse } from '../validation.js';

/** Binds a sign-in under way to the browser that started it (login CSRF): only its hash is stored. */
const BROWSER_COOKIE = 'rb_sso';
const COOKIE_PATH = '/api/auth/sso';

const EmailSchema = z.string().trim().toLowerCase().email().max(320);
const DiscoverSchema = z.union([
  z.object({ email: EmailSchema }).strict(),
  z.object({ brokerageId: z.string().trim().min(1).max(100) }).strict(),
]);
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
const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain like example.com');
export const SsoSettingsSchema = z
  .object({
    issuer: z.string().trim().min(1).max(500),
    clientId: z.string().trim().min(1).max(500),
    clientSecret: z.string().min(1).max(2000).optional(),
    groupsClaim: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\w:./-]+$/, 'a claim name')
      .default('groups'),
    roleGroups: RoleGroupsSchema,
    enforced: z.boolean().default(false),
    breakGlassUserId: z.string().trim().min(1).max(100).nullable().default(null),
    domains: z.array(DomainSchema).max(20).default([]),
  })
  .strict();

const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

/** Back to the log-in page with the reason (the page shows a message for it). */
const refusedTo = (reply: FastifyReply, reason: string) => reply.redirect(`/login?sso_error=${encodeURIComponent(reason)}`, 303);

/** Single sign-on: discovery by email or brokerage, the OpenID Connect round trip, and the admin settings. */
export function registerSsoRoutes(app: FastifyInstance, deps: { sso: SsoService; secureCookies: boolean }): void {
  const { sso } = deps;
  const secure = (req: FastifyRequest) => deps.secureCookies || req.protocol === 'https';

  /** Public: which brokerage signs this email (by domain) or this brokerage in, and where to start. */
  app.post('/api/auth/sso/discover', async (req) => {
    const body = parse(DiscoverSchema, req.body);
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

  app.get('/api/admin/sso', async (req) => sso.settings(requireCapability(req, 'settings.edit').brokerageId));

  app.put('/api/admin/sso', async (req) => {
    const user = requireCapability(req, 'settings.edit');
    const body = parse(SsoSettingsSchema, req.body);
    return sso.save(user, { ...body, domains: [...new Set(body.domains)] }, meta(req));
  });

  app.delete('/api/admin/sso', async (req, reply) => {
    const user = requireCapability(req, 'settings.edit');
    if (!(await sso.remove(user, meta(req)))) throw new AppError(404, 'not_found', 'Single sign-on is not set up');
    return reply.code(204).send();
  });
}
