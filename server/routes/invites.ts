import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability } from '../auth/access.js';
import { hashPassword } from '../auth/password.js';
import { sha256 } from '../auth/service.js';
import type { Db } from '../repos/index.js';
import type { MailService } from '../mail/index.js';
import { AppError, notFound } from '../errors.js';
import { recordAgentOnboarded } from '../events/index.js';
import { InviteRepository, UserRepository } from '../repos/index.js';
import { invitesApi } from '../../shared/api/people.js';
import { route } from './endpoint.js';

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const invalidInvite = () =>
  new AppError(404, 'invite_not_found', 'This invitation link is not valid any more. Ask your admin for a new one.');

/** Invitations: admins invite by email with a role; the link's token is single use and expires. */
export function registerInviteRoutes(app: FastifyInstance, deps: { db: Db; mail: MailService }): void {
  const invites = new InviteRepository(deps.db);
  const users = new UserRepository(deps.db);
  const newToken = () => `inv1.${randomBytes(32).toString('base64url')}`;

  /** Emails the invitation (when mail is configured); the link is answered either way, for copying. */
  async function deliver(
    admin: { brokerageId: string; name: string },
    invite: { email: string; role: string; expiresAt: string },
    token: string,
  ) {
    const path = `/invite/${token}`;
    const url = deps.mail.link(path);
    const emailed = await deps.mail.send(admin.brokerageId, invite.email, {
      kind: 'invite',
      inviterName: admin.name,
      role: invite.role,
      link: url,
      expiresAt: new Date(invite.expiresAt),
    });
    return { token, path, url, emailed };
  }

  const manager = (req: FastifyRequest) => requireCapability(req, 'people.manage');

  route(app, invitesApi.create, { auth: manager }, async (req, _reply, admin) => {
    const body = req.body;
    if (await users.emailTaken(body.email)) {
      throw new AppError(409, 'already_member', 'email: someone already has an account with this email', {
        fields: [{ field: 'email', message: 'already has an account' }],
      });
    }
    const token = newToken();
    const invite = await invites.create({
      id: randomUUID(),
      brokerageId: admin.brokerageId,
      email: body.email,
      role: body.role,
      tokenHash: sha256(token),
      invitedBy: admin.id,
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    });
    await req.server.audit?.record({
      brokerageId: admin.brokerageId,
      actorId: admin.id,
      actorEmail: admin.email,
      action: 'people.invited',
      targetType: 'invite',
      targetId: invite.id,
      details: { email: body.email, role: body.role },
      ip: req.ip,
    });
    return { invite, ...(await deliver(admin, invite, token)) };
  });

  /** A new link for an open invitation (the old one stops working), emailed again; also how the admin gets a link to copy. */
  route(app, invitesApi.resend, { auth: manager }, async (req, _reply, admin) => {
    const { id } = req.params;
    const token = newToken();
    const invite = await invites.renew(admin.brokerageId, id, sha256(token), new Date(Date.now() + INVITE_TTL_MS));
    if (!invite) throw notFound('Invitation');
    await req.server.audit?.record({
      brokerageId: admin.brokerageId,
      actorId: admin.id,
      actorEmail: admin.email,
      action: 'people.invite_resent',
      targetType: 'invite',
      targetId: id,
      details: { email: invite.email },
      ip: req.ip,
    });
    return { invite, ...(await deliver(admin, invite, token)) };
  });

  route(app, invitesApi.list, { auth: manager }, async (_req, _reply, admin) => {
    return { invites: await invites.listOpen(admin.brokerageId) };
  });

  route(app, invitesApi.revoke, { auth: manager }, async (req, _reply, admin) => {
    const { id } = req.params;
    if (!(await invites.revoke(admin.brokerageId, id))) throw notFound('Invitation');
    await req.server.audit?.record({
      brokerageId: admin.brokerageId,
      actorId: admin.id,
      actorEmail: admin.email,
      action: 'people.invite_revoked',
      targetType: 'invite',
      targetId: id,
      ip: req.ip,
    });
  });

  /** Public: what the accept page shows before the person chooses a password. */
  route(app, invitesApi.preview, {}, async (req) => {
    const { token } = req.body;
    const invite = await invites.findOpenByHash(sha256(token));
    if (!invite) throw invalidInvite();
    return { email: invite.email, role: invite.role, brokerageName: invite.brokerageName, expiresAt: invite.expiresAt };
  });

  /** Public: accepting creates the account (once); the person then logs in. */
  route(app, invitesApi.accept, {}, async (req) => {
    const body = req.body;
    const invite = await invites.findOpenByHash(sha256(body.token));
    if (!invite) throw invalidInvite();
    const passwordHash = await hashPassword(body.password);
    const user = await deps.db.transaction(async (tx) => {
      const txUsers = new UserRepository(tx);
      if (await txUsers.emailTaken(invite.email))
        throw new AppError(409, 'already_member', 'An account with this email exists already; log in instead');
      const created = await txUsers.create({
        id: randomUUID(),
        brokerageId: invite.brokerageId,
        email: invite.email,
        name: body.name,
        role: invite.role,
        passwordHash,
      });
      if (!(await new InviteRepository(tx).claim(invite.id, created.id))) throw invalidInvite();
      await recordAgentOnboarded(tx, {
        brokerageId: invite.brokerageId,
        userId: created.id,
        name: created.name,
        role: created.role,
        via: 'invite',
      });
      return created;
    });
    await req.server.audit?.record({
      brokerageId: invite.brokerageId,
      actorId: user.id,
      actorEmail: user.email,
      action: 'people.invite_accepted',
      targetType: 'invite',
      targetId: invite.id,
      details: { role: invite.role },
      ip: req.ip,
    });
    return { user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  });
}
