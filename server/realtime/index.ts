import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { RedisConnections } from '../bus/index.js';
import { z } from 'zod';
import { SESSION_COOKIE, type AuthService, type AuthUser } from '../auth/index.js';

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

export interface RealtimeOptions {
  auth: AuthService;
  /** Instances share socket.io rooms through Redis when set. */
  redis?: RedisConnections;
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
 * at the handshake and may only join rooms of designs it can open.
 */
export function attachRealtime(app: FastifyInstance, opts: RealtimeOptions): { io: Server<ClientEvents, ServerEvents>; close(): Promise<void> } {
  const collabUpgrade = app.server.listeners('upgrade');
  const io = new Server<ClientEvents, ServerEvents, Record<string, never>, { user: AuthUser }>(app.server, {
    path: '/socket.io/',
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: false },
  });
  // Two WebSocket servers share the port: engine.io for /socket.io/, the collaboration endpoint
  // (collab/handler.ts) for the rest. Each would otherwise also answer the other's upgrades, so one
  // dispatcher picks by path.
  const engineUpgrade = app.server.listeners('upgrade').filter((l) => !collabUpgrade.includes(l));
  app.server.removeAllListeners('upgrade');
  app.server.on('upgrade', (req, socket, head) => {
    const target = req.url?.startsWith('/socket.io/') ? engineUpgrade : collabUpgrade;
    for (const listener of target) (listener as (...args: unknown[]) => void).call(app.server, req, socket, head);
  });
  // The adapter publishes without handling the result: the bus's clients never let a
  // command reject into nothing, and the publishing one fails fast while Redis is away
  // (a live push is dropped then; clients get the current state when they join again).
  const adapterClients = opts.redis ? [opts.redis.client('socket.io-publish', 'command'), opts.redis.client('socket.io-subscribe', 'subscriber')] : [];
  if (opts.redis) io.adapter(createAdapter(adapterClients[0]!, adapterClients[1]!));

  io.use(async (socket, next) => {
    const given = socket.handshake.auth as { token?: unknown } | undefined;
    const token = typeof given?.token === 'string' ? given.token : cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    const result = await opts.auth.authenticate(token).catch(() => null);
    if (!result?.ok) return next(new Error('unauthenticated'));
    socket.data.user = result.user;
    next();
  });

  io.on('connection', (socket) => {
    const user = socket.data.user;
    void socket.join([userRoom(user.id), brokerageRoom(user.brokerageId)]);
    socket.on('design:join', async (payload, ack) => {
      const parsed = DesignRefSchema.safeParse(payload);
      if (!parsed.success) return ack?.({ ok: false, error: 'bad_request' });
      const allowed = await opts.canOpenDesign(parsed.data.designId, user).catch(() => false);
      if (!allowed) return ack?.({ ok: false, error: 'not_found' });
      await socket.join(designRoom(parsed.data.designId));
      ack?.({ ok: true });
      opts.onDesignJoined?.(socket, parsed.data.designId);
    });
    socket.on('design:leave', (payload) => {
      const parsed = DesignRefSchema.safeParse(payload);
      if (parsed.success) void socket.leave(designRoom(parsed.data.designId));
    });
  });

  return {
    io,
    async close() {
      io.disconnectSockets(true);
      // Not io.close(): that would close the HTTP server, which Fastify owns.
      io.engine.close();
      for (const c of adapterClients) opts.redis!.release(c);
    },
  };
}
