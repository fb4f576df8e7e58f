import type { FastifyBaseLogger } from 'fastify';
import { CloseCode } from '../../shared/index.js';
import type { Metrics } from '../metrics.js';
import type { Connection } from './connection.js';
import { OneAtATime } from '../one-at-a-time.js';
import type { Fanout } from './fanout.js';
import { GroupCommitter } from './group-commit.js';
import { byPriority, combineGuards, RoomExtensionRun, type RoomExtension } from './extensions.js';
import { migrateOnLoad } from './migrate-on-load.js';
import { Room, type ColdAnswer, type RoomOptions } from './room.js';
import type { DocumentStore } from './store.js';

export interface RoomManagerOptions {
  store: DocumentStore;
  fanout: Fanout;
  metrics: Metrics;
  log: FastifyBaseLogger;
  idleMs: number;
  reconcileMs: number;
  compactThreshold: number;
  maxDocumentBytes: number;
  awarenessThrottleMs: number;
  /** Unsaved bytes a room holds while the database is away, before it refuses changes (see Room). */
  maxUnsavedBytes?: number;
  /** Group-commit window across rooms (see GroupCommitter). */
  commitWindowMs: number;
  /** What takes part in every room's life (see extensions.ts); more with `use` before the first room opens. */
  extensions?: RoomExtension[];
}

interface Entry {
  /** Resolves once the stored document is read (before it is applied): see Room.read. */
  stored: Promise<ColdAnswer | null>;
  ready: Promise<Room>;
  room?: Room;
  idleTimer?: NodeJS.Timeout;
  closing?: Promise<void>;
}

/**
 * The rooms of this instance: each design loads at most once, unloads a while
 * after its last socket leaves, and catches up with peers by itself.
 */
export class RoomManager {
  private readonly entries = new Map<string, Entry>();
  private readonly reconcileTimer: NodeJS.Timeout;
  private stopped = false;
  private readonly roomOptions: RoomOptions;
  private extensions: RoomExtension[] = [];

  constructor(private readonly opts: RoomManagerOptions) {
    this.roomOptions = {
      ...opts,
      extensions: undefined,
      committer: new GroupCommitter(opts.store, { windowMs: opts.commitWindowMs, maxInFlight: 2 }),
      // Compactions run one after another: they are background work (read the log, rebuild the
      // document, rewrite the snapshot), and rooms that edit at the same pace reach the threshold
      // together; run at once, they would take the pool and the event loop from live edits and acks.
      compactions: new OneAtATime(),
    };
    // Every room serves its design at the current schema version (see migrate-on-load.ts).
    this.use(migrateOnLoad((m) => opts.log.info({ designId: m.designId, from: m.from, to: m.applied.at(-1) }, 'design migrated on load')));
    for (const ext of opts.extensions ?? []) this.use(ext);
    this.reconcileTimer = setInterval(() => void this.reconcile(), opts.reconcileMs);
    this.reconcileTimer.unref();
    opts.fanout.onReconnect(() => {
      void this.reconcile();
      // Commits that were in flight at the moment of reconnecting show up a moment later.
      setTimeout(() => void this.reconcile(), 500).unref();
      // Presence sent while the link was down is lost both ways: re-announce ours and ask for theirs.
      for (const e of this.entries.values()) {
        e.room?.publishLocalPresence();
        e.room?.askPeersForPresence();
      }
    });
  }

  /** Adds an extension to every room opened from now on (call before the server listens). */
  use(extension: RoomExtension): this {
    if (this.extensions.some((e) => e.name === extension.name)) throw new Error(`room extension ${extension.name} is already in use`);
    this.extensions = byPriority([...this.extensions, extension]);
    const extensions = this.extensions;
    const log = this.opts.log;
    this.roomOptions.extensions = (room) =>
      new RoomExtensionRun(room, extensions, (err, extension, hook) =>
        log.warn({ err, designId: room.designId, extension, hook }, 'room extension failed'),
      );
    this.roomOptions.guard = combineGuards(this.extensions.flatMap((e) => (e.guard ? [e.guard] : [])));
    return this;
  }

  get size(): number {
    return this.entries.size;
  }

  loadedRooms(): Room[] {
    return [...this.entries.values()].flatMap((e) => (e.room ? [e.room] : []));
  }

  /** The loaded room, if any (no load). */
  peek(designId: string): Room | undefined {
    return this.entries.get(designId)?.room;
  }

