import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Identity, setPasswordCost, type AccessBus } from './auth/index.js';
import { DocumentStore, PresenceDirectory, InProcessFanout, RedisFanout, RoomManager, registerCollabRoute, type Fanout } from './collab/index.js';
import type { Config } from './config.js';
import { migrate, openDatabase, type Db } from './db/index.js';
import { AppError } from './errors.js';
import { Metrics } from './metrics.js';
import { registerAssetRoutes } from './routes/assets.js';
import { registerClientAssets } from './routes/client-assets.js';
import { registerListingRoutes } from './routes/listings.js';
import { registerBrandKitRoutes } from './routes/brand-kit.js';
import { registerDesignRoutes } from './routes/designs.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerTemplateRoutes } from './routes/templates.js';
import { registerFontRoutes } from './routes/fonts.js';
import { registerThumbnailRoutes } from './routes/thumbnails.js';
import { ThumbnailService } from './thumbnails/index.js';
import { registerScoreRoutes } from './routes/scores.js';
import { attachRealtime, brokerageRoom, designRoom, userRoom } from './realtime/index.js';
import { ScanService, ScoringService } from './scoring/index.js';
import { registerScanRoutes } from './routes/scans.js';
import { AiService, OpenAiProvider } from './ai/index.js';
import { registerAiRoutes } from './routes/ai.js';
import { CommentService, NotificationService, ReviewService, VersionService } from './review/index.js';
import { registerReviewRoutes } from './routes/review.js';
import { registerPresenceRoutes } from './routes/presence.js';
import { registerSettingsRoutes } from './routes/settings.js';
import { BrokerageTemplates } from './templates/index.js';
import { loadBundledFonts } from './render/index.js';
import { seedDemo, type DemoLogin } from './seed/index.js';
import { EventBackbone, analyticsConsumer, emit, type EventTuning } from './events/index.js';
import { WebhookService, type WebhookServiceOptions } from './webhooks/index.js';
import { registerAdminMetricsRoutes } from './routes/admin-metrics.js';
import { registerWebhookRoutes } from './routes/webhooks.js';
import { projectPath } from './paths.js';

/** Paths that name a static file (a miss is a 404, not the app); tokens with dots stay client routes. */
const STATIC_FILE = /\.(?:js|mjs|css|map|svg|png|jpe?g|webp|gif|ico|woff2?|ttf|json|txt|webmanifest|html)$/i;

const CLIENT_DIST = projectPath('client', 'dist');

export interface BuildOptions {
  /** Use this database instead of opening one from the config (tests share one). */
  db?: Db;
  /** Use this fan-out instead of the configured one (tests wire instances together in-process). */
  fanout?: Fanout;
  /** Use this access-revocation bus (tests wire instances together in-process). */
  accessBus?: AccessBus;
  /** Event backbone tuning (tests: fast polls and retries; `redisUrl: null` forces in-process delivery). */
  events?: { redisUrl?: string | null; tuning?: Partial<EventTuning>; webhooks?: Partial<Omit<WebhookServiceOptions, 'db' | 'log'>> };
  /** Serve the built client when present (default true). */
  serveClient?: boolean;
  logger?: boolean;
}

export interface RealBrandApp {
  app: FastifyInstance;
  db: Db;
  rooms: RoomManager;
  store: DocumentStore;
  fanout: Fanout;
  metrics: Metrics;
  scoring: ScoringService;
  instanceId: string;
  demoLogins: DemoLogin[] | null;
  /** Domain events: outbox relay and consumer groups (analytics, webhooks). */
  events: EventBackbone;
  webhooks: WebhookService;
  /** Graceful stop: stop accepting, flush rooms, close sockets with 1012, close the database if we opened it. */
  close(): Promise<void>;
}

