import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { CloseCode } from '../../shared/index.js';
import { lockGuard, type Connection, type Room, type RoomExtension, type RoomManager } from '../collab/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { MailService } from '../mail/index.js';
import type { NotificationService } from '../review/notifications.js';
import { DesignRepository, tokenSecret } from '../repos/index.js';
import type { PubSub } from '../bus/index.js';
import { BusAccessBus, type AccessBus, type AccessEvent } from './access-bus.js';
import { AuditLog } from './audit.js';
import { AppError } from '../errors.js';
import { checkCsrf, setSecurityHeaders } from './http.js';
import { designAccess } from './permissions.js';
import { AuthService, type AuthUser } from './service.js';
import { recheckRealtimeAccess, type RealtimeServer } from '../realtime/index.js';
import { TokenSigner } from './token.js';

/** What a person who must still set up two-factor may use. */
const TOTP_ENROLMENT_PATHS = /^\/api\/(auth|account)\//;

/** How long a collaboration socket's access decision is reused (see resolveSocketAccess). */
const SOCKET_ACCESS_TTL_MS = 5_000;
/** While the bus is down, every open socket is re-checked against the database this often. */
const OUTAGE_RECHECK_MS = 3_000;

export interface IdentityOptions {
  /** A bus of its own for access events (tests wire instances together in-process); else a channel on `bus`. */
  accessBus?: AccessBus;
  /** The instances' bus. */
  bus: PubSub;
  log: FastifyBaseLogger;
  /** Invitations, password resets and share notices go out by email through it. */
  mail: MailService;
  /** The inbox (share notices, access requests). */
  notifications: NotificationService;
  /** This instance's collaboration rooms and socket.io server: revocations reach their sockets. */
  rooms: RoomManager;
  io: RealtimeServer;
}

/**
 * Everything identity and permissions bring to the server, wired in one place:
 * sessions, the audit log, the collaboration guard, socket access checks, CSRF
 * and security headers (hooks), and live revocation of sockets. Its routes are
 * registered with the other routes (server/plugins/routes.ts): nothing here imports a route.
 */
export class Identity {
  private readonly designs: DesignRepository;
  /** The room extension that keeps locked objects locked (and audits lock changes). */
  readonly lockGuard: RoomExtension;

