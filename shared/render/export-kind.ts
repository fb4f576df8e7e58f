/** Which file each kind of piece is exported as, and at what pixel size. */
import { PRINT_KINDS, type DesignKind, type DesignMeta } from '../design/index.js';

export type ExportFormat = 'pdf' | 'png' | 'jpg' | 'html';

/** The file a piece goes out as by default: print → PDF, social → PNG, email signature → HTML. */
export function defaultExportFormat(kind: DesignKind): ExportFormat {
  if (kind === 'email-signature') return 'html';
  if (kind === 'social-post' || kind === 'story') return 'png';
  return PRINT_KINDS.includes(kind) ? 'pdf' : 'png';
}

/**
 * Pixel size of a raster export: social pieces at exactly the platform's size (a 1080 × 1080 post,
 * a 1080 × 1920 story: the design's own pixels), everything else at 2× for sharp screens.
 */
export function rasterSize(meta: Pick<DesignMeta, 'kind' | 'width' | 'height'>): { width: number; height: number; scale: number } {
  const scale = meta.kind === 'social-post' || meta.kind === 'story' ? 1 : 2;
  return { width: Math.round(meta.width * scale), height: Math.round(meta.height * scale), scale };
}
