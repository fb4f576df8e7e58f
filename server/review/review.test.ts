import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectIo, type Socket } from 'socket.io-client';
import { objectsMap } from '../../shared/index.js';
import { freshPostgres, type TestDatabase } from '../test-support/databases.js';
import { api, login, startTestServer, waitFor, type TestServer } from '../test-support/server.js';
import { stockClient, synced } from '../test-support/clients.js';

let db: TestDatabase;
let server: TestServer;
let agent: string;
let agent2: string;
let brand: string;
let rival: string;

beforeAll(async () => {
  db = await freshPostgres();
  server = await startTestServer({}, { db: await db.open() });
  [agent, agent2, brand, rival] = await Promise.all([
    login(server.url, 'agent@demo.realbrand.test'),
    login(server.url, 'agent2@demo.realbrand.test'),
    login(server.url, 'brand@demo.realbrand.test'),
    login(server.url, 'agent@rival.realbrand.test'),
  ]);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const newDesign = async (title: string) =>
  (await api<{ id: string }>(server.url, agent, 'POST', '/api/designs', { title, templateId: 'listing-flyer' })).body.id;
const status = async (id: string) => (await api<{ status: string }>(server.url, agent, 'GET', `/api/designs/${id}`)).body.status;

function realtime(token: string): Promise<Socket> {
  const socket = connectIo(server.url, { path: '/socket.io/', auth: { token }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

describe('review workflow', () => {
  it('submit → queue (live) → request changes with a notification → resubmit → approve', async () => {
    const id = await newDesign('Review me');
    const manager = await realtime(brand);
    const owner = await realtime(agent);
    const queueEvents: Array<{ designId: string; status: string }> = [];
    const ownerNotes: Array<{ kind: string; title: string; body: string | null }> = [];
    manager.on('review:queue', (e) => queueEvents.push(e));
    owner.on('notification', (n) => ownerNotes.push(n));
    try {
      const submitted = await api<{ status: string }>(server.url, agent, 'POST', `/api/designs/${id}/submit`, { comment: 'Ready' });
      expect(submitted.body.status).toBe('in_review');
      await waitFor(() => queueEvents.some((e) => e.designId === id && e.status === 'in_review'), 3_000, 'live queue update');
      const queue = await api<{ designs: Array<{ id: string; submittedAt: string }> }>(server.url, brand, 'GET', '/api/reviews/queue');
      expect(queue.body.designs.map((d) => d.id)).toContain(id);
      expect((await api(server.url, agent, 'GET', '/api/reviews/queue')).status).toBe(403);

      // Agents cannot decide, not even on their own design; an agent without access doesn't see it at all.
      expect((await api(server.url, agent, 'POST', `/api/designs/${id}/review`, { decision: 'approve' })).status).toBe(403);
      expect((await api(server.url, agent2, 'POST', `/api/designs/${id}/review`, { decision: 'approve' })).status).toBe(404);

      const sentBack = await api<{ status: string }>(server.url, brand, 'POST', `/api/designs/${id}/review`, {
        decision: 'request_changes',
        comment: 'Headline is too small',
      });
      expect(sentBack.body.status).toBe('changes_requested');
      const note = await waitFor(() => ownerNotes.find((n) => n.kind === 'changes_requested'), 3_000, 'owner notified');
      expect(note.body).toBe('Headline is too small');
      const inbox = await api<{ unread: number; notifications: Array<{ kind: string }> }>(server.url, agent, 'GET', '/api/notifications');
      expect(inbox.body.notifications.some((n) => n.kind === 'changes_requested')).toBe(true);
      expect(inbox.body.unread).toBeGreaterThan(0);

      expect((await api(server.url, agent, 'POST', `/api/designs/${id}/submit`, {})).body).toMatchObject({ status: 'in_review' });
      const approved = await api<{ status: string }>(server.url, brand, 'POST', `/api/designs/${id}/review`, { decision: 'approve' });
      expect(approved.body.status).toBe('approved');
      const history = await api<{ reviews: Array<{ action: string }> }>(server.url, agent, 'GET', `/api/designs/${id}/reviews`);
      expect(history.body.reviews.map((r) => r.action)).toEqual(['approved', 'submitted', 'changes_requested', 'submitted']);
    } finally {
      manager.disconnect();
      owner.disconnect();
    }
  });

  it('an edit to an approved design sends it back to draft', async () => {
    const id = await newDesign('Edit after approval');
    await api(server.url, agent, 'POST', `/api/designs/${id}/submit`, {});
    expect((await api(server.url, brand, 'POST', `/api/designs/${id}/review`, { decision: 'approve' })).status).toBe(200);
    const client = stockClient(server.wsUrl, id, agent);
    try {
      await synced(client);
      const [first] = [...objectsMap(client.doc).entries()].filter(([, m]) => !m.get('locked')).map(([k]) => k);
      objectsMap(client.doc).get(first!)!.set('x', 42);
      await waitFor(async () => (await status(id)) === 'draft', 5_000, 'back to draft');
    } finally {
      client.destroy();
    }
  });

  // The check runs a moment after an edit (REOPEN_CHECK_MS, 1.5 s); waiting past it is the only way to see it did nothing.
  const pastReopenCheck = () => new Promise((r) => setTimeout(r, 2_500));

  it('an edit that reached the server before the approval does not revoke it when checked afterwards', async () => {
    const id = await newDesign('Edited, then approved');
    await api(server.url, agent, 'POST', `/api/designs/${id}/submit`, {});
    await api(server.url, brand, 'POST', `/api/designs/${id}/review`, { decision: 'request_changes', comment: 'Fix it' });
    const client = stockClient(server.wsUrl, id, agent);
    try {
      await synced(client);
      const [first] = [...objectsMap(client.doc).entries()].filter(([, m]) => !m.get('locked')).map(([k]) => k);
      objectsMap(client.doc).get(first!)!.set('x', 42);
      await waitFor(
        () => server.rooms.peek(id)?.doc && objectsMap(server.rooms.peek(id)!.doc).get(first!)?.get('x') === 42,
        3_000,
        'edit on the server',
      );
      // Resubmitted and approved within the check's delay (people are that fast in the e2e run).
      expect((await api(server.url, agent, 'POST', `/api/designs/${id}/submit`, {})).body).toMatchObject({ status: 'in_review' });
      expect((await api(server.url, brand, 'POST', `/api/designs/${id}/review`, { decision: 'approve' })).body).toMatchObject({
        status: 'approved',
      });
      await pastReopenCheck();
      expect(await status(id)).toBe('approved');
    } finally {
      client.destroy();
    }
  });

  it("an editor writing back a text box's measured height is nobody's edit; a person's change still revokes", async () => {
    const id = await newDesign('Measured after approval');
    await api(server.url, agent, 'POST', `/api/designs/${id}/submit`, {});
    expect((await api(server.url, brand, 'POST', `/api/designs/${id}/review`, { decision: 'approve' })).status).toBe(200);
    const client = stockClient(server.wsUrl, id, agent);
    try {
      await synced(client);
      const texts = [...objectsMap(client.doc).entries()].filter(([, m]) => m.get('type') === 'text' && !m.get('locked'));
      const [textId, text] = texts[0]!;
      text.set('height', (text.get('height') as number) + 3.25);
      await waitFor(
        () => objectsMap(server.rooms.peek(id)!.doc).get(textId)?.get('height') === text.get('height'),
        3_000,
        'height on the server',
      );
      await pastReopenCheck();
      expect(await status(id)).toBe('approved');
      text.set('text', 'JUST LISTED');
      await waitFor(async () => (await status(id)) === 'draft', 5_000, 'back to draft');
    } finally {
      client.destroy();
    }
  });

  it('blocks approval while a Fair Housing error is present', async () => {
    const id = await newDesign('Blocked');
    const client = stockClient(server.wsUrl, id, agent);
    try {
      await synced(client);
      const headline = [...objectsMap(client.doc).entries()].find(([, m]) => m.get('type') === 'text' && !m.get('locked'))!;
      headline[1].set('text', 'Adults only, no children');
      await waitFor(
        async () => (await api<{ blocksApproval: boolean }>(server.url, agent, 'GET', `/api/designs/${id}/score`)).body.blocksApproval,
        5_000,
        'blocking score',
      );
      await api(server.url, agent, 'POST', `/api/designs/${id}/submit`, {});
      const res = await api<{ error: { code: string } }>(server.url, brand, 'POST', `/api/designs/${id}/review`, { decision: 'approve' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('approval_blocked');
    } finally {
      client.destroy();
    }
  });

  it('keeps other brokerages out', async () => {
    const id = await newDesign('Private');
    expect((await api(server.url, rival, 'POST', `/api/designs/${id}/submit`, {})).status).toBe(404);
    expect((await api(server.url, rival, 'GET', `/api/designs/${id}/comments`)).status).toBe(404);
    expect((await api(server.url, rival, 'GET', `/api/designs/${id}/versions`)).status).toBe(404);
  });

  it.each([[{ decision: 'maybe' }], [{ decision: 'approve', comment: 5 }], [{ decision: 'approve', extra: true }], ['x']])(
    'rejects a bad review body %j',
    async (body) => {
      const id = await newDesign('Bad body');
      const res = await api<{ error: { code: string } }>(server.url, brand, 'POST', `/api/designs/${id}/review`, body);
      expect(res.status).toBe(400);
    },
  );
});

describe('comments and mentions', () => {
  it('pins a threaded comment to an object, notifies the mentioned person live, and resolves', async () => {
    const id = await newDesign('Commented');
    await api(server.url, agent, 'POST', `/api/designs/${id}/shares`, { email: 'agent2@demo.realbrand.test', access: 'view' });
    const mentioned = await realtime(agent2);
    const notes: Array<{ kind: string }> = [];
    mentioned.on('notification', (n) => notes.push(n));
    try {
      const c = await api<{ id: string; objectId: string; mentions: string[] }>(server.url, brand, 'POST', `/api/designs/${id}/comments`, {
        body: 'Can @Jamie check the price, please?',
        objectId: 'price',
        x: 10,
        y: -4,
      });
      expect(c.status).toBe(201);
      expect(c.body.mentions).toHaveLength(1);
      await waitFor(() => notes.some((n) => n.kind === 'mention'), 3_000, 'mention notification');
      const reply = await api<{ parentId: string }>(server.url, agent2, 'POST', `/api/designs/${id}/comments`, {
        body: 'Done',
        parentId: c.body.id,
      });
      expect(reply.body.parentId).toBe(c.body.id);
      const resolved = await api<{ resolvedAt: string | null }>(server.url, agent, 'POST', `/api/comments/${c.body.id}/resolve`, {
        resolved: true,
      });
      expect(resolved.body.resolvedAt).not.toBeNull();
      const list = await api<{ comments: unknown[] }>(server.url, agent, 'GET', `/api/designs/${id}/comments`);
      expect(list.body.comments).toHaveLength(2);
      expect((await api(server.url, rival, 'POST', `/api/comments/${c.body.id}/resolve`, {})).status).toBe(404);
    } finally {
      mentioned.disconnect();
    }
  });
});

describe('version history', () => {
  it('records who changed what, previews read-only, and restores as a new live change', async () => {
    const id = await newDesign('Versioned');
    expect(
      (await api(server.url, agent, 'POST', `/api/designs/${id}/shares`, { email: 'agent2@demo.realbrand.test', access: 'edit' })).status,
    ).toBeLessThan(300);
    const a = stockClient(server.wsUrl, id, agent);
    const b = stockClient(server.wsUrl, id, agent2);
    try {
      await Promise.all([synced(a), synced(b)]);
      const base = await api<{ id: string }>(server.url, agent, 'POST', `/api/designs/${id}/versions`, { name: 'Before edits' });
      expect(base.status).toBe(201);
      // Unlocked objects: agents may not change locked brand elements.
      const [first, second] = [...objectsMap(a.doc).entries()].filter(([, m]) => !m.get('locked')).map(([k]) => k) as [string, string];
      const originalX = objectsMap(a.doc).get(first)!.get('x');
      objectsMap(a.doc).get(first)!.set('x', 500);
      objectsMap(b.doc).get(second)!.set('opacity', 0.3);
      await waitFor(
        () => objectsMap(a.doc).get(second)!.get('opacity') === 0.3 && objectsMap(b.doc).get(first)!.get('x') === 500,
        3_000,
        'sync',
      );
      await api(server.url, agent, 'POST', `/api/designs/${id}/versions`, { name: 'After edits' });
      const list = await api<{
        versions: Array<{
          id: string;
          name: string;
          changes: Record<string, { name: string; changed: string[] }>;
          diff: { changed: string[] };
        }>;
      }>(server.url, agent, 'GET', `/api/designs/${id}/versions`);
      const after = list.body.versions.find((v) => v.name === 'After edits')!;
      const people = Object.values(after.changes);
      expect(people.map((p) => p.name).sort()).toEqual(['Jamie Lee', 'Sam Carter']);
      expect(people.find((p) => p.name === 'Sam Carter')!.changed).toContain(first);
      expect(after.diff.changed.sort()).toEqual([first, second].sort());

      const preview = await api<{ design: { objects: Record<string, { x: number }> } }>(
        server.url,
        agent,
        'GET',
        `/api/designs/${id}/versions/${base.body.id}`,
      );
      expect(preview.body.design.objects[first]!.x).toBe(originalX);

      const restored = await api(server.url, agent, 'POST', `/api/designs/${id}/versions/${base.body.id}/restore`);
      expect(restored.status).toBe(200);
      // Collaborators receive the restore live.
      await waitFor(
        () => objectsMap(b.doc).get(first)!.get('x') === originalX && objectsMap(b.doc).get(second)!.get('opacity') === undefined,
        3_000,
        'restore reached b',
      );
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});

describe('export policy', () => {
  it('requires approval before export when the brokerage says so', async () => {
    const id = await newDesign('Export me');
    expect((await api(server.url, agent, 'POST', `/api/designs/${id}/exports`, { format: 'pdf' })).status).toBe(200);
    await server.db.query(`UPDATE brokerages SET settings = settings || '{"requireApprovalBeforeExport": true}'::jsonb`);
    try {
      const res = await api<{ error: { code: string } }>(server.url, agent, 'POST', `/api/designs/${id}/exports`, { format: 'pdf' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('approval_required');
    } finally {
      await server.db.query(`UPDATE brokerages SET settings = settings - 'requireApprovalBeforeExport'`);
    }
  });
});

describe('brokerage settings', () => {
  it('lets admins require approval before export, audited; agents cannot change it', async () => {
    const admin = await login(server.url, 'admin@demo.realbrand.test');
    const current = await api<{ requireApprovalBeforeExport: boolean; aiMonthlyBudgetUsd: number }>(
      server.url,
      admin,
      'GET',
      '/api/admin/settings',
    );
    expect(current.body.requireApprovalBeforeExport).toBe(false);
    expect(
      (await api(server.url, agent, 'PUT', '/api/admin/settings', { ...current.body, requireApprovalBeforeExport: true })).status,
    ).toBe(403);
    expect(
      (await api(server.url, admin, 'PUT', '/api/admin/settings', { requireApprovalBeforeExport: 'yes', aiMonthlyBudgetUsd: 5 })).status,
    ).toBe(400);
    const id = await newDesign('Policy');
    try {
      expect(
        (await api(server.url, admin, 'PUT', '/api/admin/settings', { requireApprovalBeforeExport: true, aiMonthlyBudgetUsd: 25 })).status,
      ).toBe(200);
      expect((await api(server.url, agent, 'POST', `/api/designs/${id}/exports`, { format: 'png' })).status).toBe(409);
      const audit = await api<{ entries: Array<{ action: string }> }>(server.url, admin, 'GET', '/api/admin/audit?action=settings');
      expect(audit.body.entries.map((e) => e.action)).toContain('settings.changed');
    } finally {
      await api(server.url, admin, 'PUT', '/api/admin/settings', current.body);
    }
    const people = await api<{ people: Array<{ name: string }> }>(server.url, agent, 'GET', '/api/people/mentionable');
    expect(people.body.people.map((p) => p.name)).toContain('Priya Shah');
  });
});
