/**
 * Server-side PDF of a design with jsPDF (Node build): shapes as vectors,
 * text as real (searchable) text in the standard PDF fonts, images embedded
 * when their bytes are supplied (JPEG/PNG), else a neutral placeholder.
 * One PDF page per design page, at the design's size (96 dpi → 72 pt).
 */
import type { jsPDF } from 'jspdf';
import { objectsInOrder, type Design, type DesignObject, type ImageObject, type TextObject } from '../../shared/index.js';

const PX_TO_PT = 0.75;
const LINE_HEIGHT = 1.16;

export interface PdfImage {
  data: Uint8Array;
  format: 'JPEG' | 'PNG';
  width: number;
  height: number;
}

function pdfFont(o: Pick<TextObject, 'fontFamily' | 'fontWeight' | 'fontStyle'>): { family: string; style: string } {
  const fam = o.fontFamily.toLowerCase();
  const family = /mono|courier|code/.test(fam) ? 'courier' : /serif|georgia|times|garamond|playfair|merriweather|baskerville|lora/.test(fam) && !/sans/.test(fam) ? 'times' : 'helvetica';
  const w = typeof o.fontWeight === 'number' ? o.fontWeight : o.fontWeight === 'bold' ? 700 : Number.parseInt(String(o.fontWeight), 10) || 400;
  const bold = w >= 600;
  const italic = o.fontStyle === 'italic';
  return { family, style: bold && italic ? 'bolditalic' : bold ? 'bold' : italic ? 'italic' : 'normal' };
}

const isHex = (c: string | undefined): c is string => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c);

/** The standard PDF fonts are WinAnsi: map the few typographic characters we use, drop the rest. */
function pdfSafe(text: string): string {
  return text.replace(/[–—]/g, '-').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/…/g, '...').replace(/[^\x20-\x7e\xa0-\xff\n]/g, '');
}

/** Corners of an object's box after rotation about its centre, in pt. */
function corners(o: DesignObject): [number, number][] {
  const cx = o.x + o.width / 2;
  const cy = o.y + o.height / 2;
  const a = ((o.angle ?? 0) * Math.PI) / 180;
  const pts: [number, number][] = [
    [o.x, o.y],
    [o.x + o.width, o.y],
    [o.x + o.width, o.y + o.height],
    [o.x, o.y + o.height],
  ];
  return pts.map(([x, y]) => {
    const dx = x - cx;
    const dy = y - cy;
    return [(cx + dx * Math.cos(a) - dy * Math.sin(a)) * PX_TO_PT, (cy + dx * Math.sin(a) + dy * Math.cos(a)) * PX_TO_PT];
  });
}

function polygon(doc: jsPDF, pts: [number, number][], style: 'F' | 'S' | 'FD'): void {
  const [first, ...rest] = pts;
  const deltas: [number, number][] = [];
  let [px, py] = first!;
  for (const [x, y] of rest) {
    deltas.push([x - px, y - py]);
    px = x;
    py = y;
  }
  doc.lines(deltas, first![0], first![1], [1, 1], style, true);
}

function drawImage(doc: jsPDF, o: ImageObject, image: PdfImage | undefined): void {
  const x = o.x * PX_TO_PT;
  const y = o.y * PX_TO_PT;
  const w = o.width * PX_TO_PT;
  const h = o.height * PX_TO_PT;
  if (!image) {
    doc.setFillColor('#e2e8f0');
    doc.rect(x, y, w, h, 'F');
    return;
  }
  let dw = w;
  let dh = h;
  if (o.fit === 'cover' || o.fit === 'contain') {
    const scale = (o.fit === 'cover' ? Math.max : Math.min)(w / image.width, h / image.height);
    dw = image.width * scale;
    dh = image.height * scale;
  }
  doc.saveGraphicsState();
  doc.rect(x, y, w, h, null);
  doc.clip();
  doc.discardPath();
  doc.addImage(image.data, image.format, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, undefined, 'FAST');
  doc.restoreGraphicsState();
}

