import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { clientPage, inlineScriptHashes } from './client-page.js';

describe('inlineScriptHashes', () => {
  it('hashes each inline script body exactly and skips scripts with a src', () => {
    const html = '<head><script>alert(1)</script><script type="module" src="/a.js"></script><SCRIPT >alert(1)</SCRIPT></head>';
    // sha256("alert(1)"), base64: a known answer, not the function's own arithmetic.
    expect(inlineScriptHashes(html)).toEqual(["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='", "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]);
    expect(inlineScriptHashes('<script src="/x.js"></script><p>no scripts</p>')).toEqual([]);
  });
});

describe('clientPage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'client-page-'));
  const file = join(dir, 'index.html');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the page uncached with a policy that allows exactly its inline scripts, re-read when the file changes', async () => {
    const app = Fastify();
    const page = clientPage(file);
    app.get('/*', (_req, reply) => page.send(reply));
    writeFileSync(file, '<html><head><script>alert(1)</script></head></html>');
    const first = await app.inject('/designs/x');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.body).toContain('alert(1)');
    const policy = String(first.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(/script-src ([^;]*)/.exec(policy)![1]).not.toContain('unsafe-inline'); // inline scripts only by hash

    writeFileSync(file, '<html><head><script>alert(2)</script><script>alert(1)</script></head></html>');
    const second = await app.inject('/designs/x');
    const hashes = /script-src ([^;]*)/.exec(String(second.headers['content-security-policy']))![1]!.split(' ');
    expect(hashes).toHaveLength(3);
    expect(second.body).toContain('alert(2)');
    await app.close();
  });
});
