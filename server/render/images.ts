/**
 * Image bytes for server-side rendering: the brokerage's uploaded assets, its listings' photos
 * (our copies; a remote URL is never fetched), the product's own static images (/brand/…).
 * SVG sources are rasterised with resvg at print resolution (PDF cannot embed SVG as is).
 */
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import type { LoadedImage } from '../../shared/render/pdf.js';
import { PRINT_DPI } from '../../shared/render/index.js';
import { projectPath } from '../paths.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sniffs JPEG/PNG bytes and their pixel size; null for anything else. */
export function sniffImage(data: Uint8Array): LoadedImage | null {
  if (data.length > 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return { bytes: data, format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return null;
      const marker = data[i + 1]!;
      const len = (data[i + 2]! << 8) | data[i + 3]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { bytes: data, format: 'jpeg', height: (data[i + 5]! << 8) | data[i + 6]!, width: (data[i + 7]! << 8) | data[i + 8]! };
      }
      i += 2 + len;
    }
  }
  return null;
}

function isSvg(data: Uint8Array): boolean {
  const head = new TextDecoder().decode(data.subarray(0, 512)).trimStart();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}

/** An SVG as a PNG `scale`× its own size (fonts: the system's; SVG logos should outline their text). */
export async function rasterizeSvg(svg: Uint8Array | string, width?: number): Promise<LoadedImage> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(typeof svg === 'string' ? svg : Buffer.from(svg), {
    fitTo: width ? { mode: 'width', value: Math.round(width) } : { mode: 'zoom', value: PRINT_DPI / 96 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  const img = r.render();
  const png = new Uint8Array(img.asPng());
  return { bytes: png, format: 'png', width: img.width, height: img.height };
}

/** Bytes of any supported image as an embeddable raster. */
export async function toLoadedImage(bytes: Uint8Array): Promise<LoadedImage | null> {
  return sniffImage(bytes) ?? (isSvg(bytes) ? rasterizeSvg(bytes) : null);
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
    return readFile(join(resolve(deps.dataDir, 'assets'), src)).then((b) => new Uint8Array(b)).catch(() => null);
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