function drawText(doc: jsPDF, o: TextObject): void {
  const text = pdfSafe(o.text);
  if (!text.trim()) return;
  const { family, style } = pdfFont(o);
  doc.setFont(family, style);
  const size = o.fontSize * PX_TO_PT;
  doc.setFontSize(size);
  doc.setTextColor(isHex(o.fill) ? o.fill : '#000000');
  const width = o.width * PX_TO_PT;
  const lines = doc.splitTextToSize(text, Math.max(1, width)) as string[];
  const lh = size * (o.lineHeight ?? LINE_HEIGHT);
  const align = o.textAlign === 'justify' ? 'left' : o.textAlign;
  const x = o.x * PX_TO_PT + (align === 'center' ? width / 2 : align === 'right' ? width : 0);
  lines.forEach((line, i) => doc.text(line, x, o.y * PX_TO_PT + i * lh + (lh - size) / 2, { baseline: 'top', align, angle: o.angle ? -o.angle : 0 }));
}

function drawObject(doc: jsPDF, o: DesignObject, images: ReadonlyMap<string, PdfImage>): void {
  if (o.visible === false || o.opacity === 0) return;
  switch (o.type) {
    case 'rect':
    case 'ellipse': {
      const fill = isHex(o.fill) ? o.fill : null;
      const stroke = o.stroke && isHex(o.stroke) && (o.strokeWidth ?? 0) > 0 ? o.stroke : null;
      if (!fill && !stroke) return;
      if (fill) doc.setFillColor(fill);
      if (stroke) {
        doc.setDrawColor(stroke);
        doc.setLineWidth((o.strokeWidth ?? 1) * PX_TO_PT);
      }
      const style = fill && stroke ? 'FD' : fill ? 'F' : 'S';
      if (o.type === 'ellipse') doc.ellipse((o.x + o.width / 2) * PX_TO_PT, (o.y + o.height / 2) * PX_TO_PT, (o.width / 2) * PX_TO_PT, (o.height / 2) * PX_TO_PT, style);
      else if (!o.angle) doc.rect(o.x * PX_TO_PT, o.y * PX_TO_PT, o.width * PX_TO_PT, o.height * PX_TO_PT, style);
      else polygon(doc, corners(o), style);
      return;
    }
    case 'line': {
      if (!isHex(o.stroke) || o.strokeWidth <= 0) return;
      const [a, b, c, d] = corners(o);
      doc.setDrawColor(o.stroke);
      doc.setLineWidth(o.strokeWidth * PX_TO_PT);
      doc.line((a![0] + d![0]) / 2, (a![1] + d![1]) / 2, (b![0] + c![0]) / 2, (b![1] + c![1]) / 2);
      return;
    }
    case 'image':
      drawImage(doc, o, images.get(o.src));
      return;
    case 'text':
      drawText(doc, o);
      return;
  }
}

/** The design as a PDF (uncompressed content streams, so its text is searchable as is). */
export async function designToPdf(design: Design, images: ReadonlyMap<string, PdfImage> = new Map()): Promise<Uint8Array> {
  // Loaded on the first export: kept out of start-up, where it cost ~20 MiB of RSS for a rarely used feature.
  const { jsPDF } = await import('jspdf');
  const w = design.meta.width * PX_TO_PT;
  const h = design.meta.height * PX_TO_PT;
  const doc = new jsPDF({ unit: 'pt', format: [w, h], orientation: w > h ? 'landscape' : 'portrait', compress: false });
  doc.setProperties({ title: design.meta.title, creator: 'RealBrand' });
  const pages = design.meta.pages ?? 1;
  const ordered = objectsInOrder(design);
  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage([w, h], w > h ? 'landscape' : 'portrait');
    if (isHex(design.meta.background)) {
      doc.setFillColor(design.meta.background);
      doc.rect(0, 0, w, h, 'F');
    }
    for (const o of ordered) if ((o.page ?? 0) === page) drawObject(doc, o, images);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/** Sniffs JPEG/PNG bytes and their pixel size (what jsPDF can embed). */
export function pdfImageFromBytes(data: Uint8Array): PdfImage | null {
  if (data.length > 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return { data, format: 'PNG', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return null;
      const marker = data[i + 1]!;
      const len = (data[i + 2]! << 8) | data[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { data, format: 'JPEG', height: (data[i + 5]! << 8) | data[i + 6]!, width: (data[i + 7]! << 8) | data[i + 8]! };
      }
      i += 2 + len;
    }
  }
  return null;
}
