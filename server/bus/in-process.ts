import { EventEmitter } from 'node:events';
import type { Channel, PubSub, Unsubscribe } from './pubsub.js';
import { wireName } from './pubsub.js';

const LINK = Symbol('rb:link');

/**
 * What several in-process buses share (tests run several instances in one process).
 * A plain EventEmitter works as a hub; `InProcessHub` can also cut the link, as a
 * Redis outage would, so the same recovery paths run without a Redis server.
 */
export class InProcessHub extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }

  cut(): void {
    this.emit(LINK, false);
  }

  restore(): void {
    this.emit(LINK, true);
  }
}

/**
 * The bus within one process: messages are encoded and decoded as on Redis and
 * delivered asynchronously, like a network.
 */
export class InProcessPubSub implements PubSub {
  readonly kind = 'in-process' as const;
  private linkUp = true;
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly stateListeners: Array<(up: boolean) => void> = [];
  private readonly listeners = new Map<string, Set<(bytes: Uint8Array) => void>>();
  private readonly onLink = (up: boolean) => {
    if (up === this.linkUp) return;
    this.linkUp = up;
    for (const l of this.stateListeners) l(up);
    if (up) for (const l of this.reconnectListeners) l();
  };

  constructor(
    private readonly hub: EventEmitter = new InProcessHub(),
    private readonly onError: (err: Error) => void = () => undefined,
  ) {
    hub.setMaxListeners(0);
    hub.on(LINK, this.onLink);
  }

  get up(): boolean {
    return this.linkUp;
  }

  publish<T>(channel: Channel<T>, topic: string, message: T): void {
    if (!this.linkUp) return;
    const name = wireName(channel as Channel<unknown>, topic);
    if (this.hub.listenerCount(name) === 0) return; // nobody listens: skip the encoding
    const bytes = channel.encode(message);
    queueMicrotask(() => this.hub.emit(name, bytes));
  }

  async subscribe<T>(channel: Channel<T>, topic: string, handler: (message: T) => void): Promise<Unsubscribe> {
    const name = wireName(channel as Channel<unknown>, topic);
    const listener = (bytes: Uint8Array) => {
      // A message in flight when the link dropped is lost, as on a network.
      if (!this.linkUp) return;
      let message: T;
      try {
        message = channel.decode(bytes);
      } catch (err) {
        this.onError(err as Error);
        return;
      }
      handler(message);
    };
    this.hub.on(name, listener);
    const mine = this.listeners.get(name) ?? new Set();
    mine.add(listener);
    this.listeners.set(name, mine);
    return async () => {
      this.hub.off(name, listener);
      mine.delete(listener);
      if (mine.size === 0) this.listeners.delete(name);
    };
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  onStateChange(listener: (up: boolean) => void): void {
    this.stateListeners.push(listener);
  }

  async close(): Promise<void> {
    for (const [name, set] of this.listeners) for (const l of set) this.hub.off(name, l);
    this.listeners.clear();
    this.hub.off(LINK, this.onLink);
    this.stateListeners.length = 0;
    this.reconnectListeners.length = 0;
  }
}
