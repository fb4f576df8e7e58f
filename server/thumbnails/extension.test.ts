/** Thumbnails as a room extension: a room's local edits are drawn once they settle; a peer instance's are not drawn here. */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, objectsMap, stampSchemaVersion } from '../../shared/index.js';
import { REMOTE } from '../collab/room.js';
import type { RoomManager } from '../collab/rooms.js';
import { DocumentStore } from '../collab/store.js';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { joinAs, silentLog, testRooms } from '../test-support/rooms.js';
import { waitFor } from '../test-support/server.js';
import { ThumbnailService } from './service.js';

describe('thumbnails extension', () => {
  let tdb: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  let rooms: RoomManager;
  let addDesign: (designId: string) => Promise<void>;

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    store = new DocumentStore(db);
    addDesign = await designRows(db, 'tx');
    rooms = testRooms(store, []);
    const thumbnails = new ThumbnailService({ db, store, rooms, log: silentLog, images: () => ({ dataDir: tmpdir() }), settleMs: 20 });
    rooms.use(thumbnails.extension());
  });
  afterAll(async () => {
    await rooms?.shutdown();
    await tdb?.drop();
  });

  async function newDesign(): Promise<string> {
    const designId = `tx-${randomUUID()}`;
    const doc = new Y.Doc();
    for (const [k, v] of Object.entries({ title: 'T', kind: 'flyer', width: 400, height: 300, background: '#ffffff' }))
      metaMap(doc).set(k, v);
    stampSchemaVersion(doc);
    await addDesign(designId);
    await store.createDocument(designId, Y.encodeStateAsUpdate(doc));
    return designId;
  }

  const stored = async (designId: string) =>
    (await db.query<{ png: Uint8Array; seq: number }>('SELECT png, seq FROM design_thumbnails WHERE design_id = $1', [designId])).rows[0];

  it('draws the first page once a person’s edits settle', async () => {
    const designId = await newDesign();
    const alice = await joinAs(rooms, designId, { userId: 'tx-u', brokerageId: 'tx-b' });
    alice.edit((doc) =>
      objectsMap(doc).set(
        'box',
        new Y.Map<unknown>(
          Object.entries({ id: 'box', type: 'rect', x: 10, y: 10, width: 100, height: 50, angle: 0, z: 'a0', fill: '#ff0000' }),
        ),
      ),
    );
    const row = await waitFor(() => stored(designId), 10_000, 'a stored thumbnail');
    expect(Buffer.from(row.png).subarray(1, 4).toString()).toBe('PNG');
    alice.leave();
  });

  it('leaves a peer instance’s change to that instance', async () => {
    const designId = await newDesign();
    const alice = await joinAs(rooms, designId, { userId: 'tx-u', brokerageId: 'tx-b' });
    alice.room.doc.transact(() => metaMap(alice.room.doc).set('background', '#000000'), REMOTE);
    alice.room.flushChanges();
    // Absence takes a wait: ten settle periods, then nothing drawn.
    await new Promise((r) => setTimeout(r, 200));
    expect(await stored(designId)).toBeUndefined();
    alice.leave();
  });
});