  private constructor(
    private readonly db: Db,
    private readonly config: Config,
    readonly auth: AuthService,
    readonly audit: AuditLog,
    readonly bus: AccessBus,
    private readonly log: FastifyBaseLogger,
    readonly mail: MailService,
    readonly notifications: NotificationService,
    private readonly rooms: RoomManager,
    private readonly io: RealtimeServer,
  ) {
    this.designs = new DesignRepository(db);
    this.lockGuard = lockGuard({
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
        this.log.info(
          { designId: r.designId, userId: r.editor.principal.userId, objects: r.objectIds, metaKeys: r.metaKeys },
          'reverted a change to locked objects',
        );
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
    // Events published while the link was down may be lost both ways: send ours again, and check
    // every open socket against the database (a revocation is a database fact first).
    bus.onReconnect(() => {
      const unsent = this.unsent.splice(0);
      for (const event of unsent) this.bus.publish(event);
      void this.recheckAll();
    });
    // While no event can arrive, the database is asked instead, every few seconds.
    bus.onStateChange((up) => {
      if (this.closed) return;
      if (up && this.sweep) {
        clearInterval(this.sweep);
        this.sweep = null;
      } else if (!up && !this.sweep) {
        this.sweep = setInterval(() => void this.recheckAll(), OUTAGE_RECHECK_MS);
        this.sweep.unref();
      }
    });
  }

  private sweep: NodeJS.Timeout | null = null;
  private closed = false;
  private rechecking: Promise<void> | null = null;

  /** Access events made while the bus was down (bounded: the re-check on reconnect covers the rest). */
  private readonly unsent: AccessEvent[] = [];

  static async create(db: Db, config: Config, opts: IdentityOptions): Promise<Identity> {
    const audit = new AuditLog(db, (err) => opts.log.warn({ err }, 'audit write failed'));
    const bus = opts.accessBus ?? new BusAccessBus(opts.bus);
    let self: Identity | null = null;
    const auth = new AuthService(db, new TokenSigner(await tokenSecret(db, config.SESSION_SECRET)), {
      accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
      audit,
      onSessionsEnded: (e) =>
        self?.notifyAccess({
          userId: e.userId,
          brokerageId: e.brokerageId,
          reason: e.reason === 'deactivated' ? 'deactivated' : 'sessions_ended',
        }),
    });
    self = new Identity(db, config, auth, audit, bus, opts.log, opts.mail, opts.notifications, opts.rooms, opts.io);
    return self;
  }

  get secureCookies(): boolean {
    return (this.config.PUBLIC_URL ?? '').startsWith('https:');
  }

  /** Hooks: authentication with transparent refresh, the two-factor gate, CSRF, security headers. */
  addHooks(app: FastifyInstance): void {
    app.addHook('onRequest', async (req, reply) => {
      if (!req.url.startsWith('/api/')) return;
      checkCsrf(req, this.config.PUBLIC_URL);
      const result = await this.auth.authenticateRequest(req, reply, false, this.secureCookies);
      req.user = result.ok ? result.user : null;
      // Two-factor required by the brokerage and not set up yet: only sign-in and account routes answer.
      if (req.user?.mustEnrolTotp && !TOTP_ENROLMENT_PATHS.test(req.url)) {
        throw new AppError(
          403,
          'two_factor_required',
          'Your brokerage requires two-factor sign-in. Set it up under Account security first.',
        );
      }
    });
    app.addHook('onSend', async (req, reply, payload) => {
      setSecurityHeaders(req, reply, this.secureCookies);
      return payload;
    });
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
  readonly resolveSocketAccess = async (
    designId: string,
    user: { id: string; brokerageId: string; role: string; mustEnrolTotp?: boolean },
  ) => {
    if (user.mustEnrolTotp) return 'other-brokerage' as const;
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
  readonly canOpenDesign = async (designId: string, user: AuthUser) =>
    ['edit', 'view'].includes(await this.resolveSocketAccess(designId, user));

  /** Tells every instance (this one included, at once) that someone's access changed. */
  notifyAccess(event: AccessEvent): void {
    void this.onAccessEvent(event);
    if (this.bus.up) this.bus.publish(event);
    else if (this.unsent.length < 1_000) this.unsent.push(event);
  }

  /**
   * Re-checks every open socket on this instance against the database: the sessions,
   * people and shares behind them may have changed while access events could not travel.
   */
  recheckAll(): Promise<void> {
    // One pass at a time (a slow database must not stack them up).
    this.rechecking ??= this.recheckPass()
      .catch((err: unknown) => this.log.warn({ err }, 'socket access re-check failed'))
      .finally(() => (this.rechecking = null));
    return this.rechecking;
  }

  private async recheckPass(): Promise<void> {
    const people = new Map<string, { userId: string; brokerageId: string }>();
    for (const room of this.rooms.loadedRooms()) {
      for (const conn of room.conns)
        if (!conn.closed) people.set(conn.principal.userId, { userId: conn.principal.userId, brokerageId: conn.principal.brokerageId });
    }
    for (const socket of await this.io.local.fetchSockets()) {
      const user = (socket.data as { user?: AuthUser }).user;
      if (user) people.set(user.id, { userId: user.id, brokerageId: user.brokerageId });
    }
    // One person at a time: a reconnect must not flood the database pool that live edits need.
    for (const p of people.values()) await this.onAccessEvent({ ...p, reason: 'sessions_ended' });
    if (people.size) this.log.debug({ people: people.size }, 'open sockets re-checked against the database');
  }

  /** Re-checks one person's open sockets on this instance: closes (4410) or downgrades them. */
  private async onAccessEvent(event: AccessEvent): Promise<void> {
    this.socketAccess.delete(event.userId);
    this.auth.forgetSessionChecks(event.userId);
    try {
      if (event.reason === 'deactivated' || event.reason === 'sessions_ended') {
        for (const socket of await this.io.local.in(`user:${event.userId}`).fetchSockets()) {
          const data = socket.data as { user?: AuthUser };
          const sid = data.user?.sessionId;
          if (event.reason === 'deactivated' || !sid || !(await this.auth.sessions.isLive(sid, event.userId))) socket.disconnect(true);
        }
      }
      const affected: Array<{ room: Room; conn: Connection }> = [];
      for (const room of this.rooms.loadedRooms()) {
        if (event.designId && room.designId !== event.designId) continue;
        for (const conn of room.conns) if (conn.principal.userId === event.userId && !conn.closed) affected.push({ room, conn });
      }
      const user = await this.auth.users.get(event.brokerageId, event.userId);
      // socket.io: design rooms and the reviewers' room follow the new access, as collaboration sockets do.
      if (user?.active && event.reason !== 'deactivated') {
        await recheckRealtimeAccess(
          this.io,
          user,
          async (d, u) => ['edit', 'view'].includes(await this.resolveSocketAccess(d, u)),
          event.designId,
        );
      } else if (!user || !user.active) {
        for (const socket of await this.io.local.in(`user:${event.userId}`).fetchSockets()) socket.disconnect(true);
      }
      if (!affected.length) return;
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
    this.closed = true;
    if (this.sweep) clearInterval(this.sweep);
    await this.bus.close();
  }
}
