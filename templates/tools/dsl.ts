/**
 * A small authoring DSL for the template JSON files: objects are listed
 * bottom-to-top and get clean `spacedKeys` z values; boxes are [x, y, w, h].
 */
import { spacedKeys, type DesignKind } from '../../shared/index.js';

type Box = [x: number, y: number, w: number, h: number];

interface Common {
  role?: string;
  binding?: string;
  locked?: boolean;
  name?: string;
  page?: number;
  opacity?: number;
  angle?: number;
}

export interface TextStyle extends Common {
  font?: 'heading' | 'body' | 'disclaimer';
  size: number;
  weight?: number;
  fill?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineHeight?: number;
  italic?: boolean;
  /**
   * The text is sample content (the sample agent, address, price): marked in the template as `sampleText`,
   * it never prints, the editor shows it as a placeholder and the checks report it until replaced.
   * Bound text is sample content unless this says false.
   */
  sample?: boolean;
}

type Draft = Record<string, unknown> & { id: string };

function base(id: string, type: string, [x, y, width, height]: Box, c: Common): Draft {
  const o: Draft = { id, type };
  if (c.name) o.name = c.name;
  if (c.role) o.role = c.role;
  if (c.binding) o.binding = c.binding;
  Object.assign(o, { x, y, width, height, angle: c.angle ?? 0 });
  if (c.page !== undefined) o.page = c.page;
  if (c.opacity !== undefined) o.opacity = c.opacity;
  if (c.locked) o.locked = true;
  return o;
}

export function text(id: string, box: Box, value: string, s: TextStyle): Draft {
  const o = base(id, 'text', box, s);
  Object.assign(o, {
    text: value,
    fontFamily: `$font.${s.font ?? 'body'}`,
    fontSize: s.size,
    fontWeight: s.weight ?? 400,
    fill: s.fill ?? '$color.neutral',
    textAlign: s.align ?? 'left',
  });
  if (s.italic) o.fontStyle = 'italic';
  if (s.lineHeight) o.lineHeight = s.lineHeight;
  if ((s.sample ?? Boolean(s.binding)) && value.trim()) o.sampleText = value;
  return o;
}

export function rect(
  id: string,
  box: Box,
  fill: string,
  c: Common & { stroke?: string; strokeWidth?: number; radius?: number } = {},
): Draft {
  const o = base(id, 'rect', box, { role: 'decoration', ...c });
  o.fill = fill;
  if (c.stroke) Object.assign(o, { stroke: c.stroke, strokeWidth: c.strokeWidth ?? 1 });
  if (c.radius) o.radius = c.radius;
  return o;
}

export function ellipse(id: string, box: Box, fill: string, c: Common & { stroke?: string; strokeWidth?: number } = {}): Draft {
  const o = base(id, 'ellipse', box, { role: 'decoration', ...c });
  o.fill = fill;
  if (c.stroke) Object.assign(o, { stroke: c.stroke, strokeWidth: c.strokeWidth ?? 1 });
  return o;
}

/** A horizontal rule: the box is centred on `y`. */
export function hline(id: string, x: number, y: number, width: number, stroke: string, strokeWidth = 1, c: Common = {}): Draft {
  const o = base(id, 'line', [x, y - strokeWidth / 2, width, strokeWidth], { role: 'decoration', ...c });
  Object.assign(o, { stroke, strokeWidth });
  return o;
}

export function image(id: string, box: Box, src: string, c: Common & { fit?: 'cover' | 'contain' | 'fill' } = {}): Draft {
  const o = base(id, 'image', box, c);
  o.src = src;
  o.fit = c.fit ?? 'cover';
  return o;
}

/* Brand elements: always locked and with their roles. */

