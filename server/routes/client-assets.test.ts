import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerClientAssets } from './client-assets.js';

describe('client assets', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rb-assets-'));
    writeFileSync(join(dir, 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'font-x.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    writeFileSync(join(dir, '.secret'), 'TOP-SECRET');
    app = Fastify();
    registerClientAssets(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a built file with its type, cached for good, and answers a revalidation with 304', async () => {
    const res = await app.inject('/assets/index-AbC123.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const font = await app.inject('/assets/font-x.woff2');
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.rawPayload).toEqual(Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-AbC123.js' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('serves a file a rebuild added without a restart', async () => {
    expect((await app.inject('/assets/later-1.js')).statusCode).toBe(404);
    writeFileSync(join(dir, 'later-1.js'), 'later');
    const res = await app.inject('/assets/later-1.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('later');
  });

  it.each(['..%2F..%2Fetc%2Fpasswd', '.secret', '%2E%2E', '%2E%2E%2F.secret', 'a%00.js', 'nope.js', 'x'.repeat(300)])(
    'nothing for %s',
    async (name) => {
      const res = await app.inject(`/assets/${name}`);
      expect([404, 414]).toContain(res.statusCode); // 414: longer than a route parameter may be
      expect(res.body).not.toContain('TOP-SECRET');
    },
  );
});
