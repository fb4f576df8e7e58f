import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/index.js';
import { AppError, forbidden, notFound, unauthenticated } from '../errors.js';
import { DesignRepository } from '../repos/index.js';
import { can, designAccess, type Capability, type DesignAccess, type DesignFacts } from './permissions.js';
import type { AuthUser } from './service.js';

/** The signed-in user holding `capability`, else 401/403. */
export function requireCapability(req: FastifyRequest, capability: Capability): AuthUser {
  const user = req.user;
  if (!user) throw unauthenticated();
  if (!can(user, capability)) throw forbidden('Your role does not allow this');
  return user;
}

/**
 * One design as the user may see it. A design of another brokerage, or one the
 * user has no access to, does not exist for them (404); view access where edit
 * is needed is 403.
 */
export async function requireDesign(
  db: Queryable,
  user: AuthUser,
  designId: string,
  need: 'view' | 'edit' = 'view',
): Promise<{ access: Exclude<DesignAccess, 'none'>; facts: DesignFacts }> {
  const facts = await new DesignRepository(db).accessFacts(designId, user.id);
  const access = facts ? designAccess(user, facts) : 'none';
  if (!facts || access === 'none') throw notFound('Design');
  if (need === 'edit' && access !== 'edit') throw new AppError(403, 'forbidden', 'You can view this design but not change it');
  return { access, facts };
}
