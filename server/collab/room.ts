import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { FastifyBaseLogger } from 'fastify';
import { CloseCode } from '../../shared/index.js';
import type { Metrics } from '../metrics.js';
import { Connection, type Principal } from './connection.js';
import type { Fanout, FanoutMessage } from './fanout.js';
import type { CommitWriter, GroupCommitter } from './group-commit.js';
import { admitPresence } from './presence-guard.js';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, ProtocolError, type ClientMessage } from './protocol.js';
import type { DocumentStore, StoredDocument } from './store.js';
import { applyIntegrable, encodeIntegrated } from './integrate.js';
import { isWellFormedUpdate } from './update-check.js';

/** One write to the update log: its updates (one row each) and what it holds of each socket's changes. */
interface PendingWrite {
  updates: Uint8Array[];
  counts: Map<Connection, number>;
  /** Each socket's change count when the write was cut. */
  marks: Map<Connection, number>;
  since: number;
}

/** Transaction origins that are not a client socket. */
export const REMOTE = Symbol('remote'); // from another instance or backfilled from the log: already durable
export const LOADED = Symbol('loaded'); // read from the database at load
export const SERVER = Symbol('server'); // made by the server itself (reverts, fixes): must be persisted

/**
 * The person a change is made by: a client socket, or someone whose request the
 * server carries out on the document (a version restore, a listing update).
 */
export interface Editor {
  readonly principal: Pick<Principal, 'userId' | 'brokerageId' | 'role'>;
  /** A view-only socket: none of its changes apply. */
  readonly readOnly?: boolean;
}

/**
 * Decides whether a person's document change may be applied. The permission
 * layer plugs in here (read-only sockets, locked objects).
 */
export interface ChangeGuard {
  /** Before applying: drop the change, apply it as is, or apply it under `check`. */
  admit(room: Room, editor: Editor): 'apply' | 'drop' | 'check';
  /**
   * Runs inside the transaction that applies a change, before anyone sees
   * it, and may write corrections (e.g. restore locked values). Returns true when it
   * corrected something: the combined result then goes to the sender as well.
   */
  check(room: Room, editor: Editor, tr: Y.Transaction): boolean;
}
const CORRECTED = 'rb:corrected';

/** What a room asks of its extensions (see extensions.ts) at each point of its life. */
export interface RoomHooks {
  load(): Promise<void>;
  /** Tells them now about changes not told yet. */
  flush(): void;
  unload(): Promise<void>;
}

const NO_HOOKS: RoomHooks = { load: async () => undefined, flush: () => undefined, unload: async () => undefined };

export interface RoomOptions {
  store: DocumentStore;
  fanout: Fanout;
  metrics: Metrics;
  log: FastifyBaseLogger;
  compactThreshold: number;
  maxDocumentBytes: number;
  awarenessThrottleMs: number;
  /** The room's extensions at work (RoomManager makes them from its extensions; see extensions.ts). */
  extensions?: (room: Room) => RoomHooks;
  /** The extensions' guards as one. */
  guard?: ChangeGuard;
  /** Joins the log writes of all rooms into few statements (see GroupCommitter). */
  committer: Pick<GroupCommitter, 'enqueue'>;
  /**
   * Unsaved changes a room holds while the database does not answer (bytes); past it, new
   * changes are refused (1013) and the client keeps them until it reconnects. Default 16 MiB.
   */
  maxUnsavedBytes?: number;
  /** Runs compactions one after another (see RoomManager); without it each room compacts at once. */
  compactions?: { run<T>(fn: () => Promise<T>): Promise<T> };
}

/** An encoded state vector of no clients: a client that has nothing yet. */
/** The state cache's key for an encoding of the document against `sv`. */
function stateCacheKey(sv: Uint8Array, format: 'v1' | 'v2'): string {
  let key: string = format;
  for (let i = 0; i < sv.length; i++) key += String.fromCharCode(sv[i]!);
  return key;
}

