import type { Plugin } from 'vite';
import { build, type OutputBundle, type OutputChunk } from 'rolldown';
import { EDITOR_FONT_FILE } from '../src/brand-faces.js';
import { EDITOR_PRELOAD_META } from '../src/early-requests.js';

const chunkOf = (bundle: OutputBundle, module: string) =>
  Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && !!c.facadeModuleId?.endsWith(module));

/**
 * Wires the early-start script (client/src/early-start.ts) into index.html as
 * the head's first script, inline, and lists the editor's built files (its
 * chunk, everything it imports statically, their CSS, and the brand fonts a
 * design draws with) in a meta tag just before it, so that opening
 * /designs/:id starts fetching the editor and its data while the HTML is still
 * being parsed. Inline, it runs without a request of its own (as a file it ran
 * only ~200 ms into a cold open, once fetched behind the app's bundle); the
 * server allows it by its hash in the page's Content-Security-Policy
 * (server/client-page.ts). It is bundled on its own into one classic script (as
 * an entry of the app's build it would import the modules it shares with the
 * app). Build only: the dev server has no chunks (there the app simply makes its
 * requests itself).
 */
export function earlyStart(opts = { entry: 'client/src/early-start.ts', editor: '/pages/EditorPage.tsx' }): Plugin {
  let code = '';
  return {
    name: 'realbrand-early-start',
    apply: 'build',
    async buildStart() {
      const out = await build({ input: opts.entry, write: false, logLevel: 'silent', output: { format: 'iife', minify: true } });
      code = out.output.find((o): o is OutputChunk => o.type === 'chunk' && o.isEntry)?.code.trim() ?? '';
      if (!code) throw new Error(`early-start: bundling ${opts.entry} gave no code`);
      // The HTML parser would end the script early at "</script" (or open a comment at "<!--").
      if (/<\/script|<!--/i.test(code)) throw new Error('early-start: the bundled script cannot be inlined as it is');
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const editor = chunkOf(ctx.bundle, opts.editor);
        if (!editor) throw new Error(`early-start: no chunk for ${opts.editor} in the bundle`);
        const fonts = Object.values(ctx.bundle)
          .filter((f) => f.type === 'asset' && EDITOR_FONT_FILE.test(f.fileName))
          .map((f) => f.fileName);
        const files = [...filesOf(editor, ctx.bundle), ...fonts].map((f) => `/${f}`).join(' ');
        // Right after the charset (which must stay in the first 1024 bytes) and before the app's
        // stylesheet, which would hold an inline script back until it has loaded. The meta tag comes
        // first: the script reads it as it runs.
        const charset = /<meta charset=[^>]*>/i.exec(html);
        if (!charset) throw new Error('early-start: index.html has no <meta charset>');
        const at = charset.index + charset[0].length;
        const tags = `\n    <meta name="${EDITOR_PRELOAD_META}" content="${escapeAttribute(files)}">\n    <script>${code}</script>`;
        return html.slice(0, at) + tags + html.slice(at);
      },
    },
  };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A chunk's file, its static imports (transitively) and the CSS they carry. */
function filesOf(root: OutputChunk, bundle: OutputBundle): string[] {
  const files = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    const css = (chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? new Set<string>();
    for (const f of css) files.add(f);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(root);
  return [...files];
}
