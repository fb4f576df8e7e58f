/** Stored designs migrate as their room loads: a server edit, logged once, heard by no extension as anyone's change. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, readDesign, schemaVersionOf } from '../../shared/index.js';
import { V0_FLYER } from '../../shared/design/test-support/v0.js';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { joinAs, testRooms } from '../test-support/rooms.js';
import { waitFor } from '../test-support/server.js';
import type { DesignChanges } from './design-changes.js';
import { loadStoredDoc } from './read-design.js';
import type { RoomManager } from './rooms.js';
import { DocumentStore } from './store.js';

const fromBase64 = (b64: string) => Uint8Array.from(Buffer.from(b64, 'base64'));

describe('migration on load', () => {
  let tdb: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  let rooms: RoomManager;
  let addDesign: (designId: string) => Promise<void>;
  const told: DesignChanges[] = [];

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    store = new DocumentStore(db);
    addDesign = await designRows(db, 'mig');
    rooms = testRooms(store, [{ name: 'listener', onChange: ({ changes }) => void told.push(changes) }], { idleMs: 50 });
  });
  afterAll(async () => {
    await rooms?.shutdown();
    await tdb?.drop();
  });

  async function storedV0(): Promise<string> {
    const designId = `mig-${randomUUID()}`;
    await addDesign(designId);
    await store.createDocument(designId, fromBase64(V0_FLYER));
    return designId;
  }

  it('brings a version 0 flyer to the current version as its room loads; peers get it, the log keeps it, no extension hears it as an edit', async () => {
    const designId = await storedV0();
    const alice = await joinAs(rooms, designId, { userId: 'mig-u', brokerageId: 'mig-b' });
    // Alice's copy comes from the room: migrated before she joined.
    expect(schemaVersionOf(alice.doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(readDesign(alice.doc).invalid).toEqual([]);
    await alice.room.flush();
    const stored = await store.load(designId);
    expect(stored.updates).toHaveLength(1); // the migration, one server edit
    const fromLog = await loadStoredDoc(store, designId);
    expect(schemaVersionOf(fromLog)).toBe(CURRENT_SCHEMA_VERSION);
    alice.room.flushChanges();
    expect(told).toEqual([]);

    // Loaded again, the document is current: nothing more is written.
    alice.leave();
    await waitFor(() => !rooms.peek(designId), 5_000, 'the room to unload');
    const again = await joinAs(rooms, designId, { userId: 'mig-u', brokerageId: 'mig-b' });
    await again.room.flush();
    const reloaded = await store.load(designId);
    expect(reloaded.updates.filter((u) => u.seq > stored.updates[0]!.seq)).toEqual([]);
    again.leave();
  });

  it('reads a stored design that no room has loaded yet as migrated, writing nothing', async () => {
    const designId = await storedV0();
    const doc = await loadStoredDoc(store, designId);
    expect(readDesign(doc).invalid).toEqual([]);
    expect((await store.load(designId)).updates).toHaveLength(0);
    doc.destroy();
  });

  it('leaves a document with nothing stored as it is', async () => {
    const designId = `mig-${randomUUID()}`;
    await addDesign(designId);
    await store.createDocument(designId, Y.encodeStateAsUpdate(new Y.Doc()));
    const alice = await joinAs(rooms, designId, { userId: 'mig-u', brokerageId: 'mig-b' });
    await alice.room.flush();
    expect((await store.load(designId)).updates).toHaveLength(0);
    alice.leave();
  });
});
