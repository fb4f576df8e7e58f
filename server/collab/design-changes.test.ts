import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { metaMap, objectsMap } from '../../shared/index.js';
import { Connection } from './connection.js';
import { DesignChangeFeed, type DesignChanges } from './design-changes.js';
import { REMOTE, SERVER } from './room.js';

const person = (userId: string) =>
  new Connection({} as WebSocket, { userId, name: `Name ${userId}`, brokerageId: 'b', role: 'agent', sessionId: 's' }, false, false);

function object(fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}

describe('DesignChangeFeed', () => {
  afterEach(() => vi.useRealTimers());

  it('tells listeners once per interval what changed, by whom, and nothing for untouched parts of the doc', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const objects = objectsMap(doc);
    doc.transact(() => objects.set('old', object({ x: 1 })), SERVER);
    const feed = new DesignChangeFeed(doc, 250);
    const told: DesignChanges[] = [];
    feed.subscribe((c) => told.push(c));
    const ann = person('ann');
    const bob = person('bob');

    doc.transact(() => objects.set('a', object({ x: 1, y: 2 })), ann);
    doc.transact(() => objects.get('a')!.set('x', 5), ann);
    doc.transact(() => objects.get('old')!.set('x', 9), bob);
    doc.transact(() => objects.delete('old'), bob);
    doc.transact(() => doc.getMap('bench').set('k', 1), ann); // not the design
    expect(told).toHaveLength(0); // nothing per edit

    vi.advanceTimersByTime(250);
    expect(told).toHaveLength(1);
    const c = told[0]!;
    expect([...c.objects].sort()).toEqual(['a', 'old']);
    expect(c.local).toBe(true);
    expect(c.meta).toBe(false);
    expect(c.lastLocalConn).toBe(bob);
    const a = c.people.get('ann')!;
    expect([...a.added]).toEqual(['a']);
    expect([...a.changed]).toEqual([]); // changes to an object one added count as the add
    const b = c.people.get('bob')!;
    expect([...b.changed]).toEqual(['old']);
    expect([...b.removed]).toEqual(['old']);

    // A replaced object is a change; remote changes are not local; meta is reported.
    doc.transact(() => objects.set('a', object({ x: 0 })), bob);
    vi.advanceTimersByTime(250);
    expect([...told[1]!.people.get('bob')!.changed]).toEqual(['a']);
    doc.transact(() => metaMap(doc).set('width', 100), REMOTE);
    vi.advanceTimersByTime(250);
    expect(told[2]!.local).toBe(false);
    expect(told[2]!.meta).toBe(true);
    expect(told).toHaveLength(3);
  });

  it('flush tells what is pending at once, and the doc being destroyed flushes too', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const feed = new DesignChangeFeed(doc, 250);
    const told: DesignChanges[] = [];
    feed.subscribe((c) => told.push(c));
    doc.transact(() => objectsMap(doc).set('n', object({ text: 'hi' })), person('ann'));
    feed.flush();
    expect(told).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(told).toHaveLength(1); // not told twice
    doc.transact(() => objectsMap(doc).get('n')!.set('text', 'ho'), person('ann'));
    doc.destroy();
    expect(told).toHaveLength(2);
    expect([...told[1]!.objects]).toEqual(['n']);
  });

  it("tells an edit from a value an editor derives: a text box's measured height alone is no edit", () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const objects = objectsMap(doc);
    doc.transact(() => {
      objects.set('headline', object({ type: 'text', text: 'Open house', height: 40 }));
      objects.set('photo', object({ type: 'image', height: 300 }));
    }, SERVER);
    const feed = new DesignChangeFeed(doc, 250);
    const told: DesignChanges[] = [];
    feed.subscribe((c) => told.push(c));
    const ann = person('ann');

    doc.transact(() => objects.get('headline')!.set('height', 80), ann);
    vi.advanceTimersByTime(250);
    expect(told[0]).toMatchObject({ local: true, edited: false, lastEditConn: null });

    const before = Date.now();
    doc.transact(() => objects.get('photo')!.set('height', 200), ann); // an image's height is the person's choice
    vi.advanceTimersByTime(250);
    expect(told[1]).toMatchObject({ edited: true, lastEditConn: ann });
    expect(told[1]!.lastEditAt).toBeGreaterThanOrEqual(before);

    doc.transact(() => objects.get('headline')!.set('text', 'Open house Sunday'), ann);
    vi.advanceTimersByTime(250);
    expect(told[2]!.edited).toBe(true);
  });
});