/** What a client that has nothing is answered with while a cold room still applies its document. */
export interface ColdAnswer {
  /** The stored document (v1), as stored. */
  state: Uint8Array;
  stateVector: Uint8Array;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether a transaction changed anything (Yjs' own test before it emits 'update'). */
function changedAnything(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

// Distinct answers kept per room (they share the document's memory; usually one or two are live).
const STATE_CACHE_ENTRIES = 4;
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

// Remote instances' clients renew presence every 15 s; 20 s of silence means that instance is gone.
const REMOTE_PRESENCE_TIMEOUT_MS = 20_000;

/** One loaded design: its Yjs doc, presence, sockets, and the write-behind to the update log. */
export class Room implements CommitWriter {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  /** The extensions at work in this room (see extensions.ts). */
  private readonly extensions: RoomHooks;

  /** All log entries up to here are in `doc` (contiguous). */
  seq = 0;
  private snapshotSeq = 0;
  private readonly seqAhead = new Set<number>();
  private gapTimer: NodeJS.Timeout | null = null;

  private pending: Uint8Array[] = [];
  private pendingSince = 0;
  private pendingCounts = new Map<Connection, number>();
  /** Updates queued for the log so far, and how many of those are committed (a prefix: writes are in order). */
  private enqueuedCount = 0;
  private committedCount = 0;
  /** Bytes queued for the log and not yet committed. */
  private unsavedBytes = 0;
  private ackWaiters: Array<{ conn: Connection; upTo: number; after: number }> = [];
  /** The write taken by the committer's current statement (or failed and waiting to be retried). */
  private write: PendingWrite | null = null;
  /** Queued with the committer or in a statement: one write outstanding at a time keeps the log in order. */
  private writing = false;
  private writeAttempts = 0;
  private flushWaiters: Array<() => void> = [];
  private compacting = false;
  private backfilling: Promise<void> | null = null;
  private approxBytes = 0;
  private destroyed = false;

  private readonly remotePresence = new Map<number, number>(); // awareness client id → last heard (ms)
  private awarenessOutbox = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  private readonly presenceSweep: NodeJS.Timeout;

  constructor(
    readonly designId: string,
    private readonly opts: RoomOptions,
  ) {
    this.extensions = opts.extensions ? opts.extensions(this) : NO_HOOKS;
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.doc.on('afterTransactionCleanup', this.onCleanup);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.presenceSweep = setInterval(() => this.sweepRemotePresence(), 2_000);
    this.presenceSweep.unref();
  }

  /** Loads the stored document; fan-out messages that arrive meanwhile are held and replayed. */
  async load(): Promise<void> {
    await this.read();
    this.apply();
    await this.runLoadHooks();
  }

  /** The last step of a load, after `apply`: the extensions' load hooks (migration to the current schema first). */
  async runLoadHooks(): Promise<void> {
    await this.extensions.load();
  }

  /** Fan-out messages that arrived while loading (null once applied). */
  private heldFanout: FanoutMessage[] | null = [];
  private stored: StoredDocument | null = null;

  /**
   * The first half of a load: reads the stored document. Resolves with what a client that has
   * nothing can be answered with before the document is applied (`apply`, which takes a while for a
   * large design): the snapshot's bytes as they are, when no log rows follow it; else null.
   */
  async read(): Promise<ColdAnswer | null> {
    await this.opts.fanout.subscribe(this.designId, (m) => (this.heldFanout ? this.heldFanout.push(m) : this.onFanout(m)));
    const stored = (this.stored = await this.opts.store.load(this.designId));
    const snapshot = stored.snapshot;
    if (!snapshot || stored.updates.length > 0) return null;
    return { state: snapshot.data, stateVector: snapshot.stateVector ?? Y.encodeStateVectorFromUpdate(snapshot.data) };
  }

  /** The second half of a load: applies what `read` read to the document. */
  apply(): void {
    const stored = this.stored!;
    this.stored = null;
    const snapshot = stored.snapshot?.data;
    const rows = stored.updates.map((u) => u.data);
    if (snapshot || rows.length) {
      // The stored document goes neither to peers nor to the log: without an 'update' listener Yjs does
      // not encode the whole document again as this transaction's update (time and garbage per load).
      this.doc.off('update', this.onDocUpdate);
      // The snapshot is applied as it is (merging it with the rows would decode and re-encode all of
      // it first); the rows after it, small, are merged into one update.
      this.doc.transact(() => {
        if (snapshot) Y.applyUpdate(this.doc, snapshot, LOADED);
        if (rows.length) Y.applyUpdate(this.doc, rows.length === 1 ? rows[0]! : Y.mergeUpdates(rows), LOADED);
      }, LOADED);
      if (this.listening) this.doc.on('update', this.onDocUpdate);
      this.opts.metrics.hot.updates.load++;
    }
    this.snapshotSeq = stored.snapshot?.seq ?? 0;
    this.seq = stored.updates.at(-1)?.seq ?? this.snapshotSeq;
    // A snapshot with no log rows after it is the whole document already encoded: the first
    // clients to open the design get its bytes as they are.
    if (snapshot && rows.length === 0) this.stateCache.set(stateCacheKey(EMPTY_STATE_VECTOR, 'v1'), snapshot);
    this.approxBytes = rows.reduce((n, row) => n + row.byteLength, snapshot?.byteLength ?? 0);
    const held = this.heldFanout ?? [];
    this.heldFanout = null;
    for (const m of held) this.onFanout(m);
    this.askPeersForPresence();
  }

  /** Tells the extensions now about changes not told yet (before reading state that must include them). */
  flushChanges(): void {
    this.extensions.flush();
  }

  /** Asks other instances to re-announce their clients' presence in this design (after a load or a lost link). */
  askPeersForPresence(): void {
    this.opts.fanout.publish({ kind: 'awareness-query', origin: this.opts.fanout.instanceId, designId: this.designId });
  }

  /** The whole document as one update (v1), from the state cache (see encodeState). */
  fullState(): Uint8Array {
    return this.encodeState();
  }

  // ---- sockets ---------------------------------------------------------

  /**
   * Adds a socket. `answeredFrom`: the state vector of the stored document this socket was already
   * answered from (a cold load, see RoomManager.join); it gets what changed since instead of our
   * sync step 1 again.
   */
  join(conn: Connection, answeredFrom?: Uint8Array): void {
    this.conns.add(conn);
    if (!answeredFrom) conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    else if (!sameBytes(answeredFrom, Y.encodeStateVector(this.doc))) conn.send(encodeSyncStep2(this.encodeState(answeredFrom)));
    if (this.awareness.getStates().size > 0) {
      conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
    }
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    if (conn.awarenessClients.size) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessClients], SERVER);
    }
  }

