import * as Y from 'yjs';
import { readDesign, type Design } from '../../shared/index.js';
import type { RoomManager } from './rooms.js';
import type { DocumentStore } from './store.js';

/** The current design: from the live room when loaded, else from the stored snapshot and log. */
export async function currentDesign(rooms: RoomManager, store: DocumentStore, designId: string): Promise<Design> {
  const room = rooms.peek(designId);
  if (room) return readDesign(room.doc).design;
  const stored = await store.load(designId);
  const doc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.data);
    for (const u of stored.updates) Y.applyUpdate(doc, u.data);
    return readDesign(doc).design;
  } finally {
    doc.destroy();
  }
}
