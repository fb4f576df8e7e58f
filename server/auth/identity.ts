import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Server } from 'socket.io';
import { CloseCode } from '../../shared/index.js';
import { createLockGuard } from '../collab/guard.js';
import type { ChangeGuard, Connection, Room, RoomManager } from '../collab/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { DesignRepository, tokenSecret } from '../repos/index.js';
import { registerAccountRoutes } from '../routes/account.js';
import { registerAuditRoutes } from '../routes/audit.js';
import { registerAuthRoutes } from '../routes/auth.js';
import { registerInviteRoutes } from '../routes/invites.js';
import { registerPeopleRoutes } from '../routes/people.js';
import { registerShareRoutes } from '../routes/shares.js';
import { InProcessAccessBus, RedisAccessBus, type AccessBus, type AccessEvent } from './access-bus.js';
import { AuditLog } from './audit.js';
import { checkCsrf, setSecurityHeaders } from './http.js';
import { designAccess } from './permissions.js';
import { AuthService, type AuthUser } from './service.js';
import { TokenSigner } from './token.js';

/** How long a collaboration socket's access decision is reused (see resolveSocketAccess). */
const SOCKET_ACCESS_TTL_MS = 5_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** The audit log: `app.audit.record({ brokerageId, actorId, action, ... })`. */
    audit: AuditLog;
  }
}

export interface IdentityOptions {
  /** Share one bus between in-process instances (tests); else Redis when configured, else in-process. */
  accessBus?: AccessBus;
  log: FastifyBaseLogger;
}

/**
 * Everything identity and permissions bring to the server, wired in one place:
 * sessions, the audit log, the collaboration guard, socket access checks, CSRF
 * and security headers, the identity routes, and live revocation of sockets.
 */
export class Identity {
  private rooms: RoomManager | null = null;
  private io: Server | null = null;
  private readonly designs: DesignRepository;
  readonly guard: ChangeGuard;

  private constructor(
    private readonly db: Db,
    private readonly config: Config,
    readonly auth: AuthService,
    readonly audit: AuditLog,
    readonly bus: AccessBus,
    private readonly log: FastifyBaseLogger,
  ) {
    this.designs = new DesignRepository(db);
    this.guard = createLockGuard({
      onLockChange: (c) =>
        void this.audit.record({
          brokerageId: c.editor.principal.brokerageId,
          actorId: c.editor.principal.userId,
          action: 'design.lock_changed',
          targetType: 'design',
          targetId: c.designId,
          details: { objectId: c.objectId, from: c.from, to: c.to },
        }),
      onRevert: (r) => {
        this.log.info({ designId: r.designId, userId: r.editor.principal.userId, objects: r.objectIds, metaKeys: r.metaKeys }, 'reverted a change to locked objects');
        void this.audit.record({
          brokerageId: r.editor.principal.brokerageId,
          actorId: r.editor.principal.userId,
          action: 'design.lock_reverted',
          targetType: 'design',
          targetId: r.designId,
          details: { objectIds: r.objectIds.slice(0, 50), ...(r.metaKeys.length ? { metaKeys: r.metaKeys } : {}) },
        });
      },
    });
    bus.subscribe((event) => void this.onAccessEvent(event));
  }

  static async create(db: Db, config: Config, opts: IdentityOptions): Promise<Identity> {
    const audit = new AuditLog(db, (err) => opts.log.warn({ err }, 'audit write failed'));
    const bus =
      opts.accessBus ??
      (config.REDIS_URL ? new RedisAccessBus(config.REDIS_URL, (err) => opts.log.warn({ err: err.message }, 'access bus error')) : new InProcessAccessBus());
    let self: Identity | null = null;
    const auth = new AuthService(db, new TokenSigner(await tokenSecret(db, config.SESSION_SECRET)), {
      accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      audit,
      onSessionsEnded: (e) => self?.notifyAccess({ userId: e.userId, brokerageId: e.brokerageId, reason: e.reason === 'deactivated' ? 'deactivated' : 'sessions_ended' }),
    });
    self = new Identity(db, config, auth, audit, bus, opts.log);
    return self;
  }

  get secureCookies(): boolean {
    return (this.config.PUBLIC_URL ?? '').startsWith('https:');
  }

  /** Hooks (authentication with transparent refresh, CSRF, security headers) and the identity routes. */
  register(app: FastifyInstance): void {
    app.decorate('audit', this.audit);
    app.addHook('onRequest', async (req, reply) => {
      if (!req.url.startsWith('/api/')) return;
      checkCsrf(req, this.config.PUBLIC_URL);
      const result = await this.auth.authenticateRequest(req, reply, false, this.secureCookies);
      req.user = result.ok ? result.user : null;
    });
    app.addHook('onSend', async (req, reply, payload) => {
      setSecurityHeaders(req, reply, this.secureCookies);
      return payload;
    });
    registerAuthRoutes(app, { auth: this.auth, secureCookies: this.secureCookies });
    registerAccountRoutes(app, { db: this.db, auth: this.auth });
    registerPeopleRoutes(app, { db: this.db, auth: this.auth, notifyAccess: (e) => this.notifyAccess(e) });
    registerInviteRoutes(app, { db: this.db, publicUrl: this.config.PUBLIC_URL });
    registerShareRoutes(app, { db: this.db, notifyAccess: (e) => this.notifyAccess(e) });
    registerAuditRoutes(app, { db: this.db, audit: this.audit });
  }

