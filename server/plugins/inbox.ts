/** Outgoing email and the in-app inbox (delivered live through `app.notify` and by email). */
import fp from 'fastify-plugin';
import { createMailer, MailService } from '../mail/index.js';
import { NotificationService } from '../review/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Outgoing email (SMTP_URL) or, without it, logged links. */
    mail: MailService;
    notifications: NotificationService;
    /** This server's address for links people follow (PUBLIC_URL, else where it listens). */
    baseUrl: () => string;
  }
}

export const inbox = fp(
  async (app) => {
    const { config } = app;
    // Links in emails use PUBLIC_URL, else the address this server listens on (known once it listens).
    const baseUrl = () => {
      if (config.PUBLIC_URL) return config.PUBLIC_URL;
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      return `http://${config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST}:${port}`;
    };
    const mail = new MailService({ db: app.db, mailer: createMailer(config, app.log), baseUrl, log: app.log });
    app.addHook('onClose', async () => mail.close());
    const notifications = new NotificationService(app.db, (userId, n) => {
      app.notify.user(userId, 'notification', n);
      mail.notify(userId, n);
    });
    app.decorate('baseUrl', baseUrl);
    app.decorate('mail', mail);
    app.decorate('notifications', notifications);
  },
  { name: 'inbox', dependencies: ['database', 'realtime'], fastify: '5.x' },
);
