/**
 * Fast twins of the design model's schemas (model.ts), for reading every object of a
 * document as it opens (see shared/fast-parse). read.test.ts holds them to the
 * schemas' results. Imports only types and zod-free constants, so a page that reads
 * designs does not load zod.
 */
import { COLOR_RE, FONT_FAMILY_RE, FONT_WEIGHT_RE } from './safe-values.js';
import {
  BAD,
  boolean,
  either,
  int,
  isPlainRecord,
  number,
  object,
  oneOf,
  optional,
  string,
  withDefault,
  type Parser,
  type Shape,
} from '../fast-parse/index.js';
import { DESIGN_KINDS } from './kinds.js';
import type { DesignMeta, DesignObject } from './model.js';

const finite = number();
const nonNegative = number((n) => n >= 0);
const positive = number((n) => n > 0);
/** A string of at most `max` characters matching `re` (the zod schemas' `.regex`). */
const matching =
  (re: RegExp, max: number): Parser<string> =>
  (v) =>
    typeof v === 'string' && v.length <= max && re.test(v) ? v : BAD;
const color = matching(COLOR_RE, 64);

const base: Shape = {
  id: string(1, 64),
  x: finite,
  y: finite,
  width: nonNegative,
  height: nonNegative,
  angle: withDefault(finite, 0),
  z: string(1, 128),
  name: optional(string(0, 200)),
  opacity: optional(number((n) => n >= 0 && n <= 1)),
  visible: optional(boolean),
  locked: optional(boolean),
  role: optional(string(0, 64)),
  binding: optional(string(0, 200)),
  page: optional(int(0, 99)),
};

const byType = new Map<string, Parser<DesignObject>>([
  [
    'text',
    object({
      ...base,
      type: oneOf(['text']),
      text: withDefault(string(0, 100_000), ''),
      fontFamily: withDefault(matching(FONT_FAMILY_RE, 200), 'Inter'),
      fontSize: withDefault(positive, 24),
      fontWeight: withDefault(either(int(1, 1000), matching(FONT_WEIGHT_RE, 32)), 400),
      fontStyle: optional(oneOf(['normal', 'italic'])),
      fill: withDefault(color, '#000000'),
      textAlign: withDefault(oneOf(['left', 'center', 'right', 'justify']), 'left'),
      lineHeight: optional(positive),
      fit: optional(oneOf(['fixed', 'grow', 'shrink'])),
      minFontSize: optional(positive),
      sampleText: optional(string(0, 100_000)),
    }),
  ],
  [
    'image',
    object({
      ...base,
      type: oneOf(['image']),
      src: withDefault(string(0, 2_000), ''),
      naturalWidth: optional(positive),
      naturalHeight: optional(positive),
      fit: optional(oneOf(['cover', 'contain', 'fill'])),
    }),
  ],
  [
    'rect',
    object({
      ...base,
      type: oneOf(['rect']),
      fill: withDefault(color, '#cccccc'),
      stroke: optional(color),
      strokeWidth: optional(nonNegative),
      radius: optional(nonNegative),
    }),
  ],
  [
    'ellipse',
    object({
      ...base,
      type: oneOf(['ellipse']),
      fill: withDefault(color, '#cccccc'),
      stroke: optional(color),
      strokeWidth: optional(nonNegative),
    }),
  ],
  [
    'line',
    object({
      ...base,
      type: oneOf(['line']),
      stroke: withDefault(color, '#000000'),
      strokeWidth: withDefault(nonNegative, 2),
    }),
  ],
]);

/** Same result as `DesignObjectSchema.safeParse(value)`: the object, or null when it does not validate. */
export function parseDesignObject(value: unknown): DesignObject | null {
  if (!isPlainRecord(value) || typeof value.type !== 'string') return null;
  const parse = byType.get(value.type);
  const r = parse ? parse(value) : BAD;
  return r === BAD ? null : r;
}

const parseMeta = object<DesignMeta>({
  title: withDefault(string(0, 200), 'Untitled design'),
  kind: withDefault(oneOf(DESIGN_KINDS), 'flyer'),
  width: number((n) => n > 0 && n <= 20_000),
  height: number((n) => n > 0 && n <= 20_000),
  background: withDefault(color, '#ffffff'),
  templateId: optional(string(0, 200)),
  templateVersion: optional(int()),
  bleed: optional(nonNegative),
  pages: optional(int(1, 99)),
});

/** Same result as `DesignMetaSchema.safeParse(value)`: the meta, or null when it does not validate. */
export function parseDesignMeta(value: unknown): DesignMeta | null {
  const r = parseMeta(value);
  return r === BAD ? null : r;
}
