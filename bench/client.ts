/**
 * A raw y-websocket client for load: `ws` + lib0 framing, much cheaper than a
 * full WebsocketProvider. It speaks the protocol like the stock client does
 * (sync step 1 on open, step 2 in reply to the server's step 1, an awareness
 * state on open) and, with `?ack=1`, counts its document-changing messages
 * the way our durable-ack contract expects.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncMessageType } from '../shared/index.js';

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

const FROM_SERVER = Symbol('server');

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

const syncFrame = (sub: number, payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, payload);
  });

/** An awareness update with one client's state, as y-protocols encodes it. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  });
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, inner);
  });
}

/**
 * The bench timestamp carried by an edit (a number set into the `bench` map), if
 * any. `exceptKey` skips one client's own stamp (the stock server echoes edits
 * back to their sender; ours does not).
 */
export function stampOf(update: Uint8Array, exceptKey?: string): number | undefined {
  const { structs } = Y.decodeUpdate(update);
  for (const s of structs) {
    if (s instanceof Y.Item && s.content instanceof Y.ContentAny && s.parentSub !== exceptKey) {
      const v = s.content.arr[0];
      if (typeof v === 'number') return v;
    }
  }
  return undefined;
}

export interface ClientOptions {
  wsUrl: string;
  designId: string;
  token: string;
  ack?: boolean;
  /** Keep a full Y.Doc in step with the server (initial sync and every update). */
  applyAll?: boolean;
  /** Apply the initial sync to the doc (so edits can target existing objects), but not later updates. */
  applyInitial?: boolean;
  /** Called with (receive time − stamp) for each stamped update from others. */
  onLatency?: (ms: number) => void;
  /** Called with (ack time − send time) for each acknowledged edit. */
  onAck?: (ms: number) => void;
  name?: string;
}

export class BenchClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly openedAt = nowMs();
  firstMessageAt = 0;
  syncedAt = 0;
  closed = false;
  closeCode = 0;
  /** Document-changing messages sent (sync step 2 + update), as the server counts them. */
  changesSent = 0;
  acked = 0;
  /** Send time per change (NaN for handshake messages, which are not edits). */
  private readonly sentAt: number[] = [];
  private readonly synced: Promise<void>;
  private editSeq = 0;

  constructor(readonly opts: ClientOptions) {
    const params = new URLSearchParams({ token: opts.token });
    if (opts.ack) params.set('ack', '1');
    this.ws = new WebSocket(`${opts.wsUrl}/collab/${opts.designId}?${params}`, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      this.sendChange(syncFrame(SyncMessageType.update, update), nowMs());
    });
    this.synced = new Promise((resolve, reject) => {
      this.ws.on('open', () => {
        this.ws.send(syncFrame(SyncMessageType.step1, Y.encodeStateVector(this.doc)));
        this.ws.send(awarenessFrame(this.doc.clientID, 1, opts.name ? { user: { name: opts.name } } : {}));
      });
      this.ws.on('message', (data: Buffer) => {
        try {
          this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        } catch (err) {
          reject(err);
          return;
        }
        if (this.syncedAt) resolve();
      });
      this.ws.on('close', (code) => {
        this.closed = true;
        this.closeCode = code;
        reject(new Error(`socket closed (${code}) before sync`));
      });
      this.ws.on('error', (err) => reject(err));
    });
    this.synced.catch(() => undefined);
  }

  whenSynced(timeoutMs = 30_000): Promise<void> {
    return Promise.race([
      this.synced,
      new Promise<void>((_, reject) => setTimeout(() => reject(new Error('sync timed out')), timeoutMs).unref()),
    ]);
  }

  private sendChange(message: Uint8Array, at: number): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.changesSent++;
    this.sentAt.push(at);
    this.ws.send(message);
  }

  private onMessage(bytes: Uint8Array): void {
    const t = nowMs();
    if (!this.firstMessageAt) this.firstMessageAt = t;
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    if (type === MessageType.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === SyncMessageType.step1) {
        // The stock client answers the server's state vector with what the server lacks.
        this.sendChange(syncFrame(SyncMessageType.step2, Y.encodeStateAsUpdate(this.doc, payload)), Number.NaN);
      } else if (sub === SyncMessageType.step2) {
        if (this.opts.applyAll || this.opts.applyInitial) Y.applyUpdate(this.doc, payload, FROM_SERVER);
        if (!this.syncedAt) this.syncedAt = nowMs();
      } else if (sub === SyncMessageType.update) {
        if (this.opts.onLatency) {
          const stamp = stampOf(payload, String(this.doc.clientID));
          if (stamp !== undefined) this.opts.onLatency(t - stamp);
        }
        if (this.opts.applyAll) Y.applyUpdate(this.doc, payload, FROM_SERVER);
      }
    } else if (type === MessageType.durableAck) {
      const upTo = decoding.readVarUint(d);
      for (let i = this.acked; i < upTo && i < this.sentAt.length; i++) {
        const at = this.sentAt[i]!;
        if (!Number.isNaN(at)) this.opts.onAck?.(t - at);
      }
      this.acked = Math.max(this.acked, upTo);
    }
    // awareness (1) and anything else: nothing to do for the bench
  }

  /**
   * One edit carrying a timestamp: `bench.<clientID> = now`. A key of its own
   * per client: these clients never apply each other's edits, so a shared key
   * would make every edit concurrent with the others' and the server would
   * (correctly) garbage-collect the losers' content before fanning it out.
   */
  stampedEdit(): void {
    this.doc.getMap('bench').set(String(this.doc.clientID), nowMs());
  }

  /** One realistic edit: move an object or retitle a text (needs the initial sync applied). */
  objectEdit(): void {
    const objects = this.doc.getMap<Y.Map<unknown>>('objects');
    const ids = [...objects.keys()];
    if (ids.length === 0) return this.stampedEdit();
    const obj = objects.get(ids[this.editSeq++ % ids.length]!)!;
    const r = this.editSeq % 5;
    if (r === 0 && obj.get('type') === 'text') obj.set('text', `Edit ${this.editSeq} by ${this.doc.clientID}`);
    else if (r % 2 === 0) obj.set('x', (this.editSeq * 7) % 600);
    else obj.set('y', (this.editSeq * 13) % 800);
  }

  get unacked(): number {
    return this.changesSent - this.acked;
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(1000);
    this.doc.destroy();
  }

  /** Resolves once the socket is closed (or after timeoutMs). */
  async closeAndWait(timeoutMs = 5_000): Promise<void> {
    if (this.closed) return;
    const done = new Promise<void>((r) => this.ws.once('close', () => r()));
    this.close();
    await Promise.race([done, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }
}
