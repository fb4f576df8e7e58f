import { z } from 'zod';
import {
  DesignKindSchema,
  DesignMetaSchema,
  EllipseObjectSchema,
  ImageObjectSchema,
  LineObjectSchema,
  RectObjectSchema,
  TextObjectSchema,
} from '../design/index.js';
import { ColorValueSchema, FontValueSchema, SrcValueSchema, TextValueSchema } from './tokens.js';

/* The design model with token-aware value schemas in place of plain strings. */

export const TemplateTextObjectSchema = TextObjectSchema.extend({
  text: TextValueSchema.default(''),
  fontFamily: FontValueSchema.default('$font.body'),
  fill: ColorValueSchema.default('#000000'),
});
export const TemplateImageObjectSchema = ImageObjectSchema.extend({ src: SrcValueSchema.default('') });
export const TemplateRectObjectSchema = RectObjectSchema.extend({
  fill: ColorValueSchema.default('#cccccc'),
  stroke: ColorValueSchema.optional(),
});
export const TemplateEllipseObjectSchema = EllipseObjectSchema.extend({
  fill: ColorValueSchema.default('#cccccc'),
  stroke: ColorValueSchema.optional(),
});
export const TemplateLineObjectSchema = LineObjectSchema.extend({ stroke: ColorValueSchema.default('#000000') });

export const TemplateObjectSchema = z.discriminatedUnion('type', [
  TemplateTextObjectSchema,
  TemplateImageObjectSchema,
  TemplateRectObjectSchema,
  TemplateEllipseObjectSchema,
  TemplateLineObjectSchema,
]);
export type TemplateObject = z.infer<typeof TemplateObjectSchema>;

export const TemplateMetaSchema = DesignMetaSchema.extend({ background: ColorValueSchema.default('#ffffff') });

/** A design whose values may still hold brand-kit tokens. */
export const TemplateDesignSchema = z
  .object({
    meta: TemplateMetaSchema,
    objects: z.record(z.string(), TemplateObjectSchema),
  })
  .superRefine((design, ctx) => {
    const pages = design.meta.pages ?? 1;
    for (const [key, object] of Object.entries(design.objects)) {
      if (object.id !== key) {
        ctx.addIssue({ code: 'custom', path: ['objects', key, 'id'], message: `id "${object.id}" differs from its key "${key}"` });
      }
      if ((object.page ?? 0) >= pages) {
        ctx.addIssue({
          code: 'custom',
          path: ['objects', key, 'page'],
          message: `page ${object.page} but the design has ${pages} page(s)`,
        });
      }
    }
  });
export type TemplateDesign = z.infer<typeof TemplateDesignSchema>;

export const TemplateIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case (a-z, 0-9, single hyphens)');

export const TemplateSchema = z
  .object({
    id: TemplateIdSchema,
    title: z.string().min(1).max(200),
    kind: DesignKindSchema,
    version: z.number().int().min(1),
    description: z.string().max(2000),
    tags: z.array(z.string().min(1).max(40)).max(20).optional(),
    design: TemplateDesignSchema,
  })
  .superRefine((t, ctx) => {
    if (t.design.meta.kind !== t.kind) {
      ctx.addIssue({
        code: 'custom',
        path: ['design', 'meta', 'kind'],
        message: `meta.kind "${t.design.meta.kind}" differs from kind "${t.kind}"`,
      });
    }
  });
export type Template = z.infer<typeof TemplateSchema>;
/** What a template's JSON may omit (defaults are filled in on parse). */
export type TemplateInput = z.input<typeof TemplateSchema>;

export interface TemplateSummary {
  id: string;
  title: string;
  kind: Template['kind'];
  version: number;
  width: number;
  height: number;
}

export function summarizeTemplate(t: Template): TemplateSummary {
  return { id: t.id, title: t.title, kind: t.kind, version: t.version, width: t.design.meta.width, height: t.design.meta.height };
}
