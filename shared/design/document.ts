import * as Y from 'yjs';
import type { Design } from './model.js';
import { stampSchemaVersion } from './migrations.js';
import { writeDesign } from './ydoc.js';

/** A new design's full Yjs state as one update (what a stored design is created from), at the current schema version. */
export function designToUpdate(design: Design): Uint8Array {
  const doc = new Y.Doc();
  writeDesign(doc, design);
  stampSchemaVersion(doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
