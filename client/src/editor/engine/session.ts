/**
 * One open design: the Yjs document, its IndexedDB copy (offline edits), the
 * WebSocket provider (with durable-ack save tracking) and awareness.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { ACK_PARAM, CloseCode, MessageType } from '../../../../shared/protocol/index.js';
import { countingWebSocket, SaveTracker } from './save-tracker.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';
export type SaveState = 'saved' | 'saving' | 'unsaved';

export interface SessionStatus {
  connection: ConnectionState;
  synced: boolean;
  /** Local copy (IndexedDB) loaded. */
  localLoaded: boolean;
  /** The server's copy, fetched over HTTP while the page loaded, applied (before the socket's sync). */
  serverCopy: boolean;
  save: SaveState;
  /** A close the session cannot recover from by reconnecting. */
  fatal: { code: number; reason: string } | null;
}

export interface SessionOptions {
  /** Renews an expired session (the socket was closed as unauthenticated); true when it may reconnect. */
  renewSession(): Promise<boolean>;
}

/** Origin of the server's state applied at open. */
const SERVER_COPY = Symbol('server-copy');

function wsBase(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`;
}

export class DesignSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence;
  readonly tracker = new SaveTracker();
  private everConnected = false;
  private state: SessionStatus = {
    connection: 'connecting',
    synced: false,
    localLoaded: false,
    serverCopy: false,
    save: 'saved',
    fatal: null,
  };
  private listeners = new Set<() => void>();
  private offs: Array<() => void> = [];

  /**
   * `serverCopy`: the design's state fetched over HTTP while the page loaded
   * (api.designState). Applied before anything listens, so the editor's first
   * frame draws the design instead of waiting for the socket, whose sync then
   * brings only what is newer.
   */
  constructor(
    readonly designId: string,
    serverCopy: Uint8Array | null = null,
    private readonly opts: SessionOptions = { renewSession: async () => false },
  ) {
    if (serverCopy) {
      Y.applyUpdateV2(this.doc, serverCopy, SERVER_COPY); // v2: see designStatePath
      this.state.serverCopy = true;
    }
    this.local = new IndexeddbPersistence(`realbrand-design-${designId}`, this.doc);
    this.local.whenSynced.then(() => this.set({ localLoaded: true })).catch(() => this.set({ localLoaded: true }));

    this.provider = new WebsocketProvider(`${wsBase()}/collab`, designId, this.doc, {
      params: { [ACK_PARAM]: '1' },
      WebSocketPolyfill: countingWebSocket(this.tracker),
      maxBackoffTime: 4000,
      disableBc: true,
    });
    this.provider.messageHandlers[MessageType.durableAck] = (_encoder, decoder) => {
      this.tracker.ack(decoding.readVarUint(decoder));
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.everConnected = true;
      this.refresh();
    });
    this.provider.on('sync', () => this.refresh());
    this.provider.on('closed', ({ code, reason }) => {
      if (code === CloseCode.unauthenticated) {
        // The short-lived session cookie expired: renew it and carry on, or ask to log in again.
        void this.opts.renewSession().then((ok) => (ok ? this.provider.connect() : this.set({ fatal: { code, reason } })));
        return;
      }
      this.set({ fatal: { code, reason } });
    });
    this.offs.push(this.tracker.subscribe(() => this.refresh()));

    const onDocUpdate = (_u: Uint8Array, origin: unknown) => {
      // Local edits made while disconnected are only on this device until we reconnect.
      if (origin !== this.provider && origin !== this.local && !this.provider.wsconnected) this.refresh(true);
    };
    this.doc.on('update', onDocUpdate);
    this.offs.push(() => this.doc.off('update', onDocUpdate));

    const online = () => {
      this.provider.connect();
      this.refresh();
    };
    const offline = () => {
      // The browser knows the network is gone: stop waiting for a dead socket.
      this.provider.disconnect();
      this.refresh();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // Tell the others we left right away instead of waiting for the awareness timeout.
    const leave = () => this.awareness.setLocalState(null);
    window.addEventListener('pagehide', leave);
    this.offs.push(
      () => window.removeEventListener('online', online),
      () => window.removeEventListener('offline', offline),
      () => window.removeEventListener('pagehide', leave),
    );
    if (!navigator.onLine) this.provider.disconnect();
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  get status(): SessionStatus {
    return this.state;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private dirtyOffline = false;

  private refresh(localChange = false): void {
    const p = this.provider;
    if (localChange) this.dirtyOffline = true;
    let connection: ConnectionState;
    if (!navigator.onLine) connection = 'offline';
    else if (p.wsconnected) connection = 'connected';
    else connection = this.everConnected ? 'reconnecting' : 'connecting';
    const synced = p.wsconnected && p.synced;
    if (synced && this.tracker.pending === 0) this.dirtyOffline = false;
    let save: SaveState;
    if (synced && this.tracker.pending === 0 && !this.dirtyOffline) save = 'saved';
    else if (p.wsconnected) save = 'saving';
    else save = this.dirtyOffline ? 'unsaved' : 'saved';
    this.set({ connection, synced, save });
  }

  private set(patch: Partial<SessionStatus>): void {
    const next = { ...this.state, ...patch };
    if ((Object.keys(patch) as Array<keyof SessionStatus>).every((k) => next[k] === this.state[k])) return;
    this.state = next;
    for (const fn of this.listeners) fn();
  }

  destroy(): void {
    for (const off of this.offs) off();
    this.awareness.setLocalState(null);
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }
}
