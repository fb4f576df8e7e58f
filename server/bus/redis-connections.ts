import { EventEmitter } from 'node:events';
import { Redis, type Command } from 'ioredis';

export interface BusLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/**
 * How a client behaves while Redis is away:
 * - `command`: fails fast (no offline queue, one try per command): callers have the truth elsewhere and retry or reconcile.
 * - `subscriber`: SUBSCRIBE and friends wait for the link (offline queue, no retry limit); channels are re-subscribed on reconnect.
 */
export type RedisRole = 'command' | 'subscriber';

/** One reconnect policy for every client: quick at first (Redis is local to the deployment), then once a second. */
export const retryStrategy = (times: number) => Math.min(50 * 2 ** Math.min(times, 5), 1_000);

/**
 * A client whose commands can never reject into nothing: every command's promise gets
 * a handler here, so a caller that ignores it (socket.io's Redis adapter publishes
 * without one) no longer ends the process with an unhandled rejection. Callers that
 * await a command still see its error.
 */
class GuardedRedis extends Redis {
  droppedCommands = 0;

  override sendCommand(command: Command, stream?: Parameters<Redis['sendCommand']>[1]): unknown {
    const result = super.sendCommand(command, stream);
    command.promise.catch(() => {
      this.droppedCommands++;
    });
    return result;
  }
}

/**
 * The only place Redis clients are made. Every client gets the same reconnect policy
 * and error handling, and their joint state is what the rest of the server calls
 * "Redis": up when every client is connected, with a `reconnected` event after a loss.
 * Errors are logged once per outage and client, not once per retry.
 */
export class RedisConnections {
  private readonly clients = new Set<GuardedRedis>();
  /** Clients that have been connected at least once, and clients whose link failed since they were last connected. */
  private readonly connectedOnce = new WeakSet<GuardedRedis>();
  private readonly failing = new WeakSet<GuardedRedis>();
  private readonly events = new EventEmitter();
  private wasUp = false;
  private everUp = false;
  private lastError = '';
  private warnedAtStart = false;
  private downSince = 0;
  private closed = false;

  constructor(
    readonly url: string,
    private readonly log: BusLog,
  ) {
    this.events.setMaxListeners(0);
  }

  /** A new client; `name` shows in logs and in CLIENT LIST. */
  client(name: string, role: RedisRole): Redis {
    if (this.closed) throw new Error('redis connections are closed');
    const options = {
      connectionName: `realbrand:${name}`,
      retryStrategy,
      ...(role === 'command'
        ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
        : { enableOfflineQueue: true, maxRetriesPerRequest: null as number | null, autoResubscribe: true }),
    };
    const client = new GuardedRedis(this.url, options);
    this.clients.add(client);
    let reported = false;
    client.on('error', (err: Error) => {
      this.lastError = err.message;
      this.failing.add(client);
      if (!this.everUp && !this.warnedAtStart) {
        this.warnedAtStart = true;
        this.log.warn({ err: err.message }, 'redis unavailable at start; running degraded');
      }
      if (reported) return;
      reported = true;
      this.log.debug({ client: name, err: err.message }, 'redis client error');
    });
    client.on('ready', () => {
      reported = false;
      this.connectedOnce.add(client);
      this.failing.delete(client);
      this.refresh();
    });
    for (const event of ['close', 'reconnecting'] as const) client.on(event, () => this.refresh());
    client.on('end', () => {
      this.clients.delete(client);
      this.refresh();
    });
    return client;
  }

  /**
   * Every client connected (false before the first connection). Once Redis has been reached, a
   * client made later (parts of the server make theirs as they start) is not an outage while it
   * connects for the first time; it is one if its link fails, or once it has been connected and lost it.
   */
  get up(): boolean {
    if (this.clients.size === 0) return this.everUp && !this.closed;
    for (const c of this.clients) {
      if (c.status === 'ready') continue;
      const firstConnect = this.everUp && !this.connectedOnce.has(c) && !this.failing.has(c);
      if (!firstConnect) return false;
    }
    return true;
  }

  /** Commands that failed (Redis away) since start, over every live client. */
  get droppedCommands(): number {
    let n = 0;
    for (const c of this.clients) n += c.droppedCommands;
    return n;
  }

  onStateChange(listener: (up: boolean) => void): void {
    this.events.on('state', listener);
  }

  /** Every client is back after a loss. */
  onReconnect(listener: () => void): void {
    this.events.on('reconnected', listener);
  }

  private refresh(): void {
    const up = this.up;
    if (up === this.wasUp) return;
    this.wasUp = up;
    // One line per outage for all clients, not one per client and retry.
    if (!up && this.everUp && !this.closed) {
      this.downSince = Date.now();
      this.log.warn({ err: this.lastError || undefined }, 'redis unavailable; running degraded');
    } else if (up && this.everUp) this.log.info({ downMs: Date.now() - this.downSince }, 'redis connection restored');
    this.events.emit('state', up);
    if (up && this.everUp) this.events.emit('reconnected');
    if (up) this.everUp = true;
  }

  /** Disconnects one client made here (it stops counting towards the state). */
  release(client: Redis): void {
    this.clients.delete(client as GuardedRedis);
    client.disconnect();
    this.refresh();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const c of this.clients) c.disconnect();
    this.clients.clear();
    this.events.removeAllListeners();
  }
}
