import { z } from 'zod';
import { DESIGN_KINDS, OBJECT_TYPES } from './kinds.js';
import { COLOR_RE, FONT_FAMILY_RE, FONT_WEIGHT_RE } from './safe-values.js';

export const DesignKindSchema = z.enum(DESIGN_KINDS);
export const ObjectTypeSchema = z.enum(OBJECT_TYPES);

const finite = z.number().finite();
const color = z.string().max(64).regex(COLOR_RE, 'not a colour');

/** Properties every object has. `x, y` are the top-left of the unrotated box. */
const BaseObjectShape = {
  id: z.string().min(1).max(64),
  x: finite,
  y: finite,
  width: finite.nonnegative(),
  height: finite.nonnegative(),
  angle: finite.default(0),
  z: z.string().min(1).max(128),
  name: z.string().max(200).optional(),
  opacity: finite.min(0).max(1).optional(),
  visible: z.boolean().optional(),
  locked: z.boolean().optional(),
  role: z.string().max(64).optional(),
  binding: z.string().max(200).optional(),
  page: z.number().int().min(0).max(99).optional(),
};

export const TextObjectSchema = z.object({
  ...BaseObjectShape,
  type: z.literal('text'),
  text: z.string().max(100_000).default(''),
  fontFamily: z.string().max(200).regex(FONT_FAMILY_RE, 'not a font name').default('Inter'),
  fontSize: finite.positive().default(24),
  fontWeight: z.union([z.number().int().min(1).max(1000), z.string().regex(FONT_WEIGHT_RE, 'not a font weight')]).default(400),
  fontStyle: z.enum(['normal', 'italic']).optional(),
  fill: color.default('#000000'),
  textAlign: z.enum(['left', 'center', 'right', 'justify']).default('left'),
  lineHeight: finite.positive().optional(),
  /**
   * What happens when the text needs more room than its box: 'fixed' (it overflows and is
   * flagged), 'grow' (the box grows and what is below moves down), 'shrink' (the font size steps
   * down to `minFontSize`). Unset: 'shrink' for fields bound to listing data, else 'fixed'.
   */
  fit: z.enum(['fixed', 'grow', 'shrink']).optional(),
  /** Smallest font size 'shrink' may step down to (set by the template). */
  minFontSize: finite.positive().optional(),
  /** The template's sample copy: while `text` still equals it, the text is a placeholder and never prints. */
  sampleText: z.string().max(100_000).optional(),
});

export const ImageObjectSchema = z.object({
  ...BaseObjectShape,
  type: z.literal('image'),
  src: z.string().max(2_000).default(''),
  /** Intrinsic pixel size of the image, when known (resolution and distortion rules use it). */
  naturalWidth: finite.positive().optional(),
  naturalHeight: finite.positive().optional(),
  fit: z.enum(['cover', 'contain', 'fill']).optional(),
});

export const RectObjectSchema = z.object({
  ...BaseObjectShape,
  type: z.literal('rect'),
  fill: color.default('#cccccc'),
  stroke: color.optional(),
  strokeWidth: finite.nonnegative().optional(),
  radius: finite.nonnegative().optional(),
});

export const EllipseObjectSchema = z.object({
  ...BaseObjectShape,
  type: z.literal('ellipse'),
  fill: color.default('#cccccc'),
  stroke: color.optional(),
  strokeWidth: finite.nonnegative().optional(),
});

/** A line runs along the horizontal centre of its box; `angle` turns it. */
export const LineObjectSchema = z.object({
  ...BaseObjectShape,
  type: z.literal('line'),
  stroke: color.default('#000000'),
  strokeWidth: finite.nonnegative().default(2),
});

export const DesignObjectSchema = z.discriminatedUnion('type', [
  TextObjectSchema,
  ImageObjectSchema,
  RectObjectSchema,
  EllipseObjectSchema,
  LineObjectSchema,
]);
export type TextObject = z.infer<typeof TextObjectSchema>;
export type ImageObject = z.infer<typeof ImageObjectSchema>;
export type RectObject = z.infer<typeof RectObjectSchema>;
export type EllipseObject = z.infer<typeof EllipseObjectSchema>;
export type LineObject = z.infer<typeof LineObjectSchema>;
export type DesignObject = z.infer<typeof DesignObjectSchema>;

export const DesignMetaSchema = z.object({
  title: z.string().max(200).default('Untitled design'),
  kind: DesignKindSchema.default('flyer'),
  width: finite.positive().max(20_000),
  height: finite.positive().max(20_000),
  background: color.default('#ffffff'),
  templateId: z.string().max(200).optional(),
  templateVersion: z.number().int().optional(),
  /** Bleed in design pixels on each side, for print kinds. */
  bleed: finite.nonnegative().optional(),
  pages: z.number().int().min(1).max(99).optional(),
});
export type DesignMeta = z.infer<typeof DesignMetaSchema>;

/** The plain form of a design: what scoring, export and templates work on. */
export const DesignSchema = z.object({
  meta: DesignMetaSchema,
  objects: z.record(z.string(), DesignObjectSchema),
});
export type Design = z.infer<typeof DesignSchema>;
