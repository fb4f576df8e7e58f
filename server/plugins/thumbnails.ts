/** Server-drawn design thumbnails: redrawn as a room's edits settle, served to the designs grid. */
import fp from 'fastify-plugin';
import { registerThumbnailRoutes } from '../routes/thumbnails.js';
import { ThumbnailService } from '../thumbnails/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    thumbnails: ThumbnailService;
  }
}

export const thumbnails = fp(
  async (app) => {
    const { db, store, rooms, log } = app;
    const thumbnails = new ThumbnailService({ db, store, rooms, log, images: app.designImages });
    rooms.use(thumbnails.extension());
    registerThumbnailRoutes(app, { db, thumbnails });
    app.decorate('thumbnails', thumbnails);
  },
  { name: 'thumbnails', dependencies: ['collab', 'routes:listings'], fastify: '5.x' },
);
