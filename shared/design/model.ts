import { z } from 'zod';

/** Kinds of marketing piece a design can be. */
export const DESIGN_KINDS = [
  'flyer',
  'open-house',
  'business-card',
  'email-signature',
  'social-post',
  'story',
  'postcard',
  'feature-sheet',
  'price-reduced',
] as const;
export const DesignKindSchema = z.enum(DESIGN_KINDS);
export type DesignKind = z.infer<typeof DesignKindSchema>;

/** Kinds printed on paper (safe area and image resolution rules apply). */
export const PRINT_KINDS: readonly DesignKind[] = ['flyer', 'open-house', 'business-card', 'postcard', 'feature-sheet', 'price-reduced'];

export const OBJECT_TYPES = ['text', 'image', 'rect', 'ellipse', 'line'] as const;
export const ObjectTypeSchema = z.enum(OBJECT_TYPES);
export type ObjectType = z.infer<typeof ObjectTypeSchema>;

/** What an element is for; rules and templates look objects up by role. */
export const KNOWN_ROLES = [
  'logo',
  'disclaimer',
  'agent-name',
  'agent-phone',
  'agent-email',
  'agent-photo',
  'brokerage-name',
  'license-number',
  'eho-logo',
  'eho-slogan',
  'headline',
  'price',
  'address',
  'facts',
  'description',
  'photo',
  'team-name',
  'background',
  'decoration',
] as const;

const finite = z.number().finite();
const color = z.string().max(64);

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
  fontFamily: z.string().max(200).default('Inter'),
  fontSize: finite.positive().default(24),
  fontWeight: z.union([z.number(), z.string().max(32)]).default(400),
  fontStyle: z.enum(['normal', 'italic']).optional(),
  fill: color.default('#000000'),
  textAlign: z.enum(['left', 'center', 'right', 'justify']).default('left'),
  lineHeight: finite.positive().optional(),
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

/** Objects in stacking order (lowest first): by `z`, then by id so replicas agree. */
export function objectsInOrder(design: Pick<Design, 'objects'>): DesignObject[] {
  return Object.values(design.objects).sort(compareStacking);
}

export function compareStacking(a: { z: string; id: string }, b: { z: string; id: string }): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Page size (design px at 96 dpi) for a blank design of each kind. */
export const DEFAULT_PAGE_SIZE: Record<DesignKind, { width: number; height: number }> = {
  flyer: { width: 816, height: 1056 },
  'open-house': { width: 816, height: 1056 },
  'feature-sheet': { width: 816, height: 1056 },
  'price-reduced': { width: 816, height: 1056 },
  'business-card': { width: 336, height: 192 },
  postcard: { width: 576, height: 384 },
  'email-signature': { width: 600, height: 200 },
  'social-post': { width: 1080, height: 1080 },
  story: { width: 1080, height: 1920 },
};
