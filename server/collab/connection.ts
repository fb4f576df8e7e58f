import type { WebSocket } from 'ws';
import { encodeDurableAck } from './protocol.js';

export interface Principal {
  userId: string;
  brokerageId: string;
  name: string;
  role: string;
  sessionId: string;
}

/**
 * Sync requests (sync step 1) a socket may send: a burst, then one per refill period. A client
 * sends one when it connects (stock y-websocket also on its optional resync timer); the answer
 * can cost an encoding of the whole document, so a flood of tiny requests is closed (1008).
 */
export const SYNC_REQUEST_BURST = 10;
export const SYNC_REQUEST_REFILL_MS = 5_000;

/** One client socket in one room, with what the server tracks about it. */
export class Connection {
  /** Awareness client ids this socket controls (removed when it leaves). */
  readonly awarenessClients = new Set<number>();
  /** Document-changing messages received (sync step 2 + update). */
  changesReceived = 0;
  /** Of those, how many are queued or being written. */
  changesInFlight = 0;
  /** Highest count acknowledged so far. */
  changesAcked = 0;
  alive = true;
  closed = false;
  /** When the server last asked this socket to sync again (an update of it depended on changes we lack). */
  resyncAskedAt = 0;
  /** Sync requests (step 1) this socket may still send now: a bucket refilled over time. */
  private syncTokens = SYNC_REQUEST_BURST;
  private syncTokensAt = 0;

  constructor(
    readonly ws: WebSocket,
    readonly principal: Principal,
    public readOnly: boolean,
    readonly wantsAck: boolean,
  ) {}

  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // Back-pressure: a client that stops reading must not grow our memory without bound.
    if (this.ws.bufferedAmount > 64 * 1024 * 1024) {
      this.close(1008, 'client is not reading');
      return;
    }
    this.ws.send(frame, { binary: true });
  }

  /** Takes one sync request from the socket's allowance; false when it has none left. */
  takeSyncRequest(now: number): boolean {
    if (this.syncTokensAt !== 0) {
      this.syncTokens = Math.min(SYNC_REQUEST_BURST, this.syncTokens + (now - this.syncTokensAt) / SYNC_REQUEST_REFILL_MS);
    }
    this.syncTokensAt = now;
    if (this.syncTokens < 1) return false;
    this.syncTokens--;
    return true;
  }

  /** Tells the client how many of its changes are durable (only if it asked for acks). */
  acknowledge(upTo: number): void {
    if (!this.wantsAck || upTo <= this.changesAcked) return;
    this.changesAcked = upTo;
    this.send(encodeDurableAck(upTo));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
  }
}
