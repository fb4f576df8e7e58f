import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, metaMap, objectsMap } from '../../shared/index.js';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { closeOf, stockClient, synced, type StockClient } from '../test-support/clients.js';
import { DEMO, shareDesign } from '../test-support/identity.js';

let db: TestDatabase;
let server: TestServer;
const tokens: Record<keyof typeof DEMO, string> = { admin: '', brand: '', agent: '', agent2: '', rival: '' };
let designId: string;
let logoId: string;
const clients: StockClient[] = [];

const client = (who: keyof typeof DEMO) => {
  const c = stockClient(server.wsUrl, designId, tokens[who]);
  clients.push(c);
  return c;
};
const objectWithRole = (doc: Y.Doc, role: string) => [...objectsMap(doc).entries()].find(([, m]) => m.get('role') === role)!;
const unlocked = (doc: Y.Doc) => [...objectsMap(doc).entries()].find(([, m]) => m.get('locked') !== true)!;

/** Every value `key` of object `id` ever took in `doc` after a transaction. */
function history(doc: Y.Doc, id: string, key: string): unknown[] {
  const seen: unknown[] = [objectsMap(doc).get(id)?.get(key)];
  doc.on('afterTransaction', () => seen.push(objectsMap(doc).get(id)?.get(key)));
  return seen;
}

beforeAll(async () => {
  db = await freshPglite();
  server = await startTestServer({}, { db: await db.open() });
  for (const who of Object.keys(DEMO) as Array<keyof typeof DEMO>) tokens[who] = await login(server.url, DEMO[who]);
  const created = await api<{ id: string }>(server.url, tokens.agent, 'POST', '/api/designs', {
    title: 'Guard test',
    templateId: 'listing-flyer',
  });
  designId = created.body.id;
  await shareDesign(server.url, tokens.agent, designId, DEMO.agent2, 'edit');
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await server?.db.close();
  await db?.drop();
});

