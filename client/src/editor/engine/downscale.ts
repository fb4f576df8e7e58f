/**
 * Images larger than the upload limit are made smaller in the browser before upload, as design
 * tools do, instead of being refused: to the pixels the frame needs for print, 300 ppi at the
 * largest size it is placed at, and never larger than the original.
 */

/** The upload limit (the server's MAX_UPLOAD_BYTES default). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Print resolution, and the design's own (CSS pixels). */
const PRINT_PPI = 300;
const DESIGN_PPI = 96;

export interface Size {
  width: number;
  height: number;
}

/**
 * The pixel size an image needs to print sharply in a frame (design pixels): as placed with
 * `cover` it fills the frame (its larger scale), with `contain` it fits inside (its smaller).
 */
export function printSize(natural: Size, frame: Size, fit: 'cover' | 'contain' = 'cover'): Size {
  const sx = frame.width / natural.width;
  const sy = frame.height / natural.height;
  const placed = fit === 'contain' ? Math.min(sx, sy) : Math.max(sx, sy); // design px per image px
  const scale = Math.min(1, (placed * PRINT_PPI) / DESIGN_PPI);
  return { width: Math.max(1, Math.round(natural.width * scale)), height: Math.max(1, Math.round(natural.height * scale)) };
}

/** The type to re-encode to: JPEG stays JPEG; PNG and WebP (which may be transparent) become WebP. */
export function outputType(type: string): 'image/jpeg' | 'image/webp' {
  return type === 'image/jpeg' ? 'image/jpeg' : 'image/webp';
}

/**
 * The file to upload: itself when within the limit, else a copy scaled to what `frame` needs at
 * 300 ppi (then at lower quality if still too large). Rejects when it can't get under the limit.
 */
export async function fitForUpload(file: File, frame: Size, fit: 'cover' | 'contain' = 'cover', limit = MAX_UPLOAD_BYTES): Promise<File> {
  if (file.size <= limit) return file;
  const bitmap = await createImageBitmap(file);
  try {
    let size = printSize({ width: bitmap.width, height: bitmap.height }, frame, fit);
    const type = outputType(file.type);
    let quality = 0.92;
    for (let attempt = 0; attempt < 6; attempt++) {
      const blob = await encode(bitmap, size, type, quality);
      if (blob.size <= limit) return new File([blob], renamed(file.name, type), { type });
      // Still too big (noise, or a huge frame): lower quality once, then fewer pixels.
      if (quality > 0.8) quality = 0.8;
      else size = { width: Math.round(size.width * 0.85), height: Math.round(size.height * 0.85) };
    }
    throw new Error('This image is too large to upload, even made smaller.');
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, size: Size, type: string, quality: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  return canvas.convertToBlob({ type, quality });
}

function renamed(name: string, type: string): string {
  const ext = type === 'image/jpeg' ? 'jpg' : 'webp';
  return `${name.replace(/\.[^.]+$/, '') || 'image'}.${ext}`;
}
