import type { FastifyInstance } from 'fastify';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { qrSvg } from '../auth/qr.js';
import type { AuthService } from '../auth/index.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri, verifyTotp } from '../auth/totp.js';
import type { Db } from '../repos/index.js';
import { AppError } from '../errors.js';
import { BrokerageRepository, UserRepository } from '../repos/index.js';
import { accountApi } from '../../shared/api/account.js';
import { requireUser } from './context.js';
import { route } from './endpoint.js';

const wrongPassword = () =>
  new AppError(400, 'validation_failed', 'currentPassword: not your current password', {
    fields: [{ field: 'currentPassword', message: 'not your current password' }],
  });

/** Self-service: change password, two-factor enrolment. */
export function registerAccountRoutes(app: FastifyInstance, deps: { db: Db; auth: AuthService }): void {
  const users = deps.auth.users;

  route(app, accountApi.changePassword, { auth: requireUser }, async (req, _reply, user) => {
    const body = req.body;
    const stored = await users.passwordHash(user.brokerageId, user.id);
    if (!stored || !(await verifyPassword(body.currentPassword, stored))) throw wrongPassword();
    await users.setPassword(user.brokerageId, user.id, await hashPassword(body.newPassword));
    // Every other session ends; this one stays.
    await deps.auth.logoutAll(user, 'password_changed', user.sessionId);
    void req.server.audit?.record({
      brokerageId: user.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.password_changed',
      ip: req.ip,
    });
  });

  route(app, accountApi.totp, { auth: requireUser }, async (_req, _reply, user) => {
    const state = await users.totpState(user.brokerageId, user.id);
    return { enabled: Boolean(state?.enabled) };
  });

  /** Starts enrolment: a new secret (pending until confirmed), its otpauth URI and a QR code as SVG. */
  route(app, accountApi.totpSetup, { auth: requireUser }, async (_req, _reply, user) => {
    const state = await users.totpState(user.brokerageId, user.id);
    if (state?.enabled) throw new AppError(409, 'totp_already_enabled', 'Two-factor is already on; turn it off first to enrol again');
    const secret = newTotpSecret();
    await users.setTotpPending(user.brokerageId, user.id, secret);
    const uri = otpauthUri(secret, user.email);
    return { secret, otpauthUri: uri, qrSvg: await qrSvg(uri) };
  });

  /** Confirms enrolment with a current code; answers the recovery codes (shown once). */
  route(app, accountApi.totpEnable, { auth: requireUser }, async (req, _reply, user) => {
    const { code } = req.body;
    const state = await users.totpState(user.brokerageId, user.id);
    if (!state?.pending) throw new AppError(409, 'totp_not_started', 'Start two-factor setup first');
    const step = verifyTotp(state.pending, code);
    if (step === null)
      throw new AppError(400, 'validation_failed', 'code: not valid', { fields: [{ field: 'code', message: 'not valid' }] });
    const codes = newRecoveryCodes();
    await deps.db.transaction(async (tx) => {
      const txUsers = new UserRepository(tx);
      await txUsers.enableTotp(user.brokerageId, user.id, state.pending!, step);
      await txUsers.replaceRecoveryCodes(user.id, codes.map(hashRecoveryCode));
    });
    // A brokerage that requires two-factor lets this person in from now on (remembered checks said otherwise).
    deps.auth.forgetSessionChecks(user.id);
    void req.server.audit?.record({
      brokerageId: user.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.totp_enabled',
      ip: req.ip,
    });
    return { enabled: true as const, recoveryCodes: codes };
  });

  route(app, accountApi.totpDisable, { auth: requireUser }, async (req, _reply, user) => {
    const body = req.body;
    const stored = await users.passwordHash(user.brokerageId, user.id);
    if (!stored || !(await verifyPassword(body.password, stored))) {
      throw new AppError(400, 'validation_failed', 'password: not your password', {
        fields: [{ field: 'password', message: 'not your password' }],
      });
    }
    if (await new BrokerageRepository(deps.db).requiresTwoFactor(user.brokerageId)) {
      throw new AppError(
        409,
        'two_factor_required',
        'Your brokerage requires two-factor sign-in, so it cannot be turned off. Ask an admin to reset it if you lost your authenticator.',
      );
    }
    await users.disableTotp(user.brokerageId, user.id);
    deps.auth.forgetSessionChecks(user.id);
    void req.server.audit?.record({
      brokerageId: user.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'auth.totp_disabled',
      ip: req.ip,
    });
  });
}