describe('locked objects in the live stream', () => {
  it('an agent moving the locked logo: the other client never sees it move, and the agent’s copy returns', async () => {
    const a = client('agent');
    const b = client('agent2');
    await Promise.all([synced(a), synced(b)]);
    const [id, logo] = objectWithRole(a.doc, 'logo');
    logoId = id;
    expect(logo.get('locked')).toBe(true);
    const x0 = logo.get('x');
    const seenAtB = history(b.doc, id, 'x');
    const seenAtA = history(a.doc, id, 'x');

    objectsMap(a.doc).get(id)!.set('x', 999);
    expect(seenAtA).toContain(999); // the optimistic local change
    await waitFor(() => objectsMap(a.doc).get(id)!.get('x') === x0, 5_000, 'agent copy back at the locked position');

    // A later, permitted change from A reaching B proves B got everything before it.
    const [freeId] = unlocked(a.doc);
    objectsMap(a.doc).get(freeId)!.set('opacity', 0.42);
    await waitFor(() => objectsMap(b.doc).get(freeId)?.get('opacity') === 0.42, 5_000, 'permitted change at B');
    expect(seenAtB).not.toContain(999);
    expect(objectsMap(b.doc).get(id)!.get('x')).toBe(x0);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('an agent unlocking, deleting or replacing a locked object is reverted', async () => {
    const a = client('agent');
    const b = client('agent2');
    await Promise.all([synced(a), synced(b)]);
    const lockedAtB = history(b.doc, logoId, 'locked');
    objectsMap(a.doc).get(logoId)!.set('locked', false);
    await waitFor(() => objectsMap(a.doc).get(logoId)!.get('locked') === true, 5_000, 'locked restored at A');

    const [disclaimerId, disclaimer] = objectWithRole(a.doc, 'disclaimer');
    const text = disclaimer.get('text');
    objectsMap(a.doc).delete(disclaimerId);
    await waitFor(() => objectsMap(a.doc).get(disclaimerId)?.get('text') === text, 5_000, 'deleted locked object restored at A');
    await waitFor(() => objectsMap(b.doc).get(disclaimerId)?.get('text') === text, 5_000, 'restored object at B');

    // A new object created already locked: the lock is taken off.
    const fresh = new Y.Map<unknown>(Object.entries({ type: 'rect', x: 1, y: 1, width: 10, height: 10, angle: 0, z: 'zz', locked: true }));
    objectsMap(a.doc).set('agent-made', fresh);
    await waitFor(() => objectsMap(b.doc).get('agent-made')?.get('type') === 'rect', 5_000, 'new object at B');
    await waitFor(() => objectsMap(a.doc).get('agent-made')?.get('locked') === undefined, 5_000, 'lock removed at A');
    expect(objectsMap(b.doc).get('agent-made')!.get('locked')).toBeUndefined();
    expect(lockedAtB).not.toContain(false);
  });

  it('a brand manager with edit access may unlock and move it; the lock change is audited', async () => {
    await shareDesign(server.url, tokens.agent, designId, DEMO.brand, 'edit');
    const m = client('brand');
    const b = client('agent2');
    await Promise.all([synced(m), synced(b)]);
    objectsMap(m.doc).get(logoId)!.set('locked', false);
    objectsMap(m.doc).get(logoId)!.set('x', 123);
    await waitFor(
      () => objectsMap(b.doc).get(logoId)?.get('x') === 123 && objectsMap(b.doc).get(logoId)?.get('locked') === false,
      5_000,
      'unlock at B',
    );
    objectsMap(m.doc).get(logoId)!.set('locked', true);
    await waitFor(() => objectsMap(b.doc).get(logoId)?.get('locked') === true, 5_000, 'relock at B');
    const audit = await waitFor(
      async () => {
        const res = await api<{ entries: Array<{ action: string; targetId: string; details: { to: unknown } }> }>(
          server.url,
          tokens.admin,
          'GET',
          '/api/admin/audit?action=design.lock_changed',
        );
        return res.body.entries.length >= 2 ? res.body.entries : null;
      },
      5_000,
      'lock changes in the audit log',
    );
    expect(audit.map((e) => e.details.to)).toEqual([true, false]);
    expect(audit.every((e) => e.targetId === designId)).toBe(true);
  });

  it('the page size and kind are the template’s: an agent’s change is put back before anyone sees it; a brand manager may change them', async () => {
    const a = client('agent');
    const m = client('brand');
    await Promise.all([synced(a), synced(m)]);
    const meta = (doc: Y.Doc) => metaMap(doc);
    const { width, height, kind } = meta(m.doc).toJSON() as { width: number; height: number; kind: string };
    const seenAtM: unknown[] = [];
    m.doc.on('afterTransaction', () => seenAtM.push(meta(m.doc).get('width')));
    a.doc.transact(() => {
      meta(a.doc).set('width', 100);
      meta(a.doc).set('height', 100);
      meta(a.doc).set('kind', 'email-signature');
      meta(a.doc).set('bleed', 0);
      meta(a.doc).set('title', 'Renamed by the agent'); // not the template's: stays
    });
    await waitFor(
      () => meta(a.doc).get('width') === width && meta(a.doc).get('height') === height && meta(a.doc).get('kind') === kind,
      5_000,
      'page put back at the agent',
    );
    await waitFor(() => meta(m.doc).get('title') === 'Renamed by the agent', 5_000, 'title at the brand manager');
    expect(seenAtM).not.toContain(100);
    expect(meta(m.doc).get('kind')).toBe(kind);
    const room = server.rooms.peek(designId)!;
    expect(metaMap(room.doc).get('width')).toBe(width);

    meta(m.doc).set('width', width + 10);
    await waitFor(() => meta(a.doc).get('width') === width + 10, 5_000, 'brand manager page change at the agent');
    meta(m.doc).set('width', width);
    await waitFor(() => meta(a.doc).get('width') === width, 5_000, 'page size back');
  });
});

describe('read-only connections', () => {
  it('a view-only client’s edits reach nobody, but its presence does', async () => {
    await shareDesign(server.url, tokens.agent, designId, DEMO.agent2, 'view');
    const info = await api<{ access: string; canLock: boolean }>(server.url, tokens.agent2, 'GET', `/api/designs/${designId}`);
    expect(info.body).toMatchObject({ access: 'view', canLock: false });
    const a = client('agent');
    const v = client('agent2');
    await Promise.all([synced(a), synced(v)]);
    const [freeId, free] = unlocked(v.doc);
    const y0 = free.get('y');
    const seenAtA = history(a.doc, freeId, 'y');
    objectsMap(v.doc).get(freeId)!.set('y', 4242);
    v.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    // The server writes the displayed name from the account, so the viewer is found by its client id.
    await waitFor(
      () => a.provider.awareness.getStates().get(v.provider.awareness.clientID)?.user !== undefined,
      5_000,
      'viewer presence at A',
    );
    // A permitted change from A travels the same path back; by then the viewer's edit would have arrived.
    objectsMap(a.doc).get(freeId)!.set('opacity', 0.77);
    await waitFor(() => objectsMap(v.doc).get(freeId)?.get('opacity') === 0.77, 5_000, 'A change at viewer');
    expect(seenAtA).not.toContain(4242);
    expect(objectsMap(a.doc).get(freeId)!.get('y')).toBe(y0);
    const room = server.rooms.peek(designId)!;
    expect(objectsMap(room.doc).get(freeId)!.get('y')).toBe(y0);
  });

  it('a brand manager without a share opens a colleague’s design read-only; an unshared agent is refused', async () => {
    const other = await api<{ id: string }>(server.url, tokens.agent, 'POST', '/api/designs', {
      title: 'Private',
      templateId: 'listing-flyer',
    });
    // agent2 was never given this one
    expect((await closeOf(`${server.wsUrl}/collab/${other.body.id}?token=${tokens.agent2}`)).code).toBe(CloseCode.forbidden);
    expect((await api(server.url, tokens.agent2, 'GET', `/api/designs/${other.body.id}`)).status).toBe(404);
    const review = await api<{ access: string }>(server.url, tokens.brand, 'GET', `/api/designs/${other.body.id}`);
    expect(review.body.access).toBe('view');
  });
});
