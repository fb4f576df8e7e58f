/** The room extension interface: order, what each hook is told, unloading, and guards together (real rooms, real PostgreSQL). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, objectsMap, stampSchemaVersion } from '../../shared/index.js';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { joinAs, testRooms } from '../test-support/rooms.js';
import { waitFor } from '../test-support/server.js';
import type { DesignChanges } from './design-changes.js';
import type { RoomExtension } from './extensions.js';
import { lockGuard } from './guard.js';
import { REMOTE, SERVER } from './room.js';
import type { RoomManager } from './rooms.js';
import { DocumentStore } from './store.js';

describe('room extensions', () => {
  let tdb: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  let addDesign: (designId: string) => Promise<void>;
  const managers: RoomManager[] = [];

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    store = new DocumentStore(db);
    addDesign = await designRows(db, 'ext');
  });
  afterAll(async () => {
    for (const m of managers) await m.shutdown();
    await tdb?.drop();
  });

  async function newDesign(build?: (doc: Y.Doc) => void): Promise<string> {
    const designId = `ext-${randomUUID()}`;
    const doc = new Y.Doc();
    metaMap(doc).set('title', 'Open house');
    objectsMap(doc).set(
      'logo',
      new Y.Map<unknown>([
        ['locked', true],
        ['x', 10],
      ]),
    );
    objectsMap(doc).set('headline', new Y.Map<unknown>([['x', 20]]));
    build?.(doc);
    stampSchemaVersion(doc); // nothing to migrate: loading writes nothing
    await addDesign(designId);
    await store.createDocument(designId, Y.encodeStateAsUpdate(doc));
    return designId;
  }

  function rooms(extensions: RoomExtension[], idleMs?: number): RoomManager {
    const m = testRooms(store, extensions, { idleMs });
    managers.push(m);
    return m;
  }

  it('runs onLoad by priority before anyone joins; what a load hook writes is logged as a server edit and is nobody’s change', async () => {
    const calls: string[] = [];
    const told: DesignChanges[] = [];
    const manager = rooms([
      { name: 'late', priority: 10, onLoad: () => void calls.push('late'), onChange: ({ changes }) => void told.push(changes) },
      {
        name: 'early',
        priority: 500,
        onLoad: ({ room }) => {
          calls.push(`early:${room.conns.size}`);
          room.doc.transact(() => metaMap(room.doc).set('stamp', 1), SERVER);
        },
      },
      { name: 'default', onLoad: () => void calls.push('default') },
    ]);
    const designId = await newDesign();
    const alice = await joinAs(manager, designId, { userId: 'ext-u', brokerageId: 'ext-b' });
    expect(calls).toEqual(['early:0', 'default', 'late']);
    await alice.room.flush();
    alice.room.flushChanges();
    expect(told).toEqual([]);
    expect(metaMap(alice.doc).get('stamp')).toBe(1);
    expect((await store.load(designId)).updates).toHaveLength(1);
  });

  it('tells onChange who changed what: a person’s edit is local with their socket, a peer instance’s change is not', async () => {
    const told: DesignChanges[] = [];
    const manager = rooms([{ name: 'listener', onChange: ({ changes }) => void told.push(changes) }]);
    const designId = await newDesign();
    const alice = await joinAs(manager, designId, { userId: 'ext-u', brokerageId: 'ext-b', name: 'Alice' });
    alice.edit((doc) => objectsMap(doc).get('headline')!.set('x', 99));
    alice.room.flushChanges();
    expect(told).toHaveLength(1);
    expect(told[0]!.local).toBe(true);
    expect(told[0]!.edited).toBe(true);
    expect(told[0]!.lastEditConn).toBe(alice.conn);
    expect([...told[0]!.people.get('ext-u')!.changed]).toEqual(['headline']);

    alice.room.doc.transact(() => objectsMap(alice.room.doc).get('headline')!.set('y', 5), REMOTE);
    alice.room.flushChanges();
    expect(told).toHaveLength(2);
    expect(told[1]!.local).toBe(false);
    expect([...told[1]!.objects]).toEqual(['headline']);
    // Told by itself, off the edit path, without a flush.
    alice.edit((doc) => metaMap(doc).set('title', 'Sold'));
    await waitFor(() => told.length === 3, 2_000, 'a change told without a flush');
    expect(told[2]!.meta).toBe(true);
  });

  it('runs beforeUnload while the document is readable; a failed load unloads only the extensions that loaded, and the next join loads afresh', async () => {
    const seen: string[] = [];
    let failNext = true;
    const manager = rooms(
      [
        {
          name: 'reader',
          priority: 200,
          onLoad: () => void seen.push('reader:load'),
          beforeUnload: ({ room }) => void seen.push(`reader:unload:${String(objectsMap(room.doc).get('headline')?.get('x'))}`),
        },
        {
          name: 'flaky',
          priority: 100,
          onLoad: () => {
            if (failNext) {
              failNext = false;
              throw new Error('not today');
            }
          },
          beforeUnload: () => void seen.push('flaky:unload'),
        },
      ],
      50,
    );
    const designId = await newDesign();
    await expect(joinAs(manager, designId, { userId: 'ext-u', brokerageId: 'ext-b' })).rejects.toThrow('not today');
    expect(seen).toEqual(['reader:load', 'reader:unload:20']);
    seen.length = 0;
    const alice = await joinAs(manager, designId, { userId: 'ext-u', brokerageId: 'ext-b' });
    alice.edit((doc) => objectsMap(doc).get('headline')!.set('x', 42));
    alice.leave();
    await waitFor(() => !manager.peek(designId), 5_000, 'the room to unload');
    expect(seen).toEqual(['reader:load', 'reader:unload:42', 'flaky:unload']);
  });

  it('combines guards: a drop wins, and every guard that asked to check a change checks it', async () => {
    /** Keeps the title as it was for agents. */
    const titleGuard: RoomExtension = {
      name: 'title-guard',
      guard: {
        admit: (_room, editor) => (editor.principal.userId === 'ext-blocked' ? 'drop' : 'check'),
        check: (room, editor, tr) => {
          if (editor.principal.role !== 'agent' || !tr.changed.has(metaMap(room.doc) as never)) return false;
          metaMap(room.doc).set('title', 'Open house');
          return true;
        },
      },
    };
    const manager = rooms([lockGuard(), titleGuard]);
    const designId = await newDesign();
    const alice = await joinAs(manager, designId, { userId: 'ext-u', brokerageId: 'ext-b' });
    alice.edit((doc) => {
      objectsMap(doc).get('logo')!.set('x', 500);
      metaMap(doc).set('title', 'Mine now');
      objectsMap(doc).get('headline')!.set('x', 21);
    });
    expect(objectsMap(alice.room.doc).get('logo')!.get('x')).toBe(10);
    expect(metaMap(alice.room.doc).get('title')).toBe('Open house');
    expect(objectsMap(alice.room.doc).get('headline')!.get('x')).toBe(21);

    const blocked = await joinAs(manager, designId, { userId: 'ext-blocked', brokerageId: 'ext-b' });
    blocked.edit((doc) => objectsMap(doc).get('headline')!.set('x', 1));
    expect(objectsMap(alice.room.doc).get('headline')!.get('x')).toBe(21);
  });

  it('refuses a second extension of the same name', () => {
    const manager = rooms([{ name: 'one' }]);
    expect(() => manager.use({ name: 'one' })).toThrow(/already in use/);
  });
});
