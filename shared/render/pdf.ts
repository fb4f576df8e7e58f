/**
 * PDF back-end (pdf-lib + fontkit): vector shapes, real text in the brand fonts (embedded,
 * subset, kerned as the canvas draws it), images at their full resolution, the page's bleed
 * with optional crop marks, and document metadata. Browser and server run this same code.
 */
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFString,
  appendBezierCurve,
  beginText,
  clip,
  closePath,
  concatTransformationMatrix,
  drawObject,
  endPath,
  endText,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingCmykColor,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  setLineWidth,
  setStrokingCmykColor,
  setStrokingRgbColor,
  setTextMatrix,
  stroke,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import type { Design } from '../design/index.js';
import type { Rgba } from './color.js';
import { PX_TO_PT } from './constants.js';
import type { FontBook, FontFile } from './fonts.js';
import { buildScene, imagePlacement, itemTransform, type Scene, type SceneItem, type ScenePage } from './scene.js';

import type { ImageLoader } from './pdf-types.js';

export type { ImageLoader, LoadedImage } from './pdf-types.js';

export interface PdfOptions {
  loadImage: ImageLoader;
  /** Extend the page by the design's bleed (print). Default true. */
  bleed?: boolean;
  /** Crop marks in a slug outside the bleed. */
  cropMarks?: boolean;
  metadata?: { title?: string; author?: string; brokerage?: string };
  /** Fixed creation date (tests compare two PDFs). */
  date?: Date;
  /**
   * Print (CMYK): brand colours with CMYK values (the brand kit's palette, 0–100 per ink) are
   * written as DeviceCMYK with those values; every other colour (and images) stays RGB. Crop marks
   * are drawn in registration (all four inks). No ICC output intent is written: see docs/PRINT.md.
   */
  cmyk?: ReadonlyArray<CmykSwatch>;
  /** The fonts to draw with (a brokerage's uploaded faces over the built-in ones); default the shared book. */
  book?: FontBook;
}

/** A brand colour and the CMYK values the brand kit gives for it (percent per ink). */
export interface CmykSwatch {
  hex: string;
  cmyk: { c: number; m: number; y: number; k: number };
}

export interface PdfResult {
  bytes: Uint8Array;
  scene: Scene;
}

/** Crop-mark slug around the bleed, pt. */
const SLUG_PT = 24;
const MARK_GAP_PT = 6;
const KAPPA = 0.5522847498;

type Ops = PDFOperator[];

function rgb(c: Rgba): [number, number, number] {
  return [c.r / 255, c.g / 255, c.b / 255];
}

