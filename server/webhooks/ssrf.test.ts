import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../shared/events/index.js';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { waitFor } from '../test-support/server.js';
import { quietLog as quiet, startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';
import { checkWebhookUrl, WebhookService } from './service.js';

/**
 * Webhooks are an SSRF surface an admin controls: the URL may name (or resolve to) the cloud
 * metadata service, loopback or the private network. They go through the same resolve, check,
 * connect guard as listing photos, and the delivery log keeps only coarse error classes.
 */

describe('webhook URLs at creation', () => {
  const refused = [
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:7f00:1]:5432/',
    'http://169.254.169.254/',
    'http://127.0.0.1:6379/',
    'http://10.1.2.3/hook',
    'http://192.168.1.10/hook',
    'http://[::1]/hook',
    'http://[fe80::1]/hook',
    'http://0x7f.1/hook',
    'http://2130706433/hook',
  ];
  for (const url of refused) {
    it(`refuses ${url}`, () => {
      expect(checkWebhookUrl(url).ok).toBe(false);
    });
  }
  it('accepts a public receiver, and a private one on the allow-list', () => {
    expect(checkWebhookUrl('https://crm.example.com/hooks/realbrand').ok).toBe(true);
    expect(checkWebhookUrl('http://10.1.2.3:8080/hook', ['10.1.2.3:8080']).ok).toBe(true);
  });
});

describe('webhook deliveries', () => {
  let pg: TestDatabase;
  let db: Db;
  let receiver: WebhookReceiver;
  let port: number;
  let service: WebhookService;

  beforeAll(async () => {
    pg = await freshPostgres();
    db = await pg.open();
    await migrate(db);
    await designRows(db, 'ssrf');
    receiver = await startWebhookReceiver();
    port = receiver.port;
    // Only the unused port 1 on loopback is allow-listed (to see a refused connection's log entry).
    service = new WebhookService({
      db,
      log: quiet,
      pollMs: 20,
      idlePollMs: 200,
      retry: { baseMs: 20, maxMs: 40, maxDeliveries: 1 },
      timeoutMs: 2_000,
      privateHosts: ['127.0.0.1:1'],
    });
    service.start();
  });
  afterAll(async () => {
    await service?.close();
    receiver?.close();
    await pg?.drop();
  });

  async function deliverTo(url: string): Promise<{ status: string; lastError: string | null }> {
    const { webhook } = await service.create('ssrf-b', 'ssrf-u', { url, events: ['design.created'] });
    const event = createEvent('design.created', {
      brokerageId: 'ssrf-b',
      payload: { designId: 'd1', kind: 'flyer', ownerId: 'ssrf-u', templateId: null, title: 'x' },
    });
    await db.transaction((tx) => service.consumer().handle(event, tx));
    const done = await waitFor(
      async () => (await service.deliveries('ssrf-b', webhook.id)).find((d) => d.status !== 'pending'),
      10_000,
      'the delivery to settle',
    );
    await service.update('ssrf-b', webhook.id, { active: false });
    return { status: done.status, lastError: done.lastError };
  }

  it('a host name with a trailing dot that resolves to loopback is refused, and nothing is sent', async () => {
    const before = receiver.received.length;
    const result = await deliverTo(`http://localhost.:${port}/hook`);
    expect(result.status).toBe('failed');
    expect(result.lastError).toBe('address not allowed');
    expect(receiver.received.length).toBe(before);
  });

  it('the delivery log says what kind of failure, not the network details', async () => {
    const result = await deliverTo('http://127.0.0.1:1/hook');
    expect(result.status).toBe('failed');
    expect(result.lastError).toBe('connection failed');
    expect(result.lastError).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|:1\b/);
  });
});