  /** For the collaboration endpoint: how this user may open this design. */
  readonly resolveAccess = async (designId: string, user: { id: string; brokerageId: string; role: string }) => {
    const facts = await this.designs.accessFacts(designId, user.id);
    if (!facts) return 'not-found' as const;
    const access = designAccess(user, facts);
    // Same close code (4403) for another brokerage's design and for one without access.
    return access === 'none' ? ('other-brokerage' as const) : access;
  };

  /**
   * `resolveAccess` for collaboration sockets, remembered for a few seconds per person
   * and design: a reconnect wave or several tabs ask the same question many times.
   * Any access event for the person (on any instance) forgets their answers at once,
   * so a revoked share or a deactivation applies to the next socket as before; what
   * no event announces (a design deleted meanwhile) is at most SOCKET_ACCESS_TTL_MS old.
   */
  readonly resolveSocketAccess = async (designId: string, user: { id: string; brokerageId: string; role: string }) => {
    const now = Date.now();
    const mine = this.socketAccess.get(user.id);
    const hit = mine?.get(designId);
    if (hit && hit.until > now && hit.role === user.role) return hit.access;
    const access = await this.resolveAccess(designId, user);
    if (access === 'edit' || access === 'view') {
      if (this.socketAccess.size >= 10_000) this.socketAccess.clear(); // bounded; entries are cheap to redo
      const entries = this.socketAccess.get(user.id) ?? new Map();
      entries.set(designId, { access, role: user.role, until: now + SOCKET_ACCESS_TTL_MS });
      this.socketAccess.set(user.id, entries);
    }
    return access;
  };
  /** user id → design id → remembered socket access (see resolveSocketAccess). */
  private readonly socketAccess = new Map<string, Map<string, { access: 'edit' | 'view'; role: string; until: number }>>();

  /** For socket.io design rooms: any access at all (remembered like the collaboration socket's, which asks the same as the editor opens). */
  readonly canOpenDesign = async (designId: string, user: AuthUser) => ['edit', 'view'].includes(await this.resolveSocketAccess(designId, user));

  /** Lets revocations reach live sockets: collaboration rooms and socket.io. */
  attachLive(live: { rooms: RoomManager; io?: Server }): void {
    this.rooms = live.rooms;
    this.io = live.io ?? null;
  }

  /** Tells every instance (this one included, at once) that someone's access changed. */
  notifyAccess(event: AccessEvent): void {
    void this.onAccessEvent(event);
    this.bus.publish(event);
  }

  /** Re-checks one person's open sockets on this instance: closes (4410) or downgrades them. */
  private async onAccessEvent(event: AccessEvent): Promise<void> {
    this.socketAccess.delete(event.userId);
    this.auth.forgetSessionChecks(event.userId);
    try {
      if (this.io && (event.reason === 'deactivated' || event.reason === 'sessions_ended')) {
        for (const socket of await this.io.local.in(`user:${event.userId}`).fetchSockets()) {
          const data = socket.data as { user?: AuthUser };
          const sid = data.user?.sessionId;
          if (event.reason === 'deactivated' || !sid || !(await this.auth.sessions.isLive(sid, event.userId))) socket.disconnect(true);
        }
      }
      const affected: Array<{ room: Room; conn: Connection }> = [];
      for (const room of this.rooms?.loadedRooms() ?? []) {
        if (event.designId && room.designId !== event.designId) continue;
        for (const conn of room.conns) if (conn.principal.userId === event.userId && !conn.closed) affected.push({ room, conn });
      }
      if (!affected.length) return;
      const user = await this.auth.users.get(event.brokerageId, event.userId);
      for (const { room, conn } of affected) {
        if (!user || !user.active) {
          conn.close(CloseCode.accessRevoked, 'access revoked');
          continue;
        }
        if (!(await this.auth.sessions.isLive(conn.principal.sessionId, user.id))) {
          conn.close(CloseCode.accessRevoked, 'session ended');
          continue;
        }
        const facts = await this.designs.accessFacts(room.designId, user.id);
        const access = facts ? designAccess(user, facts) : 'none';
        if (access === 'none') conn.close(CloseCode.accessRevoked, 'access revoked');
        else if (access === 'view') {
          conn.readOnly = true;
          conn.principal.role = user.role;
        } else if (conn.readOnly) {
          // Upgraded: reconnecting re-sends the client's changes that were dropped while read-only.
          conn.close(CloseCode.accessRevoked, 'access changed');
        } else conn.principal.role = user.role;
      }
    } catch (err) {
      this.log.warn({ err, userId: event.userId }, 'access re-check failed');
    }
  }

  async close(): Promise<void> {
    await this.bus.close();
  }
}
