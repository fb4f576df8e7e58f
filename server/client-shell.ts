import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The meta tag the build writes into index.html (see client/build/early-start.ts). */
const EDITOR_FILES = /<meta name="realbrand-editor-preload" content="([^"]*)">/;

/**
 * index.html for an editor URL: the editor's code is announced in the HTML
 * itself (modulepreload), so the browser's preload scanner fetches it while the
 * app's bundle downloads, before any script has run. Pure: html in, html out.
 */
export function editorShell(html: string): string {
  const files = EDITOR_FILES.exec(html)?.[1]?.split(' ').filter((f) => /^\/assets\/[\w.-]+\.(js|css)$/.test(f)) ?? [];
  if (files.length === 0) return html;
  const links = files
    .map((f) => (f.endsWith('.css') ? `<link rel="preload" as="style" crossorigin href="${f}">` : `<link rel="modulepreload" crossorigin href="${f}">`))
    .join('\n    ');
  return html.replace('</head>', `    ${links}\n  </head>`);
}

/** Serves the built client's index.html, with the editor variant for /designs/:id (read per request: a rebuild needs no restart). */
export async function clientShell(dist: string, path: string): Promise<string> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  return /^\/designs\/[^/]+\/?$/.test(path) ? editorShell(html) : html;
}
