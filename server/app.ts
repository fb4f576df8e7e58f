/**
 * The server as Fastify plugins, in load order (server/plugins/, one file per part). Each plugin
 * decorates the root instance with what it makes (typed by declaration merging in its file) and
 * names the plugins it needs (fastify-plugin `dependencies`: a wrong order fails at start):
 *
 *   core → database → bus → realtime (`app.notify`) → collab (`app.rooms`) → inbox → licenses → identity (hooks)
 *   → scoring, review, events (services; room extensions join with `app.rooms.use`)
 *   → routes → listings → thumbnails → sockets (/collab and socket.io) → client
 *
 * Shutdown runs the other way: preClose flushes rooms and closes sockets, then every plugin's
 * onClose in reverse order of registration (the database we opened last).
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AccessBus } from './auth/index.js';
import type { PubSub } from './bus/index.js';
import type { DocumentStore, Fanout, RoomManager } from './collab/index.js';
import type { Config } from './config.js';
import type { Db } from './db/index.js';
import type { EventBackbone } from './events/index.js';
import type { MailService } from './mail/index.js';
import type { Metrics } from './metrics.js';
import { bus } from './plugins/bus.js';
import { client } from './plugins/client.js';
import { collab } from './plugins/collab.js';
import { core, requestId } from './plugins/core.js';
import { database } from './plugins/database.js';
import { events, type EventsOptions } from './plugins/events.js';
import { identity } from './plugins/identity.js';
import { inbox } from './plugins/inbox.js';
import { licenses } from './plugins/licenses.js';
import { realtime } from './plugins/realtime.js';
import { review } from './plugins/review.js';
import { adminRoutes, designRoutes, healthRoutes, identityRoutes, listingRoutes } from './plugins/routes.js';
import { scoring } from './plugins/scoring.js';
import { sockets } from './plugins/sockets.js';
import { thumbnails } from './plugins/thumbnails.js';
import type { ScoringService } from './scoring/index.js';
import type { DemoLogin } from './seed/index.js';
import type { WebhookService } from './webhooks/index.js';

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
  events?: EventsOptions;
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

/** Builds the whole server in-process: database, rooms, routes. Nothing listens until `app.listen`. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<RealBrandApp> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL, ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: requestId,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // Opening and migrating the database (PGlite's cold start, a large migration) takes what it takes.
    pluginTimeout: 0,
    // Slowloris: a request (headers and body) must arrive in time; Node checks every second.
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    http: {
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      headersTimeout: Math.min(config.HEADERS_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: 1_000,
    },
  });

  await app.register(core, { config, instanceId: config.INSTANCE_ID ?? randomUUID() });
  await app.register(database, { db: options.db });
  await app.register(bus, { bus: options.bus, fanout: options.fanout });
  await app.register(realtime);
  await app.register(collab);
  await app.register(inbox);
  await app.register(licenses);
  await app.register(identity, { accessBus: options.accessBus });
  await app.register(scoring);
  await app.register(review);
  await app.register(events, options.events ?? {});
  await app.register(healthRoutes);
  await app.register(identityRoutes);
  await app.register(designRoutes);
  await app.register(adminRoutes);
  await app.register(listingRoutes);
  await app.register(thumbnails);
  await app.register(sockets);
  await app.register(client, { serveClient: options.serveClient });
  await app.ready();

  let closing: Promise<void> | null = null;
  return {
    app,
    db: app.db,
    rooms: app.rooms,
    store: app.store,
    fanout: app.fanout,
    metrics: app.metrics,
    scoring: app.scoring,
    instanceId: app.instanceId,
    demoLogins: app.demoLogins,
    setupToken: app.setupToken,
    events: app.events,
    webhooks: app.webhooks,
    mail: app.mail,
    close() {
      // preClose flushes rooms and closes sockets with 1012; onClose hooks then close what each plugin opened.
      closing ??= app.close();
      return closing;
    },
  };
}
