import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metaMap, objectsMap, objectToYMap, readDesign, type DesignObject } from '../../shared/index.js';
import { LiveDesign } from './live-design.js';

const rect = (id: string, x: number): DesignObject => ({
  id,
  type: 'rect',
  x,
  y: 0,
  width: 10,
  height: 10,
  angle: 0,
  z: 'V',
  fill: '#cccccc',
});

describe('LiveDesign', () => {
  it('stays equal to a full read through adds, edits, nested edits, deletes and invalid objects', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('width', 816);
    metaMap(doc).set('height', 1056);
    const live = new LiveDesign(doc);
    const check = () => expect(live.read()).toEqual(readDesign(doc).design);
    check();
    objectsMap(doc).set('a', objectToYMap(rect('a', 1)));
    objectsMap(doc).set('b', objectToYMap(rect('b', 2)));
    check();
    objectsMap(doc).get('a')!.set('x', 50);
    check();
    objectsMap(doc).get('b')!.set('width', -5); // invalid: left out, like a full read
    check();
    objectsMap(doc).delete('a');
    check();
    metaMap(doc).set('background', '#000000');
    check();
    doc.transact(() => {
      objectsMap(doc).set('c', objectToYMap(rect('c', 3)));
      objectsMap(doc).get('b')!.set('width', 5);
    });
    check();
  });
});
