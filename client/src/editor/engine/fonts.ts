/** Font families offered in the editor and the CSS stacks used to draw them. */
import type { BrandKit } from '../../../../shared/brand/index.js';

const SERIF = /serif|georgia|times|garamond|playfair|merriweather|baskerville|didot|lora/i;
const MONO = /mono|courier|code/i;

/** A CSS font stack with fallbacks, so a brand font missing on this machine degrades gracefully. */
export function fontStack(family: string): string {
  const quoted = /[,"']/.test(family) ? family : `"${family}"`;
  if (MONO.test(family)) return `${quoted}, "DejaVu Sans Mono", "Courier New", monospace`;
  if (SERIF.test(family) && !/sans/i.test(family)) return `${quoted}, "Liberation Serif", Georgia, "Times New Roman", serif`;
  return `${quoted}, "Liberation Sans", Arial, Helvetica, sans-serif`;
}

export const WEB_SAFE_FONTS = ['Inter', 'Arial', 'Helvetica', 'Georgia', 'Times New Roman', 'Verdana', 'Trebuchet MS', 'Courier New'];

export interface FontOption {
  family: string;
  brand: boolean;
  /** Uploaded to the brand kit (not yet given a role). */
  uploaded?: boolean;
  /** Brand roles this family serves (heading, body, …). */
  roles: string[];
  weights: number[];
}

/** Brand fonts first (in kit order, merged by family), then the brokerage's uploaded families, then the rest. */
export function fontOptions(kit: BrandKit | null, uploaded: readonly string[] = []): FontOption[] {
  const out: FontOption[] = [];
  for (const f of kit?.fonts ?? []) {
    const existing = out.find((o) => o.family === f.family);
    if (existing) {
      existing.roles.push(f.role);
      existing.weights = [...new Set([...existing.weights, ...f.weights])].sort((a, b) => a - b);
    } else out.push({ family: f.family, brand: true, roles: [f.role], weights: [...f.weights].sort((a, b) => a - b) });
  }
  for (const family of uploaded) {
    if (!out.some((o) => o.family.toLowerCase() === family.toLowerCase()))
      out.push({ family, brand: false, uploaded: true, roles: [], weights: [400, 700] });
  }
  for (const family of WEB_SAFE_FONTS) {
    if (!out.some((o) => o.family.toLowerCase() === family.toLowerCase()))
      out.push({ family, brand: false, roles: [], weights: [400, 700] });
  }
  return out;
}

export const ALL_WEIGHTS = [300, 400, 500, 600, 700, 800];
