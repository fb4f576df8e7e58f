import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** What instances tell each other about one design. */
export type FanoutMessage =
  /** Log rows seq, seq+1, … (one write's consecutive rows, one update each). */
  | { kind: 'updates'; origin: string; designId: string; seq: number; updates: Uint8Array[] }
  | { kind: 'awareness'; origin: string; designId: string; update: Uint8Array }
  | { kind: 'awareness-query'; origin: string; designId: string };

export type FanoutHandler = (message: FanoutMessage) => void;

/** Delivery of document updates and presence between server instances. */
export interface Fanout {
  readonly instanceId: string;
  subscribe(designId: string, handler: FanoutHandler): Promise<void>;
  unsubscribe(designId: string): Promise<void>;
  /** Fire and forget: a lost message is recovered by sequence-gap backfill from the database. */
  publish(message: FanoutMessage): void;
  /** Called whenever the link to peers comes back after a loss (time to reconcile). */
  onReconnect(listener: () => void): void;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

// Kind 0 was one row per message; instances still sending it during a rolling upgrade are read as runs of one.
const KIND = { awareness: 1, 'awareness-query': 2, updates: 3 } as const;
const KIND_SINGLE_UPDATE = 0;

/**
 * Binary layout: varuint kind, varstring origin, varstring designId, then for
 * `updates` varuint seq, varuint count and count × varUint8Array; for `awareness`
 * one varUint8Array.
 */
export function encodeFanoutMessage(m: FanoutMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, KIND[m.kind]);
  encoding.writeVarString(e, m.origin);
  encoding.writeVarString(e, m.designId);
  if (m.kind === 'updates') {
    encoding.writeVarUint(e, m.seq);
    encoding.writeVarUint(e, m.updates.length);
    for (const u of m.updates) encoding.writeVarUint8Array(e, u);
  } else if (m.kind === 'awareness') {
    encoding.writeVarUint8Array(e, m.update);
  }
  return encoding.toUint8Array(e);
}

export function decodeFanoutMessage(bytes: Uint8Array): FanoutMessage {
  const d = decoding.createDecoder(bytes);
  const kind = decoding.readVarUint(d);
  const origin = decoding.readVarString(d);
  const designId = decoding.readVarString(d);
  if (kind === KIND.updates) {
    const seq = decoding.readVarUint(d);
    const count = decoding.readVarUint(d);
    // Each update takes at least one byte: a count beyond what is left is corrupt.
    if (count === 0 || count > bytes.length) throw new Error(`bad fan-out update count ${count}`);
    const updates: Uint8Array[] = [];
    for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(d));
    return { kind: 'updates', origin, designId, seq, updates };
  }
  if (kind === KIND_SINGLE_UPDATE) return { kind: 'updates', origin, designId, seq: decoding.readVarUint(d), updates: [decoding.readVarUint8Array(d)] };
  if (kind === KIND.awareness) return { kind: 'awareness', origin, designId, update: decoding.readVarUint8Array(d) };
  if (kind === KIND['awareness-query']) return { kind: 'awareness-query', origin, designId };
  throw new Error(`unknown fan-out message kind ${kind}`);
}

/**
 * In-process fan-out: instances that share one bus (tests run several in one
 * process) hear each other; a lone instance has no peers and publishes to nobody.
 */
export class InProcessFanout implements Fanout {
  private readonly handlers = new Map<string, FanoutHandler>();

  constructor(
    readonly instanceId: string,
    private readonly bus: EventEmitter = new EventEmitter(),
  ) {
    bus.setMaxListeners(0);
  }

  async subscribe(designId: string, handler: FanoutHandler): Promise<void> {
    await this.unsubscribe(designId);
    const listener = (bytes: Uint8Array) => handler(decodeFanoutMessage(bytes));
    this.handlers.set(designId, listener as unknown as FanoutHandler);
    this.bus.on(designId, listener);
  }

  async unsubscribe(designId: string): Promise<void> {
    const listener = this.handlers.get(designId);
    if (listener) this.bus.off(designId, listener as never);
    this.handlers.delete(designId);
  }

  publish(message: FanoutMessage): void {
    // Only other instances on the bus need it (our own handler ignores our messages); a lone instance skips the work.
    if (this.bus.listenerCount(message.designId) <= (this.handlers.has(message.designId) ? 1 : 0)) return;
    // Encoded like the Redis path so both are exercised the same way; delivered asynchronously like a network.
    const bytes = encodeFanoutMessage(message);
    queueMicrotask(() => this.bus.emit(message.designId, bytes));
  }

  onReconnect(): void {}

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    for (const id of [...this.handlers.keys()]) await this.unsubscribe(id);
  }
}

const channelOf = (designId: string) => `rb:design:${designId}`;

/** Fan-out over Redis pub/sub: one channel per design, binary messages. */
export class RedisFanout implements Fanout {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, FanoutHandler>();
  private readonly reconnectListeners: Array<() => void> = [];
  private everReady = false;

  constructor(
    readonly instanceId: string,
    url: string,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {
    const common = {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      // Reconnect quickly (Redis is local to the deployment); the reconnect triggers a catch-up from the log.
      retryStrategy: (times: number) => Math.min(50 * 2 ** times, 300),
    };
    // Publishing while disconnected fails fast: peers recover the gap from the database.
    this.pub = new Redis(url, { ...common, enableOfflineQueue: false });
    this.sub = new Redis(url, { ...common, autoResubscribe: true });
    for (const client of [this.pub, this.sub]) client.on('error', (err: Error) => this.onError(err));
    // Back once both links are: presence re-announced while `pub` is still reconnecting would be dropped.
    const onReady = () => {
      if (this.pub.status !== 'ready' || this.sub.status !== 'ready') return;
      if (this.everReady) for (const l of this.reconnectListeners) l();
      this.everReady = true;
    };
    this.pub.on('ready', onReady);
    this.sub.on('ready', onReady);
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const designId = channel.toString().slice('rb:design:'.length);
      const handler = this.handlers.get(designId);
      if (!handler) return;
      let decoded: FanoutMessage;
      try {
        decoded = decodeFanoutMessage(message);
      } catch (err) {
        this.onError(err as Error);
        return;
      }
      handler(decoded);
    });
  }

  async subscribe(designId: string, handler: FanoutHandler): Promise<void> {
    this.handlers.set(designId, handler);
    try {
      await this.sub.subscribe(channelOf(designId));
    } catch (err) {
      // Redis is down: autoResubscribe only covers channels it knew, so the
      // reconnect handler's reconcile plus resubscribe below covers the rest.
      this.onError(err as Error);
    }
  }

  async unsubscribe(designId: string): Promise<void> {
    this.handlers.delete(designId);
    await this.sub.unsubscribe(channelOf(designId)).catch(() => undefined);
  }

  publish(message: FanoutMessage): void {
    if (this.pub.status !== 'ready') return;
    this.pub.publish(channelOf(message.designId), Buffer.from(encodeFanoutMessage(message))).catch((err: Error) => this.onError(err));
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(() => {
      // Make sure every design we hold is subscribed (a subscribe that failed while Redis was down is retried here).
      const ids = [...this.handlers.keys()];
      const resubscribe = ids.length ? this.sub.subscribe(...ids.map(channelOf)).catch((err: Error) => this.onError(err)) : Promise.resolve();
      void resubscribe.then(listener);
    });
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
