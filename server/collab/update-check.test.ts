import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { isWellFormedUpdate } from './update-check.js';

/** A base document and updates on top of it with every kind of struct and content Yjs encodes. */
function samples(): { base: Uint8Array; updates: Array<[string, Uint8Array]> } {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = 101; // fixed ids: the same bytes, and so the same mutations, on every run
  doc.getMap('objects').set('a', new Y.Map<unknown>([['x', 1]]));
  doc.getText('t').insert(0, 'hello');
  const base = Y.encodeStateAsUpdate(doc);
  const out: Array<[string, Uint8Array]> = [];
  const capture = (name: string, change: () => void) => {
    const sv = Y.encodeStateVector(doc);
    const ds = Y.encodeStateAsUpdate(doc); // before, for the delete-set diff below
    change();
    out.push([name, Y.encodeStateAsUpdate(doc, sv)]);
    out.push([`${name} (as an update event)`, Y.diffUpdate(Y.encodeStateAsUpdate(doc), Y.encodeStateVectorFromUpdate(ds))]);
  };
  capture('map values of every any type', () => {
    const m = doc.getMap('objects').get('a') as Y.Map<unknown>;
    m.set('x', 2);
    m.set('n', -123456789);
    m.set('f32', 1.5);
    m.set('f64', 1.1);
    m.set('big', BigInt(2) ** BigInt(60));
    m.set('s', 'naïve ✓');
    m.set('obj', { a: [1, null, true, false, { b: 'c' }], u: new Uint8Array([1, 2]) });
    m.set('undef', undefined);
  });
  capture('text with formats and embeds, deletions', () => {
    const t = doc.getText('t');
    t.format(0, 2, { bold: true });
    t.insertEmbed(1, { image: 'x.png' });
    t.delete(3, 2);
  });
  capture('arrays, binary, nested types, xml', () => {
    const arr = doc.getArray<unknown>('arr');
    arr.push([1, 'two', new Uint8Array([3]), new Y.Map(), new Y.Array(), new Y.Text('x')]);
    const frag = doc.getXmlFragment('xml');
    const el = new Y.XmlElement('div');
    el.setAttribute('class', 'c');
    frag.push([el, new Y.XmlText('txt'), new Y.XmlHook('hook') as unknown as Y.XmlElement]);
  });
  capture('a subdocument', () => doc.getMap('subs').set('d', new Y.Doc({ guid: 'sub-guid' })));
  capture('deleting an object', () => doc.getMap('objects').delete('a'));
  // GC structs (a collecting doc) and Skip structs (merging non-adjacent updates).
  const gcDoc = new Y.Doc();
  gcDoc.clientID = 102;
  Y.applyUpdate(gcDoc, base);
  const parts: Uint8Array[] = [];
  gcDoc.on('update', (u: Uint8Array) => parts.push(u));
  gcDoc.getText('t').insert(0, 'abc');
  gcDoc.getText('t').insert(0, 'def');
  gcDoc.getText('t').delete(0, 6);
  out.push(['GC structs', Y.encodeStateAsUpdate(gcDoc)]);
  out.push(['Skip structs', Y.mergeUpdates([parts[0]!, parts[2]!])]);
  // Legacy JSON content (ref 2), written by hand: one item in root array 'legacy'.
  const e = encoding.createEncoder();
  for (const n of [1, 1, 77, 0, 2, 1]) encoding.writeVarUint(e, n); // 1 client, 1 struct, client 77, clock 0, info=JSON, parent is a root
  encoding.writeVarString(e, 'legacy');
  encoding.writeVarUint(e, 2);
  encoding.writeVarString(e, '{"k":1}');
  encoding.writeVarString(e, 'undefined');
  encoding.writeVarUint(e, 0); // empty delete set
  out.push(['JSON content', encoding.toUint8Array(e)]);
  return { base, updates: out };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('isWellFormedUpdate', () => {
  const { base, updates } = samples();

  it.each(updates)('accepts a valid update: %s', (_name, update) => {
    expect(() => Y.decodeUpdate(update)).not.toThrow();
    expect(isWellFormedUpdate(update)).toBe(true);
  });

  it('accepts an empty update', () => {
    expect(isWellFormedUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
  });

  it('rejects obvious garbage', () => {
    for (const bad of [[], [1], [1, 2, 3, 255, 255, 7, 1], new Array(10).fill(0xff), [1, 1, 5, 0, 31]]) {
      expect(isWellFormedUpdate(Uint8Array.from(bad))).toBe(false);
    }
  });

  /**
   * The contract that matters, compared with the full decode it replaces, over every
   * truncation and 300 seeded byte mutations of each sample: it accepts whatever
   * `Y.decodeUpdate` accepts, and whatever it accepts beyond that Yjs either applies
   * whole or rejects before the document changed (bad UTF-8 or JSON inside content;
   * an info byte with origin bits and the Skip ref, which the applier reads as Skip and
   * decodeUpdate as an item), never halfway. (Updates that decode but break during
   * integration pass both checks alike.)
   */
  it('is as safe as a full decode, and as permissive', () => {
    const random = rng(42);
    const state = (d: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(d)).toString('hex');
    const variants: Uint8Array[] = [];
    for (const [, u] of updates) {
      for (let n = 0; n < u.length; n++) variants.push(u.slice(0, n));
      for (let k = 0; k < 300; k++) {
        const v = u.slice();
        const edits = 1 + Math.floor(random() * 3);
        for (let j = 0; j < edits; j++) v[Math.floor(random() * v.length)] = Math.floor(random() * 256);
        variants.push(v);
      }
    }
    let beyondDecode = 0;
    for (const v of variants) {
      let decodes = true;
      try {
        Y.decodeUpdate(v);
      } catch {
        decodes = false;
      }
      const accepted = isWellFormedUpdate(v);
      if (decodes) {
        expect(accepted).toBe(true);
        continue;
      }
      if (!accepted) continue;
      beyondDecode++;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, base);
      const before = state(doc);
      try {
        Y.applyUpdate(doc, v);
      } catch {
        expect(state(doc)).toBe(before);
      }
    }
    expect(beyondDecode).toBeGreaterThan(0); // the property was exercised
  });
});
