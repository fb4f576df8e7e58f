import * as Y from 'yjs';
import { readDesign, type Design } from '../../shared/index.js';
import type { RoomManager } from './rooms.js';
import type { DocumentStore } from './store.js';

/** A detached Y.Doc with a design's stored state (snapshot + log); the caller destroys it. */
export async function loadStoredDoc(store: DocumentStore, designId: string): Promise<Y.Doc> {
  const stored = await store.load(designId);
  const doc = new Y.Doc({ gc: true });
  const parts: Uint8Array[] = [];
  if (stored.snapshot) parts.push(stored.snapshot.data);
  for (const u of stored.updates) parts.push(u.data);
  if (parts.length) Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  return doc;
}

/** The current design: from the live room when loaded here, else from the stored snapshot and log. */
export async function currentDesign(rooms: RoomManager, store: DocumentStore, designId: string): Promise<Design> {
  const room = rooms.peek(designId);
  if (room) return readDesign(room.doc).design;
  const doc = await loadStoredDoc(store, designId);
  try {
    return readDesign(doc).design;
  } finally {
    doc.destroy();
  }
}
