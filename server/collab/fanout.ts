import { EventEmitter } from 'node:events';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { binaryChannel, InProcessHub, InProcessPubSub, type PubSub, type Unsubscribe } from '../bus/index.js';

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
  /** Whether messages reach peers right now. */
  readonly up: boolean;
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
  if (kind === KIND_SINGLE_UPDATE)
    return { kind: 'updates', origin, designId, seq: decoding.readVarUint(d), updates: [decoding.readVarUint8Array(d)] };
  if (kind === KIND.awareness) return { kind: 'awareness', origin, designId, update: decoding.readVarUint8Array(d) };
  if (kind === KIND['awareness-query']) return { kind: 'awareness-query', origin, designId };
  throw new Error(`unknown fan-out message kind ${kind}`);
}

/** One channel per design: binary fan-out messages (the same names as before the bus, for rolling upgrades). */
export const designChannel = binaryChannel<FanoutMessage>('rb:design:', encodeFanoutMessage, decodeFanoutMessage);

/** Fan-out as a channel on the instances' bus (Redis or in-process). */
export class BusFanout implements Fanout {
  private readonly unsubscribers = new Map<string, Unsubscribe>();

  constructor(
    readonly instanceId: string,
    private readonly bus: PubSub,
  ) {}

  get up(): boolean {
    return this.bus.up;
  }

  async subscribe(designId: string, handler: FanoutHandler): Promise<void> {
    await this.unsubscribe(designId);
    this.unsubscribers.set(designId, await this.bus.subscribe(designChannel, designId, handler));
  }

  async unsubscribe(designId: string): Promise<void> {
    const off = this.unsubscribers.get(designId);
    this.unsubscribers.delete(designId);
    await off?.();
  }

  publish(message: FanoutMessage): void {
    this.bus.publish(designChannel, message.designId, message);
  }

  onReconnect(listener: () => void): void {
    this.bus.onReconnect(listener);
  }

  async close(): Promise<void> {
    for (const id of [...this.unsubscribers.keys()]) await this.unsubscribe(id);
  }
}

/**
 * In-process fan-out: instances that share one hub (tests run several in one
 * process) hear each other; a lone instance has no peers and publishes to nobody.
 */
export class InProcessFanout extends BusFanout {
  constructor(instanceId: string, hub: EventEmitter = new InProcessHub()) {
    super(instanceId, new InProcessPubSub(hub));
  }
}
