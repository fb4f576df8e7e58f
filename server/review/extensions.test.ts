/** The review side's room extensions: version history's change tracking, and reopening an approved design on an edit. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, objectsMap, type DesignStatus, stampSchemaVersion } from '../../shared/index.js';
import type { RoomManager } from '../collab/rooms.js';
import { DocumentStore } from '../collab/store.js';
import { migrate, type Db } from '../db/index.js';
import { ScoringService } from '../scoring/index.js';
import { designRows, freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { joinAs, silentLog, testRooms } from '../test-support/rooms.js';
import { waitFor } from '../test-support/server.js';
import { NotificationService } from './notifications.js';
import { ReviewService } from './service.js';
import { VersionService } from './versions.js';

describe('review extensions', () => {
  let tdb: TestDatabase;
  let db: Db;
  let store: DocumentStore;
  let rooms: RoomManager;
  let versions: VersionService;
  let addDesign: (designId: string) => Promise<void>;
  const pushed: Array<{ designId: string; status: DesignStatus }> = [];
  /** Statements that send designs back to draft. */
  let reopenStatements = 0;

  beforeAll(async () => {
    tdb = await freshPostgres();
    db = await tdb.open();
    await migrate(db);
    store = new DocumentStore(db);
    addDesign = await designRows(db, 'rx');
    rooms = testRooms(store, [], { idleMs: 50 });
    versions = new VersionService({ db, rooms, store, log: silentLog });
    const counting: Db = {
      ...db,
      query: (sql, params) => {
        if (sql.includes("SET status = 'draft'")) reopenStatements++;
        return db.query(sql, params);
      },
    };
    const reviews = new ReviewService({
      db: counting,
      log: silentLog,
      scoring: new ScoringService({ db, store, log: silentLog, publish: () => undefined }),
      versions,
      notifications: new NotificationService(db, () => undefined),
      publish: (_brokerageId, designId, status) => pushed.push({ designId, status }),
      canEdit: async () => true,
    });
    rooms.use(versions.extension()).use(reviews.reopenExtension());
  });
  afterAll(async () => {
    versions?.stop();
    await rooms?.shutdown();
    await tdb?.drop();
  });

  async function newDesign(): Promise<string> {
    const designId = `rx-${randomUUID()}`;
    const doc = new Y.Doc();
    metaMap(doc).set('title', 'Open house');
    objectsMap(doc).set(
      'headline',
      new Y.Map<unknown>([
        ['type', 'text'],
        ['x', 20],
        ['height', 40],
      ]),
    );
    stampSchemaVersion(doc);
    await addDesign(designId);
    await store.createDocument(designId, Y.encodeStateAsUpdate(doc));
    return designId;
  }

  const status = async (designId: string) =>
    (await db.query<{ status: DesignStatus }>('SELECT status FROM designs WHERE id = $1', [designId])).rows[0]!.status;

  it('versions: records who added and changed what, and keeps it in a version when the room unloads', async () => {
    const designId = await newDesign();
    const alice = await joinAs(rooms, designId, { userId: 'rx-u', brokerageId: 'rx-b', name: 'Alice' });
    alice.edit((doc) => {
      objectsMap(doc).get('headline')!.set('x', 30);
      objectsMap(doc).set('photo', new Y.Map<unknown>([['x', 1]]));
    });
    alice.leave();
    await waitFor(() => !rooms.peek(designId), 5_000, 'the room to unload');
    const [version] = await waitFor(
      async () => {
        const list = await versions.list('rx-b', designId);
        return list.length ? list : null;
      },
      5_000,
      'a version written at unload',
    );
    expect(version!.kind).toBe('auto');
    expect(version!.changes).toEqual({ 'rx-u': { name: 'Alice', added: ['photo'], changed: ['headline'], removed: [] } });
  });

  it('versions: a named version made while people edit takes their changes so far', async () => {
    const designId = await newDesign();
    const alice = await joinAs(rooms, designId, { userId: 'rx-u', brokerageId: 'rx-b', name: 'Alice' });
    alice.edit((doc) => objectsMap(doc).delete('headline'));
    await versions.create(designId, 'named', 'Before the open house', 'rx-u');
    const [named] = await versions.list('rx-b', designId);
    expect(named!.changes).toEqual({ 'rx-u': { name: 'Alice', added: [], changed: [], removed: ['headline'] } });
    alice.leave();
  });

  it('reopen: a person’s edit sends an approved design back to draft, recorded as theirs and pushed live', async () => {
    const designId = await newDesign();
    await db.query("UPDATE designs SET status = 'approved', status_changed_at = now() - interval '1 minute' WHERE id = $1", [designId]);
    const alice = await joinAs(rooms, designId, { userId: 'rx-u', brokerageId: 'rx-b' });
    alice.edit((doc) => objectsMap(doc).get('headline')!.set('x', 99));
    await waitFor(() => pushed.some((p) => p.designId === designId && p.status === 'draft'), 5_000, 'draft pushed live');
    expect(await status(designId)).toBe('draft');
    const { rows } = await db.query<{ action: string; actor_id: string }>(
      'SELECT action, actor_id FROM design_reviews WHERE design_id = $1',
      [designId],
    );
    expect(rows).toEqual([{ action: 'reopened', actor_id: 'rx-u' }]);
    alice.leave();
  });

  it('reopen: edits in several approved designs at about the same time are checked in one statement, each recorded as its editor’s', async () => {
    const approved = [await newDesign(), await newDesign(), await newDesign(), await newDesign()];
    const draft = await newDesign();
    for (const id of approved) {
      await db.query("UPDATE designs SET status = 'approved', status_changed_at = now() - interval '1 minute' WHERE id = $1", [id]);
    }
    const people = await Promise.all(
      [...approved, draft].map((designId) =>
        joinAs(rooms, designId, { userId: 'rx-u', brokerageId: 'rx-b' }).then((p) => ({ designId, p })),
      ),
    );
    const before = reopenStatements;
    for (const { p } of people) p.edit((doc) => objectsMap(doc).get('headline')!.set('x', 7));
    await waitFor(
      () => approved.every((id) => pushed.some((p) => p.designId === id && p.status === 'draft')),
      5_000,
      'all four pushed back to draft',
    );
    // Rooms due in the same slot share a statement; edits made within a few ms may straddle two slots.
    expect(reopenStatements - before).toBeLessThanOrEqual(2);
    for (const id of approved) expect(await status(id)).toBe('draft');
    expect(await status(draft)).toBe('draft');
    const { rows } = await db.query<{ design_id: string; actor_id: string }>(
      "SELECT design_id, actor_id FROM design_reviews WHERE design_id = ANY($1::text[]) AND action = 'reopened'",
      [[...approved, draft]],
    );
    expect(rows.map((r) => r.design_id).sort()).toEqual([...approved].sort());
    expect(new Set(rows.map((r) => r.actor_id))).toEqual(new Set(['rx-u']));
    for (const { p } of people) p.leave();
  });
});
