/**
 * Export from the editor. PDF: the one renderer (shared/render, the same code the server runs) —
 * brand fonts embedded, vector text and shapes, images at full resolution, bleed. PNG: the page
 * as the canvas draws it, at the kind's pixel size, with placeholders and editor-only chrome
 * hidden. Both leave placeholders out and return them, so the caller can warn.
 */
import type { Canvas, FabricObject } from 'fabric';
import type { Design, DesignMeta } from '../../../../shared/design/index.js';
import {
  PRINT_DPI,
  buildScene,
  isSvgBytes,
  rasterSize,
  sniffImage,
  type LoadedImage,
  type Placeholder,
} from '../../../../shared/render/index.js';
import type { CmykSwatch } from '../../../../shared/render/pdf.js';
import type { CanvasBinding } from './binding.js';
import { imageUrl, loadImage } from './fabric-objects.js';

export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'design'
  );
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The binding's current state as a plain design value. */
export function currentDesign(binding: CanvasBinding): Design {
  return { meta: binding.meta, objects: Object.fromEntries(binding.allModels().map((o) => [o.id, o])) };
}

/**
 * The page at `scale`× as a canvas element, rendered by fabric without selection chrome; objects
 * in `hide` (placeholders) are left out.
 */
export function renderPage(canvas: Canvas, meta: DesignMeta, scale = 2, hide: readonly FabricObject[] = []): HTMLCanvasElement {
  const v = canvas.viewportTransform;
  const zoom = v[0];
  const shown = hide.filter((o) => o.visible);
  for (const o of shown) o.visible = false;
  try {
    return canvas.toCanvasElement(scale / zoom, { left: v[4], top: v[5], width: meta.width * zoom, height: meta.height * zoom });
  } finally {
    for (const o of shown) o.visible = true;
    // 'after:render' listeners (overlays) just saw the export's viewport: let them redraw with the real one.
    canvas.requestRenderAll();
  }
}

/** Placeholders on the current page (what a PNG of it leaves out). */
function pagePlaceholders(binding: CanvasBinding): Placeholder[] {
  return buildScene(currentDesign(binding), { pages: [binding.currentPage] }).placeholders;
}

export async function exportPng(
  canvas: Canvas,
  binding: CanvasBinding,
  title: string,
  format: 'png' | 'jpg' = 'png',
): Promise<Placeholder[]> {
  const placeholders = pagePlaceholders(binding);
  const hide = placeholders.map((p) => binding.fabricOf(p.objectId)).filter((o): o is FabricObject => !!o);
  const el = renderPage(canvas, binding.meta, rasterSize(binding.meta).scale, hide);
  const type = format === 'jpg' ? 'image/jpeg' : 'image/png';
  const blob = await new Promise<Blob>((resolve, reject) =>
    el.toBlob((b) => (b ? resolve(b) : reject(new Error('Image export failed'))), type, 0.92),
  );
  download(blob, `${fileSlug(title)}.${format}`);
  return placeholders;
}

/** An image source as embeddable bytes: JPEG/PNG as they are (full resolution), anything else drawn to a PNG (SVG at print resolution). */
async function loadForPdf(src: string): Promise<LoadedImage | null> {
  const url = imageUrl(src);
  if (!url) return null;
  const res = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
  if (!res?.ok) return null;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const direct = sniffImage(bytes);
  if (direct) return direct;
  const img = await loadImage(url).catch(() => null);
  if (!img) return null;
  const scale = isSvgBytes(bytes) ? PRINT_DPI / 96 : 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round((img.naturalWidth || 300) * scale));
  canvas.height = Math.max(1, Math.round((img.naturalHeight || 150) * scale));
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? { format: 'png', bytes: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height } : null;
}

/** The print PDF, made in the browser by the shared renderer. */
export async function designPdfBytes(
  design: Design,
  metadata: { author?: string; brokerage?: string } = {},
  opts: { cropMarks?: boolean; date?: Date; cmyk?: CmykSwatch[] } = {},
): Promise<{ bytes: Uint8Array; placeholders: Placeholder[] }> {
  const [{ renderPdf }, { loadRenderFonts }] = await Promise.all([import('../../../../shared/render/pdf.js'), import('./render-fonts.js')]);
  await loadRenderFonts();
  const { bytes, scene } = await renderPdf(design, {
    loadImage: loadForPdf,
    cropMarks: opts.cropMarks,
    cmyk: opts.cmyk,
    date: opts.date,
    metadata: { title: design.meta.title, ...metadata },
  });
  return { bytes, placeholders: scene.placeholders };
}

export async function exportPdf(
  binding: CanvasBinding,
  title: string,
  metadata: { author?: string; brokerage?: string } = {},
  opts: { cmyk?: CmykSwatch[] } = {},
): Promise<Placeholder[]> {
  const { bytes, placeholders } = await designPdfBytes(currentDesign(binding), metadata, { cmyk: opts.cmyk });
  download(new Blob([bytes as BlobPart], { type: 'application/pdf' }), `${fileSlug(title)}.pdf`);
  return placeholders;
}
