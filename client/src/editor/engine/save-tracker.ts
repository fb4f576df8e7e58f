/**
 * Truthful "All changes saved": count the document-changing frames each
 * socket sends and compare with the server's durable ack (message type 100).
 */
import { isDocumentChange } from '../../../../shared/protocol/index.js';

export class SaveTracker {
  private sent = 0;
  private acked = 0;
  private socket: object | null = null;
  private listeners = new Set<() => void>();

  /** A new socket starts counting from zero. */
  attach(socket: object): void {
    this.socket = socket;
    this.sent = 0;
    this.acked = 0;
    this.emit();
  }

  /** Called for every frame a socket sends. */
  sentFrame(socket: object, frame: Uint8Array): void {
    if (socket !== this.socket) return;
    if (isDocumentChange(frame)) {
      this.sent++;
      this.emit();
    }
  }

  ack(n: number): void {
    if (n > this.acked) {
      this.acked = n;
      this.emit();
    }
  }

  /** Frames sent on the current socket that the server has not yet committed. */
  get pending(): number {
    return Math.max(0, this.sent - this.acked);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** A WebSocket class for y-websocket's `WebSocketPolyfill` that reports each frame it sends. */
export function countingWebSocket(tracker: SaveTracker, Base: typeof WebSocket = WebSocket): typeof WebSocket {
  class CountingWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      tracker.attach(this);
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      super.send(data);
      const bytes = toBytes(data);
      if (bytes) tracker.sentFrame(this, bytes);
    }
  }
  return CountingWebSocket;
}