  /**
   * Joins a socket to its design's room, loading the room if needed. On a cold load, `onColdAnswer`
   * is called as soon as the stored document is read, before it is applied (and before the room's
   * extensions attach): the caller answers the socket's first sync from the stored bytes, and the
   * room sends it only what changed since when it joins.
   */
  async join(designId: string, conn: Connection, onColdAnswer?: (answer: ColdAnswer) => void): Promise<Room> {
    let answeredFrom: Uint8Array | undefined;
    for (;;) {
      if (this.stopped) throw new Error('server is shutting down');
      const entry = this.entries.get(designId);
      if (entry?.closing) {
        await entry.closing; // an unload in progress: wait, then load afresh
        continue;
      }
      const opening = this.open(designId);
      if (onColdAnswer && !opening.room && !answeredFrom) {
        void opening.stored.then(
          (answer) => {
            if (!answer || opening.room || answeredFrom) return;
            answeredFrom = answer.stateVector;
            onColdAnswer(answer);
          },
          () => undefined, // the load fails through `ready`
        );
      }
      const room = await opening.ready;
      const current = this.entries.get(designId);
      if (current?.room !== room || current.closing) continue; // evicted while we waited
      if (current.idleTimer) {
        clearTimeout(current.idleTimer);
        current.idleTimer = undefined;
      }
      room.join(conn, answeredFrom);
      return room;
    }
  }

  /**
   * Runs `fn` on the design's live room without a socket (server-made changes:
   * restores, fixes, listing updates), loading it if needed; it unloads later if nobody joins.
   */
  async withRoom<T>(designId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    for (;;) {
      if (this.stopped) throw new Error('server is shutting down');
      const entry = this.entries.get(designId);
      if (entry?.closing) {
        await entry.closing;
        continue;
      }
      const room = await this.open(designId).ready;
      const current = this.entries.get(designId);
      if (current?.room !== room || current.closing) continue;
      if (current.idleTimer) {
        clearTimeout(current.idleTimer);
        current.idleTimer = undefined;
      }
      try {
        return await fn(room);
      } finally {
        await room.flush();
        if (room.conns.size === 0) this.scheduleEviction(designId);
      }
    }
  }

  leave(room: Room, conn: Connection): void {
    room.leave(conn);
    if (room.conns.size === 0) this.scheduleEviction(room.designId);
  }

  private open(designId: string): Entry {
    const existing = this.entries.get(designId);
    if (existing) return existing;
    const room = new Room(designId, this.roomOptions);
    const stored = room.read();
    const entry: Entry = { stored, ready: Promise.resolve(room) };
    entry.ready = stored
      .then(async () => {
        // Cold answers (RoomManager.join) go out first: applying a large design takes a while.
        await new Promise((resolve) => setImmediate(resolve));
        room.apply();
        await room.runLoadHooks();
      })
      .then(
        () => {
          entry.room = room;
          this.opts.metrics.rooms.set(this.entries.size);
          return room;
        },
        async (err) => {
          // A failed load leaves nothing behind: the next join tries again from scratch.
          this.entries.delete(designId);
          await room.destroy().catch(() => undefined);
          throw err;
        },
      );
    this.entries.set(designId, entry);
    return entry;
  }

  private scheduleEviction(designId: string): void {
    const entry = this.entries.get(designId);
    if (!entry?.room || entry.closing) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => void this.evict(designId), this.opts.idleMs);
    entry.idleTimer.unref();
  }

  private async evict(designId: string): Promise<void> {
    const entry = this.entries.get(designId);
    if (!entry?.room || entry.room.conns.size > 0 || entry.closing) return;
    const room = entry.room;
    entry.closing = (async () => {
      try {
        await room.snapshotForUnload().catch((err) => this.opts.log.warn({ err, designId }, 'snapshot at unload failed'));
        await room.destroy();
      } catch (err) {
        this.opts.log.error({ err, designId }, 'room unload failed');
      } finally {
        this.entries.delete(designId);
        this.opts.metrics.rooms.set(this.entries.size);
      }
    })();
    await entry.closing;
  }

  /** Compares each room with the log's latest sequence number and backfills what is missing. */
  async reconcile(): Promise<void> {
    const rooms = this.loadedRooms();
    if (rooms.length === 0 || this.stopped) return;
    try {
      const latest = await this.opts.store.latestSeqs(rooms.map((r) => r.designId));
      await Promise.all(rooms.filter((r) => (latest.get(r.designId) ?? 0) > r.seq).map((r) => r.backfill()));
    } catch (err) {
      this.opts.log.warn({ err }, 'reconcile failed');
    }
  }

  /** Graceful stop: flush every room, then close every socket with 1012. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.reconcileTimer);
    const rooms = this.loadedRooms();
    await Promise.all(
      rooms.map((r) => r.flush().catch((err) => this.opts.log.error({ err, designId: r.designId }, 'flush failed at shutdown'))),
    );
    for (const r of rooms) for (const c of [...r.conns]) c.close(CloseCode.serviceRestart, 'server restarting');
    await Promise.all(rooms.map((r) => r.destroy().catch(() => undefined)));
    this.entries.clear();
  }
}
