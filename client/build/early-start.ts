import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { EDITOR_PRELOAD_META } from '../src/early-requests.js';

const chunkOf = (bundle: OutputBundle, module: string) =>
  Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && !!c.facadeModuleId?.endsWith(module));

/**
 * Wires the early-start script (client/src/early-start.ts, a build entry of its
 * own) into index.html ahead of the app's bundle, and lists the editor's built
 * files (its chunk, everything it imports statically, and their CSS) in a meta
 * tag, so that opening /designs/:id starts fetching the editor and its data
 * while the app's own bundle is still loading. Build only: the dev server has
 * no chunks (there the app simply makes its requests itself).
 */
export function earlyStart(opts = { entry: '/src/early-start.ts', editor: '/pages/EditorPage.tsx' }): Plugin {
  return {
    name: 'realbrand-early-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const early = chunkOf(ctx.bundle, opts.entry);
        const editor = chunkOf(ctx.bundle, opts.editor);
        if (!early || !editor) throw new Error(`early-start: no chunk for ${early ? opts.editor : opts.entry}`);
        return [
          // async: runs as soon as it has loaded, not in document order behind the app's bundle.
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${early.fileName}` }, injectTo: 'head-prepend' },
          { tag: 'meta', attrs: { name: EDITOR_PRELOAD_META, content: filesOf(editor, ctx.bundle).map((f) => `/${f}`).join(' ') }, injectTo: 'head' },
        ];
      },
    },
  };
}

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
