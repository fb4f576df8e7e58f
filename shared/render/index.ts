/**
 * The one renderer: a scene walker over the design model, one text layout measured from the font
 * files, and back-ends for PDF (pdf.ts), SVG (svg.ts) and HTML (html.ts). The PDF back-end and the
 * font parser are imported from their own files (they are large): `shared/render/pdf.js`,
 * `shared/render/font-files.js`.
 */
export * from './constants.js';
export * from './color.js';
export * from './escape.js';
export * from './fonts.js';
export * from './text-layout.js';
export * from './fit.js';
export * from './placeholders.js';
export * from './scene.js';
export * from './svg.js';
export * from './export-kind.js';
export * from './image-bytes.js';
export type { ImageLoader, LoadedImage } from './pdf-types.js';
