import { z } from 'zod';

/**
 * Brand-kit tokens a template may hold in place of concrete values, so one
 * template restyles itself for every brokerage's kit.
 *
 * - color properties (`fill`, `stroke`, `meta.background`):
 *   `$color.primary|accent|neutral|light|highlight` (palette slots 0–4),
 *   `$palette.<Name>` (a palette colour by exact name, falling back to primary),
 *   `$on.<slot>` (white, or the kit's darkest colour, whichever reads on that slot).
 * - `fontFamily`: `$font.heading|body|disclaimer`.
 * - image `src`: `$logo.primary` / `$logo.<id>` (falls back to the first logo), `$eho`.
 * - text: `{{brokerage.legalName}}`, `{{disclaimer.<id>}}`, `{{disclaimer.general}}`,
 *   `{{disclaimer.all}}` (every disclaimer the kit's rule packs require).
 */

export const COLOR_SLOTS = ['primary', 'accent', 'neutral', 'light', 'highlight'] as const;
export type ColorSlot = (typeof COLOR_SLOTS)[number];

export const FONT_TOKEN_ROLES = ['heading', 'body', 'disclaimer'] as const;

const slots = COLOR_SLOTS.join('|');
export const COLOR_TOKEN_RE = new RegExp(`^\\$(?:color\\.(?:${slots})|on\\.(?:${slots})|palette\\.[A-Za-z0-9][A-Za-z0-9 _-]{0,59})$`);
export const FONT_TOKEN_RE = /^\$font\.(?:heading|body|disclaimer)$/;
export const SRC_TOKEN_RE = /^\$(?:logo\.[A-Za-z0-9][A-Za-z0-9_-]{0,59}|eho)$/;
/** Any `{{...}}` placeholder in text. */
export const TEXT_TOKEN_ANY_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** The placeholders text may hold. */
export const TEXT_TOKEN_NAME_RE = /^(?:brokerage\.legalName|disclaimer\.[A-Za-z0-9][A-Za-z0-9_-]{0,59})$/;

/** A colour value in a template: a token or a concrete colour (never a malformed token). */
export const ColorValueSchema = z
  .string()
  .max(64)
  .refine((v) => !v.startsWith('$') || COLOR_TOKEN_RE.test(v), {
    message: 'not a colour token ($color.<slot>, $on.<slot>, $palette.<Name>)',
  });

export const FontValueSchema = z
  .string()
  .max(200)
  .refine((v) => !v.startsWith('$') || FONT_TOKEN_RE.test(v), { message: 'not a font token ($font.heading|body|disclaimer)' });

export const SrcValueSchema = z
  .string()
  .max(2000)
  .refine((v) => !v.startsWith('$') || SRC_TOKEN_RE.test(v), { message: 'not an image token ($logo.<id>, $eho)' });

export const TextValueSchema = z
  .string()
  .max(100_000)
  .superRefine((v, ctx) => {
    for (const m of v.matchAll(TEXT_TOKEN_ANY_RE)) {
      if (!TEXT_TOKEN_NAME_RE.test(m[1]!)) {
        ctx.addIssue({ code: 'custom', message: `unknown text token {{${m[1]}}}` });
      }
    }
  });

export function isColorToken(v: unknown): v is string {
  return typeof v === 'string' && COLOR_TOKEN_RE.test(v);
}
export function isFontToken(v: unknown): v is string {
  return typeof v === 'string' && FONT_TOKEN_RE.test(v);
}
export function isSrcToken(v: unknown): v is string {
  return typeof v === 'string' && SRC_TOKEN_RE.test(v);
}

/** Colour properties by object type (plus `meta.background`). */
export const COLOR_PROPS = ['fill', 'stroke'] as const;
