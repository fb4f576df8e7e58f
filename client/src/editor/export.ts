/**
 * Export: PNG at 2× from the live fabric canvas (page area only, no
 * selection chrome), and a PDF drawn with jsPDF — shapes as vectors, text as
 * real text in standard PDF fonts, images embedded at print resolution.
 */
import type { Canvas } from 'fabric';
import { Textbox } from 'fabric';
import type { jsPDF as JsPDF } from 'jspdf';
import type { DesignMeta, DesignObject, TextObject } from '../../../shared/design/index.js';
import { boxAABB, boxCenter, imageCrop, rotatePoint, type Point } from './convert.js';
import { imageUrl, loadImage } from './fabric-objects.js';
import type { CanvasBinding } from './binding.js';
import { isOnPage, pageCount } from './pages.js';

/** CSS pixels (96 dpi) to PDF points (72 dpi). */
export const PX_TO_PT = 0.75;
const PRINT_SCALE = 300 / 96;

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

/** The page at `scale`× as a canvas element, rendered by fabric without selection chrome. */
export function renderPage(canvas: Canvas, meta: DesignMeta, scale = 2): HTMLCanvasElement {
  const v = canvas.viewportTransform;
  const zoom = v[0];
  const el = canvas.toCanvasElement(scale / zoom, { left: v[4], top: v[5], width: meta.width * zoom, height: meta.height * zoom });
  // 'after:render' listeners (overlays) just saw the export's viewport: let them redraw with the real one.
  canvas.requestRenderAll();
  return el;
}

export async function exportPng(canvas: Canvas, meta: DesignMeta, title: string): Promise<void> {
  const el = renderPage(canvas, meta, 2);
  const blob = await new Promise<Blob>((resolve, reject) => el.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
  download(blob, `${fileSlug(title)}.png`);
}

/** jsPDF standard font for a design font family and weight. */
export function pdfFont(o: Pick<TextObject, 'fontFamily' | 'fontWeight' | 'fontStyle'>): { family: 'helvetica' | 'times' | 'courier'; style: string } {
  const fam = o.fontFamily.toLowerCase();
  const family = /mono|courier|code/.test(fam) ? 'courier' : /serif|georgia|times|garamond|playfair|merriweather|baskerville|lora/.test(fam) && !/sans/.test(fam) ? 'times' : 'helvetica';
  const w = typeof o.fontWeight === 'number' ? o.fontWeight : o.fontWeight === 'bold' ? 700 : Number.parseInt(String(o.fontWeight), 10) || 400;
  const bold = w >= 600;
  const italic = o.fontStyle === 'italic';
  return { family, style: bold && italic ? 'bolditalic' : bold ? 'bold' : italic ? 'italic' : 'normal' };
}

/** Baseline of line `i` below the top of a fabric text box (fabric's own layout constants). */
export function baselineOffset(i: number, fontSize: number, lineHeight: number): number {
  const FONT_SIZE_MULT = 1.13;
  const FONT_SIZE_FRACTION = 0.222;
  const h = fontSize * FONT_SIZE_MULT;
  return i * h * lineHeight + h * (1 - FONT_SIZE_FRACTION);
}

type Seg = ['M' | 'L', Point] | ['C', Point, Point, Point] | ['Z'];

const KAPPA = 0.5522847498;

function ellipsePath(w: number, h: number): Seg[] {
  const rx = w / 2;
  const ry = h / 2;
  const kx = rx * KAPPA;
  const ky = ry * KAPPA;
  return [
    ['M', { x: rx, y: 0 }],
    ['C', { x: rx, y: ky }, { x: kx, y: ry }, { x: 0, y: ry }],
    ['C', { x: -kx, y: ry }, { x: -rx, y: ky }, { x: -rx, y: 0 }],
    ['C', { x: -rx, y: -ky }, { x: -kx, y: -ry }, { x: 0, y: -ry }],
    ['C', { x: kx, y: -ry }, { x: rx, y: -ky }, { x: rx, y: 0 }],
    ['Z'],
  ];
}

function rectPath(w: number, h: number, r: number): Seg[] {
  const x0 = -w / 2;
  const y0 = -h / 2;
  const rr = Math.min(r, w / 2, h / 2);
  if (rr <= 0) {
    return [['M', { x: x0, y: y0 }], ['L', { x: x0 + w, y: y0 }], ['L', { x: x0 + w, y: y0 + h }], ['L', { x: x0, y: y0 + h }], ['Z']];
  }
  const k = rr * KAPPA;
  const x1 = x0 + w;
  const y1 = y0 + h;
  return [
    ['M', { x: x0 + rr, y: y0 }],
    ['L', { x: x1 - rr, y: y0 }],
    ['C', { x: x1 - rr + k, y: y0 }, { x: x1, y: y0 + rr - k }, { x: x1, y: y0 + rr }],
    ['L', { x: x1, y: y1 - rr }],
    ['C', { x: x1, y: y1 - rr + k }, { x: x1 - rr + k, y: y1 }, { x: x1 - rr, y: y1 }],
    ['L', { x: x0 + rr, y: y1 }],
    ['C', { x: x0 + rr - k, y: y1 }, { x: x0, y: y1 - rr + k }, { x: x0, y: y1 - rr }],
    ['L', { x: x0, y: y0 + rr }],
    ['C', { x: x0, y: y0 + rr - k }, { x: x0 + rr - k, y: y0 }, { x: x0 + rr, y: y0 }],
    ['Z'],
  ];
}

/** Local path (about the box centre) → page points in pt, rotated. */
function placePath(segs: Seg[], o: DesignObject): Seg[] {
  const c = boxCenter(o);
  const t = (p: Point): Point => {
    const r = rotatePoint({ x: c.x + p.x, y: c.y + p.y }, c, o.angle);
    return { x: r.x * PX_TO_PT, y: r.y * PX_TO_PT };
  };
  return segs.map((s) => (s[0] === 'Z' ? s : s[0] === 'C' ? ['C', t(s[1]), t(s[2]), t(s[3])] : [s[0], t(s[1])])) as Seg[];
}

function drawPath(pdf: JsPDF, segs: Seg[], mode: 'F' | 'S' | 'FD'): void {
  for (const s of segs) {
    if (s[0] === 'M') pdf.moveTo(s[1].x, s[1].y);
    else if (s[0] === 'L') pdf.lineTo(s[1].x, s[1].y);
    else if (s[0] === 'C') pdf.curveTo(s[1].x, s[1].y, s[2].x, s[2].y, s[3].x, s[3].y);
    else pdf.close();
  }
  if (mode === 'F') pdf.fill();
  else if (mode === 'S') pdf.stroke();
  else pdf.fillStroke();
}

function isPaint(c: string | undefined): c is string {
  return !!c && c !== 'transparent' && c !== 'none' && !/rgba\([^)]*,\s*0\)$/.test(c);
}

