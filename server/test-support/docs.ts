import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { metaMap, objectsMap } from '../../shared/index.js';
import type { DocumentStore } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { api, waitFor } from './server.js';
import type { StockClient } from './clients.js';

/** JSON with object keys sorted at every level (Y.Map.toJSON key order differs between replicas). */
export function sortedJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/** The design document's content (meta + objects), comparable across replicas. */
export function contentOf(doc: Y.Doc): string {
  return sortedJson({ meta: metaMap(doc).toJSON(), objects: objectsMap(doc).toJSON() });
}

/** Builds a doc from what the store holds (a cold load, without any server). */
export async function docFromStore(store: DocumentStore, designId: string): Promise<Y.Doc> {
  const stored = await store.load(designId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.data);
  for (const u of stored.updates) Y.applyUpdate(doc, u.data);
  return doc;
}

/** Creates a design from a template, shared for editing with `editors` (agents edit only their own and shared designs). */
export async function createDesign(
  baseUrl: string,
  token: string,
  title: string,
  editors: string[] = [],
  templateId = 'listing-flyer',
): Promise<string> {
  const res = await api<{ id: string }>(baseUrl, token, 'POST', '/api/designs', { title, templateId });
  if (res.status !== 201) throw new Error(`could not create a design: ${res.status} ${JSON.stringify(res.body)}`);
  for (const email of editors) {
    const shared = await api(baseUrl, token, 'POST', `/api/designs/${res.body.id}/shares`, { email, access: 'edit' });
    if (shared.status !== 201) throw new Error(`could not share the design with ${email}: ${shared.status} ${JSON.stringify(shared.body)}`);
  }
  return res.body.id;
}

/** Ids of the objects an agent may change (the server reverts agents' changes to locked ones). */
export function editableIds(doc: Y.Doc): string[] {
  return [...objectsMap(doc).entries()].filter(([, m]) => m.get('locked') !== true).map(([id]) => id);
}

export async function designRowCounts(
  db: Db,
  designId: string,
): Promise<{ updates: number; snapshotSeq: number | null; updateSeq: number }> {
  const u = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM design_updates WHERE design_id = $1', [designId]);
  const s = await db.query<{ seq: number }>('SELECT seq FROM design_snapshots WHERE design_id = $1', [designId]);
  const d = await db.query<{ update_seq: number }>('SELECT update_seq FROM designs WHERE id = $1', [designId]);
  return {
    updates: Number(u.rows[0]?.n ?? 0),
    snapshotSeq: s.rows[0] ? Number(s.rows[0].seq) : null,
    updateSeq: Number(d.rows[0]?.update_seq ?? 0),
  };
}

/** Every frame a stock provider's socket receives, recorded by a WebSocket subclass (the provider is unmodified). */
export interface SpiedClient extends StockClient {
  frames: Uint8Array[];
  closes: Array<{ code: number; reason: string }>;
}

export function spiedStockClient(wsUrl: string, designId: string, token: string, params: Record<string, string> = {}): SpiedClient {
  const frames: Uint8Array[] = [];
  const closes: Array<{ code: number; reason: string }> = [];
  class SpyWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
        frames.push(new Uint8Array(bytes));
      });
      this.on('close', (code: number, reason: Buffer) => closes.push({ code, reason: reason.toString() }));
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/collab`, designId, doc, {
    WebSocketPolyfill: SpyWebSocket as unknown as typeof globalThis.WebSocket,
    params: { token, ...params },
    disableBc: true,
  });
  return {
    doc,
    provider,
    frames,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until every replica shows the same content; returns it. */
export async function converged(docs: Y.Doc[], timeoutMs = 5_000, what = 'convergence'): Promise<string> {
  return waitFor(
    () => {
      const first = contentOf(docs[0]!);
      return docs.every((d) => contentOf(d) === first) ? first : null;
    },
    timeoutMs,
    what,
  );
}
