import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { RedisConnections } from '../bus/index.js';
import { z } from 'zod';
import { PersonLimits } from '../person-limits.js';
import { can, SESSION_COOKIE, socketOriginRefused, type AuthService, type AuthUser } from '../auth/index.js';

/** Events the server pushes to clients (socket.io). */
export interface ServerEvents {
  score: (payload: unknown) => void;
  'design:event': (payload: unknown) => void;
  notification: (payload: unknown) => void;
  'scan:progress': (payload: unknown) => void;
  'review:queue': (payload: unknown) => void;
}

export interface ClientEvents {
  'design:join': (payload: unknown, ack?: (result: { ok: boolean; error?: string }) => void) => void;
  'design:leave': (payload: unknown) => void;
}

export type RealtimeSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, { user: AuthUser }>;

const DesignRefSchema = z.object({ designId: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/) });

export const designRoom = (designId: string) => `design:${designId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const brokerageRoom = (brokerageId: string) => `brokerage:${brokerageId}`;
/** People of a brokerage who may review (the review queue's live updates go only there). */
export const reviewersRoom = (brokerageId: string) => `reviewers:${brokerageId}`;

/**
 * After someone's access changed: their sockets on this instance follow it. Role and the
 * reviewers' room are brought up to date, and every design room (or just `designId`) is
 * re-checked; a room they may no longer open is left at once.
 */
export async function recheckRealtimeAccess(
  io: Server,
  user: Pick<AuthUser, 'id' | 'brokerageId' | 'role'>,
  canOpenDesign: (designId: string, user: Pick<AuthUser, 'id' | 'brokerageId' | 'role'>) => Promise<boolean>,
  designId?: string,
): Promise<void> {
  const ids = io.of('/').adapter.rooms.get(userRoom(user.id));
  for (const id of [...(ids ?? [])]) {
    const socket = io.of('/').sockets.get(id);
    if (!socket) continue;
    const data = socket.data as { user?: AuthUser };
    if (data.user) data.user = { ...data.user, role: user.role };
    if (can(user, 'design.review')) void socket.join(reviewersRoom(user.brokerageId));
    else void socket.leave(reviewersRoom(user.brokerageId));
    for (const room of [...socket.rooms]) {
      if (!room.startsWith('design:')) continue;
      const roomDesign = room.slice('design:'.length);
      if (designId && roomDesign !== designId) continue;
      if (!(await canOpenDesign(roomDesign, user).catch(() => false))) void socket.leave(room);
    }
  }
}

export type RealtimeServer = Server<ClientEvents, ServerEvents, Record<string, never>, { user: AuthUser }>;

/** What the server pushes, by audience: services hold this, not the socket.io server. */
export interface Notify {
  /** Every socket of one person (the inbox, scan progress). */
  user<E extends keyof ServerEvents>(userId: string, event: E, payload: Parameters<ServerEvents[E]>[0]): void;
  /** Everyone with the design open (its score, its status). */
  design<E extends keyof ServerEvents>(designId: string, event: E, payload: Parameters<ServerEvents[E]>[0]): void;
  /** A brokerage's reviewers (the review queue). */
  reviewers<E extends keyof ServerEvents>(brokerageId: string, event: E, payload: Parameters<ServerEvents[E]>[0]): void;
}

export interface Realtime {
  io: RealtimeServer;
  notify: Notify;
  close(): Promise<void>;
}

/**
 * The socket.io server, made before anything that pushes through it (so services get `notify`
 * at construction) and attached to the HTTP server later, by `serveRealtime`, once the
 * identity it authenticates with exists. Pushing before it is attached reaches nobody, as
 * pushing to a room nobody is in does.
 */
export function createRealtime(opts: { redis?: RedisConnections }): Realtime {
  const io: RealtimeServer = new Server({
    path: '/socket.io/',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: false },
  });
  // The adapter publishes without handling the result: the bus's clients never let a
  // command reject into nothing, and the publishing one fails fast while Redis is away
  // (a live push is dropped then; clients get the current state when they join again).
  const adapterClients = opts.redis
    ? [opts.redis.client('socket.io-publish', 'command'), opts.redis.client('socket.io-subscribe', 'subscriber')]
    : [];
  if (opts.redis) io.adapter(createAdapter(adapterClients[0]!, adapterClients[1]!));
  const notify: Notify = {
    user: (userId, event, payload) => io.to(userRoom(userId)).emit(event, ...([payload] as Parameters<ServerEvents[typeof event]>)),
    design: (designId, event, payload) => io.to(designRoom(designId)).emit(event, ...([payload] as Parameters<ServerEvents[typeof event]>)),
    reviewers: (brokerageId, event, payload) =>
      io.to(reviewersRoom(brokerageId)).emit(event, ...([payload] as Parameters<ServerEvents[typeof event]>)),
  };
  return {
    io,
    notify,
    async close() {
      io.disconnectSockets(true);
      // Not io.close(): that would close the HTTP server, which Fastify owns.
      (io.engine as typeof io.engine | undefined)?.close();
      for (const c of adapterClients) opts.redis!.release(c);
    },
  };
}

export interface RealtimeOptions {
  auth: AuthService;
  /** Our external URL: a cookie-authenticated socket must come from its origin (or the Host's). */
  publicUrl?: string;
  /** Per-person bounds (sockets, designs open at once), shared with the collaboration endpoint. */
  limits?: PersonLimits;
  canOpenDesign: (designId: string, user: AuthUser) => Promise<boolean>;
  /** Called when a socket joins a design (e.g. to send it the latest score). */
  onDesignJoined?: (socket: RealtimeSocket, designId: string) => void;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * App events over socket.io on the same port: every socket is authenticated
 * at the handshake and may only join rooms of designs it can open. Call after the
 * collaboration endpoint has its `upgrade` listener (see below).
 */
export function serveRealtime(app: FastifyInstance, io: RealtimeServer, opts: RealtimeOptions): void {
  const collabUpgrade = app.server.listeners('upgrade');
  io.attach(app.server);
  // Two WebSocket servers share the port: engine.io for /socket.io/, the collaboration endpoint
  // (collab/handler.ts) for the rest. Each would otherwise also answer the other's upgrades, so one
  // dispatcher picks by path.
  const engineUpgrade = app.server.listeners('upgrade').filter((l) => !collabUpgrade.includes(l));
  app.server.removeAllListeners('upgrade');
  app.server.on('upgrade', (req, socket, head) => {
    const target = req.url?.startsWith('/socket.io/') ? engineUpgrade : collabUpgrade;
    for (const listener of target) (listener as (...args: unknown[]) => void).call(app.server, req, socket, head);
  });

  io.use(async (socket, next) => {
    const given = socket.handshake.auth as { token?: unknown } | undefined;
    const headers = socket.handshake.headers;
    if (
      typeof given?.token !== 'string' &&
      socketOriginRefused({ origin: headers.origin, cookie: headers.cookie }, opts.publicUrl, headers.host)
    ) {
      return next(new Error('origin not allowed'));
    }
    const token = typeof given?.token === 'string' ? given.token : cookieValue(headers.cookie, SESSION_COOKIE);
    const result = await opts.auth.authenticate(token).catch(() => null);
    if (!result?.ok) return next(new Error('unauthenticated'));
    const slot = opts.limits ? opts.limits.openSocket(result.user.id) : () => undefined;
    if (!slot) return next(new Error(PersonLimits.socketsReason));
    socket.once('disconnect', slot);
    socket.data.user = result.user;
    next();
  });

  io.on('connection', (socket) => {
    const user = socket.data.user;
    /** Design rooms this socket joined, each holding a slot of the person's open-designs bound. */
    const joined = new Map<string, () => void>();
    void socket.join([
      userRoom(user.id),
      brokerageRoom(user.brokerageId),
      ...(can(user, 'design.review') ? [reviewersRoom(user.brokerageId)] : []),
    ]);
    socket.on('design:join', async (payload, ack) => {
      const parsed = DesignRefSchema.safeParse(payload);
      if (!parsed.success) return ack?.({ ok: false, error: 'bad_request' });
      const allowed = await opts.canOpenDesign(parsed.data.designId, user).catch(() => false);
      if (!allowed) return ack?.({ ok: false, error: 'not_found' });
      if (!joined.has(parsed.data.designId)) {
        const slot = opts.limits ? opts.limits.enterRoom(user.id, parsed.data.designId) : () => undefined;
        if (!slot) return ack?.({ ok: false, error: 'too_many_designs_open' });
        joined.set(parsed.data.designId, slot);
      }
      await socket.join(designRoom(parsed.data.designId));
      ack?.({ ok: true });
      opts.onDesignJoined?.(socket, parsed.data.designId);
    });
    socket.on('design:leave', (payload) => {
      const parsed = DesignRefSchema.safeParse(payload);
      if (!parsed.success) return;
      void socket.leave(designRoom(parsed.data.designId));
      joined.get(parsed.data.designId)?.();
      joined.delete(parsed.data.designId);
    });
    socket.once('disconnect', () => {
      for (const release of joined.values()) release();
      joined.clear();
    });
  });
}
