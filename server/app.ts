import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { Identity, setHashQueueLimits, setPasswordCost, type AccessBus } from './auth/index.js';
import { InProcessPubSub, RedisConnections, RedisPubSub, type PubSub } from './bus/index.js';
import { BusFanout, DocumentStore, PresenceDirectory, RoomManager, registerCollabRoute, type Fanout } from './collab/index.js';
import type { Config } from './config.js';
import { migrate, openDatabase, type Db } from './db/index.js';
import { AppError } from './errors.js';
import { assertStorableText } from './validation.js';
import { PersonLimits } from './person-limits.js';
import { Metrics } from './metrics.js';
import { registerAssetRoutes } from './routes/assets.js';
import { registerClientAssets } from './routes/client-assets.js';
import { registerListingRoutes } from './routes/listings.js';
import { registerBrandKitRoutes } from './routes/brand-kit.js';
import { LiveAiReview } from './ai/live-review.js';
import { languageModel } from '../shared/compliance/fair-housing/language.js';
import { registerDesignRoutes } from './routes/designs.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerTemplateRoutes } from './routes/templates.js';
import { registerFontRoutes } from './routes/fonts.js';
import { registerThumbnailRoutes } from './routes/thumbnails.js';
import { ThumbnailService } from './thumbnails/index.js';
import { registerScoreRoutes } from './routes/scores.js';
import { attachRealtime, designRoom, reviewersRoom, userRoom } from './realtime/index.js';
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
import { seedDemo, seedDemoListings, type DemoLogin } from './seed/index.js';
import { EventBackbone, analyticsConsumer, emit, type EventTuning } from './events/index.js';
import { WebhookService, type WebhookServiceOptions } from './webhooks/index.js';
import { registerAdminMetricsRoutes } from './routes/admin-metrics.js';
import { registerWebhookRoutes } from './routes/webhooks.js';
import { projectPath } from './paths.js';
import { createMailer, MailService } from './mail/index.js';
import { prepareFirstRun } from './setup/index.js';
import { registerSetupRoutes } from './routes/setup.js';
import { registerProfileRoutes } from './routes/profile.js';
import { registerSso } from './auth/sso.js';
import { secretBoxFromConfig } from './secrets/index.js';

/** Paths that name a static file (a miss is a 404, not the app); tokens with dots stay client routes. */
const STATIC_FILE = /\.(?:js|mjs|css|map|svg|png|jpe?g|webp|gif|ico|woff2?|ttf|json|txt|webmanifest|html)$/i;

const CLIENT_DIST = projectPath('client', 'dist');

