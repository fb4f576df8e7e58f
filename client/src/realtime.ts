/**
 * The app's socket.io connection (same origin; the session cookie
 * authenticates it). One socket per tab, shared by every page that listens
 * for app events; it closes itself when the last user lets go.
 */
import { io, type Socket } from 'socket.io-client';
import { refreshSession } from './api.js';

let socket: Socket | null = null;
let users = 0;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

export function acquireSocket(): Socket {
  clearTimeout(closeTimer);
  users++;
  if (!socket) {
    const s = io({ path: '/socket.io/', transports: ['websocket'] });
    // A handshake refused for an expired session is not retried by socket.io: renew the session cookie and try again.
    let retries = 0;
    s.on('connect', () => (retries = 0));
    s.on('connect_error', (err) => {
      if (err.message !== 'unauthenticated' || retries >= 3) return;
      retries++;
      void refreshSession().then((ok) => ok && socket === s && setTimeout(() => s.connect(), 250 * retries));
    });
    socket = s;
  }
  return socket;
}

export function releaseSocket(): void {
  users = Math.max(0, users - 1);
  if (users > 0) return;
  // A short grace period, so moving between pages (or React's double effects in development) keeps the connection.
  closeTimer = setTimeout(() => {
    if (users === 0 && socket) {
      socket.disconnect();
      socket = null;
    }
  }, 2_000);
}
