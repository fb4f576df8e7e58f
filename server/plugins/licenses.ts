/** License expiry: the dashboard's list and the daily notices (checked at start, then daily; the timer stops on close). */
import fp from 'fastify-plugin';
import { LicenseExpiry } from '../licenses/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    licenseExpiry: LicenseExpiry;
  }
}

export const licenses = fp(
  async (app) => {
    const licenseExpiry = new LicenseExpiry({ db: app.db, notifications: app.notifications, log: app.log });
    app.decorate('licenseExpiry', licenseExpiry);
    // Started once the server is ready (migrations ran); several instances may all run it: the notices table sends each once.
    app.addHook('onReady', async () => licenseExpiry.start());
    app.addHook('onClose', async () => licenseExpiry.stop());
  },
  { name: 'licenses', dependencies: ['database', 'inbox'], fastify: '5.x' },
);
