/**
 * The two WebSocket endpoints on the HTTP server: `/collab/:designId` (rooms) and socket.io (app
 * events). Last of the live parts: both authenticate with identity and share per-person limits.
 */
import fp from 'fastify-plugin';
import { registerCollabRoute } from '../collab/index.js';
import { PersonLimits } from '../person-limits.js';
import { serveRealtime } from '../realtime/index.js';
import { requestId } from './core.js';

export const sockets = fp(
  async (app) => {
    const { config, identity, scoring } = app;
    // Per person on this instance: sockets (collaboration and socket.io together) and designs open at once.
    const limits = new PersonLimits({ socketsPerUser: config.MAX_SOCKETS_PER_USER, roomsPerUser: config.MAX_ROOMS_PER_USER });
    // The collaboration endpoint's `upgrade` listener comes first: serveRealtime dispatches by path.
    registerCollabRoute(app, {
      auth: identity.auth,
      rooms: app.rooms,
      metrics: app.metrics,
      heartbeatMs: config.HEARTBEAT_MS,
      maxMessageBytes: config.MAX_MESSAGE_BYTES,
      requestId,
      resolveAccess: identity.resolveSocketAccess,
      publicUrl: config.PUBLIC_URL,
      limits,
    });
    serveRealtime(app, app.io, {
      auth: identity.auth,
      publicUrl: config.PUBLIC_URL,
      limits,
      canOpenDesign: identity.canOpenDesign,
      onDesignJoined: (socket, designId) => {
        void scoring
          .current(designId)
          .then((score) => score && socket.emit('score', score))
          .catch(() => undefined);
      },
    });
  },
  { name: 'sockets', dependencies: ['collab', 'realtime', 'identity', 'scoring'], fastify: '5.x' },
);
