/**
 * The text-fit estimate templates are held to: glyph width ≈ 0.55 × fontSize,
 * line height 1.16 × fontSize (or the object's `lineHeight`), greedy word wrap.
 */
export const GLYPH_WIDTH = 0.55;
export const DEFAULT_LINE_HEIGHT = 1.16;

export function estimateWidth(text: string, fontSize: number): number {
  return [...text].length * GLYPH_WIDTH * fontSize;
}

/** Lines after greedy word wrap; a word wider than the box stays whole (and overflows). */
export function wrapLines(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && estimateWidth(next, fontSize) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export interface TextFit {
  lines: string[];
  /** Widest line, estimated. */
  width: number;
  height: number;
  fits: boolean;
}

export function fitText(o: { text: string; width: number; height: number; fontSize: number; lineHeight?: number }): TextFit {
  const lines = wrapLines(o.text, o.width, o.fontSize);
  const width = Math.max(0, ...lines.map((l) => estimateWidth(l, o.fontSize)));
  const height = lines.length * o.fontSize * (o.lineHeight ?? DEFAULT_LINE_HEIGHT);
  return { lines, width, height, fits: width <= o.width + 0.5 && height <= o.height + 0.5 };
}
