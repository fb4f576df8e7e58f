/**
 * Fonts a brand manager uploads in /brand-kit (routes/brand-fonts.ts): TTF, OTF or WOFF2, checked
 * by parsing, drawn like the kit's built-in families for this brokerage only.
 */
import { z } from 'zod';
import { endpoint } from './contract.js';

export const UPLOADED_FONT_FORMATS = ['ttf', 'otf', 'woff2'] as const;
/** Largest font file accepted. */
export const MAX_FONT_BYTES = 5 * 1024 * 1024;

export const UploadedFontSchema = z.object({
  id: z.string(),
  family: z.string(),
  weight: z.number().int(),
  style: z.enum(['normal', 'italic']),
  format: z.enum(UPLOADED_FONT_FORMATS),
  /** Where the browser loads the file from (FontFace, the shared layout's book). */
  url: z.string(),
  createdAt: z.string(),
});
export type UploadedFont = z.infer<typeof UploadedFontSchema>;

const FontParams = z.object({ id: z.string().uuid('not a font id') });

export const brandFontsApi = {
  /**
   * One font file as multipart/form-data in a field named "file"; the family is the query's
   * `family` or else the font's own name table — brand managers and admins. 400 when the file is not a
   * font, 413 when larger than MAX_FONT_BYTES, 409 when the family/weight/style is already there.
   */
  upload: endpoint({
    method: 'POST',
    path: '/api/brand-kit/fonts',
    query: z.object({ family: z.string().trim().min(1).max(100).optional() }),
    response: UploadedFontSchema,
    status: 201,
  }),
  /** Everyone in the brokerage. */
  list: endpoint({ method: 'GET', path: '/api/brand-kit/fonts', response: z.object({ fonts: z.array(UploadedFontSchema) }) }),
  /** Brand managers and admins. */
  remove: endpoint({ method: 'DELETE', path: '/api/brand-kit/fonts/:id', params: FontParams, status: 204 }),
  /** The font file (immutable, ETag): a file, so no response schema. */
  file: endpoint({ method: 'GET', path: '/api/brand-kit/fonts/:id/file', params: FontParams }),
};
