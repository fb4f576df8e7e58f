/**
 * Image bytes for server-side rendering: the brokerage's uploaded assets, its listings' photos
 * (our copies; a remote URL is never fetched), the product's own static images (/brand/…).
 * SVG sources are rasterised with resvg at print resolution (PDF cannot embed SVG as is).
 */
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { isSvgBytes, PRINT_DPI, sniffImage, type LoadedImage } from '../../shared/render/index.js';
import { projectPath } from '../paths.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An SVG as a PNG `scale`× its own size (fonts: the system's; SVG logos should outline their text). */
export async function rasterizeSvg(
  svg: Uint8Array | string,
  width?: number,
  opts: { systemFonts?: boolean } = { systemFonts: true },
): Promise<LoadedImage & { pixels: Uint8Array }> {
  const { renderAsync } = await import('@resvg/resvg-js');
  // In libuv's thread pool: rasterising never blocks the event loop (collaboration keeps flowing).
  const img = await renderAsync(typeof svg === 'string' ? svg : Buffer.from(svg), {
    fitTo: width ? { mode: 'width', value: Math.round(width) } : { mode: 'zoom', value: PRINT_DPI / 96 },
    // Our own SVGs draw text as outlines; uploaded ones (logos) may use <text>.
    font: { loadSystemFonts: opts.systemFonts !== false, defaultFontFamily: 'DejaVu Sans' },
  });
  const png = new Uint8Array(img.asPng());
  return { bytes: png, format: 'png', width: img.width, height: img.height, pixels: new Uint8Array(img.pixels) };
}

/** Bytes of any supported image as an embeddable raster. */
export async function toLoadedImage(bytes: Uint8Array): Promise<LoadedImage | null> {
  return sniffImage(bytes) ?? (isSvgBytes(bytes) ? rasterizeSvg(bytes) : null);
}

export interface ImageSourceDeps {
  dataDir: string;
  /** Whether an uploaded asset id belongs to the brokerage. */
  ownsAsset?: (id: string) => Promise<boolean>;
  /** A listing photo (our copy) by its path, or null. */
  listingPhoto?: (src: string) => Promise<Uint8Array | null>;
}

const STATIC_DIRS = () => [projectPath('client', 'public'), projectPath('client', 'dist')];

/** Reads one image source the way exports may: never from outside our storage. */
export async function readImageSource(src: string, deps: ImageSourceDeps): Promise<Uint8Array | null> {
  if (UUID_RE.test(src)) {
    if (deps.ownsAsset && !(await deps.ownsAsset(src))) return null;
    return readFile(join(resolve(deps.dataDir, 'assets'), src))
      .then((b) => new Uint8Array(b))
      .catch(() => null);
  }
  if (src.startsWith('/brand/') || src === '/favicon.svg') {
    for (const dir of STATIC_DIRS()) {
      const path = normalize(join(dir, src));
      if (!path.startsWith(dir + sep)) return null;
      const bytes = await readFile(path).catch(() => null);
      if (bytes) return new Uint8Array(bytes);
    }
    return null;
  }
  if (src.startsWith('data:image/')) {
    const m = /^data:image\/[a-z+]+;base64,([a-z0-9+/=]+)$/i.exec(src);
    return m ? new Uint8Array(Buffer.from(m[1]!, 'base64')) : null;
  }
  return deps.listingPhoto ? deps.listingPhoto(src) : null;
}

/** The product's static images, rasterised once per process (the logo and EHO mark are on nearly every page). */
const staticRasters = new Map<string, Promise<LoadedImage | null>>();

/** An image loader for the PDF back-end. */
export function imageLoader(deps: ImageSourceDeps): (src: string) => Promise<LoadedImage | null> {
  return async (src) => {
    const isStatic = src.startsWith('/brand/');
    const cached = isStatic ? staticRasters.get(src) : undefined;
    if (cached) return cached;
    const loading = readImageSource(src, deps).then((bytes) => (bytes ? toLoadedImage(bytes) : null));
    if (isStatic) staticRasters.set(src, loading);
    return loading;
  };
}

/** RGBA pixels as a JPEG on white (JPEG has no transparency), for the JPG export. */
export async function rgbaToJpeg(rgba: Uint8Array, width: number, height: number, quality = 90): Promise<Uint8Array> {
  const { encode } = await import('jpeg-js');
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    const a = rgba[i + 3]! / 255;
    data[i] = Math.round(rgba[i]! * a + 255 * (1 - a));
    data[i + 1] = Math.round(rgba[i + 1]! * a + 255 * (1 - a));
    data[i + 2] = Math.round(rgba[i + 2]! * a + 255 * (1 - a));
    data[i + 3] = 255;
  }
  return new Uint8Array(encode({ data, width, height }, quality).data);
}
