/** Live scoring as a room extension: scores local edits, keeps peers' changes in its read, forgets a room that unloads. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_BRAND_KIT, designToUpdate, instantiateTemplate, objectsMap, objectToYMap } from '../../shared/index.js';
import { getTemplate } from '../../templates/index.js';
import { REMOTE } from '../collab/room.js';
import type { RoomManager } from '../collab/rooms.js';
import { DocumentStore } from '../collab/store.js';
import { migrate, type Db } from '../db/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { joinAs, silentLog, testRooms } from '../test-support/rooms.js';
import { waitFor } from '../test-support/server.js';
import { ScoringService, type DesignScore } from './service.js';

describe('scoring extension', () => {
  let tdb: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  let rooms: RoomManager;
  let addDesign: (designId: string) => Promise<void>;
  const published: DesignScore[] = [];

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    store = new DocumentStore(db);
    addDesign = await designRows(db, 'sx');
    await db.query('UPDATE brokerages SET brand_kit = $1 WHERE id = $2', [JSON.stringify(DEMO_BRAND_KIT), 'sx-b']);
    const scoring = new ScoringService({ db, store, log: silentLog, publish: (s) => published.push(s), settleMs: 20 });
    rooms = testRooms(store, [scoring.extension()], { idleMs: 50 });
  });
  afterAll(async () => {
    await rooms?.shutdown();
    await tdb?.drop();
  });

  it('scores a person’s edit, not a peer’s change, and reads the peer’s change when it next scores', async () => {
    const designId = `sx-${randomUUID()}`;
    await addDesign(designId);
    await store.createDocument(
      designId,
      designToUpdate(instantiateTemplate(getTemplate('listing-flyer')!, DEMO_BRAND_KIT, { title: 'Scored' })),
    );
    const alice = await joinAs(rooms, designId, { userId: 'sx-u', brokerageId: 'sx-b' });
    const text = {
      id: 'copy',
      type: 'text',
      x: 60,
      y: 600,
      width: 500,
      height: 60,
      angle: 0,
      z: 'zz',
      text: 'Perfect for young professionals, no children',
      fontFamily: 'Montserrat',
      fontSize: 24,
      fill: '#111111',
    };

    alice.edit((doc) => objectsMap(doc).set('note', objectToYMap({ ...text, id: 'note', text: 'Open Saturday' } as never)));
    const first = await waitFor(() => published.find((s) => s.designId === designId), 5_000, 'a score for the edit');
    expect(first.findings.some((f) => f.objectIds.includes('copy'))).toBe(false);
    const before = published.length;

    // Another instance's change (already scored there): only read, not scored here.
    alice.room.doc.transact(() => objectsMap(alice.room.doc).set('copy', objectToYMap(text as never)), REMOTE);
    // Absence takes a wait: ten settle periods with nothing published.
    await new Promise((r) => setTimeout(r, 200));
    expect(published.length).toBe(before);

    // The next local edit is scored on a read that has the peer's text in it.
    alice.edit((doc) => objectsMap(doc).get('note')!.set('x', 70));
    const next = await waitFor(() => published.slice(before).find((s) => s.designId === designId), 5_000, 'a score after the peer change');
    expect(next.findings.some((f) => f.objectIds.includes('copy'))).toBe(true);
  });

  it('forgets a room that unloads: after a reload the same score is pushed again', async () => {
    const designId = `sx-${randomUUID()}`;
    await addDesign(designId);
    await store.createDocument(
      designId,
      designToUpdate(instantiateTemplate(getTemplate('listing-flyer')!, DEMO_BRAND_KIT, { title: 'Again' })),
    );
    const move = (x: number) => (doc: Y.Doc) =>
      objectsMap(doc).set(
        'dot',
        objectToYMap({ id: 'dot', type: 'rect', x, y: 10, width: 10, height: 10, angle: 0, z: 'zz', fill: '#000000' } as never),
      );
    const alice = await joinAs(rooms, designId, { userId: 'sx-u', brokerageId: 'sx-b' });
    alice.edit(move(10));
    await waitFor(() => published.some((s) => s.designId === designId), 5_000, 'first score');
    alice.leave();
    await waitFor(() => !rooms.peek(designId), 5_000, 'the room to unload');
    const count = published.filter((s) => s.designId === designId).length;
    const again = await joinAs(rooms, designId, { userId: 'sx-u', brokerageId: 'sx-b' });
    again.edit(move(11));
    await waitFor(() => published.filter((s) => s.designId === designId).length > count, 5_000, 'the score pushed again after the reload');
  });
});
