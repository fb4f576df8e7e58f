/**
 * Rooms below the HTTP API for extension tests: a real RoomManager on a real database, sockets
 * replaced by recorders, and people whose edits reach the room as update messages.
 */
import * as Y from 'yjs';
import { Connection, type Principal } from '../collab/connection.js';
import type { RoomExtension } from '../collab/extensions.js';
import { InProcessFanout } from '../collab/fanout.js';
import { decodeClientMessage, encodeUpdate } from '../collab/protocol.js';
import type { Room } from '../collab/room.js';
import { RoomManager } from '../collab/rooms.js';
import type { DocumentStore } from '../collab/store.js';
import { Metrics } from '../metrics.js';

export const silentLog = {
  warn: () => undefined,
  error: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
  fatal: () => undefined,
  child: () => silentLog,
} as never;

/** A room manager with these extensions; rooms unload `idleMs` after their last socket leaves. */
export function testRooms(
  store: DocumentStore,
  extensions: RoomExtension[],
  opts: { idleMs?: number; instanceId?: string } = {},
): RoomManager {
  return new RoomManager({
    store,
    fanout: new InProcessFanout(opts.instanceId ?? 'ext-test'),
    metrics: new Metrics(),
    log: silentLog,
    idleMs: opts.idleMs ?? 60_000,
    reconcileMs: 60_000,
    compactThreshold: 1_000,
    maxDocumentBytes: 4 * 1024 * 1024,
    awarenessThrottleMs: 10,
    commitWindowMs: 5,
    extensions,
  });
}

export interface Person {
  conn: Connection;
  room: Room;
  /** The person's copy of the design. */
  doc: Y.Doc;
  /** Makes a change in the person's copy; it reaches the room as their socket's update message. */
  edit(change: (doc: Y.Doc) => void): void;
  leave(): void;
}

/** A person with a socket in the design's room (loading it if needed), in step with it. */
export async function joinAs(
  rooms: RoomManager,
  designId: string,
  principal: Partial<Principal> & { userId: string; brokerageId: string },
  readOnly = false,
): Promise<Person> {
  const ws = { OPEN: 1, readyState: 1, bufferedAmount: 0, send: () => undefined, close: () => undefined, terminate: () => undefined };
  const conn = new Connection(
    ws as never,
    { name: principal.userId, role: 'agent', sessionId: `s-${principal.userId}`, ...principal },
    readOnly,
    false,
  );
  const room = await rooms.join(designId, conn);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, room.encodeState(), 'server');
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'server') room.receive(conn, decodeClientMessage(encodeUpdate(u)));
  });
  return { conn, room, doc, edit: (change) => doc.transact(() => change(doc)), leave: () => rooms.leave(room, conn) };
}
