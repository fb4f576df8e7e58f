import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket, RawData } from 'ws';
import { z } from 'zod';
import { ACK_PARAM, CloseCode } from '../../shared/index.js';
import type { AuthService } from '../auth/index.js';
import type { Metrics } from '../metrics.js';
import { Connection } from './connection.js';
import { decodeClientMessage, ProtocolError } from './protocol.js';
import type { Room } from './room.js';
import type { RoomManager } from './rooms.js';

export interface CollabRouteOptions {
  auth: AuthService;
  rooms: RoomManager;
  metrics: Metrics;
  heartbeatMs: number;
  /** Who may open this design, and how: null = not found, 'other-brokerage', or the access. */
  resolveAccess: (designId: string, user: { id: string; brokerageId: string; role: string }) => Promise<'edit' | 'view' | 'not-found' | 'other-brokerage'>;
}

const DesignIdSchema = z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/);

// Messages a socket may send before its room is ready (authentication and load are async).
const MAX_HELD_MESSAGES = 256;
const MAX_HELD_BYTES = 16 * 1024 * 1024;

const AUTH_REASONS: Record<string, string> = {
  missing: 'authentication required',
  malformed: 'invalid token',
  bad_signature: 'invalid token',
  expired: 'token expired',
  revoked: 'session ended',
};

/** `/collab/:designId`: the y-websocket endpoint. */
export function registerCollabRoute(app: FastifyInstance, opts: CollabRouteOptions): void {
  const sockets = new Map<WebSocket, { alive: boolean }>();

  // Heartbeat: a peer that misses two pings in a row is dropped.
  const heartbeat = setInterval(() => {
    for (const [ws, state] of sockets) {
      if (!state.alive) {
        ws.terminate();
        continue;
      }
      state.alive = false;
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, opts.heartbeatMs);
  heartbeat.unref();
  app.addHook('onClose', async () => clearInterval(heartbeat));

  app.get('/collab/:designId', { websocket: true }, (socket: WebSocket, req: FastifyRequest) => {
    const beat = { alive: true };
    sockets.set(socket, beat);
    opts.metrics.connections.inc();
    socket.on('pong', () => (beat.alive = true));

    let conn: Connection | null = null;
    let room: Room | null = null;
    let held: RawData[] | null = [];
    let heldBytes = 0;
    let closed = false;

    const closeWith = (code: number, reason: string) => {
      if (closed) return;
      closed = true;
      if (conn) conn.close(code, reason);
      else socket.close(code, reason);
    };

    const handle = (data: RawData, isBinary: boolean) => {
      if (closed || !conn || !room) return;
      if (!isBinary) {
        opts.metrics.protocolErrors.inc({ code: String(CloseCode.unsupportedData) });
        closeWith(CloseCode.unsupportedData, 'text frames are not supported');
        return;
      }
      const bytes = data instanceof Buffer ? data : Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data);
      try {
        room.receive(conn, decodeClientMessage(bytes));
      } catch (err) {
        const code = err instanceof ProtocolError ? err.closeCode : CloseCode.internalError;
        const reason = err instanceof ProtocolError ? err.message : 'internal error';
        if (!(err instanceof ProtocolError)) req.log.error({ err }, 'collab message failed');
        opts.metrics.protocolErrors.inc({ code: String(code) });
        closeWith(code, reason);
      }
    };

    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (held) {
        const size = data instanceof Buffer ? data.length : 0;
        heldBytes += size;
        if (held.length >= MAX_HELD_MESSAGES || heldBytes > MAX_HELD_BYTES) {
          closeWith(CloseCode.policyViolation, 'too many messages before the document was ready');
          return;
        }
        held.push(isBinary ? data : (Buffer.alloc(0) as RawData));
        if (!isBinary) {
          closeWith(CloseCode.unsupportedData, 'text frames are not supported');
        }
        return;
      }
      handle(data, isBinary);
    });

    socket.on('close', () => {
      closed = true;
      sockets.delete(socket);
      opts.metrics.connections.dec();
      if (conn) conn.closed = true;
      if (room && conn) opts.rooms.leave(room, conn);
    });
    socket.on('error', () => socket.terminate());

    void (async () => {
      const auth = await opts.auth.authenticateSocket(req);
      if (!auth.ok) return closeWith(CloseCode.unauthenticated, AUTH_REASONS[auth.problem] ?? 'authentication failed');
      const designId = DesignIdSchema.safeParse((req.params as { designId?: string }).designId);
      if (!designId.success) return closeWith(CloseCode.notFound, 'design not found');
      const access = await opts.resolveAccess(designId.data, auth.user);
      if (access === 'not-found') return closeWith(CloseCode.notFound, 'design not found');
      if (access === 'other-brokerage') return closeWith(CloseCode.forbidden, 'no access to this design');
      if (closed) return;
      const query = req.query as Record<string, unknown>;
      conn = new Connection(
        socket,
        { userId: auth.user.id, brokerageId: auth.user.brokerageId, name: auth.user.name, role: auth.user.role, sessionId: auth.user.sessionId },
        access === 'view',
        query[ACK_PARAM] === '1',
      );
      const joined = await opts.rooms.join(designId.data, conn);
      if (closed) {
        opts.rooms.leave(joined, conn);
        return;
      }
      room = joined;
      const pending = held ?? [];
      held = null;
      for (const data of pending) handle(data, true);
    })().catch((err) => {
      req.log.error({ err }, 'collab connection failed');
      closeWith(CloseCode.internalError, 'could not open the design');
    });
  });
}
