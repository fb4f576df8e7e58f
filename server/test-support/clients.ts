import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { waitFor } from './server.js';

export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock, unmodified y-websocket client in Node (the contract says it must work). */
export function stockClient(wsUrl: string, designId: string, token: string, params: Record<string, string> = {}): StockClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/collab`, designId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token, ...params },
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(client: StockClient, timeoutMs = 5_000): Promise<void> {
  await waitFor(() => client.provider.synced, timeoutMs, 'provider sync');
}

/** Opens a raw socket and resolves with how the server closed it. */
export function closeOf(
  url: string,
  headers: Record<string, string> = {},
  send?: (ws: WebSocket) => void,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => send?.(ws));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', () => undefined);
    setTimeout(() => reject(new Error('socket was never closed')), 10_000).unref();
  });
}
