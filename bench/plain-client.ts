/**
 * A raw client for the plain-document bench that speaks both the y-websocket protocol (ours, the
 * stock server) and Hocuspocus' (every message prefixed with the document name, an auth message
 * first). It keeps a full Y.Doc in step with the server, as an editor does, and edits a plain
 * document: `Y.Map('objects')` of `Y.Map`s with x, y, width, height, fill, text (no `type`).
 *
 * Latency needs no stamp in the document: an edit's first struct id (client, clock) is noted with
 * its send time in a table shared by every client of the bench process; a receiver reads the id of
 * an incoming update from its first bytes and looks it up.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const nowMs = (): number => performance.timeOrigin + performance.now();

const FROM_SERVER = Symbol('server');
const SYNC = 0;
const AUTH = 2;
const DURABLE_ACK = 100; // ours (see shared MessageType.durableAck)

/** Send times of edits by their first struct id, shared by every client of this process. */
export const sentAt = new Map<number, Map<number, number>>();

/** Client and clock of an update's first struct (v1 encoding), or null (a delete-set-only update). */
export function firstStructId(update: Uint8Array): { client: number; clock: number } | null {
  const d = decoding.createDecoder(update);
  if (decoding.readVarUint(d) === 0) return null;
  decoding.readVarUint(d); // structs in the group
  const client = decoding.readVarUint(d);
  return { client, clock: decoding.readVarUint(d) };
}

export interface PlainClientOptions {
  url: string;
  protocol: 'y' | 'hocuspocus';
  /** Hocuspocus' document name (ignored for y-websocket: the name is in the URL). */
  docName: string;
  token: string;
  onLatency?: (ms: number) => void;
  /** Our durable acks (`?ack=1` in the URL): called with ack time − send time per edit. */
  onAck?: (ms: number) => void;
}

const FILLS = ['#1f6feb', '#e5534b', '#57ab5a', '#c69026', '#986ee2', '#ffffff', '#222222'];