async function rasterizeImage(o: Extract<DesignObject, { type: 'image' }>): Promise<{ data: HTMLCanvasElement; aabb: ReturnType<typeof boxAABB>; jpeg: boolean } | null> {
  if (!o.src) return null;
  let img: HTMLImageElement;
  try {
    img = await loadImage(imageUrl(o.src));
  } catch {
    return null;
  }
  const nw = img.naturalWidth || o.naturalWidth || o.width;
  const nh = img.naturalHeight || o.naturalHeight || o.height;
  const crop = imageCrop(nw, nh, o.width, o.height, o.fit);
  const isVector = /\.svg($|\?)/i.test(img.src) || img.src.startsWith('data:image/svg');
  const scale = isVector ? PRINT_SCALE : Math.min(PRINT_SCALE, Math.max(1, crop.width / Math.max(o.width, 1)));
  const aabb = boxAABB(o);
  const cw = Math.max(1, Math.ceil((aabb.right - aabb.left) * scale));
  const ch = Math.max(1, Math.ceil((aabb.bottom - aabb.top) * scale));
  const canvas = document.createElement('canvas');
  canvas.width = cw;
  canvas.height = ch;
  const ctx = canvas.getContext('2d')!;
  const jpeg = !o.angle && !isVector && !/\.png($|\?)/i.test(img.src);
  if (jpeg) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, cw, ch);
  }
  ctx.scale(scale, scale);
  const c = boxCenter(o);
  ctx.translate(c.x - aabb.left, c.y - aabb.top);
  ctx.rotate((o.angle * Math.PI) / 180);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, crop.cropX, crop.cropY, crop.width, crop.height, -o.width / 2, -o.height / 2, o.width, o.height);
  return { data: canvas, aabb, jpeg };
}

function drawText(pdf: JsPDF, o: TextObject, fo: Textbox | undefined): void {
  const lines = fo ? fo.textLines.map((l) => l.replace(/\s+$/, '')) : o.text.split('\n');
  const font = pdfFont(o);
  pdf.setFont(font.family, font.style);
  pdf.setFontSize(o.fontSize * PX_TO_PT);
  pdf.setTextColor(o.fill.startsWith('#') ? o.fill : '#000000');
  const lineHeight = o.lineHeight ?? 1.16;
  const height = fo ? fo.height : o.height;
  const center = { x: o.x + o.width / 2, y: o.y + height / 2 };
  lines.forEach((line, i) => {
    if (!line) return;
    const w = pdf.getTextWidth(line) / PX_TO_PT;
    const dx = o.textAlign === 'center' ? (o.width - w) / 2 : o.textAlign === 'right' ? o.width - w : 0;
    const anchor = rotatePoint({ x: o.x + dx, y: o.y + baselineOffset(i, o.fontSize, lineHeight) }, center, o.angle);
    pdf.text(line, anchor.x * PX_TO_PT, anchor.y * PX_TO_PT, { angle: o.angle ? -o.angle : undefined, baseline: 'alphabetic' });
  });
}

