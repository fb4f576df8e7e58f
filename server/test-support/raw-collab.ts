/**
 * A hand-made y-websocket client for hostile tests: it speaks the wire protocol
 * directly (no WebsocketProvider), keeps its own copy of the document from what
 * the server sends, and sends whatever bytes a test crafts.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { waitFor } from './server.js';

export interface RawCollab {
  ws: WebSocket;
  /** The server's view as this client has received it (sync step 2 and updates applied). */
  doc: Y.Doc;
  /** Every frame received, raw. */
  frames: Uint8Array[];
  /** Document updates received (sync step 2 and update payloads), in order. */
  updates: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  isClosed(): boolean;
  send(frame: Uint8Array): void;
  /** Sends a document update as a sync update message; `keep` also applies it to this client's copy (what a real client's edit is). */
  sendUpdate(update: Uint8Array, keep?: boolean): void;
  close(): void;
}

export function frameOf(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** A sync message (sub 0 = step 1, 1 = step 2, 2 = update) carrying `payload`. */
export const syncFrame = (sub: number, payload: Uint8Array) =>
  frameOf((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, payload);
  });

export const awarenessFrame = (payload: Uint8Array) =>
  frameOf((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, payload);
  });

/** A v1 update with no structs and a delete set of `ranges` ([client, clock, length]). */
export function deleteSetUpdate(ranges: Array<[client: number, clock: number, length: number]>): Uint8Array {
  const byClient = new Map<number, Array<[number, number]>>();
  for (const [client, clock, len] of ranges) byClient.set(client, [...(byClient.get(client) ?? []), [clock, len]]);
  return frameOf((e) => {
    encoding.writeVarUint(e, 0); // no structs
    encoding.writeVarUint(e, byClient.size);
    for (const [client, list] of byClient) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, list.length);
      for (const [clock, len] of list) {
        encoding.writeVarUint(e, clock);
        encoding.writeVarUint(e, len);
      }
    }
  });
}

/**
 * Connects to `/collab/<designId>` with a token, asks for the whole document
 * (sync step 1 with an empty state vector) and resolves once it has arrived.
 */
export async function rawCollab(wsUrl: string, designId: string, token: string, opts: { sync?: boolean } = {}): Promise<RawCollab> {
  const ws = new WebSocket(`${wsUrl}/collab/${designId}?token=${token}`);
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  const updates: Uint8Array[] = [];
  let synced = false;
  let done = false;
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    frames.push(bytes);
    const d = decoding.createDecoder(bytes);
    if (decoding.readVarUint(d) !== 0) return;
    const sub = decoding.readVarUint(d);
    if (sub === 0) return;
    const update = decoding.readVarUint8Array(d);
    updates.push(update);
    Y.applyUpdate(doc, update, 'server');
    if (sub === 1) synced = true;
  });
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      done = true;
      resolve({ code, reason: reason.toString() });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before open')));
  });
  const client: RawCollab = {
    ws,
    doc,
    frames,
    updates,
    closed,
    isClosed: () => done,
    send: (frame) => ws.send(frame),
    sendUpdate: (update, keep = true) => {
      if (keep) Y.applyUpdate(doc, update, 'self');
      ws.send(syncFrame(2, update));
    },
    close: () => ws.close(),
  };
  if (opts.sync !== false) {
    client.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => synced || done, 10_000, 'sync step 2 from the server');
  }
  return client;
}

/** An update made by editing a copy of `base` (the client's own changes, as a stock client would send them). */
export function editOf(base: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  edit(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** The client ids whose items an update carries. */
export function writersOf(update: Uint8Array): Set<number> {
  return new Set(Y.decodeUpdate(update).structs.map((s) => s.id.client));
}
