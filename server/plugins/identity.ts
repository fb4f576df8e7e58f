/**
 * Identity as hooks and services: authentication (with refresh-cookie rotation), the two-factor
 * gate, CSRF and security headers on every request; sessions, the audit log, access decisions,
 * the lock guard in every room, and live revocation of sockets. Its routes are in routes.ts.
 */
import fp from 'fastify-plugin';
import type { AccessBus, AuditLog, AuthService } from '../auth/index.js';
import { Identity } from '../auth/identity.js';
import { secretBoxFromConfig, type SecretBox } from '../secrets/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    identity: Identity;
    auth: AuthService;
    /** The audit log: `app.audit.record({ brokerageId, actorId, action, ... })`. */
    audit: AuditLog;
    /** Seals stored secrets (SSO client secrets, MLS sync secrets) with SECRETS_KEY (server/secrets). */
    secrets: SecretBox;
  }
}

export const identity = fp<{ accessBus?: AccessBus }>(
  async (app, opts) => {
    const identity = await Identity.create(app.db, app.config, {
      accessBus: opts.accessBus,
      bus: app.bus,
      log: app.log,
      mail: app.mail,
      notifications: app.notifications,
      rooms: app.rooms,
      io: app.io,
    });
    app.addHook('onClose', async () => identity.close());
    app.rooms.use(identity.lockGuard);
    // The signed-in person, set by the onRequest hook (routes/context.ts types it).
    app.decorateRequest('user', null);
    identity.addHooks(app);
    app.decorate('identity', identity);
    app.decorate('auth', identity.auth);
    app.decorate('audit', identity.audit);
    app.decorate('secrets', secretBoxFromConfig(app.config, app.log));
  },
  { name: 'identity', dependencies: ['collab', 'inbox', 'realtime'], fastify: '5.x' },
);
