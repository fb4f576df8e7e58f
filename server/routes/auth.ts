import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE, type AuthService } from '../auth/index.js';
import { parse } from '../validation.js';
import { requireUser } from './context.js';

const LoginSchema = z.object({
  email: z.string().trim().email().max(320),
  password: z.string().min(1).max(1024),
});

export function registerAuthRoutes(app: FastifyInstance, deps: { auth: AuthService; secureCookies: boolean }): void {
  app.post('/api/auth/login', async (req, reply) => {
    const body = parse(LoginSchema, req.body);
    const { accessToken, user, expiresAt } = await deps.auth.login(body.email, body.password, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    reply.setCookie(SESSION_COOKIE, accessToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies,
      path: '/',
      expires: expiresAt,
    });
    const { sessionId: _sid, active: _a, ...publicUser } = user;
    return { accessToken, user: publicUser };
  });

  app.post('/api/auth/logout', async (req, reply) => {
    const user = req.user;
    if (user) await deps.auth.logout(user.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (req) => {
    const { sessionId: _sid, active: _a, ...publicUser } = requireUser(req);
    return { user: publicUser };
  });
}
