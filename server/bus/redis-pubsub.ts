import type { Redis } from 'ioredis';
import type { Channel, PubSub, Unsubscribe } from './pubsub.js';
import { wireName } from './pubsub.js';
import type { RedisConnections } from './redis-connections.js';

/**
 * The bus over Redis pub/sub: one publishing client (fails fast while Redis is away:
 * the message is dropped) and one subscribing client (its subscriptions wait for the
 * link and come back with it). Binary messages as they are.
 */
export class RedisPubSub implements PubSub {
  readonly kind = 'redis' as const;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<(bytes: Uint8Array) => void>>();
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly stateListeners: Array<(up: boolean) => void> = [];
  private wasUp = false;
  private everUp = false;
  private closed = false;

  constructor(
    private readonly connections: RedisConnections,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {
    this.pub = connections.client('bus-publish', 'command');
    this.sub = connections.client('bus-subscribe', 'subscriber');
    for (const c of [this.pub, this.sub]) for (const event of ['ready', 'close', 'end'] as const) c.on(event, () => this.refresh());
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const set = this.handlers.get(channel.toString());
      if (set) for (const h of set) h(message);
    });
  }

  get up(): boolean {
    return !this.closed && this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  private refresh(): void {
    const up = this.up;
    if (up === this.wasUp) return;
    this.wasUp = up;
    for (const l of this.stateListeners) l(up);
    if (!up) return;
    if (!this.everUp) {
      this.everUp = true;
      return;
    }
    // Every channel we hold, subscribed again for sure (autoResubscribe covers those the client
    // knew; this also covers any made while the link was down), then the listeners reconcile.
    const names = [...this.handlers.keys()];
    const resubscribed = names.length ? this.sub.subscribe(...names).catch((err: Error) => this.onError(err)) : Promise.resolve();
    void resubscribed.then(() => {
      if (this.up) for (const l of this.reconnectListeners) l();
    });
  }

  publish<T>(channel: Channel<T>, topic: string, message: T): void {
    if (!this.up) return; // at most once: dropped, the receivers reconcile on reconnect
    let bytes: Uint8Array;
    try {
      bytes = channel.encode(message);
    } catch (err) {
      this.onError(err as Error);
      return;
    }
    this.pub
      .publish(wireName(channel as Channel<unknown>, topic), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      .catch((err: Error) => this.onError(err));
  }

  async subscribe<T>(channel: Channel<T>, topic: string, handler: (message: T) => void): Promise<Unsubscribe> {
    const name = wireName(channel as Channel<unknown>, topic);
    const listener = (bytes: Uint8Array) => {
      let message: T;
      try {
        message = channel.decode(bytes);
      } catch (err) {
        this.onError(err as Error);
        return;
      }
      handler(message);
    };
    let set = this.handlers.get(name);
    const first = !set;
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(listener);
    if (first) {
      const subscribed = this.sub.subscribe(name).catch((err: Error) => this.onError(err));
      // While the link is down the SUBSCRIBE waits in the client's queue; don't hold the caller.
      if (this.up) await subscribed;
    }
    return async () => {
      const current = this.handlers.get(name);
      if (!current?.delete(listener) || current.size > 0) return;
      this.handlers.delete(name);
      const done = this.sub.unsubscribe(name).catch((err: Error) => this.onError(err));
      if (this.up) await done;
    };
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  onStateChange(listener: (up: boolean) => void): void {
    this.stateListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    // Closing is not an outage: nobody is told the link went down.
    this.stateListeners.length = 0;
    this.reconnectListeners.length = 0;
    this.connections.release(this.pub);
    this.connections.release(this.sub);
  }
}
