import { afterEach, describe, expect, it } from 'vitest';
import { RedisConnections, type BusLog } from './redis-connections.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Log lines kept for the assertions. */
function recordingLog(): BusLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (_o, msg) => lines.push(`warn ${msg}`), info: (_o, msg) => lines.push(`info ${msg}`), debug: () => undefined };
}

const waitFor = async (check: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let connections: RedisConnections | null = null;
afterEach(async () => {
  await connections?.close();
  connections = null;
});

describe('RedisConnections state', () => {
  it('a client made after start (while Redis is up) is not an outage while it connects', async () => {
    const log = recordingLog();
    connections = new RedisConnections(REDIS_URL, log);
    const states: boolean[] = [];
    connections.onStateChange((up) => states.push(up));
    let reconnected = 0;
    connections.onReconnect(() => reconnected++);
    connections.client('first', 'command');
    await waitFor(() => connections!.up);
    // Later parts of the server make their clients when they start (socket.io's adapter, streams).
    const later = connections.client('later', 'subscriber');
    expect(connections.up).toBe(true);
    await waitFor(() => later.status === 'ready');
    expect(connections.up).toBe(true);
    expect(states).toEqual([true]);
    expect(reconnected).toBe(0);
    expect(log.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
  });
});
