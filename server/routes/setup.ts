import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../auth/password.js';
import { setSessionCookies, type AuthService } from '../auth/index.js';
import type { Db } from '../repos/index.js';
import { AppError } from '../errors.js';
import {
  BASIC_FONTS,
  claimSetupToken,
  createBrokerage,
  lockFirstRun,
  createFirstAdmin,
  setupOpen,
  setupTokenValid,
  US_STATES,
} from '../setup/index.js';
import { setupApi } from '../../shared/api/setup.js';
import { publicUser } from './auth.js';
import { route } from './endpoint.js';

const gone = () =>
  new AppError(
    404,
    'setup_not_available',
    'Setup is done already, or this setup link is not the current one (the server prints a new link each time it starts on an empty database).',
  );

/** First run: the one-time setup link printed by the server creates the first brokerage and its admin, then is gone for good. */
export function registerSetupRoutes(app: FastifyInstance, deps: { db: Db; auth: AuthService; secureCookies: boolean }): void {
  route(app, setupApi.info, {}, async () => ({ open: await setupOpen(deps.db), states: [...US_STATES], fonts: [...BASIC_FONTS] }));

  route(app, setupApi.check, {}, async (req) => {
    if (!(await setupTokenValid(deps.db, req.body.token))) throw gone();
    return { ok: true as const };
  });

  route(app, setupApi.create, {}, async (req, reply) => {
    const body = req.body;
    const passwordHash = await hashPassword(body.admin.password);
    const created = await deps.db.transaction(async (tx) => {
      await lockFirstRun(tx);
      if (!(await claimSetupToken(tx, body.token))) throw gone();
      const brokerage = await createBrokerage(tx, body.brokerage);
      const admin = await createFirstAdmin(tx, brokerage.id, { name: body.admin.name, email: body.admin.email, passwordHash });
      return { brokerage, admin };
    });
    await req.server.audit.write({
      brokerageId: created.brokerage.id,
      actorId: created.admin.id,
      actorEmail: created.admin.email,
      action: 'brokerage.created',
      targetType: 'brokerage',
      targetId: created.brokerage.id,
      details: { via: 'setup', licensedStates: body.brokerage.licensedStates },
      ip: req.ip,
    });
    const session = await deps.auth.login(body.admin.email, body.admin.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
    setSessionCookies(reply, session, deps.secureCookies || req.protocol === 'https');
    return { brokerage: created.brokerage, user: publicUser(session.user) };
  });
}
