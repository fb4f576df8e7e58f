/**
 * A stand-in for an MLS photo CDN: a real HTTP server on 127.0.0.1 (port 0)
 * answering from a path → response table, counting the requests per path.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PhotoRoute =
  { status?: number; type?: string; body?: Buffer | string; headers?: Record<string, string> } | ((res: ServerResponse) => void);

export interface PhotoServer {
  origin: string;
  port: number;
  hits: Map<string, number>;
  routes: Map<string, PhotoRoute>;
  close(): Promise<void>;
}

export async function startPhotoServer(routes: Record<string, PhotoRoute> = {}): Promise<PhotoServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = table.get(path);
    if (!route) return void res.writeHead(404).end('not found');
    if (typeof route === 'function') return route(res);
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/octet-stream', ...route.headers });
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    routes: table,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
