/**
 * The browser's copy of the renderer's fonts: the same brand font files the server measures with
 * (served by /api/fonts), parsed by fontkit into the shared font book. Loaded on demand (the parser
 * is large): the editor starts it after its first frame, exports wait for it.
 *
 * The signed-in brokerage's uploaded brand fonts (/api/brand-kit/fonts) go into the same book (a
 * browser works for one brokerage; the server keeps a book per brokerage) and into
 * `document.fonts`, so the canvas draws them too.
 */
import { loadFontFiles, parseFont } from '../../../../shared/render/font-files.js';
import { fontBook, type FontStyle } from '../../../../shared/render/fonts.js';

let loading: Promise<void> | null = null;

export function loadRenderFonts(): Promise<void> {
  loading ??= Promise.all([
    loadFontFiles(async (path) => {
      const res = await fetch(`/api/fonts/${encodeURIComponent(path.split('/').pop()!)}`);
      if (!res.ok) throw new Error(`font ${path}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    }),
    loadUploadedFonts().then((faces) => {
      for (const f of faces) {
        try {
          fontBook.addUploaded(f, parseFont(f.bytes), f.bytes);
        } catch {
          // A file the browser's fontkit cannot read: that family lays out in the fallback.
        }
      }
    }),
  ])
    .then(() => undefined)
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}

export interface UploadedFontFace {
  family: string;
  weight: number;
  style: FontStyle;
  bytes: Uint8Array;
}

let uploaded: Promise<UploadedFontFace[]> | null = null;

/**
 * The brokerage's uploaded fonts, fetched once per page and registered with `document.fonts`
 * (a face that fails to load is left out: text in it draws in the fallback).
 */
export function loadUploadedFonts(): Promise<UploadedFontFace[]> {
  if (uploaded) return uploaded;
  const pending = (async (): Promise<UploadedFontFace[]> => {
    const res = await fetch('/api/brand-kit/fonts', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) return [];
    const { fonts } = (await res.json()) as { fonts: Array<{ family: string; weight: number; style: FontStyle; url: string }> };
    const faces = await Promise.all(
      fonts.map(async (f) => {
        const file = await fetch(f.url, { credentials: 'same-origin' }).catch(() => null);
        if (!file?.ok) return null;
        const buffer = await file.arrayBuffer();
        const bytes = new Uint8Array(buffer);
        if (typeof FontFace !== 'undefined' && typeof document !== 'undefined') {
          const face = new FontFace(f.family, buffer, { weight: String(f.weight), style: f.style });
          document.fonts.add(face);
          await face.load().catch(() => undefined);
        }
        return { family: f.family, weight: f.weight, style: f.style, bytes };
      }),
    );
    return faces.flatMap((f) => (f ? [f] : []));
  })().catch(() => []);
  uploaded = pending;
  return pending;
}

/** Forget the fetched list (after an upload or a delete in /brand-kit, the next editor open fetches again). */
export function forgetUploadedFonts(): void {
  uploaded = null;
  loading = null;
}
