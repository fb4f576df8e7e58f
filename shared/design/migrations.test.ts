import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { V0_FLYER } from './test-support/v0.js';
import { designToUpdate } from './document.js';
import { CURRENT_SCHEMA_VERSION, migrateDesign, schemaVersionOf } from './migrations.js';
import { metaMap, objectsMap, readDesign } from './ydoc.js';

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function v0Flyer(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(V0_FLYER));
  return doc;
}

describe('design schema migrations', () => {
  it('reads a version 0 flyer as version 0, with two objects unreadable for want of a stacking key', () => {
    const doc = v0Flyer();
    expect(schemaVersionOf(doc)).toBe(0);
    expect(readDesign(doc).invalid.sort()).toEqual(['badge', 'price']);
  });

  it('brings a version 0 flyer to the current version: every object readable, new keys above the old ones in id order', () => {
    const doc = v0Flyer();
    expect(migrateDesign(doc)).toEqual([1]);
    expect(schemaVersionOf(doc)).toBe(CURRENT_SCHEMA_VERSION);
    const { design, invalid } = readDesign(doc);
    expect(invalid).toEqual([]);
    const order = Object.values(design.objects)
      .sort((a, b) => (a.z < b.z ? -1 : 1))
      .map((o) => o.id);
    expect(order).toEqual(['photo', 'headline', 'badge', 'price']);
    expect(design.objects.headline).toMatchObject({ text: 'JUST LISTED', z: 'a1' });
  });

  it('writes nothing to a current document', () => {
    const doc = v0Flyer();
    migrateDesign(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(migrateDesign(doc)).toEqual([]);
    expect(updates).toBe(0);
  });

  it('converges when two replicas migrate the same old document at once', () => {
    const a = v0Flyer();
    const b = v0Flyer();
    migrateDesign(a, 'instance-a');
    migrateDesign(b, 'instance-b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const plain = (doc: Y.Doc) => JSON.stringify([...objectsMap(doc).entries()].map(([id, m]) => [id, m.get('z')]).sort());
    expect(plain(a)).toBe(plain(b));
    expect(readDesign(a).invalid).toEqual([]);
  });

  it('leaves a document from a newer release as it is', () => {
    const doc = v0Flyer();
    metaMap(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    expect(migrateDesign(doc)).toEqual([]);
    expect(readDesign(doc).invalid.length).toBe(2);
  });

  it('creates new designs at the current version', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, designToUpdate({ meta: { title: 'New', kind: 'flyer', width: 816, height: 1056 } as never, objects: {} }));
    expect(schemaVersionOf(doc)).toBe(CURRENT_SCHEMA_VERSION);
  });
});
