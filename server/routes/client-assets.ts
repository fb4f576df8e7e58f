import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Vite names every file under assets/ by its content: a name never changes meaning. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Above this, files are still served but no longer kept (a server that outlived many rebuilds). */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/**
 * The client's built bundles, fonts and images (`client/dist/assets`), served from memory:
 * each file is read once, on its first request, then answered without touching the disk.
 * The general static handler checks the spelling of every path against the directory
 * listing and stats the file per request: ~15 ms of server CPU per page load here, and the
 * page's ~25 requests arrive together with its API calls. A file a rebuild adds is served
 * without a restart, as before.
 */
export function registerClientAssets(app: FastifyInstance, dir: string): void {
  const kept = new Map<string, Asset>();
  let keptBytes = 0;

  const load = async (name: string): Promise<Asset | null> => {
    const hit = kept.get(name);
    if (hit) return hit;
    const body = await readFile(join(dir, name)).catch(() => null);
    if (!body) return null;
    const asset = {
      body,
      type: TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    };
    if (keptBytes + body.length <= MAX_KEPT_BYTES) {
      kept.set(name, asset);
      keptBytes += body.length;
    }
    return asset;
  };

  app.get<{ Params: { name: string } }>('/assets/:name', async (req, reply) => {
    const { name } = req.params;
    const asset = ASSET_NAME.test(name) ? await load(name) : null;
    if (!asset) return reply.callNotFound();
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', asset.etag);
    if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.type(asset.type).send(asset.body);
  });
}
