/**
 * The app's socket.io connection (same origin; the session cookie
 * authenticates it). One socket per tab, shared by every page that listens
 * for app events; it closes itself when the last user lets go.
 *
 * socket.io's client is loaded on first use, not with the app: the socket is
 * usable at once (listeners and emits made before it has loaded are applied
 * when it has), and a page that draws first, like the editor, does not wait
 * for 40 kB it needs only afterwards.
 */
import type { Socket } from 'socket.io-client';
import { refreshSession } from './api.js';

// socket.io's own listener type: each event's payload is checked where it is used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/** What pages use of the socket. */
export interface AppSocket {
  readonly connected: boolean;
  on(event: string, fn: Listener): void;
  off(event: string, fn: Listener): void;
  emit(event: string, ...args: unknown[]): void;
}

class LazySocket implements AppSocket {
  private socket: Socket | null = null;
  private closed = false;
  /** Listeners and emits made before socket.io had loaded. */
  private listeners: Array<[string, Listener]> = [];
  private emits: unknown[][] = [];

  constructor() {
    import('socket.io-client').then(
      ({ io }) => this.open(io({ path: '/socket.io/', transports: ['websocket'] })),
      () => undefined, // offline or a replaced build: the pages still work, without live events
    );
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  on(event: string, fn: Listener): void {
    if (this.socket) this.socket.on(event, fn);
    else this.listeners.push([event, fn]);
  }

  off(event: string, fn: Listener): void {
    if (this.socket) this.socket.off(event, fn);
    else this.listeners = this.listeners.filter(([e, f]) => e !== event || f !== fn);
  }

  emit(event: string, ...args: unknown[]): void {
    if (this.socket) this.socket.emit(event, ...args);
    else this.emits.push([event, ...args]);
  }

  close(): void {
    this.closed = true;
    this.socket?.disconnect();
  }

  private open(s: Socket): void {
    if (this.closed) {
      s.disconnect();
      return;
    }
    // A handshake refused for an expired session is not retried by socket.io: renew the session cookie and try again.
    let retries = 0;
    s.on('connect', () => (retries = 0));
    s.on('connect_error', (err) => {
      if (err.message !== 'unauthenticated' || retries >= 3) return;
      retries++;
      void refreshSession().then((ok) => ok && !this.closed && setTimeout(() => s.connect(), 250 * retries));
    });
    this.socket = s;
    for (const [event, fn] of this.listeners) s.on(event, fn);
    // socket.io buffers these until it has connected.
    for (const [event, ...args] of this.emits) s.emit(event as string, ...args);
    this.listeners = [];
    this.emits = [];
  }
}

let socket: LazySocket | null = null;
let users = 0;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

export function acquireSocket(): AppSocket {
  clearTimeout(closeTimer);
  users++;
  socket ??= new LazySocket();
  return socket;
}

export function releaseSocket(): void {
  users = Math.max(0, users - 1);
  if (users > 0) return;
  // A short grace period, so moving between pages (or React's double effects in development) keeps the connection.
  closeTimer = setTimeout(() => {
    if (users === 0 && socket) {
      socket.close();
      socket = null;
    }
  }, 2_000);
}
