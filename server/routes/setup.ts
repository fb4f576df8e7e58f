import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashPassword } from '../auth/password.js';
import { setSessionCookies, type AuthService } from '../auth/index.js';
import type { Db } from '../repos/index.js';
import { AppError } from '../errors.js';
import {
  BASIC_FONTS,
  BrokerageBasicsSchema,
  claimSetupToken,
  createBrokerage,
  lockFirstRun,
  createFirstAdmin,
  SETUP_TOKEN,
  setupOpen,
  setupTokenValid,
  US_STATES,
} from '../setup/index.js';
import { parse } from '../validation.js';
import { NewPasswordSchema } from '../../shared/api/people.js';
import { publicUser } from './auth.js';

const TokenSchema = z.string().regex(SETUP_TOKEN, 'not a setup token');
const CheckSchema = z.object({ token: TokenSchema }).strict();
const SetupSchema = z
  .object({
    token: TokenSchema,
    brokerage: BrokerageBasicsSchema,
    admin: z
      .object({
        name: z.string().trim().min(1).max(200),
        email: z.string().trim().toLowerCase().email().max(320),
        password: NewPasswordSchema,
      })
      .strict(),
  })
  .strict();

const gone = () =>
  new AppError(
    404,
    'setup_not_available',
    'Setup is done already, or this setup link is not the current one (the server prints a new link each time it starts on an empty database).',
  );

/** First run: the one-time setup link printed by the server creates the first brokerage and its admin, then is gone for good. */
export function registerSetupRoutes(app: FastifyInstance, deps: { db: Db; auth: AuthService; secureCookies: boolean }): void {
  app.get('/api/setup', async () => ({ open: await setupOpen(deps.db), states: US_STATES, fonts: BASIC_FONTS }));

  app.post('/api/setup/check', async (req) => {
    const { token } = parse(CheckSchema, req.body);
    if (!(await setupTokenValid(deps.db, token))) throw gone();
    return { ok: true };
  });

  app.post('/api/setup', async (req, reply) => {
    const body = parse(SetupSchema, req.body);
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
    return reply.code(201).send({ brokerage: created.brokerage, user: publicUser(session.user) });
  });
}
