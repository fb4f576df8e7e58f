/** Recognising image bytes without decoding them (what the PDF back-end can embed as is). */
import type { LoadedImage } from './pdf-types.js';

/** JPEG/PNG bytes with their pixel size; null for anything else (SVG, WebP… must be rasterised first). */
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

export function isSvgBytes(data: Uint8Array): boolean {
  const head = new TextDecoder().decode(data.subarray(0, 512)).trimStart();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}