export async function exportPdf(binding: CanvasBinding, title: string): Promise<void> {
  const { jsPDF } = await import('jspdf');
  const meta = binding.meta;
  const W = meta.width * PX_TO_PT;
  const H = meta.height * PX_TO_PT;
  const pdf = new jsPDF({ unit: 'pt', format: [W, H], orientation: W > H ? 'landscape' : 'portrait', compress: true });
  pdf.setProperties({ title, creator: 'RealBrand' });
  const GState = (pdf as unknown as { GState: new (p: Record<string, number>) => unknown }).GState;

  const all = binding.allModels().filter((o) => o.visible !== false);
  const rasters = new Map(await Promise.all(all.filter((o) => o.type === 'image').map(async (o) => [o.id, await rasterizeImage(o as Extract<DesignObject, { type: 'image' }>)] as const)));
  // One PDF page per design page, all the same size.
  const pages = pageCount(meta);
  for (let page = 0; page < pages; page++) {
    if (page > 0) pdf.addPage([W, H], W > H ? 'landscape' : 'portrait');
    drawPdfPage(pdf, binding, meta, all.filter((o) => isOnPage(o, page)), rasters, GState);
  }
  download(pdf.output('blob'), `${fileSlug(title)}.pdf`);
}

type Raster = Awaited<ReturnType<typeof rasterizeImage>>;

function drawPdfPage(pdf: JsPDF, binding: CanvasBinding, meta: DesignMeta, objects: DesignObject[], rasters: Map<string, Raster>, GState: new (p: Record<string, number>) => unknown): void {
  const W = meta.width * PX_TO_PT;
  const H = meta.height * PX_TO_PT;
  pdf.setGState(new GState({ opacity: 1, 'stroke-opacity': 1 }));
  if (isPaint(meta.background)) {
    pdf.setFillColor(meta.background);
    pdf.rect(0, 0, W, H, 'F');
  }
  for (const o of objects) {
    const opacity = o.opacity ?? 1;
    if (opacity <= 0) continue;
    pdf.setGState(new GState({ opacity, 'stroke-opacity': opacity }));
    switch (o.type) {
      case 'rect':
      case 'ellipse': {
        const segs = placePath(o.type === 'rect' ? rectPath(o.width, o.height, o.radius ?? 0) : ellipsePath(o.width, o.height), o);
        const fill = isPaint(o.fill);
        const stroke = isPaint(o.stroke) && (o.strokeWidth ?? 0) > 0;
        if (!fill && !stroke) break;
        if (fill) pdf.setFillColor(o.fill);
        if (stroke) {
          pdf.setDrawColor(o.stroke!);
          pdf.setLineWidth(o.strokeWidth! * PX_TO_PT);
        }
        drawPath(pdf, segs, fill && stroke ? 'FD' : fill ? 'F' : 'S');
        break;
      }
      case 'line': {
        if (!isPaint(o.stroke) || o.strokeWidth <= 0) break;
        const segs = placePath([['M', { x: -o.width / 2, y: 0 }], ['L', { x: o.width / 2, y: 0 }]], o);
        pdf.setDrawColor(o.stroke);
        pdf.setLineWidth(o.strokeWidth * PX_TO_PT);
        drawPath(pdf, segs, 'S');
        break;
      }
      case 'text': {
        const fo = binding.fabricOf(o.id);
        // Text on a page not shown may have been measured before the fonts loaded.
        if (fo instanceof Textbox && !fo.canvas?.getObjects().includes(fo)) fo.initDimensions();
        drawText(pdf, o, fo instanceof Textbox ? fo : undefined);
        break;
      }
      case 'image': {
        const r = rasters.get(o.id);
        if (!r) break;
        const { aabb } = r;
        const format = r.jpeg ? 'JPEG' : 'PNG';
        const data = r.jpeg ? r.data.toDataURL('image/jpeg', 0.92) : r.data;
        pdf.addImage(data, format, aabb.left * PX_TO_PT, aabb.top * PX_TO_PT, (aabb.right - aabb.left) * PX_TO_PT, (aabb.bottom - aabb.top) * PX_TO_PT, undefined, 'FAST');
        break;
      }
    }
  }
  pdf.setGState(new GState({ opacity: 1, 'stroke-opacity': 1 }));
}
