/**
 * The one text layout: where a text object's lines break and where each line sits, measured from
 * the font files (see fonts.ts). The wrapping is fabric.Textbox's (so the editor's canvas breaks
 * lines in the same places): hard lines at '\n'; words split at each space or tab; a word goes on
 * the next line when the line would get wider than the box; a word wider than the box widens it.
 */
import type { TextObject } from '../design/index.js';
import { DEFAULT_LINE_HEIGHT, FONT_SIZE_FRACTION, FONT_SIZE_MULT } from './constants.js';
import { cssWeight, fontBook, type Face, type FontBook } from './fonts.js';

export type TextLike = Pick<TextObject, 'text' | 'width' | 'fontFamily' | 'fontSize' | 'fontWeight'> &
  Partial<Pick<TextObject, 'fontStyle' | 'lineHeight' | 'textAlign'>>;

export interface LaidOutLine {
  text: string;
  /** Width of the line's text, px. */
  width: number;
  /** Left of the line's text from the box's left, px (alignment applied). */
  x: number;
  /** Baseline from the box's top, px. */
  baseline: number;
}

export interface TextLayout {
  lines: LaidOutLine[];
  fontSize: number;
  /** Height of the laid-out text (fabric's Textbox height), px. */
  height: number;
  /** Box width after a too-long word widened it, px. */
  width: number;
  /** The face measured with, or null when no font file is loaded (average-width estimate). */
  face: Face | null;
}

/** Height of `lines` lines of text (fabric's Textbox height). */
export function textBlockHeight(lines: number, fontSize: number, lineHeight = DEFAULT_LINE_HEIGHT): number {
  return lines <= 0 ? 0 : fontSize * FONT_SIZE_MULT * (lineHeight * (lines - 1) + 1);
}

/** Baseline of line `i` below the top of the text, px. */
export function baselineOf(i: number, fontSize: number, lineHeight = DEFAULT_LINE_HEIGHT): number {
  const h = fontSize * FONT_SIZE_MULT;
  return i * h * lineHeight + h * (1 - FONT_SIZE_FRACTION);
}

const WORD_JOINERS = /[ \t\r]/;

/** Width of `text` at font size 1 with `face`, or by the average-glyph estimate when there is none. */
export function unitWidth(face: Face | null, text: string, weight: number): number {
  if (face) return face.width(text);
  return [...text].length * (weight >= 600 ? 0.6 : 0.55);
}

/** Width of one word (or the space between words) at `fontSize`, px: what wrapping compares with the box. */
export function wordWidth(face: Face | null, word: string, fontSize: number, weight: number): number {
  return unitWidth(face, word, weight) * fontSize;
}

/** Lines after wrapping, with their widths at font size 1 (fabric.Textbox `_wrapLine`). */
export function wrapText(
  text: string,
  boxWidth: number,
  fontSize: number,
  face: Face | null,
  weight: number,
): { lines: Array<{ text: string; width: number }>; largestWord: number } {
  const hard = text.split(/\r?\n/);
  const words = hard.map((line) => (line === '' ? [] : line.split(WORD_JOINERS)));
  const space = wordWidth(face, ' ', fontSize, weight);
  let largestWord = 0;
  const widths = words.map((ws) =>
    ws.map((w) => {
      const width = wordWidth(face, w, fontSize, weight);
      if (width > largestWord) largestWord = width;
      return width;
    }),
  );
  const maxWidth = Math.max(boxWidth, largestWord);
  const out: Array<{ text: string; width: number }> = [];
  words.forEach((ws, li) => {
    if (ws.length === 0) {
      out.push({ text: '', width: 0 });
      return;
    }
    let line = '';
    let lineWidth = 0;
    let started = true;
    let infix = 0;
    ws.forEach((word, i) => {
      const ww = widths[li]![i]!;
      lineWidth += infix + ww;
      if (lineWidth > maxWidth && !started) {
        out.push({ text: line, width: lineWidth - infix - ww });
        line = '';
        lineWidth = ww;
        started = true;
      }
      if (!started) line += ' ';
      line += word;
      infix = space;
      started = false;
    });
    out.push({ text: line, width: lineWidth });
  });
  return { lines: out, largestWord };
}

/** Lays a text object out at its font size (or at `fontSize`). */
export function layoutText(o: TextLike, opts: { fontSize?: number; book?: FontBook } = {}): TextLayout {
  const fontSize = opts.fontSize ?? o.fontSize;
  const weight = cssWeight(o.fontWeight);
  const face = (opts.book ?? fontBook).face(o.fontFamily, weight, o.fontStyle ?? 'normal');
  const lineHeight = o.lineHeight ?? DEFAULT_LINE_HEIGHT;
  const { lines, largestWord } = wrapText(o.text, o.width, fontSize, face, weight);
  const width = Math.max(o.width, largestWord);
  return {
    fontSize,
    face,
    width,
    height: textBlockHeight(lines.length, fontSize, lineHeight),
    lines: lines.map((l, i) => ({
      text: l.text,
      width: l.width,
      x: o.textAlign === 'center' ? (width - l.width) / 2 : o.textAlign === 'right' ? width - l.width : 0,
      baseline: baselineOf(i, fontSize, lineHeight),
    })),
  };
}

/** Height the text needs in its box, px (what the overflow rule compares with the box). */
export function measureTextHeight(o: TextLike, fontSize?: number, book?: FontBook): number {
  return layoutText(o, { fontSize, book }).height;
}
