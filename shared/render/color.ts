/** Colours as the writers accept them: parsed and validated, never passed through as raw strings. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1 */
  a: number;
}

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(\d*\.?\d+)\s*)?\)$/i;
const NAMED: Record<string, string> = { white: '#ffffff', black: '#000000' };

/** A paint from the model, or null for none/transparent/anything not a colour. */
export function parseColor(value: string | undefined | null): Rgba | null {
  if (!value) return null;
  const v = (NAMED[value.trim().toLowerCase()] ?? value).trim();
  const hex = HEX.exec(v);
  if (hex) {
    let h = hex[1]!;
    if (h.length <= 4) h = [...h].map((c) => c + c).join('');
    const n = (i: number) => Number.parseInt(h.slice(i, i + 2), 16);
    const color = { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
    return color.a > 0 ? color : null;
  }
  const rgb = RGB.exec(v);
  if (rgb) {
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((x) => Math.min(255, Number(x)));
    const a = rgb[4] === undefined ? 1 : Math.min(1, Number(rgb[4]));
    return a > 0 ? { r: r!, g: g!, b: b!, a } : null;
  }
  return null;
}

/** `#rrggbb` of a colour (alpha goes into opacity). */
export function toHex(c: Rgba): string {
  return `#${[c.r, c.g, c.b].map((x) => Math.round(x).toString(16).padStart(2, '0')).join('')}`;
}
