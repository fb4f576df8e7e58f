import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/index.js';
import { unauthenticated } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

/** The signed-in user, or a 401. */
export function requireUser(req: FastifyRequest): AuthUser {
  if (!req.user) throw unauthenticated();
  return req.user;
}
