import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { z } from 'zod';
import { ACK_PARAM, CloseCode } from '../../shared/index.js';
import { socketOriginRefused, type AuthService } from '../auth/index.js';
import type { Metrics } from '../metrics.js';
import { Connection } from './connection.js';
import { PersonLimits } from '../person-limits.js';
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2, ProtocolError } from './protocol.js';
import type { Room } from './room.js';
import type { RoomManager } from './rooms.js';

export interface CollabRouteOptions {
  auth: AuthService;
  rooms: RoomManager;
  metrics: Metrics;
  heartbeatMs: number;
  /** Largest message a client may send; a larger one closes its socket with 1009. */
  maxMessageBytes: number;
  /** The id of an upgrade request in logs (the same as Fastify gives other requests). */
  requestId: (req: IncomingMessage) => string;
  /** Who may open this design, and how: null = not found, 'other-brokerage', or the access. */
  resolveAccess: (
    designId: string,
    user: { id: string; brokerageId: string; role: string },
  ) => Promise<'edit' | 'view' | 'not-found' | 'other-brokerage'>;
  /** Our external URL: a cookie-authenticated socket must come from its origin (or the Host's). */
  publicUrl?: string;
  /** Per-person bounds (sockets, designs open at once). */
  limits?: PersonLimits;
}

const PREFIX = '/collab/';
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

/**
 * `/collab/:designId`: the y-websocket endpoint.
 *
 * Upgrades are answered straight from the HTTP server's `upgrade` event with a `ws` server,
 * not routed through Fastify: its request lifecycle (routing, hooks, request and reply
 * objects kept for the socket's life, a log line with the URL and its `?token=`) gave these
 * sockets nothing they need and was a measurable part of each connection's CPU. What they
 * did get from it is done here: cookies parsed by @fastify/cookie's parser, the query string,
 * the request id in error logs. Every other upgrade path is answered 404 (socket.io's own
 * upgrades are dispatched before this listener, see realtime/).
 */
