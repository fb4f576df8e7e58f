import { describe, expect, it } from 'vitest';
import { DesignMetaSchema, DesignObjectSchema } from '../../shared/design/model.js';
import { parseDesignMeta, parseDesignObject } from '../../shared/design/read.js';
import { renderSvg } from '../../shared/render/index.js';
import { emailSignatureHtml } from '../listings/email-signature.js';
import type { Design } from '../../shared/design/index.js';

/**
 * Object properties that reach generated SVG/HTML/CSS are checked by type where documents
 * come in (zod schemas and their fast twins agree), and every writer escapes what it writes.
 */
const text = {
  id: 't1',
  type: 'text',
  x: 0,
  y: 0,
  width: 100,
  height: 20,
  angle: 0,
  z: 'a',
  text: 'Hello',
  fontFamily: 'Open Sans',
  fontSize: 12,
  fontWeight: 400,
  fill: '#112233',
  textAlign: 'left',
};
const rect = { id: 'r1', type: 'rect', x: 0, y: 0, width: 10, height: 10, angle: 0, z: 'b', fill: '#ffffff' };

describe('the document edge', () => {
  const hostile: Array<[string, Record<string, unknown>]> = [
    ['a CSS declaration in fontWeight', { ...text, fontWeight: '1;background:url(https://evil.test/x)' }],
    ['markup in fill', { ...text, fill: '"/><script>alert(1)</script>' }],
    ['an entity-encoded semicolon in a font name', { ...text, fontFamily: 'Arial&#59;background:red' }],
    ['a quote in a font name', { ...text, fontFamily: `Arial"><img src=x onerror=alert(1)>` }],
    ['a url() stroke', { ...rect, stroke: 'url(javascript:alert(1))' }],
    ['a fractional weight', { ...text, fontWeight: 450.5 }],
  ];
  for (const [what, object] of hostile) {
    it(`refuses ${what}, in the schema and its fast twin alike`, () => {
      expect(DesignObjectSchema.safeParse(object).success).toBe(false);
      expect(parseDesignObject(object)).toBeNull();
    });
  }
  it('accepts what templates and the editor use', () => {
    for (const o of [
      text,
      { ...text, fill: '$color.primary', fontFamily: '$font.heading', fontWeight: 'bold' },
      { ...rect, fill: 'rgba(0, 0, 0, 0.5)', stroke: 'transparent' },
    ]) {
      expect(DesignObjectSchema.safeParse(o).success).toBe(true);
      expect(parseDesignObject(o)).not.toBeNull();
    }
  });
  it('meta.background is a colour', () => {
    const meta = { title: 't', kind: 'flyer', width: 100, height: 100, background: '#fff"/><script>x</script>' };
    expect(DesignMetaSchema.safeParse(meta).success).toBe(false);
    expect(parseDesignMeta(meta)).toBeNull();
  });
});

describe('the writers escape even what slipped past', () => {
  // A document as a writer could get it if a check were missed (no schema applied here).
  const design = {
    meta: { title: 'x', kind: 'email-signature', width: 600, height: 200, background: '#fff"/><script>alert(1)</script>' },
    objects: {
      t1: {
        ...text,
        fontWeight: '1;background:url(https://evil.test/x)',
        fill: '"/><script>alert(2)</script>',
        fontFamily: `Arial&#59;background:red"><script>alert(3)</script>`,
      },
      i1: {
        id: 'x"/><script>alert(4)</script>',
        type: 'image',
        x: 0,
        y: 0,
        width: 10,
        height: 10,
        angle: 0,
        z: 'c',
        src: '/a.png',
        fit: 'cover',
      },
    },
  } as unknown as Design;

  it('template thumbnail SVG', () => {
    const svg = renderSvg(design).svg;
    expect(svg).not.toMatch(/<script|evil\.test|alert\(/);
  });

  it('email signature HTML/CSS', () => {
    const html = emailSignatureHtml(design, (src) => new URL(src, 'https://brand.example.test').href);
    expect(html).not.toMatch(/<script|evil\.test|&#59;|background:red/);
  });
});
