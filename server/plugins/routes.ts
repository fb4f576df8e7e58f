/**
 * The HTTP routes, by area. Each plugin only wires a route file's `registerXRoutes(app, deps)` to
 * the services the plugins before it decorated; the route files know nothing of plugins.
 */
import fp from 'fastify-plugin';
import { AccessRequestService } from '../auth/access-requests.js';
import { PasswordResets } from '../auth/password-reset.js';
import { SsoService } from '../auth/sso.js';
import { registerAccessRequestRoutes } from '../routes/access-requests.js';
import { registerAccountRoutes } from '../routes/account.js';
import { registerAdminMetricsRoutes } from '../routes/admin-metrics.js';
import { registerAiRoutes } from '../routes/ai.js';
import { registerAssetRoutes } from '../routes/assets.js';
import { registerAuditRoutes } from '../routes/audit.js';
import { registerAuthRoutes } from '../routes/auth.js';
import { registerBrandKitRoutes } from '../routes/brand-kit.js';
import { registerBrandFontRoutes } from '../routes/brand-fonts.js';
import { registerDesignRoutes } from '../routes/designs.js';
import { registerFontRoutes } from '../routes/fonts.js';
import { registerHealthRoutes } from '../routes/health.js';
import { registerInviteRoutes } from '../routes/invites.js';
import { registerListingRoutes } from '../routes/listings.js';
import { registerPeopleRoutes } from '../routes/people.js';
import { registerPresenceRoutes } from '../routes/presence.js';
import { registerProfileRoutes } from '../routes/profile.js';
import { registerReviewRoutes } from '../routes/review.js';
import { registerScanRoutes } from '../routes/scans.js';
import { registerScoreRoutes } from '../routes/scores.js';
import { registerSettingsRoutes } from '../routes/settings.js';
import { registerOfficeRoutes } from '../routes/offices.js';
import { registerProfileUpdateRoutes } from '../routes/profile-updates.js';
import { registerSetupRoutes } from '../routes/setup.js';
import { registerShareRoutes } from '../routes/shares.js';
import { registerSsoRoutes } from '../routes/sso.js';
import { registerTemplateRoutes } from '../routes/templates.js';
import { registerWebhookRoutes } from '../routes/webhooks.js';
import type { ImageSourceDeps } from '../render/index.js';
import { exportRecorder } from '../review/index.js';
import { BrokerageTemplates } from '../templates/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where server-made pictures of a brokerage's designs read images (its assets, its listings' photos). */
    designImages: (brokerageId: string) => ImageSourceDeps;
  }
}

const fastify = '5.x';

/** Health, readiness and metrics scraping: no identity needed, none consulted. */
export const healthRoutes = fp(
  async (app) => {
    const { config } = app;
    registerHealthRoutes(app, {
      db: app.db,
      metrics: app.metrics,
      redis: app.redis,
      metricsAccess: { allow: config.METRICS_ALLOW, token: config.METRICS_TOKEN },
    });
  },
  { name: 'routes:health', dependencies: ['database', 'bus'], fastify },
);

/** First-run setup, sign-in (passwords and SSO), account, people, invitations, shares, access requests, the audit log, profiles. */
export const identityRoutes = fp(
  async (app) => {
    const { db, identity, auth, audit, mail } = app;
    const secureCookies = identity.secureCookies;
    registerSetupRoutes(app, { db, auth, secureCookies });
    registerProfileRoutes(app, { db });
    registerAuthRoutes(app, { auth, secureCookies, resets: new PasswordResets({ db, auth, mail, audit }) });
    registerAccountRoutes(app, { db, auth });
    registerPeopleRoutes(app, { db, auth, notifyAccess: (e) => identity.notifyAccess(e) });
    registerInviteRoutes(app, { db, mail });
    registerShareRoutes(app, { db, notifyAccess: (e) => identity.notifyAccess(e), notifications: identity.notifications });
    registerAuditRoutes(app, { db, audit });
    const requests = new AccessRequestService({
      db,
      notifications: identity.notifications,
      notifyAccess: (e) => identity.notifyAccess(e),
      audit,
    });
    registerAccessRequestRoutes(app, { requests });
    const sso = new SsoService({
      db,
      auth,
      audit,
      secrets: app.secrets,
      privateHosts: app.config.SSO_PRIVATE_HOSTS,
      baseUrl: app.baseUrl,
      log: app.log,
    });
    // An SSO-only brokerage refuses passwords (except its break-glass admin).
    auth.setPasswordPolicy(sso.passwordPolicy);
    registerSsoRoutes(app, { sso, secureCookies });
  },
  { name: 'routes:identity', dependencies: ['identity'], fastify },
);

/** Designs, templates, the brand kit, scores, AI, review, presence, settings, scans, assets and fonts. */
export const designRoutes = fp(
  async (app) => {
    const { config, db, store, rooms, audit, identity } = app;
    const templates = new BrokerageTemplates(db);
    registerDesignRoutes(app, { db, store, rooms, templates, maxDesignsPerMinute: config.MAX_DESIGNS_PER_MINUTE });
    registerTemplateRoutes(app, { db, templates, rooms, store, audit, dataDir: config.DATA_DIR });
    registerBrandKitRoutes(app, { db, audit });
    registerBrandFontRoutes(app, { db, audit });
    registerScoreRoutes(app, { db, scoring: app.scoring });
    registerAiRoutes(app, { db, ai: app.ai, rooms, store });
    registerReviewRoutes(app, {
      db,
      rooms,
      store,
      reviews: app.reviews,
      versions: app.versions,
      comments: app.comments,
      notifications: app.notifications,
      resolveAccess: identity.resolveAccess,
      onExport: exportRecorder({ db, audit, scoring: app.scoring }),
    });
    registerPresenceRoutes(app, { db, presence: app.presence });
    registerSettingsRoutes(app, { db, audit, defaultAiBudgetUsd: config.AI_MONTHLY_BUDGET_USD, licenses: app.licenseExpiry });
    registerOfficeRoutes(app, { db, audit });
    registerProfileUpdateRoutes(app, { db, store, rooms });
    registerScanRoutes(app, { scans: app.scans });
    registerFontRoutes(app);
    registerAssetRoutes(app, { db, dataDir: config.DATA_DIR, maxUploadBytes: config.MAX_UPLOAD_BYTES });
  },
  { name: 'routes:designs', dependencies: ['identity', 'scoring', 'review', 'licenses'], fastify },
);

/** Brokerage metrics and webhooks. */
export const adminRoutes = fp(
  async (app) => {
    registerAdminMetricsRoutes(app, { db: app.db });
    registerWebhookRoutes(app, { webhooks: app.webhooks });
  },
  { name: 'routes:admin', dependencies: ['identity', 'events'], fastify },
);

/** Listings: import, sync, photos, bulk designs and exports; decorates `designImages` for the thumbnails. */
export const listingRoutes = fp(
  async (app) => {
    const { config } = app;
    const listings = registerListingRoutes(app, {
      db: app.db,
      store: app.store,
      rooms: app.rooms,
      log: app.log,
      dataDir: config.DATA_DIR,
      publicUrl: config.PUBLIC_URL,
      notify: (userId, payload) => app.notify.user(userId, 'notification', payload),
      photoMaxBytes: config.MAX_UPLOAD_BYTES,
      photoPrivateHosts: config.LISTING_PHOTO_PRIVATE_HOSTS,
      secrets: app.secrets,
    });
    app.decorate('designImages', (brokerageId: string) => listings.bulk.imageSource(brokerageId));
  },
  { name: 'routes:listings', dependencies: ['identity', 'collab', 'realtime'], fastify },
);