  /** Handles one decoded client message; throws ProtocolError for bad payloads. */
  receive(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step1': {
        let diff: Uint8Array;
        try {
          diff = this.encodeState(message.stateVector, 'v1', conn);
        } catch (err) {
          if (err instanceof ProtocolError) throw err;
          throw new ProtocolError(CloseCode.invalidPayload, 'malformed state vector');
        }
        conn.send(encodeSyncStep2(diff));
        return;
      }
      case 'doc-change':
        this.receiveChange(conn, message.update, message.frame);
        return;
      case 'awareness': {
        const admitted = admitPresence(message.update, conn.principal, {
          mine: conn.awarenessClients,
          holder: (id) => this.presenceHolder(id, conn),
        });
        if (!admitted) return;
        // The same person's older socket (a reconnect not yet noticed) gives a taken-over id up.
        for (const other of this.conns) if (other !== conn) for (const id of admitted.claimed) other.awarenessClients.delete(id);
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, admitted.update, conn);
        } catch {
          throw new ProtocolError(CloseCode.invalidPayload, 'malformed awareness update');
        }
        return;
      }
      case 'query-awareness':
        conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
      case 'auth':
        return;
    }
  }

  /**
   * The document as an update (a diff against `stateVector` when given), never with anything
   * parked. Answers are cached until the document next changes: every client that opens the
   * design asks with the same few state vectors (empty, or the state it just loaded).
   */
  encodeState(stateVector?: Uint8Array, format: 'v1' | 'v2' = 'v1', requester?: Connection): Uint8Array {
    const sv = stateVector ?? EMPTY_STATE_VECTOR;
    const key = stateCacheKey(sv, format);
    const hit = this.stateCache.get(key);
    if (hit) return hit;
    // A new encoding can cost the whole document: a socket's tiny requests must not buy that at will.
    if (requester && !requester.takeSyncRequest(Date.now())) throw new ProtocolError(CloseCode.policyViolation, 'too many sync requests');
    const state = encodeIntegrated(this.doc, sv, format);
    if (this.stateCache.size >= STATE_CACHE_ENTRIES) this.stateCache.delete(this.stateCache.keys().next().value!);
    this.stateCache.set(key, state);
    return state;
  }
  /** Encoded states by format + state vector, emptied on every change (see onCleanup). */
  private readonly stateCache = new Map<string, Uint8Array>();

  /** Sends our state vector so the client answers with what we lack (at most once a second per socket). */
  private askToResync(conn: Connection): void {
    const now = Date.now();
    if (now - conn.resyncAskedAt < 1_000) return;
    conn.resyncAskedAt = now;
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  private receiveChange(conn: Connection, update: Uint8Array, frame: Uint8Array | null): void {
    if (conn.readOnly) return; // dropped, and never acknowledged: the client's changes are not saved
    const verdict = this.opts.guard ? this.opts.guard.admit(this, conn) : 'apply';
    if (verdict === 'drop') return;
    if (this.approxBytes + update.byteLength > this.opts.maxDocumentBytes) {
      throw new ProtocolError(CloseCode.messageTooBig, 'document size limit reached');
    }
    // The log is not taking writes (database away): hold no more; what was acknowledged is safe.
    if (this.unsavedBytes > (this.opts.maxUnsavedBytes ?? 16 * 1024 * 1024)) {
      throw new ProtocolError(CloseCode.tryAgainLater, 'changes cannot be saved right now; reconnect later');
    }
    // Check the whole encoding before integrating, so a malformed update can't leave the doc half-changed.
    if (!isWellFormedUpdate(update)) throw new ProtocolError(CloseCode.invalidPayload, 'malformed document update');
    conn.changesReceived++;
    const before = conn.changesInFlight;
    const inc = this.incoming;
    inc.conn = conn;
    inc.update = update;
    inc.frame = frame;
    inc.check = verdict === 'check';
    inc.tr = null;
    inc.applied = false;
    inc.complete = true;
    try {
      this.doc.transact(this.applyIncoming, conn);
    } catch {
      throw new ProtocolError(CloseCode.invalidPayload, 'document update could not be applied');
    } finally {
      inc.conn = null;
      inc.update = inc.frame = null;
      inc.tr = null;
    }
    // Part of it depended on changes the server does not have: that part was dropped. An honest
    // client has them (offline edits racing the sync); its answer to our state vector brings them.
    if (!inc.complete) this.askToResync(conn);
    // Nothing new in it (the server already had it): durable as soon as everything before it is,
    // including the same content from another socket that may still be on its way to the log.
    if (conn.changesInFlight === before && before === 0) {
      if (this.committedCount >= this.enqueuedCount) conn.acknowledge(conn.changesReceived);
      else this.ackWaiters.push({ conn, upTo: conn.changesReceived, after: this.enqueuedCount });
    }
  }

  /** The client change being applied (fields reused, not an object per change: this runs for every edit). */
  private readonly incoming: {
    conn: Connection | null;
    update: Uint8Array | null;
    /** The message as received, if peers may be sent it as is. */
    frame: Uint8Array | null;
    check: boolean;
    tr: Y.Transaction | null;
    applied: boolean;
    /** Integrated whole (nothing of it dropped). */
    complete: boolean;
  } = { conn: null, update: null, frame: null, check: false, tr: null, applied: false, complete: true };

  private readonly applyIncoming = (tr: Y.Transaction): void => {
    const inc = this.incoming;
    inc.tr = tr;
    // Only what integrates now is kept, and nothing parked earlier is released by it (see integrate.ts):
    // the guard below sees every change this transaction makes.
    inc.complete = applyIntegrable(this.doc, inc.update!, inc.conn);
    if (inc.check && this.opts.guard!.check(this, inc.conn!, tr)) tr.meta.set(CORRECTED, true);
    inc.applied = true;
  };

  /**
   * A change the server makes on someone's behalf (a version restore, a listing update):
   * one server transaction, judged by the guard exactly like the same change sent by that
   * person's socket (locked objects keep their state unless they may change locked objects).
   * Returns false when the guard refuses the person any change.
   */
  editAs(editor: Editor, edit: (doc: Y.Doc) => void): boolean {
    const guard = this.opts.guard;
    const verdict = guard ? guard.admit(this, editor) : 'apply';
    if (verdict === 'drop') return false;
    this.doc.transact((tr) => {
      edit(this.doc);
      if (verdict === 'check') guard!.check(this, editor, tr);
    }, SERVER);
    return true;
  }

  broadcast(frame: Uint8Array, except?: Connection): void {
    for (const c of this.conns) if (c !== except) c.send(frame);
  }

  // ---- document changes --------------------------------------------------

  /**
   * Runs after every transaction, just before Yjs would encode it for 'update' listeners.
   * A client's update message that the guard left alone and that was integrated whole
   * (nothing of it dropped, nothing parked released: see integrate.ts) is exactly what changed: its
   * bytes go to peers and to the log as received, and our 'update' listener is off for
   * this one transaction so Yjs does not re-encode it. Anything else (corrected changes,
   * sync step 2, server-made and remote changes) goes through `onDocUpdate` as encoded by Yjs.
   */
  private readonly onCleanup = (tr: Y.Transaction): void => {
    const inc = this.incoming;
    if (this.stateCache.size > 0 && changedAnything(tr)) this.stateCache.clear();
    const forward = inc.tr === tr && inc.applied && inc.complete && inc.frame !== null && !tr.meta.has(CORRECTED);
    if (forward === this.listening) {
      this.listening = !forward;
      if (forward) this.doc.off('update', this.onDocUpdate);
      else this.doc.on('update', this.onDocUpdate);
    }
    if (forward && changedAnything(tr)) {
      this.opts.metrics.hot.updates.client++;
      this.broadcast(inc.frame!, inc.conn!);
      this.approxBytes += inc.update!.byteLength;
      this.enqueue(inc.update!, inc.conn);
    }
  };
  /** Whether `onDocUpdate` is subscribed to the doc's 'update' event (see onCleanup). */
  private listening = true;

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown, _doc?: Y.Doc, tr?: Y.Transaction): void => {
    const source = origin instanceof Connection ? 'client' : origin === REMOTE ? 'remote' : 'server';
    this.opts.metrics.hot.updates[source]++;
    // A corrected change goes back to its sender too, so its copy converges to the corrected state.
    this.broadcast(encodeUpdate(update), origin instanceof Connection && !tr?.meta.get(CORRECTED) ? origin : undefined);
    // Everything the room holds counts against the document limit, whoever wrote it.
    this.approxBytes += update.byteLength;
    if (origin === REMOTE) return;
    this.enqueue(update, origin instanceof Connection ? origin : null);
  };

  private enqueue(update: Uint8Array, conn: Connection | null): void {
    if (this.pending.length === 0) this.pendingSince = performance.now();
    this.pending.push(update);
    this.enqueuedCount++;
    this.unsavedBytes += update.byteLength;
    this.opts.metrics.hot.persistQueue++;
    if (conn) {
      conn.changesInFlight++;
      this.pendingCounts.set(conn, (this.pendingCounts.get(conn) ?? 0) + 1);
    }
    // Group commit: while one write is outstanding, everything arriving meanwhile joins the next one.
    if (!this.writing) {
      this.writing = true;
      this.opts.committer.enqueue(this);
    }
  }

  /** Takes everything pending as one write (what each socket had sent by now is in it or in an earlier write). */
  private takeBatch(): PendingWrite {
    const updates = this.pending;
    const counts = this.pendingCounts;
    this.pending = [];
    this.pendingCounts = new Map();
    const marks = new Map<Connection, number>();
    for (const c of counts.keys()) marks.set(c, c.changesReceived);
    // Not merged: separate rows cost the database less than Y.mergeUpdates costs us, and compaction merges them later.
    return { updates, counts, marks, since: this.pendingSince };
  }

  // CommitWriter: the committer takes the write when its statement starts, so it holds everything received until then.
  takeWrite(): Uint8Array[] {
    this.write ??= this.takeBatch();
    return this.write.updates;
  }

  writeCommitted(seq: number | null): void {
    const write = this.write!;
    this.write = null;
    this.writeAttempts = 0;
    const count = write.updates.length;
    for (const u of write.updates) this.unsavedBytes -= u.byteLength;
    const hot = this.opts.metrics.hot;
    hot.persistQueue -= count;
    this.opts.metrics.persistLag.observe((performance.now() - write.since) / 1000);
    if (seq === null) {
      // The design was deleted under us: nothing more to save.
      hot.persistQueue -= this.pending.length;
      this.unsavedBytes = 0;
      this.pending = [];
      this.pendingCounts = new Map();
      for (const c of this.conns) c.close(CloseCode.notFound, 'design was deleted');
      this.writesDone();
      return;
    }
    this.committedCount += count; // writes complete in order
    // Rows seq-count+1 .. seq: one fan-out message carries the run (peers apply it in one transaction).
    const first = seq - count + 1;
    this.markSeqs(first, count);
    this.opts.fanout.publish({
      kind: 'updates',
      origin: this.opts.fanout.instanceId,
      designId: this.designId,
      seq: first,
      updates: write.updates,
    });
    this.releaseAckWaiters();
    for (const [conn, n] of write.counts) {
      conn.changesInFlight -= n;
      // Everything this socket sent so far is durable once nothing of it is still in flight;
      // otherwise at least what it sent before this write was cut (a socket that keeps
      // typing would otherwise wait for a pause to hear that anything was saved).
      conn.acknowledge(conn.changesInFlight === 0 ? conn.changesReceived : write.marks.get(conn)!);
    }
    this.maybeCompact();
    if (this.pending.length > 0) this.opts.committer.enqueue(this);
    else this.writesDone();
  }

  writeFailed(err: unknown): void {
    const attempt = this.writeAttempts++;
    this.opts.log.warn({ err, designId: this.designId, attempt }, 'update log append failed; retrying');
    // The same write again (takeWrite returns it unchanged), after a growing pause.
    setTimeout(() => this.opts.committer.enqueue(this), Math.min(50 * 2 ** attempt, 2_000));
  }

  private writesDone(): void {
    this.writing = false;
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Acknowledges no-op changes whose content was pending when they came and is now committed. */
  private releaseAckWaiters(): void {
    if (this.ackWaiters.length === 0) return;
    const still: typeof this.ackWaiters = [];
    for (const w of this.ackWaiters) {
      if (w.after > this.committedCount) still.push(w);
      else if (w.conn.changesInFlight === 0) w.conn.acknowledge(w.upTo); // otherwise its own next ack covers it
    }
    this.ackWaiters = still;
  }

  /** Resolves when every update received so far is committed. */
  flush(): Promise<void> {
    if (!this.writing) return Promise.resolve();
    return new Promise((resolve) => this.flushWaiters.push(resolve));
  }

  get hasPendingWrites(): boolean {
    return this.writing;
  }

  private maybeCompact(): void {
    if (this.compacting || this.seq - this.snapshotSeq < this.opts.compactThreshold) return;
    this.compacting = true;
    const compact = () => this.opts.store.compact(this.designId);
    (this.opts.compactions ? this.opts.compactions.run(compact) : compact()).then(
      (upTo) => {
        this.compacting = false;
        if (upTo === null) return; // another instance is at it
        this.snapshotSeq = Math.max(this.snapshotSeq, upTo);
        this.opts.metrics.compactions.inc();
        // Rows written meanwhile (a write of many updates is many rows): again if they reach the threshold.
        this.maybeCompact();
      },
      (err) => {
        this.compacting = false;
        this.opts.log.warn({ err, designId: this.designId }, 'compaction failed');
      },
    );
  }

  // ---- sequence tracking and catch-up --------------------------------------

  /** Notes that log rows first .. first+count-1 are in the doc; a gap before them starts the backfill timer. */
  private markSeqs(first: number, count: number): void {
    const last = first + count - 1;
    if (last <= this.seq) return;
    if (first <= this.seq + 1) {
      this.seq = last;
      // Rows that had arrived ahead and that this run covers.
      if (this.seqAhead.size > 0) for (const s of this.seqAhead) if (s <= last) this.seqAhead.delete(s);
    } else {
      for (let s = first; s <= last; s++) this.seqAhead.add(s);
    }
    while (this.seqAhead.delete(this.seq + 1)) this.seq++;
    if (this.seqAhead.size > 0 && !this.gapTimer) {
      // A gap: give the missing message a moment to arrive, then read it from the log.
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        if (this.seqAhead.size > 0) void this.backfill();
      }, 250);
      this.gapTimer.unref();
    }
  }

  /** Reads what this replica lacks from the log (gap, lost fan-out, late join). */
  backfill(): Promise<void> {
    this.backfilling ??= (async () => {
      try {
        const missing = await this.opts.store.catchUp(this.designId, this.seq);
        if (this.destroyed) return;
        if (missing.snapshot) {
          Y.applyUpdate(this.doc, missing.snapshot.data, REMOTE);
          this.snapshotSeq = Math.max(this.snapshotSeq, missing.snapshot.seq);
          if (missing.snapshot.seq > this.seq) this.seq = missing.snapshot.seq;
          for (const s of [...this.seqAhead]) if (s <= this.seq) this.seqAhead.delete(s);
        }
        for (const u of missing.updates) {
          Y.applyUpdate(this.doc, u.data, REMOTE);
          this.markSeqs(u.seq, 1);
        }
        // Rows we can't see yet belong to commits still in flight elsewhere; the next reconcile gets them.
      } catch (err) {
        this.opts.log.warn({ err, designId: this.designId }, 'backfill failed');
      } finally {
        this.backfilling = null;
      }
    })();
    return this.backfilling;
  }

  private onFanout(m: FanoutMessage): void {
    if (m.origin === this.opts.fanout.instanceId || this.destroyed) return;
    switch (m.kind) {
      case 'updates':
        try {
          // One transaction: local sockets get the run as one update message.
          this.doc.transact(() => {
            for (const u of m.updates) Y.applyUpdate(this.doc, u, REMOTE);
          }, REMOTE);
        } catch (err) {
          this.opts.log.warn({ err, designId: this.designId }, 'bad update from peer; backfilling');
          void this.backfill();
          return;
        }
        this.markSeqs(m.seq, m.updates.length);
        return;
      case 'awareness':
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, m.update, REMOTE);
        } catch (err) {
          this.opts.log.warn({ err }, 'bad awareness from peer');
        }
        return;
      case 'awareness-query':
        this.publishLocalPresence();
        return;
    }
  }

  // ---- presence -----------------------------------------------------------

  /** Who holds an awareness client id other than `conn`: the person of the local socket holding it, or of a remote client's state. */
  private presenceHolder(id: number, conn: Connection): { userId: string | null; clock: number } {
    const clock = this.awareness.meta.get(id)?.clock ?? -1;
    for (const other of this.conns) if (other !== conn && other.awarenessClients.has(id)) return { userId: other.principal.userId, clock };
    const state = this.awareness.getStates().get(id) as { user?: { id?: unknown } } | undefined;
    if (state || this.remotePresence.has(id)) return { userId: typeof state?.user?.id === 'string' ? state.user.id : '', clock };
    return { userId: null, clock };
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (origin instanceof Connection) {
      for (const id of added.concat(updated)) origin.awarenessClients.add(id);
      for (const id of removed) origin.awarenessClients.delete(id);
    } else if (origin === REMOTE) {
      const now = Date.now();
      for (const id of added.concat(updated)) this.remotePresence.set(id, now);
      for (const id of removed) this.remotePresence.delete(id);
    }
    this.broadcast(
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
      origin instanceof Connection ? origin : undefined,
    );
    // Our own clients' presence goes to peers, coalesced; timeouts and peers' presence do not.
    if (origin instanceof Connection || origin === SERVER) {
      for (const id of changed) this.awarenessOutbox.add(id);
      this.schedulePresencePublish();
    }
  };

  private schedulePresencePublish(): void {
    if (this.awarenessTimer) return;
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = null;
      const ids = [...this.awarenessOutbox];
      this.awarenessOutbox.clear();
      if (ids.length === 0 || this.destroyed) return;
      this.opts.fanout.publish({
        kind: 'awareness',
        origin: this.opts.fanout.instanceId,
        designId: this.designId,
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
      });
    }, this.opts.awarenessThrottleMs);
  }

  /** Re-announces the presence of this instance's clients (a peer asked, or we reconnected). */
  publishLocalPresence(): void {
    for (const c of this.conns) for (const id of c.awarenessClients) this.awarenessOutbox.add(id);
    if (this.awarenessOutbox.size) this.schedulePresencePublish();
  }

  private sweepRemotePresence(): void {
    const cutoff = Date.now() - REMOTE_PRESENCE_TIMEOUT_MS;
    const stale = [...this.remotePresence].filter(([, at]) => at < cutoff).map(([id]) => id);
    if (stale.length) {
      for (const id of stale) this.remotePresence.delete(id);
      awarenessProtocol.removeAwarenessStates(this.awareness, stale, 'timeout');
    }
  }

  // ---- lifecycle -------------------------------------------------------------

  /**
   * Before an unload: if log rows follow the snapshot, the document in memory (it holds all of
   * them) becomes the snapshot, so the next cold load reads one row and answers a client that has
   * nothing with those stored bytes as they are (see fullState).
   */
  async snapshotForUnload(): Promise<void> {
    await this.flush();
    if (this.seq <= this.snapshotSeq || this.destroyed) return;
    const seq = this.seq;
    const state = this.fullState();
    const stateVector = Y.encodeStateVector(this.doc);
    const save = () => this.opts.store.saveSnapshot(this.designId, seq, state, stateVector);
    if (await (this.opts.compactions ? this.opts.compactions.run(save) : save())) this.snapshotSeq = Math.max(this.snapshotSeq, seq);
  }

  async destroy(): Promise<void> {
    // Extensions first, while the document is whole (a last version, timers cleared).
    await this.extensions.unload();
    await this.flush();
    this.destroyed = true;
    clearInterval(this.presenceSweep);
    if (this.gapTimer) clearTimeout(this.gapTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    await this.opts.fanout.unsubscribe(this.designId);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