export class PlainClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly openedAt = nowMs();
  /** First sync message from the server (the server's step 1, or its step 2 if it sends that first). */
  firstSyncAt = 0;
  syncedAt = 0;
  /** When the server's sync step 2 (the document) arrived, before this client applied it. */
  step2At = 0;
  closed = false;
  private readonly prefix: Uint8Array;
  private readonly synced: Promise<void>;
  private readonly objects: Y.Map<Y.Map<unknown>>;
  private ids: string[] = [];
  private idsStale = true;
  private seq = 0;
  /** Our durable-ack bookkeeping: document-changing messages sent, their times, acked so far. */
  private changesSent = 0;
  private readonly changeTimes: number[] = [];
  acked = 0;
  private incoming: Uint8Array[] = [];

  constructor(readonly opts: PlainClientOptions) {
    const e = encoding.createEncoder();
    if (opts.protocol === 'hocuspocus') encoding.writeVarString(e, opts.docName);
    this.prefix = encoding.toUint8Array(e);
    this.objects = this.doc.getMap('objects');
    this.objects.observe(() => (this.idsStale = true));
    this.ws = new WebSocket(opts.url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      const t = nowMs();
      const id = firstStructId(update);
      if (id) {
        let clocks = sentAt.get(id.client);
        if (!clocks) sentAt.set(id.client, (clocks = new Map()));
        clocks.set(id.clock, t);
      }
      this.sendChange(this.sync(2, update), t);
    });
    this.synced = new Promise((resolve, reject) => {
      this.ws.on('open', () => {
        if (opts.protocol === 'hocuspocus') {
          this.send((enc) => {
            encoding.writeVarUint(enc, AUTH);
            encoding.writeVarUint(enc, 0); // token
            encoding.writeVarString(enc, opts.token);
          });
        }
        this.ws.send(this.sync(0, Y.encodeStateVector(this.doc)));
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

  private frame(write: (e: encoding.Encoder) => void): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeUint8Array(e, this.prefix);
    write(e);
    return encoding.toUint8Array(e);
  }

  private send(write: (e: encoding.Encoder) => void): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(this.frame(write));
  }

  /** A sync message (0 step 1, 1 step 2, 2 update). */
  private sync(sub: number, payload: Uint8Array): Uint8Array {
    return this.frame((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, sub);
      encoding.writeVarUint8Array(e, payload);
    });
  }

  private sendChange(message: Uint8Array, at: number): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.changesSent++;
    this.changeTimes.push(at);
    this.ws.send(message);
  }

  private onMessage(bytes: Uint8Array): void {
    const t = nowMs();
    const d = decoding.createDecoder(bytes);
    if (this.opts.protocol === 'hocuspocus') decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === SYNC) {
      if (!this.firstSyncAt) this.firstSyncAt = t;
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === 0) {
        this.sendChange(this.sync(1, Y.encodeStateAsUpdate(this.doc, payload)), Number.NaN);
      } else {
        if (sub === 2 && this.opts.onLatency) {
          const id = firstStructId(payload);
          const at = id && id.client !== this.doc.clientID ? sentAt.get(id.client)?.get(id.clock) : undefined;
          if (at !== undefined) this.opts.onLatency(t - at);
        }
        // Others' edits are applied in one transaction just before this client's next edit
        // (what an editor shows between two frames): the bench process stays cheap.
        if (sub === 1) {
          if (!this.step2At) this.step2At = t;
          Y.applyUpdate(this.doc, payload, FROM_SERVER);
          if (!this.syncedAt) this.syncedAt = nowMs();
        } else this.incoming.push(payload);
      }
    } else if (type === DURABLE_ACK && this.opts.protocol === 'y') {
      const upTo = decoding.readVarUint(d);
      for (let i = this.acked; i < upTo && i < this.changeTimes.length; i++) {
        const at = this.changeTimes[i]!;
        if (!Number.isNaN(at)) this.opts.onAck?.(t - at);
      }
      this.acked = Math.max(this.acked, upTo);
    }
    // awareness, auth replies, Hocuspocus' sync status: nothing to do
  }

  get unacked(): number {
    return this.changesSent - this.acked;
  }

  get objectCount(): number {
    this.catchUp();
    return this.objects.size;
  }

  /** Applies what came from the server since the last edit. */
  catchUp(): void {
    if (this.incoming.length === 0) return;
    const updates = this.incoming;
    this.incoming = [];
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u, FROM_SERVER);
    }, FROM_SERVER);
  }

  /** A new object, in its own transaction. */
  addObject(): void {
    this.catchUp();
    const id = `o${this.doc.clientID.toString(36)}-${(this.seq++).toString(36)}`;
    const o = new Y.Map<unknown>();
    this.doc.transact(() => {
      o.set('x', Math.round(Math.random() * 600));
      o.set('y', Math.round(Math.random() * 800));
      o.set('width', 40 + Math.round(Math.random() * 200));
      o.set('height', 20 + Math.round(Math.random() * 200));
      o.set('fill', FILLS[this.seq % FILLS.length]);
      o.set('text', `Object ${this.seq}`);
      this.objects.set(id, o);
    });
  }

  /** One edit of the plain mix: 82% moves, 8% resizes, 4% fill, 3% text, 3% new objects; one transaction each. */
  edit(allowNew = true): void {
    this.catchUp();
    if (this.idsStale) {
      this.ids = [...this.objects.keys()];
      this.idsStale = false;
    }
    const r = Math.random() * 100;
    if ((allowNew && r >= 97) || this.ids.length === 0) return this.addObject();
    const o = this.objects.get(this.ids[Math.floor(Math.random() * this.ids.length)]!)!;
    this.seq++;
    this.doc.transact(() => {
      if (r < 82) {
        o.set('x', Math.round(Math.random() * 600));
        o.set('y', Math.round(Math.random() * 800));
      } else if (r < 90) {
        o.set('width', 40 + Math.round(Math.random() * 200));
        o.set('height', 20 + Math.round(Math.random() * 200));
      } else if (r < 94) {
        o.set('fill', FILLS[this.seq % FILLS.length]);
      } else {
        o.set('text', `Text ${this.seq} from ${this.doc.clientID}`);
      }
    });
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(1000);
    this.doc.destroy();
  }

  async closeAndWait(timeoutMs = 5_000): Promise<void> {
    if (this.closed) return;
    const done = new Promise<void>((r) => this.ws.once('close', () => r()));
    this.close();
    await Promise.race([done, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }
}