export function registerCollabRoute(app: FastifyInstance, opts: CollabRouteOptions): void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes, clientTracking: false });
  const sockets = new Map<WebSocket, { alive: boolean; close: (code: number, reason: string) => void }>();
  let stopping = false;

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

  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own socket error listener before emitting 'upgrade'.
    socket.on('error', destroyOnError);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    // `/collab/` itself is a design that does not exist (closed 4404 after authentication); deeper paths are no route.
    const rawId = path.slice(PREFIX.length);
    if (!path.startsWith(PREFIX) || rawId.includes('/')) return refuse(socket, 404, 'not_found', `No route ${req.method} ${path}`);
    if (stopping) return refuse(socket, 503, 'shutting_down', 'The server is restarting');
    if (socketOriginRefused(req.headers, opts.publicUrl, req.headers.host))
      return refuse(socket, 403, 'origin_refused', 'A cookie-authenticated socket must come from this site');
    // `ws` takes the socket's errors from here on.
    socket.removeListener('error', destroyOnError);
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, rawId, q === -1 ? '' : url.slice(q + 1)));
  });

  // Graceful stop: flush every room, then close every socket (in a room or not yet) with 1012.
  app.addHook('preClose', async () => {
    stopping = true;
    clearInterval(heartbeat);
    await opts.rooms.shutdown();
    for (const state of sockets.values()) state.close(CloseCode.serviceRestart, 'server restarting');
  });

  function accept(socket: WebSocket, req: IncomingMessage, rawId: string, search: string): void {
    let conn: Connection | null = null;
    let room: Room | null = null;
    let held: RawData[] | null = [];
    let heldBytes = 0;
    let closed = false;
    let reqId: string | null = null;
    const releases: Array<() => void> = [];
    const logError = (err: unknown, msg: string) => app.log.error({ reqId: (reqId ??= opts.requestId(req)), err }, msg);

    const closeWith = (code: number, reason: string) => {
      if (closed) return;
      closed = true;
      if (conn) conn.close(code, reason);
      else socket.close(code, reason);
    };

    const beat = { alive: true, close: closeWith };
    sockets.set(socket, beat);
    opts.metrics.connections.inc();
    socket.on('pong', () => (beat.alive = true));

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
        if (!(err instanceof ProtocolError)) logError(err, 'collab message failed');
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
      for (const release of releases.splice(0)) release();
      sockets.delete(socket);
      opts.metrics.connections.dec();
      if (conn) conn.closed = true;
      if (room && conn) opts.rooms.leave(room, conn);
    });
    socket.on('error', () => socket.terminate());

    void (async () => {
      const query = parseQuery(search);
      const cookie = req.headers.cookie;
      const auth = await opts.auth.authenticateSocket({
        headers: req.headers,
        cookies: cookie ? app.parseCookie(cookie) : {},
        query,
        // Read only on the refresh-cookie path (a getpeername system call otherwise spent on every socket).
        get ip() {
          return req.socket.remoteAddress;
        },
      });
      if (!auth.ok) return closeWith(CloseCode.unauthenticated, AUTH_REASONS[auth.problem] ?? 'authentication failed');
      const designId = DesignIdSchema.safeParse(decodeSegment(rawId));
      if (!designId.success) return closeWith(CloseCode.notFound, 'design not found');
      const access = await opts.resolveAccess(designId.data, auth.user);
      if (access === 'not-found') return closeWith(CloseCode.notFound, 'design not found');
      if (access === 'other-brokerage') return closeWith(CloseCode.forbidden, 'no access to this design');
      if (closed) return;
      if (opts.limits) {
        const socketSlot = opts.limits.openSocket(auth.user.id);
        if (!socketSlot) return closeWith(CloseCode.policyViolation, PersonLimits.socketsReason);
        releases.push(socketSlot);
        const roomSlot = opts.limits.enterRoom(auth.user.id, designId.data);
        if (!roomSlot) return closeWith(CloseCode.policyViolation, PersonLimits.roomsReason);
        releases.push(roomSlot);
      }
      conn = new Connection(
        socket,
        {
          userId: auth.user.id,
          brokerageId: auth.user.brokerageId,
          name: auth.user.name,
          role: auth.user.role,
          sessionId: auth.user.sessionId,
        },
        access === 'view',
        query[ACK_PARAM] === '1',
      );
      const joining = conn;
      const joined = await opts.rooms.join(designId.data, conn, (cold) => {
        if (closed) return;
        // A cold load: our sync step 1 from the stored document's state vector, and a client that has
        // nothing (its sync step 1 already here) gets the stored document as it is, before the room
        // applies it; the room sends what changed since when this socket joins.
        joining.send(encodeSyncStep1(cold.stateVector));
        held = (held ?? []).filter((data) => {
          if (!asksForEverything(data)) return true;
          joining.send(encodeSyncStep2(cold.state));
          return false;
        });
      });
      if (closed) {
        opts.rooms.leave(joined, conn);
        return;
      }
      room = joined;
      const pending = held ?? [];
      held = null;
      for (const data of pending) handle(data, true);
    })().catch((err) => {
      if (!stopping) logError(err, 'collab connection failed');
      // Opening needs the database: a failure here is most likely temporary (the client reconnects).
      closeWith(
        stopping ? CloseCode.serviceRestart : CloseCode.tryAgainLater,
        stopping ? 'server restarting' : 'could not open the design now; try again',
      );
    });
  }
}

/** Whether a held frame is a sync step 1 from a client that has nothing yet (an empty state vector). */
function asksForEverything(data: RawData): boolean {
  if (!(data instanceof Buffer) || data.length === 0) return false;
  try {
    const message = decodeClientMessage(data);
    return message.type === 'sync-step1' && message.stateVector.length === 1 && message.stateVector[0] === 0;
  } catch {
    return false; // handled (and refused) in order once the room is ready
  }
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}

/** A plain HTTP answer to an upgrade that will not become a WebSocket. */
function refuse(socket: Duplex, status: 403 | 404 | 503, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const text = status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The design id as Fastify's router decoded its path parameter; undecodable → rejected by the schema. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}
