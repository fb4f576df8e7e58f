/**
 * SVG back-end: a page as a self-contained SVG. Text is drawn as the font's glyph outlines (so
 * it looks the same wherever the SVG is shown — an <img>, a thumbnail rasteriser — with no font
 * installed), with the text itself in an aria-label; images are inlined by the caller's loader
 * (data: URLs) or left out. Every attribute and text value is escaped; colours are validated.
 */
import type { Design } from '../design/index.js';
import type { Rgba } from './color.js';
import { escapeXml as esc, num } from './escape.js';
import type { Face, FontBook } from './fonts.js';
import { buildScene, imagePlacement, itemTransform, type Scene, type SceneItem, type ScenePage } from './scene.js';

export interface SvgOptions {
  /** Page index (default 0). */
  page?: number;
  /** Image src → URL the SVG may reference (a data: URL for a standalone file), or null to leave it out. */
  imageHref?: (src: string) => string | null;
  /** Output width in px (height follows the page's aspect); default the design's size. */
  width?: number;
  /** Previews only: empty photo frames as a neutral tile. */
  photoStandIns?: boolean;
  /** The fonts to draw with (a brokerage's uploaded faces over the built-in ones); default the shared book. */
  book?: FontBook;
}

export interface SvgResult {
  svg: string;
  width: number;
  height: number;
  scene: Scene;
}

function paint(c: Rgba): string {
  return `rgb(${c.r},${c.g},${c.b})`;
}

function alphaAttr(name: string, a: number): string {
  return a < 1 ? ` ${name}="${num(a)}"` : '';
}

/** Glyph outlines are shared between uses on a page: one <path> per glyph in <defs>. */
class GlyphDefs {
  private readonly ids = new Map<string, string>();
  readonly defs: string[] = [];
  id(face: Face, fileIndex: number, glyph: { id: number; path: { toSVG(): string } }): string | null {
    const key = `${face.family}|${face.weight}|${face.style}|${fileIndex}|${glyph.id}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      const d = glyph.path.toSVG();
      id = d ? `g${this.ids.size}` : '';
      this.ids.set(key, id);
      if (d) this.defs.push(`<path id="${id}" d="${esc(d)}"/>`);
    }
    return id || null;
  }
}

function textItem(item: Extract<SceneItem, { kind: 'text' }>, glyphs: GlyphDefs): string {
  const { layout } = item;
  const face = layout.face;
  if (!face) return '';
  const fs = layout.fontSize;
  const parts: string[] = [];
  for (const line of layout.lines) {
    let x = line.x;
    for (const run of face.runs(line.text)) {
      const font = run.file.font;
      const s = fs / font.unitsPerEm;
      const fileIndex = face.files.indexOf(run.file);
      const { glyphs: gs, positions } = font.layout(run.text);
      let pen = 0;
      const uses: string[] = [];
      gs.forEach((g, i) => {
        const id = glyphs.id(face, fileIndex, g);
        const p = positions[i]!;
        if (id) uses.push(`<use href="#${id}" x="${num(pen + p.xOffset)}" y="${num(-p.yOffset)}"/>`);
        pen += p.xAdvance;
      });
      if (uses.length)
        parts.push(
          `<g transform="translate(${num(x)} ${num(line.baseline)}) scale(${s.toFixed(6)} ${(-s).toFixed(6)})">${uses.join('')}</g>`,
        );
      x += pen * s;
    }
  }
  return `<g role="img" aria-label="${esc(item.text)}" fill="${paint(item.fill)}"${alphaAttr('fill-opacity', item.fill.a)}>${parts.join('')}</g>`;
}

function itemSvg(item: SceneItem, glyphs: GlyphDefs, imageHref: SvgOptions['imageHref'], clipId: () => string, defs: string[]): string {
  const m = itemTransform(item.box).map(num).join(' ');
  const { width: w, height: h } = item.box;
  const op = item.opacity < 1 ? ` opacity="${num(item.opacity)}"` : '';
  let body = '';
  switch (item.kind) {
    case 'rect':
    case 'ellipse': {
      const fill = item.fill ? `fill="${paint(item.fill)}"${alphaAttr('fill-opacity', item.fill.a)}` : 'fill="none"';
      const stroke = item.stroke
        ? ` stroke="${paint(item.stroke)}" stroke-width="${num(item.strokeWidth)}"${alphaAttr('stroke-opacity', item.stroke.a)}`
        : '';
      body =
        item.kind === 'rect'
          ? `<rect width="${num(w)}" height="${num(h)}"${item.radius ? ` rx="${num(Math.min(item.radius, w / 2, h / 2))}"` : ''} ${fill}${stroke}/>`
          : `<ellipse cx="${num(w / 2)}" cy="${num(h / 2)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${fill}${stroke}/>`;
      break;
    }
    case 'line':
      body = `<line x1="0" y1="${num(h / 2)}" x2="${num(w)}" y2="${num(h / 2)}" stroke="${paint(item.stroke)}" stroke-width="${num(item.strokeWidth)}"${alphaAttr('stroke-opacity', item.stroke.a)}/>`;
      break;
    case 'image': {
      const href = imageHref?.(item.src);
      if (!href) return '';
      const p = imagePlacement(item.naturalWidth ?? 0, item.naturalHeight ?? 0, w, h, item.fit);
      const id = clipId();
      defs.push(`<clipPath id="${id}"><rect width="${num(w)}" height="${num(h)}"/></clipPath>`);
      const aspect =
        item.naturalWidth && item.naturalHeight
          ? 'none'
          : item.fit === 'cover'
            ? 'xMidYMid slice'
            : item.fit === 'contain'
              ? 'xMidYMid meet'
              : 'none';
      body = `<g clip-path="url(#${id})"><image href="${esc(href)}" x="${num(p.x)}" y="${num(p.y)}" width="${num(p.width)}" height="${num(p.height)}" preserveAspectRatio="${aspect}"/></g>`;
      break;
    }
    case 'text':
      body = textItem(item, glyphs);
      break;
  }
  return `<g transform="matrix(${m})"${op}>${body}</g>`;
}

export function pageSvg(page: ScenePage, opts: SvgOptions = {}): { svg: string; width: number; height: number } {
  const glyphs = new GlyphDefs();
  const defs: string[] = [];
  let clips = 0;
  const clipId = () => `c${clips++}`;
  const body = page.items.map((i) => itemSvg(i, glyphs, opts.imageHref, clipId, defs)).join('');
  const width = opts.width ?? page.width;
  const height = Math.round((width * page.height) / page.width);
  const bg = page.background
    ? `<rect width="${num(page.width)}" height="${num(page.height)}" fill="${paint(page.background)}"${alphaAttr('fill-opacity', page.background.a)}/>`
    : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(page.width)} ${num(page.height)}">` +
    `<defs>${glyphs.defs.join('')}${defs.join('')}</defs>${bg}${body}</svg>`;
  return { svg, width, height };
}

/** One page of a design as SVG (placeholders left out, listed in `scene.placeholders`). */
export function renderSvg(design: Design, opts: SvgOptions = {}): SvgResult {
  const scene = buildScene(design, { pages: [opts.page ?? 0], photoStandIns: opts.photoStandIns, book: opts.book });
  return { ...pageSvg(scene.pages[0]!, opts), scene };
}
