import { cache, type Canvas } from 'fabric';

/**
 * Web fonts arrive after the first render: once they (and any face loaded later)
 * are ready, drop fabric's glyph-width cache and redraw, so text is measured and
 * drawn with the real face rather than the fallback it started with.
 */
export function redrawWhenFontsLoad(canvas: Canvas): () => void {
  if (typeof document === 'undefined' || !document.fonts) return () => undefined;
  let live = true;
  const redraw = () => {
    if (!live) return;
    cache.clearFontCache();
    for (const o of canvas.getObjects()) {
      if ('initDimensions' in o && typeof o.initDimensions === 'function') o.initDimensions();
      o.dirty = true;
    }
    canvas.requestRenderAll();
  };
  void document.fonts.ready.then(redraw);
  document.fonts.addEventListener('loadingdone', redraw);
  return () => {
    live = false;
    document.fonts.removeEventListener('loadingdone', redraw);
  };
}
