/** The collaboration core: the document store and this instance's rooms (extensions join them later, via `app.rooms.use`). */
import fp from 'fastify-plugin';
import { DocumentStore, PresenceDirectory, RoomManager } from '../collab/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: DocumentStore;
    rooms: RoomManager;
    /** Who is editing what, across instances. */
    presence: PresenceDirectory;
  }
}

export const collab = fp(
  async (app) => {
    const { config } = app;
    const store = new DocumentStore(app.db);
    const rooms = new RoomManager({
      store,
      fanout: app.fanout,
      metrics: app.metrics,
      log: app.log,
      idleMs: config.ROOM_IDLE_MS,
      reconcileMs: config.RECONCILE_MS,
      compactThreshold: config.COMPACT_THRESHOLD,
      maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
      maxUnsavedBytes: config.MAX_UNSAVED_BYTES,
      awarenessThrottleMs: config.AWARENESS_THROTTLE_MS,
      commitWindowMs: config.COMMIT_WINDOW_MS,
    });
    const presence = new PresenceDirectory(app.instanceId, rooms, app.bus);
    app.addHook('onClose', async () => presence.close());
    app.decorate('store', store);
    app.decorate('rooms', rooms);
    app.decorate('presence', presence);
  },
  { name: 'collab', dependencies: ['database', 'bus'], fastify: '5.x' },
);
