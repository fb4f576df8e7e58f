import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, objectsMap, objectToYMap, type DesignObject, type Fix } from '../../../../shared/index.js';
import { applyFix, replacementIndex } from './apply-fix.js';

const ORIGIN = { source: 'command' };

function docWith(...objects: DesignObject[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('background', '#ffffff');
    for (const o of objects) objectsMap(doc).set(o.id, objectToYMap(o));
  });
  return doc;
}

const text = (id: string, t: string): DesignObject =>
  ({
    id,
    type: 'text',
    text: t,
    x: 0,
    y: 0,
    width: 200,
    height: 40,
    angle: 0,
    z: 'a0',
    fontFamily: 'Inter',
    fontSize: 16,
    fontWeight: 400,
    fill: '#111111',
    textAlign: 'left',
  }) as DesignObject;

const prop = (doc: Y.Doc, id: string, key: string) => objectsMap(doc).get(id)?.get(key);

describe('replacementIndex', () => {
  it.each([
    ['a cat and a cat', 'cat', 12, 12],
    ['a cat and a cat', 'cat', 3, 2],
    ['a cat and a cat', 'cat', undefined, 2],
    ['a dog', 'cat', 0, -1],
    ['cat', 'cat', 99, 0],
  ])('%s / %s at %s → %s', (t, from, at, want) => {
    expect(replacementIndex(t, from, at)).toBe(want);
  });
});

describe('applyFix', () => {
  it('set-props changes only the given properties, with the given origin', () => {
    const doc = docWith(text('t1', 'Hello'));
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const r = applyFix(doc, { kind: 'set-props', objectId: 't1', props: { fill: '#1f3a5f', fontSize: 18 }, label: 'Snap' }, ORIGIN);
    expect(r).toEqual({ ok: true, objectIds: ['t1'] });
    expect(prop(doc, 't1', 'fill')).toBe('#1f3a5f');
    expect(prop(doc, 't1', 'fontSize')).toBe(18);
    expect(prop(doc, 't1', 'text')).toBe('Hello');
    expect(origins).toEqual([ORIGIN]);
  });

  it('set-props on a deleted object fails without changing anything', () => {
    const doc = docWith();
    expect(applyFix(doc, { kind: 'set-props', objectId: 'gone', props: { fill: '#000000' }, label: 'x' })).toMatchObject({
      ok: false,
      reason: 'missing-object',
    });
    expect(objectsMap(doc).size).toBe(0);
  });

  it('set-meta writes the meta map', () => {
    const doc = docWith();
    expect(applyFix(doc, { kind: 'set-meta', props: { background: '#edf2f7' }, label: 'Background' }, ORIGIN).ok).toBe(true);
    expect(metaMap(doc).get('background')).toBe('#edf2f7');
  });

  const replace = (at?: number): Fix => ({
    kind: 'replace-text',
    objectId: 't1',
    from: 'no kids',
    to: 'room to grow',
    at,
    label: 'Replace',
  });

  it.each([
    ['at still matches', 'no kids here, no kids there', 14, 'no kids here, room to grow there'],
    ['at moved: first occurrence', 'Wow! no kids here', 0, 'Wow! room to grow here'],
    ['no at: first occurrence', 'no kids, no kids', undefined, 'room to grow, no kids'],
  ])('replace-text: %s', (_name, before, at, after) => {
    const doc = docWith(text('t1', before));
    expect(applyFix(doc, replace(at), ORIGIN)).toEqual({ ok: true, objectIds: ['t1'] });
    expect(prop(doc, 't1', 'text')).toBe(after);
  });

  it('replace-text fails when the phrase is gone', () => {
    const doc = docWith(text('t1', 'Perfect for anyone'));
    expect(applyFix(doc, replace(0))).toMatchObject({ ok: false, reason: 'text-changed' });
    expect(prop(doc, 't1', 'text')).toBe('Perfect for anyone');
  });

  it('insert-object adds the object once (a second click is a no-op)', () => {
    const doc = docWith();
    const fix: Fix = { kind: 'insert-object', object: text('eho', 'Equal Housing Opportunity'), label: 'Add EHO slogan' };
    expect(applyFix(doc, fix, ORIGIN)).toEqual({ ok: true, objectIds: ['eho'] });
    expect(prop(doc, 'eho', 'text')).toBe('Equal Housing Opportunity');
    expect(prop(doc, 'eho', 'id')).toBeUndefined();
    expect(applyFix(doc, fix, ORIGIN)).toMatchObject({ ok: false, reason: 'already-applied' });
  });

  it('reaches a collaborator as an ordinary update and can be undone by the local user only', () => {
    const a = docWith(text('t1', 'A home with no kids nearby'));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
    const undo = new Y.UndoManager([objectsMap(a), metaMap(a)], { trackedOrigins: new Set([ORIGIN]) });
    applyFix(a, replace(), ORIGIN);
    expect(prop(b, 't1', 'text')).toBe('A home with room to grow nearby');
    undo.undo();
    expect(prop(a, 't1', 'text')).toBe('A home with no kids nearby');
    expect(prop(b, 't1', 'text')).toBe('A home with no kids nearby');
  });
});
