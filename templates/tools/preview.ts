/**
 * Renders templates to SVG (the server's template thumbnails; PNG files via
 * headless Chromium with preview-cli.ts, to look at them).
 * Photos and the logo are drawn as neutral stand-ins; text wraps by the same
 * estimate the tests use, so what overflows here overflows there.
 */
import { DEMO_BRAND_KIT, escapeMarkup, instantiateTemplate, isSafeColor, isSafeFontFamily, isSafeFontWeight, objectsInOrder, type BrandKit, type Design, type DesignObject } from '../../shared/index.js';
import { fitText } from './metrics.js';

const esc = escapeMarkup;
/** A paint for an attribute: a checked colour, escaped; anything else draws nothing. */
const paint = (v: string | undefined) => (isSafeColor(v) ? esc(v) : 'none');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Brand fonts are rarely installed on a build machine; fall back to a metric-neutral sans. */
function fontStack(family: string): string {
  return `'${family}', 'Liberation Sans', Arial, sans-serif`;
}

function renderObject(o: DesignObject, kit: BrandKit, guides = true): string {
  const { x, y, width: w, height: h } = o;
  const tf = o.angle ? ` transform="rotate(${o.angle} ${x + w / 2} ${y + h / 2})"` : '';
  const op = o.opacity !== undefined ? ` opacity="${o.opacity}"` : '';
  switch (o.type) {
    case 'rect':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${o.radius ?? 0}" fill="${paint(o.fill)}"${o.stroke ? ` stroke="${paint(o.stroke)}" stroke-width="${num(o.strokeWidth ?? 1)}"` : ''}${tf}${op}/>`;
    case 'ellipse':
      return `<ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w / 2}" ry="${h / 2}" fill="${paint(o.fill)}"${o.stroke ? ` stroke="${paint(o.stroke)}" stroke-width="${num(o.strokeWidth ?? 1)}"` : ''}${tf}${op}/>`;
    case 'line':
      return `<line x1="${x}" y1="${y + h / 2}" x2="${x + w}" y2="${y + h / 2}" stroke="${paint(o.stroke)}" stroke-width="${num(o.strokeWidth)}"${tf}${op}/>`;
    case 'image': {
      if (o.role === 'logo') {
        const primary = kit.palette[0]!.hex;
        const name = kit.brokerageLegalName.replace(/,?\s*(LLC|Inc\.?|Group|Ltd\.?)$/i, '').toUpperCase();
        const fs = Math.min(h * 0.42, (w * 0.78) / (name.length * 0.62));
        return `<g${tf}${op}><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none"/><rect x="${x}" y="${y + h * 0.18}" width="${h * 0.64}" height="${h * 0.64}" fill="${paint(primary)}"/><text x="${x + h * 0.32}" y="${y + h * 0.5}" font-family="Liberation Serif" font-size="${h * 0.42}" font-weight="700" fill="#fff" text-anchor="middle" dominant-baseline="central">${esc(name[0] ?? 'R')}</text><text x="${x + h * 0.78}" y="${y + h * 0.5}" font-family="'Liberation Sans'" font-weight="700" font-size="${fs}" fill="${paint(primary)}" dominant-baseline="central">${esc(name)}</text></g>`;
      }
      if (o.role === 'eho-logo') {
        const s = Math.min(w, h);
        const cx = x + w / 2;
        const t = y + (h - s) / 2;
        return `<g${tf}${op} fill="#333"><path d="M${cx - s * 0.42} ${t + s * 0.42} L${cx} ${t + s * 0.08} L${cx + s * 0.42} ${t + s * 0.42} Z"/><rect x="${cx - s * 0.3}" y="${t + s * 0.42}" width="${s * 0.6}" height="${s * 0.36}"/><rect x="${cx - s * 0.18}" y="${t + s * 0.5}" width="${s * 0.36}" height="${s * 0.05}" fill="#fff"/><rect x="${cx - s * 0.18}" y="${t + s * 0.62}" width="${s * 0.36}" height="${s * 0.05}" fill="#fff"/><text x="${cx}" y="${t + s * 0.93}" font-size="${s * 0.1}" font-family="'Liberation Sans'" font-weight="700" text-anchor="middle">EQUAL HOUSING</text></g>`;
      }
      const id = `g-${o.id.replace(/[^\w-]/g, '_')}`;
      const isAgent = o.role === 'agent-photo';
      return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${isAgent ? '#c9ced6' : '#9fb6c9'}"/><stop offset="0.62" stop-color="${isAgent ? '#aab2bd' : '#c8d3c0'}"/><stop offset="1" stop-color="${isAgent ? '#8f98a5' : '#6f8a5e'}"/></linearGradient></defs><g${tf}${op}><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#${id})"/>${
        isAgent
          ? `<circle cx="${x + w / 2}" cy="${y + h * 0.4}" r="${Math.min(w, h) * 0.18}" fill="#eef0f3"/><ellipse cx="${x + w / 2}" cy="${y + h * 0.95}" rx="${w * 0.32}" ry="${h * 0.3}" fill="#eef0f3"/>`
          : `<path d="M${x + w * 0.3} ${y + h * 0.72} L${x + w * 0.3} ${y + h * 0.5} L${x + w * 0.5} ${y + h * 0.32} L${x + w * 0.7} ${y + h * 0.5} L${x + w * 0.7} ${y + h * 0.72} Z" fill="#f4f1ea" opacity="0.85"/><rect x="${x + w * 0.46}" y="${y + h * 0.6}" width="${w * 0.08}" height="${h * 0.12}" fill="#7c6a58"/>`
      }</g>`;
    }
    case 'text': {
      const fit = fitText(o);
      const lh = o.fontSize * (o.lineHeight ?? 1.16);
      const anchor = o.textAlign === 'center' ? 'middle' : o.textAlign === 'right' ? 'end' : 'start';
      const tx = o.textAlign === 'center' ? x + w / 2 : o.textAlign === 'right' ? x + w : x;
      const spans = fit.lines
        .map((l, i) => `<tspan x="${tx}" y="${y + i * lh + (lh - o.fontSize) / 2 + o.fontSize * 0.8}">${esc(l)}</tspan>`)
        .join('');
      const guide = fit.fits || !guides ? '' : `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="red" stroke-dasharray="4 2"/>`;
      return `<text font-family="${esc(fontStack(isSafeFontFamily(o.fontFamily) ? o.fontFamily : 'Liberation Sans'))}" font-size="${o.fontSize}" font-weight="${isSafeFontWeight(o.fontWeight) ? o.fontWeight : 400}"${o.fontStyle === 'italic' ? ' font-style="italic"' : ''} fill="${paint(o.fill)}" text-anchor="${anchor}"${tf}${op}>${spans}</text>${guide}`;
    }
  }
}

export function renderSvg(design: Design, kit: BrandKit, opts: { showBleed?: boolean; guides?: boolean } = {}): { svg: string; width: number; height: number } {
  const { width: W, height: H } = design.meta;
  const pages = design.meta.pages ?? 1;
  const bleed = opts.showBleed ? (design.meta.bleed ?? 0) : 0;
  const gap = 24;
  const totalH = pages * (H + 2 * bleed) + (pages - 1) * gap;
  const parts: string[] = [];
  for (let p = 0; p < pages; p++) {
    const oy = p * (H + 2 * bleed + gap) + bleed;
    const objs = objectsInOrder(design).filter((o) => (o.page ?? 0) === p && o.visible !== false);
    parts.push(
      `<svg x="0" y="${oy - bleed}" width="${W + 2 * bleed}" height="${H + 2 * bleed}" viewBox="${-bleed} ${-bleed} ${W + 2 * bleed} ${H + 2 * bleed}" overflow="hidden"><rect x="${-bleed}" y="${-bleed}" width="${W + 2 * bleed}" height="${H + 2 * bleed}" fill="${paint(design.meta.background)}"/>${objs.map((o) => renderObject(o, kit, opts.guides !== false)).join('\n')}${
        bleed ? `<rect x="0" y="0" width="${W}" height="${H}" fill="none" stroke="#ff00ff" stroke-width="0.5"/>` : ''
      }</svg>`,
    );
  }
  const width = W + 2 * bleed;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${totalH}" viewBox="0 0 ${width} ${totalH}"><rect width="100%" height="100%" fill="#888"/>${parts.join('\n')}</svg>`,
    width,
    height: totalH,
  };
}
