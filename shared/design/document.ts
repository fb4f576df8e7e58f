import * as Y from 'yjs';
import type { Design } from './model.js';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSION_KEY } from './migrations.js';
import { metaMap, writeDesign } from './ydoc.js';

/** A new design's full Yjs state as one update (what a stored design is created from), at the current schema version. */
export function designToUpdate(design: Design): Uint8Array {
  const doc = new Y.Doc();
  writeDesign(doc, design);
  metaMap(doc).set(SCHEMA_VERSION_KEY, CURRENT_SCHEMA_VERSION);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
