import { afterAll, beforeAll, describe, it } from 'vitest';
import { createEvent } from '../../shared/events/index.js';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { waitFor } from '../test-support/server.js';
import { quietLog as quiet, startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { WebhookService } from './service.js';

describe('webhook dispatcher', () => {
  let pg: TestDatabase;
  let db: Db;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    pg = await freshPostgres();
    db = await pg.open();
    await migrate(db);
    await designRows(db, 'wh');
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    receiver.close();
    await pg.drop();
  });

  it('a new delivery wakes it at once, though it polls only once a minute', async () => {
    const service = new WebhookService({ db, log: quiet, pollMs: 60_000, idlePollMs: 60_000, privateHosts: ['127.0.0.1'] });
    const url = `http://127.0.0.1:${receiver.port}/hook`;
    await service.create('wh-b', 'wh-u', { url, events: ['design.created'] });
    service.start();
    await new Promise((r) => setTimeout(r, 200)); // past its first round: asleep now
    const event = createEvent('design.created', {
      brokerageId: 'wh-b',
      payload: { designId: 'd1', kind: 'flyer', ownerId: 'wh-u', templateId: null, title: 'x' },
    });
    await db.transaction((tx) => service.consumer().handle(event, tx));
    await waitFor(() => receiver.received.some((b) => b.includes(event.id)), 10_000, 'the delivery');
    await service.close();
  });
});
