/**
 * Email-safe HTML for a design (the email-signature kind): nested tables,
 * inline styles only, absolute image URLs, no CSS positioning, no scripts.
 * Layout: the band above the first full-width rule, then the band below it;
 * within a band, objects whose horizontal extents overlap form one column,
 * and each column stacks its objects top to bottom.
 */
import {
  isSafeFontFamily,
  isSafeFontWeight,
  objectsInOrder,
  type Design,
  type DesignObject,
  type ImageObject,
  type TextObject,
} from '../../shared/index.js';
import { DEFAULT_LINE_HEIGHT, placeholderOf } from '../../shared/render/index.js';

/** Where an image is served from for mail clients (a public, long-lived URL), or null to leave it out. */
export type SignatureImageUrl = (src: string) => string | null;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const isColor = (c: string | undefined): c is string => typeof c === 'string' && /^#[0-9a-f]{3,8}$/i.test(c);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An absolute http(s) URL for an image source, or null (data: and other schemes are not email-safe). */
export function absoluteImageUrl(src: string, base: string): string | null {
  if (!src) return null;
  if (UUID_RE.test(src)) return `${base.replace(/\/+$/, '')}/api/assets/${src}`;
  try {
    const u = new URL(src, base.replace(/\/*$/, '/'));
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

function fontStack(family: string): string {
  const generic =
    /serif|georgia|times|garamond|playfair|merriweather/i.test(family) && !/sans/i.test(family)
      ? 'Georgia, serif'
      : 'Arial, Helvetica, sans-serif';
  // Only a checked name goes into the style attribute (no quotes, entities or semicolons).
  return isSafeFontFamily(family) ? `${family}, ${generic}` : generic;
}

function textHtml(o: TextObject): string {
  const text = o.text.trim();
  let inner = esc(text).replace(/\n/g, '<br>');
  const color = isColor(o.fill) ? o.fill : '#000000';
  const linkStyle = `color:${color};text-decoration:none;`;
  if (o.role === 'agent-email' || o.binding === 'agent.email' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text))
    inner = `<a href="mailto:${esc(text)}" style="${linkStyle}">${inner}</a>`;
  else if (o.role === 'agent-phone' || o.binding === 'agent.phone')
    inner = `<a href="tel:${esc(text.replace(/[^\d+]/g, ''))}" style="${linkStyle}">${inner}</a>`;
  const style = [
    `font-family:${fontStack(o.fontFamily)}`,
    `font-size:${Math.round(o.fontSize)}px`,
    `line-height:${Math.round(o.fontSize * (o.lineHeight ?? DEFAULT_LINE_HEIGHT))}px`,
    `font-weight:${isSafeFontWeight(o.fontWeight) ? o.fontWeight : 400}`,
    `color:${color}`,
    `text-align:${o.textAlign === 'justify' ? 'left' : o.textAlign}`,
    'padding:0 0 2px 0',
    ...(o.fontStyle === 'italic' ? ['font-style:italic'] : []),
  ].join(';');
  return `<tr><td style="${style}">${inner}</td></tr>`;
}

function imageHtml(o: ImageObject, imageUrl: SignatureImageUrl): string {
  const url = imageUrl(o.src);
  if (!url) return '';
  const w = Math.round(o.width);
  const h = Math.round(o.height);
  const alt = o.role === 'logo' ? 'Logo' : o.role === 'agent-photo' ? 'Photo' : o.role === 'eho-logo' ? 'Equal Housing Opportunity' : '';
  return `<tr><td style="padding:0 0 4px 0"><img src="${esc(url)}" width="${w}" height="${h}" alt="${alt}" style="display:block;border:0;outline:none;width:${w}px;height:${h}px;${o.fit === 'cover' ? 'object-fit:cover;' : ''}"></td></tr>`;
}

interface Column {
  left: number;
  right: number;
  items: DesignObject[];
}

function columns(objects: DesignObject[]): Column[] {
  const cols: Column[] = [];
  for (const o of [...objects].sort((a, b) => a.x - b.x)) {
    const col = cols.find((c) => o.x < c.right && o.x + o.width > c.left);
    if (col) {
      col.items.push(o);
      col.left = Math.min(col.left, o.x);
      col.right = Math.max(col.right, o.x + o.width);
    } else cols.push({ left: o.x, right: o.x + o.width, items: [o] });
  }
  for (const c of cols) c.items.sort((a, b) => a.y - b.y || a.x - b.x);
  return cols.sort((a, b) => a.left - b.left);
}

function bandHtml(objects: DesignObject[], dividers: DesignObject[], imageUrl: SignatureImageUrl): string {
  const cols = columns(objects);
  if (cols.length === 0) return '';
  const cells = cols.map((c, i) => {
    const next = cols[i + 1];
    // A thin vertical rect between two columns becomes the left border of the next one.
    const divider = next ? dividers.find((d) => d.x >= c.right - 1 && d.x + d.width <= next.left + 1) : undefined;
    const dividerColor = divider && (divider.type === 'rect' ? divider.fill : divider.type === 'line' ? divider.stroke : undefined);
    const gap = next ? Math.max(8, Math.round(next.left - c.right)) : 0;
    const rows = c.items.map((o) => (o.type === 'text' ? textHtml(o) : o.type === 'image' ? imageHtml(o, imageUrl) : '')).join('');
    const style = [`vertical-align:top`, `padding:0 ${gap}px 0 0`, ...(i > 0 && cols[i - 1] && dividers.length ? [] : [])].join(';');
    const inner = `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse">${rows}</table>`;
    const cell = `<td style="${style}">${inner}</td>`;
    return divider && isColor(dividerColor)
      ? `${cell}<td style="width:${Math.max(1, Math.round(divider.width))}px;background:${dividerColor};font-size:0;line-height:0">&nbsp;</td><td style="width:${gap}px;font-size:0">&nbsp;</td>`
      : cell;
  });
  return `<tr><td style="padding:0"><table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse"><tr>${cells.join('')}</tr></table></td></tr>`;
}

/**
 * The email signature as a standalone HTML fragment (a table; paste into any mail client).
 * Placeholders (an empty photo frame, sample copy) are left out.
 */
export function emailSignatureHtml(design: Design, imageUrl: SignatureImageUrl): string {
  const visible = objectsInOrder(design).filter(
    (o) => o.visible !== false && (o.opacity ?? 1) > 0 && (o.page ?? 0) === 0 && !placeholderOf(o),
  );
  const isRule = (o: DesignObject) => (o.type === 'line' || (o.type === 'rect' && o.height <= 4)) && o.width >= design.meta.width * 0.6;
  const isDivider = (o: DesignObject) => o.type === 'rect' && o.width <= 6 && o.height > o.width * 4;
  const rule = visible.filter(isRule).sort((a, b) => a.y - b.y)[0];
  const content = visible.filter((o) => (o.type === 'text' && o.text.trim()) || (o.type === 'image' && imageUrl(o.src)));
  const dividers = visible.filter(isDivider);
  const top = rule ? content.filter((o) => o.y + o.height / 2 < rule.y) : content;
  const bottom = rule ? content.filter((o) => o.y + o.height / 2 >= rule.y) : [];
  const ruleColor = rule ? (rule.type === 'line' ? rule.stroke : rule.type === 'rect' ? rule.fill : undefined) : undefined;
  const ruleHtml =
    rule && isColor(ruleColor)
      ? `<tr><td style="padding:8px 0"><table role="presentation" cellpadding="0" cellspacing="0" border="0" width="${Math.round(rule.width)}" style="border-collapse:collapse"><tr><td style="border-top:${Math.max(1, Math.round(rule.type === 'line' ? rule.strokeWidth : rule.height))}px solid ${ruleColor};font-size:0;line-height:0">&nbsp;</td></tr></table></td></tr>`
      : '';
  const bg = isColor(design.meta.background) ? design.meta.background : '#ffffff';
  return [
    `<!-- ${esc(design.meta.title)}: email signature by RealBrand -->`,
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;background:${bg};max-width:${Math.round(design.meta.width)}px">`,
    bandHtml(top, dividers, imageUrl),
    ruleHtml,
    bandHtml(bottom, [], imageUrl),
    `</table>`,
  ].join('\n');
}
