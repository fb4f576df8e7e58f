/** The review workflow, version history and comments; their room extensions; their events and audit entries (server/review/records.ts). */
import fp from 'fastify-plugin';
import { CommentService, ReviewService, VersionService, reviewRecorder } from '../review/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    versions: VersionService;
    reviews: ReviewService;
    comments: CommentService;
  }
}

export const review = fp(
  async (app) => {
    const { db, log, rooms, store, identity } = app;
    const versions = new VersionService({ db, rooms, store, log });
    app.addHook('onClose', async () => versions.stop());
    const reviews = new ReviewService({
      db,
      log,
      scoring: app.scoring,
      versions,
      notifications: app.notifications,
      publish: (brokerageId, designId, status) => {
        app.notify.design(designId, 'design:event', { type: 'status', designId, status });
        app.notify.reviewers(brokerageId, 'review:queue', { designId, status });
      },
      canEdit: async (user, design) => (await identity.resolveAccess(design.id, user)) === 'edit',
      recordEvent: reviewRecorder(identity.audit),
    });
    rooms.use(versions.extension());
    rooms.use(reviews.reopenExtension());
    app.decorate('versions', versions);
    app.decorate('reviews', reviews);
    app.decorate('comments', new CommentService(db, app.notifications));
  },
  { name: 'review', dependencies: ['collab', 'identity', 'scoring', 'inbox'], fastify: '5.x' },
);