/** A request's id in logs: the caller's `x-request-id` when it is sane, else a fresh one. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Builds the whole server in-process: database, rooms, routes. Nothing listens until `app.listen`. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<RealBrandApp> {
  const instanceId = config.INSTANCE_ID ?? randomUUID();
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL },
    genReqId: requestId,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  const log = app.log;
  setPasswordCost(config.PASSWORD_SCRYPT_LOG_N);
  const ownsDb = !options.db;
  // The brand fonts' files, parsed once: the overflow rule, thumbnails and exports measure text with them.
  const fontsLoaded = loadBundledFonts();
  const db = options.db ?? (await openDatabase(config));
  await migrate(db);
  await fontsLoaded;
  const demoLogins = config.SEED_DEMO ? await seedDemo(db, config.DEMO_PASSWORD) : null;

  const metrics = new Metrics();
  const store = new DocumentStore(db);
  const fanout =
    options.fanout ??
    (config.REDIS_URL
      ? new RedisFanout(instanceId, config.REDIS_URL, (err) => log.warn({ err: err.message }, 'redis fan-out error'))
      : new InProcessFanout(instanceId));
  // Live scoring pushes through socket.io, which is attached once the routes exist (below).
  let pushScore: (score: { designId: string }) => void = () => undefined;
  let emitTo: (room: string, event: 'notification' | 'design:event' | 'review:queue', payload: unknown) => void = () => undefined;
  const scoring = new ScoringService({ db, store, log, publish: (score) => pushScore(score) });
  const notifications = new NotificationService(db, (userId, n) => emitTo(userRoom(userId), 'notification', n));
  // Room watchers are attached once each room loads (versions and reviews are made once rooms exist).
  let versions: VersionService | null = null;
  let thumbnails: ThumbnailService | null = null;
  let reviews: ReviewService | null = null;
  // Identity: sessions, permissions (incl. the collaboration guard), audit, live revocation.
  const identity = await Identity.create(db, config, { accessBus: options.accessBus, log });
  const auth = identity.auth;
  const rooms = new RoomManager({
    guard: identity.guard,
    onRoomOpened: (room) => {
      scoring.attach(room);
      thumbnails?.attach(room);
      versions?.attach(room);
      reviews?.attach(room);
    },
    store,
    fanout,
    metrics,
    log,
    idleMs: config.ROOM_IDLE_MS,
    reconcileMs: config.RECONCILE_MS,
    compactThreshold: config.COMPACT_THRESHOLD,
    maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
    awarenessThrottleMs: config.AWARENESS_THROTTLE_MS,
    commitWindowMs: config.COMMIT_WINDOW_MS,
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.MAX_UPLOAD_BYTES, files: 1, fields: 5 } });

  app.decorateRequest('user', null);
  // Authentication (with refresh-cookie rotation), CSRF, security headers, and the identity routes.
  identity.register(app);
  app.addHook('onResponse', async (req, reply) => {
    metrics.httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side' } });
    }
    // Fastify's own 4xx (bad JSON, body too large, wrong content type): say what, not how.
    const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large' : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'bad_request';
    const message = code === 'payload_too_large' ? 'Request body is too large' : code === 'unsupported_media_type' ? 'Unsupported content type' : 'Malformed request';
    return reply.code(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((req, reply) => {
    // Client routes (no file extension) get the app; a missing file stays a 404.
    const path = req.url.split('?')[0]!;
    if (req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/collab') && !STATIC_FILE.test(path) && serveClient) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
  });

  registerHealthRoutes(app, { db, fanout, metrics, redisConfigured: Boolean(config.REDIS_URL) && !options.fanout });
  const brokerageTemplates = new BrokerageTemplates(db);
  registerDesignRoutes(app, { db, store, rooms, templates: brokerageTemplates });
  registerTemplateRoutes(app, { db, templates: brokerageTemplates, rooms, store, audit: identity.audit, dataDir: config.DATA_DIR });
  registerBrandKitRoutes(app, { db });
  registerScoreRoutes(app, { db, scoring });
  const ai = new AiService({
    db,
    log,
    defaultMonthlyBudgetUsd: config.AI_MONTHLY_BUDGET_USD,
    remote: config.OPENAI_API_KEY
      ? new OpenAiProvider({
          apiKey: config.OPENAI_API_KEY,
          baseURL: config.OPENAI_BASE_URL,
          reviewModel: config.OPENAI_REVIEW_MODEL,
          fastModel: config.OPENAI_FAST_MODEL,
          timeoutMs: config.OPENAI_TIMEOUT_MS,
        })
      : undefined,
  });
  registerAiRoutes(app, { db, ai, rooms, store });
  versions = new VersionService({ db, rooms, store, log });
  reviews = new ReviewService({
    db,
    log,
    scoring,
    versions,
    notifications,
    publish: (brokerageId, designId, status) => {
      emitTo(designRoom(designId), 'design:event', { type: 'status', designId, status });
      emitTo(brokerageRoom(brokerageId), 'review:queue', { designId, status });
    },
    canEdit: async (user, design) => (await identity.resolveAccess(design.id, user)) === 'edit',
    recordEvent: async (tx, e) => {
      const scores = e.brand !== undefined && e.compliance !== undefined ? { brand: e.brand, compliance: e.compliance } : undefined;
      const common = { brokerageId: e.brokerageId, actorId: e.actorId };
      if (e.type === 'review.submitted') {
        await emit(tx, 'review.submitted', { ...common, payload: { designId: e.designId, kind: e.kind, ownerId: e.ownerId, submittedBy: e.actorId, scores } });
      } else {
        const payload = { designId: e.designId, kind: e.kind, ownerId: e.ownerId, reviewerId: e.actorId, turnaroundMs: e.turnaroundMs ?? null, comment: e.comment, scores };
        await emit(tx, e.type, { ...common, payload });
      }
      if (e.type !== 'review.submitted') {
        await identity.audit.write({ brokerageId: e.brokerageId, actorId: e.actorId, action: e.type === 'review.approved' ? 'design.approved' : 'design.changes_requested', targetType: 'design', targetId: e.designId, details: { comment: e.comment ?? null } }, tx);
      }
    },
  });
  registerReviewRoutes(app, {
    db,
    rooms,
    store,
    reviews,
    versions,
    comments: new CommentService(db, notifications),
    notifications,
    resolveAccess: identity.resolveAccess,
    onExport: async (x) => {
      const score = await scoring.current(x.designId).catch(() => null);
      await db.transaction(async (tx) => {
        await emit(tx, 'design.exported', {
          brokerageId: x.brokerageId,
          actorId: x.userId,
          payload: { designId: x.designId, kind: x.kind, ownerId: x.ownerId, format: x.format, scores: score ? { brand: score.brand, compliance: score.compliance } : undefined },
        });
        await identity.audit.write({ brokerageId: x.brokerageId, actorId: x.userId, action: 'design.exported', targetType: 'design', targetId: x.designId, details: { format: x.format } }, tx);
      });
    },
  });
  app.addHook('onClose', async () => versions?.stop());
  const presence = new PresenceDirectory(instanceId, rooms, options.fanout ? undefined : config.REDIS_URL, (err) => log.warn({ err: err.message }, 'presence directory redis error'));
  registerPresenceRoutes(app, { db, presence });
  registerSettingsRoutes(app, { db, audit: identity.audit, defaultAiBudgetUsd: config.AI_MONTHLY_BUDGET_USD });
  app.addHook('onClose', async () => presence.close());
  let pushScanProgress: (userId: string, progress: unknown) => void = () => undefined;
  const scans = new ScanService({ db, rooms, store, scoring, log, progress: (userId, p) => pushScanProgress(userId, p) });
  registerScanRoutes(app, { scans });
  // Event backbone: outbox -> Redis Streams (REDIS_URL) or in-process delivery; analytics and webhooks consume it.
  const webhooks = new WebhookService({ db, log, ...options.events?.webhooks });
  const events = new EventBackbone({
    db,
    log,
    instanceId,
    redisUrl: options.events?.redisUrl === undefined ? config.REDIS_URL : options.events.redisUrl,
    consumers: [analyticsConsumer(), webhooks.consumer()],
    ...options.events?.tuning,
  });
  registerAdminMetricsRoutes(app, { db });
  registerWebhookRoutes(app, { webhooks });
  await events.start();
  webhooks.start();
  registerFontRoutes(app);
  registerAssetRoutes(app, { db, dataDir: config.DATA_DIR, maxUploadBytes: config.MAX_UPLOAD_BYTES });
  const listingRoutes = registerListingRoutes(app, {
    db,
    store,
    rooms,
    log,
    dataDir: config.DATA_DIR,
    publicUrl: config.PUBLIC_URL,
    notify: (userId, payload) => emitTo(userRoom(userId), 'notification', payload),
    photoMaxBytes: config.MAX_UPLOAD_BYTES,
    photoPrivateHosts: config.LISTING_PHOTO_PRIVATE_HOSTS,
  });
  thumbnails = new ThumbnailService({ db, store, rooms, log, images: (brokerageId) => listingRoutes.bulk.imageSource(brokerageId) });
  registerThumbnailRoutes(app, { db, thumbnails });
  registerCollabRoute(app, {
    auth,
    rooms,
    metrics,
    heartbeatMs: config.HEARTBEAT_MS,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    requestId,
    resolveAccess: identity.resolveSocketAccess,
  });

  const realtime = attachRealtime(app, {
    auth,
    redisUrl: options.fanout ? undefined : config.REDIS_URL,
    canOpenDesign: identity.canOpenDesign,
    onDesignJoined: (socket, designId) => {
      void scoring.current(designId).then((score) => score && socket.emit('score', score)).catch(() => undefined);
    },
  });
  pushScore = (score) => realtime.io.to(designRoom(score.designId)).emit('score', score);
  pushScanProgress = (userId, progress) => realtime.io.to(userRoom(userId)).emit('scan:progress', progress);
  emitTo = (room, event, payload) => realtime.io.to(room).emit(event, payload);
  app.addHook('preClose', async () => realtime.close());
  identity.attachLive({ rooms, io: realtime.io as never });

  const serveClient = (options.serveClient ?? true) && existsSync(join(CLIENT_DIST, 'index.html'));
  if (serveClient) {
    registerClientAssets(app, join(CLIENT_DIST, 'assets'));
    await app.register(fastifyStatic, {
      root: CLIENT_DIST,
      // Serve whatever is in dist now (a rebuild needs no restart); unknown paths fall through to the SPA.
      wildcard: true,
      setHeaders(res) {
        // index.html, the favicon and brand images keep their names across builds: always revalidated.
        // (Vite's hashed files under /assets are served by registerClientAssets, cached for good.)
        res.header('cache-control', 'no-cache');
      },
    });
  }

  let closing: Promise<void> | null = null;
  return {
    app,
    db,
    rooms,
    store,
    fanout,
    metrics,
    scoring,
    instanceId,
    demoLogins,
    events,
    webhooks,
    close() {
      closing ??= (async () => {
        await app.close(); // stops accepting; preClose flushes rooms and closes sockets with 1012
        await webhooks.close();
        await events.close();
        await fanout.close();
        await identity.close();
        if (ownsDb) await db.close();
      })();
      return closing;
    },
  };
}
