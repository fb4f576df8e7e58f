import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { contentSecurityPolicy } from '../auth/http.js';

/** The sha256 CSP source of each inline `<script>` (no `src`) in an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '')) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

interface Page {
  mtimeMs: number;
  size: number;
  html: string;
  policy: string;
}

/**
 * The app's HTML page (client/dist/index.html), the answer to every client route.
 * It carries an inline boot script (the editor's early requests, see
 * client/build/early-start.ts), so its Content-Security-Policy allows exactly
 * the page's own inline scripts, by hash. Read again when the file changes (a
 * rebuild needs no restart).
 */
export function clientPage(file: string): { send(reply: FastifyReply): FastifyReply } {
  let page: Page | null = null;
  const load = (): Page => {
    const stat = statSync(file);
    if (page && page.mtimeMs === stat.mtimeMs && page.size === stat.size) return page;
    const html = readFileSync(file, 'utf8');
    page = { mtimeMs: stat.mtimeMs, size: stat.size, html, policy: contentSecurityPolicy(inlineScriptHashes(html)) };
    return page;
  };
  return {
    send(reply) {
      const { html, policy } = load();
      return reply.header('content-security-policy', policy).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    },
  };
}
