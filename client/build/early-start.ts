import type { Plugin } from 'vite';
import { build, type OutputAsset, type OutputBundle, type OutputChunk } from 'rolldown';
import { EDITOR_PRELOAD_META } from '../src/early-requests.js';

const chunkOf = (bundle: OutputBundle, module: string) =>
  Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && !!c.facadeModuleId?.endsWith(module));

const EARLY_START_NAME = 'early-start.js';

/**
 * Wires the early-start script (client/src/early-start.ts) into index.html
 * ahead of the app's bundle, and lists the editor's built files (its chunk,
 * everything it imports statically, and their CSS) in a meta tag, so that
 * opening /designs/:id starts fetching the editor and its data while the app's
 * own bundle is still loading. The script is bundled on its own into one file
 * (as an entry of the app's build it would import the modules it shares with
 * the app, and only run once those had been fetched too). Build only: the dev
 * server has no chunks (there the app simply makes its requests itself).
 */
export function earlyStart(opts = { entry: 'client/src/early-start.ts', editor: '/features/designs/EditorPage.tsx' }): Plugin {
  return {
    name: 'realbrand-early-start',
    apply: 'build',
    async buildStart() {
      const out = await build({ input: opts.entry, write: false, logLevel: 'silent', output: { format: 'es', minify: true } });
      const code = out.output.find((o): o is OutputChunk => o.type === 'chunk' && o.isEntry)?.code;
      if (!code) throw new Error(`early-start: bundling ${opts.entry} gave no code`);
      this.emitFile({ type: 'asset', name: EARLY_START_NAME, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const early = Object.values(ctx.bundle).find((f): f is OutputAsset => f.type === 'asset' && f.names.includes(EARLY_START_NAME));
        const editor = chunkOf(ctx.bundle, opts.editor);
        if (!early || !editor)
          throw new Error(`early-start: no ${early ? `chunk for ${opts.editor}` : 'early-start script'} in the bundle`);
        return [
          // async: runs as soon as it has loaded, not in document order behind the app's bundle.
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${early.fileName}` }, injectTo: 'head-prepend' },
          {
            tag: 'meta',
            attrs: {
              name: EDITOR_PRELOAD_META,
              content: filesOf(editor, ctx.bundle)
                .map((f) => `/${f}`)
                .join(' '),
            },
            injectTo: 'head',
          },
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