const hexOf = (c: Rgba) => `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Colour operators: DeviceCMYK for the swatches given (print CMYK), DeviceRGB for everything else. */
class Inks {
  private readonly swatches: Map<string, CmykSwatch['cmyk']>;
  constructor(swatches: ReadonlyArray<CmykSwatch> = []) {
    this.swatches = new Map(swatches.map((s) => [s.hex.toLowerCase(), s.cmyk]));
  }
  get cmyk(): boolean {
    return this.swatches.size > 0;
  }
  fill(c: Rgba): PDFOperator {
    const k = this.swatches.get(hexOf(c));
    return k ? setFillingCmykColor(k.c / 100, k.m / 100, k.y / 100, k.k / 100) : setFillingRgbColor(...rgb(c));
  }
  stroke(c: Rgba): PDFOperator {
    const k = this.swatches.get(hexOf(c));
    return k ? setStrokingCmykColor(k.c / 100, k.m / 100, k.y / 100, k.k / 100) : setStrokingRgbColor(...rgb(c));
  }
}

class PdfWriter {
  private readonly fonts = new Map<FontFile, Promise<PDFFont>>();
  private readonly images = new Map<string, Promise<PDFImage | null>>();
  private readonly alphas = new Map<string, PDFName>();
  /** Encoded glyphs per embedded font (pdf-lib shapes its input on every encodeText). */
  private readonly encoded = new Map<PDFFont, Map<string, PDFHexString>>();

  private readonly inks: Inks;

  constructor(
    private readonly doc: PDFDocument,
    private readonly opts: PdfOptions,
  ) {
    this.inks = new Inks(opts.cmyk);
  }

  private font(file: FontFile): Promise<PDFFont> {
    let f = this.fonts.get(file);
    if (!f) this.fonts.set(file, (f = this.doc.embedFont(file.bytes, { subset: true })));
    return f;
  }

  private image(src: string): Promise<PDFImage | null> {
    let p = this.images.get(src);
    if (!p) {
      p = this.opts
        .loadImage(src)
        .then((img) => (img ? (img.format === 'png' ? this.doc.embedPng(img.bytes) : this.doc.embedJpg(img.bytes)) : null))
        .catch(() => null);
      this.images.set(src, p);
    }
    return p;
  }

  private alpha(page: PDFPage, a: number): Ops {
    const key = a.toFixed(3);
    let name = this.alphas.get(`${page.ref.toString()}|${key}`);
    if (!name) {
      name = page.node.newExtGState('GS', this.doc.context.obj({ Type: 'ExtGState', ca: a, CA: a }));
      this.alphas.set(`${page.ref.toString()}|${key}`, name);
    }
    return a < 1 ? [setGraphicsState(name)] : [];
  }

  async page(scenePage: ScenePage): Promise<void> {
    const slug = this.opts.cropMarks ? SLUG_PT : 0;
    const bleedPt = scenePage.bleed * PX_TO_PT;
    const trimW = scenePage.width * PX_TO_PT;
    const trimH = scenePage.height * PX_TO_PT;
    const W = trimW + 2 * (bleedPt + slug);
    const H = trimH + 2 * (bleedPt + slug);
    const page = this.doc.addPage([W, H]);
    const off = bleedPt + slug;
    page.setTrimBox(off, off, trimW, trimH);
    page.setBleedBox(slug, slug, trimW + 2 * bleedPt, trimH + 2 * bleedPt);
    const ops: Ops = [pushGraphicsState(), concatTransformationMatrix(PX_TO_PT, 0, 0, -PX_TO_PT, off, H - off)];
    const b = scenePage.bleed;
    if (scenePage.background) {
      ops.push(
        pushGraphicsState(),
        ...this.alpha(page, scenePage.background.a),
        this.inks.fill(scenePage.background),
        rectangle(-b, -b, scenePage.width + 2 * b, scenePage.height + 2 * b),
        fill(),
        popGraphicsState(),
      );
    }
    // Nothing past the bleed prints.
    ops.push(rectangle(-b, -b, scenePage.width + 2 * b, scenePage.height + 2 * b), clip(), endPath());
    for (const item of scenePage.items) ops.push(...(await this.item(page, item)));
    ops.push(popGraphicsState());
    if (this.opts.cropMarks) ops.push(...cropMarks(off, off, trimW, trimH, bleedPt, this.inks.cmyk));
    page.pushOperators(...ops);
  }

  private async item(page: PDFPage, item: SceneItem): Promise<Ops> {
    const [a, bb, c, d, e, f] = itemTransform(item.box);
    const ops: Ops = [pushGraphicsState(), concatTransformationMatrix(a, bb, c, d, e, f)];
    const { width: w, height: h } = item.box;
    switch (item.kind) {
      case 'rect':
      case 'ellipse': {
        const path = item.kind === 'rect' ? rectPath(w, h, item.radius) : ellipsePath(w, h);
        if (item.fill)
          ops.push(
            pushGraphicsState(),
            ...this.alpha(page, item.opacity * item.fill.a),
            this.inks.fill(item.fill),
            ...path,
            fill(),
            popGraphicsState(),
          );
        if (item.stroke)
          ops.push(
            pushGraphicsState(),
            ...this.alpha(page, item.opacity * item.stroke.a),
            this.inks.stroke(item.stroke),
            setLineWidth(item.strokeWidth),
            ...path,
            stroke(),
            popGraphicsState(),
          );
        break;
      }
      case 'line':
        ops.push(
          ...this.alpha(page, item.opacity * item.stroke.a),
          this.inks.stroke(item.stroke),
          setLineWidth(item.strokeWidth),
          moveTo(0, h / 2),
          lineTo(w, h / 2),
          stroke(),
        );
        break;
      case 'image': {
        const img = await this.image(item.src);
        if (!img) break;
        const p = imagePlacement(item.naturalWidth ?? img.width, item.naturalHeight ?? img.height, w, h, item.fit);
        const name = page.node.newXObject('Im', img.ref);
        ops.push(
          ...this.alpha(page, item.opacity),
          rectangle(0, 0, w, h),
          clip(),
          endPath(),
          concatTransformationMatrix(p.width, 0, 0, -p.height, p.x, p.y + p.height),
          drawObject(name),
        );
        break;
      }
      case 'text':
        ops.push(...this.alpha(page, item.opacity * item.fill.a), ...(await this.text(page, item)));
        break;
    }
    ops.push(popGraphicsState());
    return ops;
  }

  /**
   * Names each embedded font as a subset (`ABCDEF+Name`, PDF 32000 §9.6.4): pdf-lib embeds only
   * the glyphs used but names them `Name-1234`. The tag is derived from the name, so the same
   * design gives the same PDF wherever it is made.
   */
  async tagSubsets(): Promise<void> {
    for (const pending of this.fonts.values()) {
      const font = await pending;
      {
        const type0 = this.doc.context.lookup(font.ref, PDFDict);
        const base = type0.get(PDFName.of('BaseFont'));
        if (!(base instanceof PDFName)) return;
        const plain = base.decodeText().replace(/-\d+$/, '');
        const tagged = PDFName.of(`${subsetTag(plain)}+${plain}`);
        type0.set(PDFName.of('BaseFont'), tagged);
        const descendants = type0.lookup(PDFName.of('DescendantFonts'), PDFArray);
        const cid = descendants.lookup(0, PDFDict);
        cid.set(PDFName.of('BaseFont'), tagged);
        cid.lookup(PDFName.of('FontDescriptor'), PDFDict).set(PDFName.of('FontName'), tagged);
      }
    }
  }

  private encode(font: PDFFont, chars: string): PDFHexString {
    let cache = this.encoded.get(font);
    if (!cache) this.encoded.set(font, (cache = new Map()));
    let hex = cache.get(chars);
    if (!hex) cache.set(chars, (hex = font.encodeText(chars)));
    return hex;
  }

  private async text(page: PDFPage, item: Extract<SceneItem, { kind: 'text' }>): Promise<Ops> {
    const { layout } = item;
    const face = layout.face;
    if (!face) return [];
    const fs = layout.fontSize;
    const ops: Ops = [this.inks.fill(item.fill), beginText()];
    const names = new Map<FontFile, PDFName>();
    for (const line of layout.lines) {
      let x = line.x;
      for (const run of face.runs(line.text)) {
        const pdfFont = await this.font(run.file);
        let name = names.get(run.file);
        if (!name) names.set(run.file, (name = page.node.newFontDictionary(pdfFont.name, pdfFont.ref)));
        const { glyphs, positions, advanceWidth } = run.file.font.layout(run.text);
        const upm = run.file.font.unitsPerEm;
        // TJ with the font's kerning: the text sits where the canvas draws it.
        const parts: Array<PDFHexString | PDFNumber> = [];
        glyphs.forEach((g, i) => {
          if (g.codePoints.length === 0) return;
          parts.push(this.encode(pdfFont, String.fromCodePoint(...g.codePoints)));
          const adjust = positions[i]!.xAdvance - g.advanceWidth;
          if (Math.abs(adjust) > 0.01) parts.push(PDFNumber.of(-(adjust * 1000) / upm));
        });
        const array = PDFArray.withContext(this.doc.context);
        for (const p of parts) array.push(p);
        ops.push(
          setFontAndSize(name, fs),
          setTextMatrix(1, 0, 0, -1, x, line.baseline),
          PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]),
        );
        x += (advanceWidth / upm) * fs;
      }
    }
    ops.push(endText());
    return ops;
  }
}

/** Six capital letters from a hash of the font's name. */
function subsetTag(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

function rectPath(w: number, h: number, r: number): Ops {
  const rr = Math.min(r, w / 2, h / 2);
  if (rr <= 0) return [rectangle(0, 0, w, h)];
  const k = rr * KAPPA;
  return [
    moveTo(rr, 0),
    lineTo(w - rr, 0),
    appendBezierCurve(w - rr + k, 0, w, rr - k, w, rr),
    lineTo(w, h - rr),
    appendBezierCurve(w, h - rr + k, w - rr + k, h, w - rr, h),
    lineTo(rr, h),
    appendBezierCurve(rr - k, h, 0, h - rr + k, 0, h - rr),
    lineTo(0, rr),
    appendBezierCurve(0, rr - k, rr - k, 0, rr, 0),
    closePath(),
  ];
}

function ellipsePath(w: number, h: number): Ops {
  const rx = w / 2;
  const ry = h / 2;
  const kx = rx * KAPPA;
  const ky = ry * KAPPA;
  return [
    moveTo(w, ry),
    appendBezierCurve(w, ry + ky, rx + kx, h, rx, h),
    appendBezierCurve(rx - kx, h, 0, ry + ky, 0, ry),
    appendBezierCurve(0, ry - ky, rx - kx, 0, rx, 0),
    appendBezierCurve(rx + kx, 0, w, ry - ky, w, ry),
    closePath(),
  ];
}

/** Crop marks at the trim corners, in the slug, clear of the bleed (pt, PDF's y-up space). */
function cropMarks(x: number, y: number, w: number, h: number, bleed: number, registration: boolean): Ops {
  const ops: Ops = [
    pushGraphicsState(),
    registration ? setStrokingCmykColor(1, 1, 1, 1) : setStrokingRgbColor(0, 0, 0),
    setLineWidth(0.25),
  ];
  const start = bleed + MARK_GAP_PT;
  const end = bleed + SLUG_PT;
  for (const cx of [x, x + w]) {
    for (const cy of [y, y + h]) {
      const sx = cx === x ? -1 : 1;
      const sy = cy === y ? -1 : 1;
      ops.push(moveTo(cx + sx * start, cy), lineTo(cx + sx * end, cy), moveTo(cx, cy + sy * start), lineTo(cx, cy + sy * end));
    }
  }
  ops.push(stroke(), popGraphicsState());
  return ops;
}

/** The design as a PDF: one page per design page. */
export async function renderPdf(design: Design, opts: PdfOptions): Promise<PdfResult> {
  const scene = buildScene(design, { bleed: opts.bleed !== false, book: opts.book });
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const meta = opts.metadata ?? {};
  const date = opts.date ?? new Date();
  doc.setTitle(meta.title ?? design.meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.brokerage) {
    doc.setSubject(`${design.meta.kind} — ${meta.brokerage}`);
    // pdf-lib has no setter for custom Info keys; `Company` is the one PDF readers show for an organisation.
    (doc as unknown as { getInfoDict(): { set(k: PDFName, v: PDFString): void } })
      .getInfoDict()
      .set(PDFName.of('Company'), PDFString.of(meta.brokerage));
  }
  doc.setCreator('RealBrand');
  doc.setProducer('RealBrand (pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const writer = new PdfWriter(doc, opts);
  for (const page of scene.pages) await writer.page(page);
  await doc.flush();
  await writer.tagSubsets();
  return { bytes: await doc.save({ useObjectStreams: false }), scene };
}
