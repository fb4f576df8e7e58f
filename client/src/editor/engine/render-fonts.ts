/**
 * The browser's copy of the renderer's fonts: the same brand font files the server measures with
 * (served by /api/fonts), parsed by fontkit into the shared font book. Loaded on demand (the parser
 * is large): the editor starts it after its first frame, exports wait for it.
 */
import { loadFontFiles } from '../../../../shared/render/font-files.js';

let loading: Promise<void> | null = null;

export function loadRenderFonts(): Promise<void> {
  loading ??= loadFontFiles(async (path) => {
    const res = await fetch(`/api/fonts/${encodeURIComponent(path.split('/').pop()!)}`);
    if (!res.ok) throw new Error(`font ${path}: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}
