import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { isDocumentChange, MessageType, objectsMap, SyncMessageType } from '../../shared/index.js';

/** Edit n sets x = X_BASE + n: far above any template position, so a template's x never reads as an edit. */
const X_BASE = 1_000_000;

/**
 * One stock y-websocket client (unmodified `WebsocketProvider`, `?ack=1`, no BroadcastChannel)
 * that edits one object of its design (`x` = its edit number: it is that property's only
 * writer) and learns from the server's durable acks which of its edits are saved.
 *
 * Acks count this socket's document-changing messages. A message covers every edit made
 * before it once the socket's first sync step 2 (the client's "here is all you lack") has
 * gone out; before that, edits made while disconnected are not yet on this socket.
 */
export class ChaosClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Edits made so far (the last one's number). */
  made = 0;
  /** The highest edit number known to be durable (acknowledged). */
  acked = 0;
  readonly closes: Array<{ code: number; reason: string; at: number }> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly label: string,
    wsUrl: string,
    readonly designId: string,
    token: string,
    /** The object this client edits (set once the design is known). */
    public objectId: string | null = null,
  ) {
    // The socket class below has its own `this`; it reports to this client.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const client = this;
    class AckCountingSocket extends WebSocket {
      private sent = 0;
      private synced = false;
      /** Edit number covered by each change message (index = the message's count). */
      private readonly covers: number[] = [0];

      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        this.on('message', (data: Buffer) => {
          const bytes = new Uint8Array(data);
          if (bytes[0] !== MessageType.durableAck) return;
          const d = decoding.createDecoder(bytes);
          decoding.readVarUint(d);
          const n = decoding.readVarUint(d);
          client.acked = Math.max(client.acked, this.covers[Math.min(n, this.covers.length - 1)] ?? 0);
        });
        this.on('close', (code: number, reason: Buffer) => client.closes.push({ code, reason: reason.toString(), at: Date.now() }));
      }

      override send(data: unknown, ...rest: unknown[]): void {
        const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
        if (isDocumentChange(bytes)) {
          if (bytes[1] === SyncMessageType.step2) this.synced = true;
          this.sent++;
          this.covers[this.sent] = this.synced ? client.made : client.acked;
        }
        (super.send as (...a: unknown[]) => void)(data, ...rest);
      }
    }
    this.provider = new WebsocketProvider(`${wsUrl}/collab`, designId, this.doc, {
      WebSocketPolyfill: AckCountingSocket as unknown as typeof globalThis.WebSocket,
      params: { token, ack: '1' },
      disableBc: true,
    });
  }

  get synced(): boolean {
    return this.provider.synced && this.provider.wsconnected;
  }

  edit(): void {
    if (!this.objectId) return;
    const object = objectsMap(this.doc).get(this.objectId);
    if (!object) return;
    this.made++;
    object.set('x', X_BASE + this.made);
  }

  /** Edits at a person's pace: bursts, and pauses (after which live scoring pushes a score). */
  startEditing(): void {
    if (this.timer) return;
    const next = () => {
      this.edit();
      const pause = Math.random() < 0.15 ? 250 + Math.random() * 300 : 60 + Math.random() * 120;
      this.timer = setTimeout(next, pause);
    };
    this.timer = setTimeout(next, Math.random() * 100);
  }

  stopEditing(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** `x` of this client's object in another replica (0 if absent). */
  xIn(doc: Y.Doc): number {
    if (!this.objectId) return 0;
    const v = objectsMap(doc).get(this.objectId)?.get('x');
    return typeof v === 'number' && v > X_BASE ? v - X_BASE : 0;
  }

  destroy(): void {
    this.stopEditing();
    this.provider.destroy();
    this.doc.destroy();
  }
}
