import { cache, type Canvas, type FabricObject } from 'fabric';

/** The first family of a CSS font stack, unquoted and lower-cased ('"Open Sans", Arial' → 'open sans'). */
export function primaryFamily(stack: string): string {
  return (stack.split(',')[0] ?? '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
}

/**
 * Web fonts can arrive after text was first measured: once a face loads, drop
 * fabric's glyph-width cache for the text objects that use its family, re-measure
 * them and redraw, so they are laid out and drawn with the real face rather than
 * the fallback they started with. Only those objects: re-measuring every text
 * object of a large design because one weight arrived costs a visible pause.
 */
export function redrawWhenFontsLoad(canvas: Canvas): () => void {
  if (typeof document === 'undefined' || !document.fonts) return () => undefined;
  let live = true;
  const redraw = (families: Set<string>) => {
    if (!live) return;
    let touched = false;
    for (const o of canvas.getObjects() as Array<FabricObject & { fontFamily?: string; initDimensions?: () => void }>) {
      if (typeof o.fontFamily !== 'string' || typeof o.initDimensions !== 'function') continue;
      if (!families.has(primaryFamily(o.fontFamily))) continue;
      cache.clearFontCache(o.fontFamily);
      o.initDimensions();
      o.dirty = true;
      touched = true;
    }
    if (touched) canvas.requestRenderAll();
  };
  // No sweep at `document.fonts.ready`: text laid out before this listener was attached (in the
  // same task) was measured with the faces loaded by then, and every face that finishes later
  // fires 'loadingdone'. Re-measuring everything there cost each open a second layout of all text.
  const onLoaded = (e: Event) => {
    const faces = (e as FontFaceSetLoadEvent).fontfaces ?? [];
    redraw(new Set(faces.map((f) => primaryFamily(f.family))));
  };
  document.fonts.addEventListener('loadingdone', onLoaded);
  return () => {
    live = false;
    document.fonts.removeEventListener('loadingdone', onLoaded);
  };
}
