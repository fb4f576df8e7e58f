/**
 * Server-side pictures of a design: a standalone SVG (images inlined as data: URLs, text as glyph
 * outlines) and PNGs rasterised from it with resvg — thumbnails and the social-post exports.
 */
import type { Design } from '../../shared/design/index.js';
import { renderSvg, type FontBook, type Placeholder } from '../../shared/render/index.js';
import { loadBundledFonts } from './fonts.js';
import { imageLoader, rasterizeSvg, type ImageSourceDeps } from './images.js';

export interface DesignPicture {
  svg: string;
  width: number;
  height: number;
  placeholders: Placeholder[];
}

/** One page as a standalone SVG. */
export async function designSvg(
  design: Design,
  images: ImageSourceDeps,
  opts: { page?: number; width?: number; photoStandIns?: boolean; book?: FontBook } = {},
): Promise<DesignPicture> {
  await loadBundledFonts();
  const srcs = [
    ...new Set(
      Object.values(design.objects).flatMap((o) => (o.type === 'image' && o.src && (o.page ?? 0) === (opts.page ?? 0) ? [o.src] : [])),
    ),
  ];
  const hrefs = new Map<string, string>();
  const load = imageLoader(images);
  await Promise.all(
    srcs.map(async (src) => {
      // SVG sources arrive rasterised: resvg draws no text inside a nested SVG image.
      const img = await load(src).catch(() => null);
      if (img) hrefs.set(src, `data:image/${img.format};base64,${Buffer.from(img.bytes).toString('base64')}`);
    }),
  );
  const { svg, width, height, scene } = renderSvg(design, { ...opts, imageHref: (src) => hrefs.get(src) ?? null });
  return { svg, width, height, placeholders: scene.placeholders };
}

/** One page as a PNG `width` px wide (default the design's own size). */
export async function designPng(
  design: Design,
  images: ImageSourceDeps,
  opts: { page?: number; width?: number; photoStandIns?: boolean; book?: FontBook } = {},
): Promise<{ png: Uint8Array; pixels: Uint8Array; width: number; height: number; placeholders: Placeholder[] }> {
  const pic = await designSvg(design, images, { page: opts.page, photoStandIns: opts.photoStandIns, book: opts.book });
  const img = await rasterizeSvg(pic.svg, opts.width ?? design.meta.width, { systemFonts: false });
  return { png: img.bytes, pixels: img.pixels, width: img.width, height: img.height, placeholders: pic.placeholders };
}