export function logo(id: string, box: Box, c: Common = {}): Draft {
  return image(id, box, '$logo.primary', { role: 'logo', locked: true, fit: 'contain', name: 'Brokerage logo', ...c });
}
export function eho(id: string, box: Box, c: Common = {}): Draft {
  return image(id, box, '$eho', { role: 'eho-logo', locked: true, fit: 'contain', name: 'Equal Housing Opportunity', ...c });
}
export function disclaimer(id: string, box: Box, s: Omit<TextStyle, 'size'> & { size?: number } = {}): Draft {
  return text(id, box, '{{disclaimer.general}}', {
    font: 'disclaimer',
    size: 9,
    lineHeight: 1.25,
    role: 'disclaimer',
    locked: true,
    name: 'Disclaimer',
    ...s,
  });
}
export function brokerage(id: string, box: Box, s: TextStyle): Draft {
  return text(id, box, '{{brokerage.legalName}}', {
    font: 'body',
    weight: 700,
    role: 'brokerage-name',
    locked: true,
    name: 'Brokerage name',
    ...s,
  });
}

/** A small uppercase section label in the body face (heading faces have an 18 px floor). */
export function label(id: string, box: Box, value: string, s: Partial<TextStyle> = {}): Draft {
  return text(id, box, value, { font: 'body', size: 12, weight: 700, fill: '$color.primary', ...s });
}

export interface TemplateSpec {
  id: string;
  title: string;
  kind: DesignKind;
  version?: number;
  description: string;
  tags?: string[];
  width: number;
  height: number;
  background?: string;
  bleed?: number;
  pages?: number;
  objects: Draft[];
}

export function template(spec: TemplateSpec): unknown {
  const keys = spacedKeys(spec.objects.length);
  const objects: Record<string, unknown> = {};
  spec.objects.forEach((o, i) => {
    if (objects[o.id]) throw new Error(`${spec.id}: duplicate object id ${o.id}`);
    // Keep z right after angle for readable JSON.
    const { id, type, ...rest } = o;
    const entries = Object.entries(rest);
    const at = entries.findIndex(([k]) => k === 'angle') + 1;
    entries.splice(at, 0, ['z', keys[i]!]);
    objects[id] = { id, type, ...Object.fromEntries(entries) };
  });
  const meta: Record<string, unknown> = {
    title: spec.title,
    kind: spec.kind,
    width: spec.width,
    height: spec.height,
    background: spec.background ?? '#ffffff',
  };
  if (spec.bleed !== undefined) meta.bleed = spec.bleed;
  if (spec.pages !== undefined) meta.pages = spec.pages;
  return {
    id: spec.id,
    title: spec.title,
    kind: spec.kind,
    version: spec.version ?? 1,
    description: spec.description,
    ...(spec.tags ? { tags: spec.tags } : {}),
    design: { meta, objects },
  };
}

/** Sample data so a template looks finished before a listing is merged. */
export const SAMPLE = {
  price: '$1,250,000',
  line1: '1234 Magnolia Ridge Lane',
  line2: 'Austin, TX 78704',
  facts: '4 bd | 3 ba | 2,150 sq ft',
  remarks:
    'Light-filled modern farmhouse on a quiet tree-lined street. An open kitchen with quartz counters and a walk-in pantry flows into a vaulted living room, and sliding doors open to a covered patio and a private, fenced backyard. The primary suite has a spa bath and two closets.',
  remarksShort:
    'Light-filled modern farmhouse on a quiet tree-lined street, with an open kitchen, vaulted living room and a private, fenced backyard.',
  openHouse: 'Saturday, June 14 | 1:00 – 4:00 PM',
  agentName: 'Jordan Ellis',
  agentPhone: '(512) 555-0147',
  agentEmail: 'jordan.ellis@demorealty.com',
  agentLicense: 'TX License #0654321',
  officeAddress: '1200 Congress Ave, Austin, TX 78701',
};

/** The locked brand footer used on Letter pieces: rule, brokerage name, disclaimer, EHO mark. */
export function letterFooter(suffix = '', page?: number, y = 948, W = 816, M = 48): Draft[] {
  const c = page === undefined ? {} : { page };
  return [
    hline(`rule${suffix}`, M, y, W - 2 * M, '$color.light', 2, c),
    brokerage(`brokerage${suffix}`, [M, y + 12, 560, 20], { size: 14, fill: '$color.primary', ...c }),
    disclaimer(`disclaimer${suffix}`, [M, y + 38, 620, 44], c),
    eho(`eho${suffix}`, [W - M - 48, y + 14, 48, 48], c),
  ];
}
