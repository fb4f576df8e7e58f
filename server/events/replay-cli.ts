/**
 * Operator tool: rebuild a consumer group's projection by replaying the outbox
 * from a point in time, against the configured database.
 *
 *   npx tsx server/events/replay-cli.ts analytics 2026-01-01
 *   npx tsx server/events/replay-cli.ts --dead-letters [group]
 *
 * Safe while servers run: deliveries that arrive meanwhile are not applied twice.
 */
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/index.js';
import { WebhookService } from '../webhooks/index.js';
import { EventBackbone } from './backbone.js';
import { analyticsConsumer } from './analytics.js';

async function main(): Promise<void> {
  const [first, second] = process.argv.slice(2);
  const config = loadConfig();
  const db = await openDatabase(config);
  const log = { warn: console.warn, error: console.error, info: console.log, debug: () => undefined };
  try {
    await migrate(db);
    const consumers = [analyticsConsumer(), new WebhookService({ db, log }).consumer()];
    // Not started: replay and dead-letter listing need no transport.
    const bus = new EventBackbone({ db, log, consumers, redisUrl: null });
    if (first === '--dead-letters') {
      console.table(await bus.deadLetters(second));
      return;
    }
    if (!first || !second || Number.isNaN(Date.parse(second))) {
      console.error(
        `usage: replay-cli.ts <group: ${consumers.map((c) => c.group).join(' | ')}> <since: ISO date>  |  --dead-letters [group]`,
      );
      process.exitCode = 2;
      return;
    }
    if (first === 'webhooks') console.warn('Replaying the webhooks group queues deliveries again for every event since then.');
    const result = await bus.replay(first, new Date(second));
    console.log(
      `replayed ${result.replayed} events to ${first} from ${result.from}${result.failed ? `; ${result.failed} failed (dead-lettered)` : ''}`,
    );
  } finally {
    await db.close();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
