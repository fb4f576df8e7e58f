/**
 * socket.io, made early so that every service gets `app.notify` when it is made (no callback
 * filled in later); it is attached to the HTTP server by the `sockets` plugin, once identity exists.
 */
import fp from 'fastify-plugin';
import { createRealtime, type Notify, type RealtimeServer } from '../realtime/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live pushes to a person, a design's viewers or a brokerage's reviewers. */
    notify: Notify;
    io: RealtimeServer;
  }
}

export const realtime = fp(
  async (app) => {
    const rt = createRealtime({ redis: app.redis ?? undefined });
    app.decorate('io', rt.io);
    app.decorate('notify', rt.notify);
    app.addHook('preClose', async () => rt.close());
  },
  { name: 'realtime', dependencies: ['bus'], fastify: '5.x' },
);
