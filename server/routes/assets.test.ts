import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { freshPglite, type TestDatabase } from '../test-support/databases.js';
import { DEMO } from '../test-support/identity.js';
import { api, login, startTestServer, type TestServer } from '../test-support/server.js';
import { AssetSchema } from '../../shared/api/assets.js';

/** A real 2×1 PNG (so the content sniffing reads its size). */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.from([0, 255, 0, 0, 0, 0, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let db: TestDatabase;
let server: TestServer;
let dataDir: string;
beforeAll(async () => {
  db = await freshPglite();
  dataDir = await mkdtemp(join(tmpdir(), 'assets-test-'));
  server = await startTestServer({ DATA_DIR: dataDir }, { db: await db.open() });
});
afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('asset routes (shared/api/assets.ts)', () => {
  it('an upload answers 201 with the contract’s shape; the image comes back with its ETag, then 304', async () => {
    const token = await login(server.url, DEMO.agent);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png())], { type: 'image/png' }), 'dot.png');
    const res = await fetch(`${server.url}/api/assets`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(201);
    const asset = AssetSchema.parse(await res.json());
    expect(asset).toMatchObject({ width: 2, height: 1, mime: 'image/png', url: `/api/assets/${asset.id}` });

    const got = await fetch(`${server.url}${asset.url}`, { headers: { authorization: `Bearer ${token}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(png())).toBe(true);
    const again = await fetch(`${server.url}${asset.url}`, {
      headers: { authorization: `Bearer ${token}`, 'if-none-match': got.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('a JSON body is a 415 and a bad id a 400 in our error shape', async () => {
    const token = await login(server.url, DEMO.agent);
    const json = await api<{ error: { code: string } }>(server.url, token, 'POST', '/api/assets', { file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('unsupported_media_type');
    const bad = await api<{ error: { code: string } }>(server.url, token, 'GET', '/api/assets/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});
