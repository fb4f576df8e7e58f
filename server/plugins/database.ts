/** The database, migrated, with the demo or the first-run setup token; fonts load meanwhile. */
import fp from 'fastify-plugin';
import { migrate, openDatabase, type Db } from '../db/index.js';
import { loadBundledFonts } from '../render/index.js';
import { BrokerageRepository } from '../repos/index.js';
import { seedDemo, seedDemoListings, type DemoLogin } from '../seed/index.js';
import { prepareFirstRun } from '../setup/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** The demo's log-ins when the demo was seeded (a fresh database with SEED_DEMO). */
    demoLogins: DemoLogin[] | null;
    /** On an empty database without the demo: the one-time setup token (the link is `/setup#<token>`). */
    setupToken: string | null;
  }
}

export const database = fp<{ db?: Db }>(
  async (app, opts) => {
    const config = app.config;
    // The brand fonts' files, parsed once: the overflow rule, thumbnails and exports measure text with them.
    const fontsLoaded = loadBundledFonts();
    const db = opts.db ?? (await openDatabase(config, { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) }));
    // A database we opened is ours to close, last of all (onClose hooks run in reverse order).
    if (!opts.db) app.addHook('onClose', async () => db.close());
    await migrate(db);
    await fontsLoaded;
    const demoLogins = config.SEED_DEMO ? await seedDemo(db, config.DEMO_PASSWORD) : null;
    // SEED_DEMO=false only keeps the demo from being created (second instances of a cluster start with it too), so
    // demo brokerages from an earlier start stay as they are: say so, since their password is published.
    if (!config.SEED_DEMO) {
      const on = (await new BrokerageRepository(db).demoBrokerages()).filter((b) => !b.switchedOff);
      if (on.length)
        app.log.warn(
          `demo brokerages ${on.map((b) => b.name).join(', ')} are on (published password): switch them off with npm run admin -- demo off`,
        );
    }
    // An empty database without the demo: a one-time setup link (printed by main.ts, nowhere else).
    const setupToken = await prepareFirstRun(db);
    // Only right after seeding the demo (a fresh database), never over a brokerage's real listings.
    if (demoLogins && config.SEED_DEMO_LISTINGS) await seedDemoListings(db, config.DATA_DIR);
    app.decorate('db', db);
    app.decorate('demoLogins', demoLogins);
    app.decorate('setupToken', setupToken);
  },
  { name: 'database', dependencies: ['core'], fastify: '5.x' },
);
