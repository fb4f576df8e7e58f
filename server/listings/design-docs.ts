import * as Y from 'yjs';
import { readDesign, type Design } from '../../shared/index.js';
import type { DocumentStore, RoomManager } from '../collab/index.js';

/** A design's current content: from its live room when loaded here, else from the store. */
export async function currentDesign(designId: string, deps: { rooms: RoomManager; store: DocumentStore }): Promise<Design> {
  const room = deps.rooms.peek(designId);
  if (room) return readDesign(room.doc).design;
  const doc = await loadDoc(designId, deps.store);
  try {
    return readDesign(doc).design;
  } finally {
    doc.destroy();
  }
}

/** A detached Y.Doc with the stored state (snapshot + log). */
export async function loadDoc(designId: string, store: DocumentStore): Promise<Y.Doc> {
  const stored = await store.load(designId);
  const doc = new Y.Doc({ gc: true });
  const parts: Uint8Array[] = [];
  if (stored.snapshot) parts.push(stored.snapshot.data);
  for (const u of stored.updates) parts.push(u.data);
  if (parts.length) Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  return doc;
}