export interface BuildOptions {
  /** Use this database instead of opening one from the config (tests share one). */
  db?: Db;
  /** The instances' bus (fan-out, access events, presence) instead of the configured one (tests share an in-process hub). */
  bus?: PubSub;
  /** Use this fan-out instead of the configured one (tests wire instances together in-process). */
  fanout?: Fanout;
  /** Use this access-revocation bus (tests wire instances together in-process). */
  accessBus?: AccessBus;
  /** Event backbone tuning (tests: fast polls and retries; `redisUrl: null` forces in-process delivery). */
  events?: { redisUrl?: string | null; tuning?: Partial<EventTuning>; webhooks?: Partial<Omit<WebhookServiceOptions, 'db' | 'log'>> };
  /** Serve the built client when present (default true). */
  serveClient?: boolean;
  logger?: boolean;
  /** Where log lines go (default stdout as JSON); `npm start` on a terminal passes a pretty printer. */
  logStream?: NodeJS.WritableStream;
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
  /** On an empty database without the demo: the one-time setup token (the link is `/setup#<token>`). */
  setupToken: string | null;
  /** Domain events: outbox relay and consumer groups (analytics, webhooks). */
  events: EventBackbone;
  webhooks: WebhookService;
  /** Outgoing email (SMTP_URL) or, without it, logged links. */
  mail: MailService;
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
    logger: options.logger === false ? false : { level: config.LOG_LEVEL, ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: requestId,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // Slowloris: a request (headers and body) must arrive in time; Node checks every second.
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    http: { requestTimeout: config.REQUEST_TIMEOUT_MS, headersTimeout: Math.min(config.HEADERS_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS), connectionsCheckingInterval: 1_000 },
  });
  const log = app.log;
  setPasswordCost(config.PASSWORD_SCRYPT_LOG_N);
  setHashQueueLimits({ perClient: config.LOGIN_HASH_QUEUE_PER_CLIENT, total: config.LOGIN_HASH_QUEUE_TOTAL });
  const ownsDb = !options.db;
  // The brand fonts' files, parsed once: the overflow rule, thumbnails and exports measure text with them.
  const fontsLoaded = loadBundledFonts();
  const db = options.db ?? (await openDatabase(config));
  await migrate(db);
  await fontsLoaded;
  const demoLogins = config.SEED_DEMO ? await seedDemo(db, config.DEMO_PASSWORD) : null;
  // An empty database without the demo: a one-time setup link (printed by main.ts, nowhere else).
  const setupToken = await prepareFirstRun(db);
  // Only right after seeding the demo (a fresh database), never over a brokerage's real listings.
  if (demoLogins && config.SEED_DEMO_LISTINGS) await seedDemoListings(db, config.DATA_DIR);

  const metrics = new Metrics();
  const store = new DocumentStore(db);
  // Every Redis connection of this instance comes from here (server/bus): one reconnect policy, one
  // state. Redis away is a degraded state: /readyz says so, fan-out pauses, rooms reconcile on return.
  const redis = config.REDIS_URL && !options.fanout && !options.bus ? new RedisConnections(config.REDIS_URL, log) : null;
  if (redis) metrics.watchRedis(() => redis.up);
  const ownsBus = !options.bus;
  const bus: PubSub = options.bus ?? (redis ? new RedisPubSub(redis, (err) => log.warn({ err: err.message }, 'bus message dropped')) : new InProcessPubSub());
  const fanout = options.fanout ?? new BusFanout(instanceId, bus);
  // Live scoring pushes through socket.io, which is attached once the routes exist (below).
  let pushScore: (score: { designId: string }) => void = () => undefined;
  let emitTo: (room: string, event: 'notification' | 'design:event' | 'review:queue', payload: unknown) => void = () => undefined;
  const scoring = new ScoringService({ db, store, log, publish: (score) => pushScore(score) });
  // Links in emails use PUBLIC_URL, else the address this server listens on (known once it listens).
  const baseUrl = () => {
    if (config.PUBLIC_URL) return config.PUBLIC_URL;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    return `http://${config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST}:${port}`;
  };
  const mail = new MailService({ db, mailer: createMailer(config, log), baseUrl, log });
  const notifications = new NotificationService(db, (userId, n) => {
    emitTo(userRoom(userId), 'notification', n);
    mail.notify(userId, n);
  });
  // Room watchers are attached once each room loads (versions and reviews are made once rooms exist).
  let versions: VersionService | null = null;
  let thumbnails: ThumbnailService | null = null;
  let reviews: ReviewService | null = null;
  // Identity: sessions, permissions (incl. the collaboration guard), audit, live revocation.
  const identity = await Identity.create(db, config, { accessBus: options.accessBus, bus, log, mail, notifications });
  const auth = identity.auth;
  // SSO and MLS sync secrets are sealed with SECRETS_KEY (server/secrets).
  const secrets = secretBoxFromConfig(config, log);
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
    maxUnsavedBytes: config.MAX_UNSAVED_BYTES,
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

  // One place at the JSON edge: text PostgreSQL cannot store (NUL, lone surrogates) is a 400, not a 500 later.
  app.addHook('preValidation', async (req) => assertStorableText({ body: req.body, query: req.query, params: req.params }));
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

  registerSetupRoutes(app, { db, auth, secureCookies: identity.secureCookies });
  registerProfileRoutes(app, { db });
  registerSso(app, { db, auth, audit: identity.audit, secrets, privateHosts: config.SSO_PRIVATE_HOSTS, baseUrl, log, secureCookies: identity.secureCookies });
  registerHealthRoutes(app, { db, metrics, redis, metricsAccess: { allow: config.METRICS_ALLOW, token: config.METRICS_TOKEN } });
  const brokerageTemplates = new BrokerageTemplates(db);
  registerDesignRoutes(app, { db, store, rooms, templates: brokerageTemplates, maxDesignsPerMinute: config.MAX_DESIGNS_PER_MINUTE });
  registerTemplateRoutes(app, { db, templates: brokerageTemplates, rooms, store, audit: identity.audit, dataDir: config.DATA_DIR });
  registerBrandKitRoutes(app, { db, audit: identity.audit });
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
  // The live AI pass runs only with a model configured; without one the rule score is the whole score.
  // The Fair Housing language model takes ~0.4 s to load: load it once the server is up, not inside the first edit's score.
  app.addHook('onReady', async () => {
    setImmediate(() => languageModel());
  });
  if (ai.configured) scoring.enableAiReview(new LiveAiReview({ ai, log, debounceMs: config.AI_LIVE_DEBOUNCE_MS, onReady: (designId) => scoring.aiReady(designId) }));
  versions = new VersionService({ db, rooms, store, log });
  reviews = new ReviewService({
    db,
    log,
    scoring,
    versions,
    notifications,
    publish: (brokerageId, designId, status) => {
      emitTo(designRoom(designId), 'design:event', { type: 'status', designId, status });
      emitTo(reviewersRoom(brokerageId), 'review:queue', { designId, status });
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
  const presence = new PresenceDirectory(instanceId, rooms, bus);
  registerPresenceRoutes(app, { db, presence });
  registerSettingsRoutes(app, { db, audit: identity.audit, defaultAiBudgetUsd: config.AI_MONTHLY_BUDGET_USD });
  app.addHook('onClose', async () => presence.close());
  let pushScanProgress: (userId: string, progress: unknown) => void = () => undefined;
  const scans = new ScanService({ db, rooms, store, scoring, log, progress: (userId, p) => pushScanProgress(userId, p) });
  registerScanRoutes(app, { scans });
  // Event backbone: outbox -> Redis Streams (REDIS_URL) or in-process delivery; analytics and webhooks consume it.
  const webhooks = new WebhookService({ db, log, privateHosts: config.WEBHOOK_PRIVATE_HOSTS, ...options.events?.webhooks });
  const events = new EventBackbone({
    db,
    log,
    instanceId,
    redisUrl: options.events?.redisUrl === undefined ? config.REDIS_URL : options.events.redisUrl,
    redisConnections: options.events?.redisUrl === undefined && redis ? redis : undefined,
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
    secrets,
  });
  // Per person on this instance: sockets (collaboration and socket.io together) and designs open at once.
  const personLimits = new PersonLimits({ socketsPerUser: config.MAX_SOCKETS_PER_USER, roomsPerUser: config.MAX_ROOMS_PER_USER });
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
    publicUrl: config.PUBLIC_URL,
    limits: personLimits,
  });

  const realtime = attachRealtime(app, {
    auth,
    redis: redis ?? undefined,
    publicUrl: config.PUBLIC_URL,
    limits: personLimits,
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
    setupToken,
    events,
    webhooks,
    mail,
    close() {
      closing ??= (async () => {
        await app.close(); // stops accepting; preClose flushes rooms and closes sockets with 1012
        await webhooks.close();
        await events.close();
        await fanout.close();
        await identity.close();
        if (ownsBus) await bus.close();
        await redis?.close();
        await mail.close();
        if (ownsDb) await db.close();
      })();
      return closing;
    },
  };
}
