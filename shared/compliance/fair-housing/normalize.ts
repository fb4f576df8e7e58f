/**
 * Normalisation before matching: case, diacritics, emoji and symbols between
 * words, digit/symbol look-alikes ("chr1stian", "n0"), words split by spaces
 * or hyphens ("w h i t e", "chil-dren"), and one-edit misspellings of lexicon
 * words of five letters or more ("caucasion", "handicaped", "childern").
 */

export interface NormalizedText {
  /** Lower-cased, diacritics removed, pictographs and symbols turned into spaces or words. */
  text: string;
  /** `map[i]` is the offset in the original text of `text[i]`; `map[text.length]` is the original length. */
  map: number[];
}

const MARK_RE = /\p{M}/u;
// U+FE0F (emoji presentation) is matched on its own on purpose: it joins nothing once the emoji is gone.
// eslint-disable-next-line no-misleading-character-class
const SYMBOL_RE = /[\p{Extended_Pictographic}\p{So}\p{Sk}\u200b-\u200f\u2060\ufe0f*_~^`|•·]/u;
const LETTER_RE = /\p{L}/u;

const NO_SIGNS = new Set(['🚫', '⛔', '❌', '✖', '🙅', '🙅‍♂️', '🙅‍♀️']);
const NO_SIGN_KEYS = [...NO_SIGNS].sort((a, b) => b.length - a.length);

/**
 * Pictographs that stand for a group or a word in social copy ("👩🏻 only",
 * "no 👶", "🏳️‍🌈 friendly"). Skin-tone modifiers name a colour; the people
 * and symbols name the group. Everything else is a space.
 */
const EMOJI_WORDS: Record<string, string> = {
  '🏻': 'light-skinned',
  '🏼': 'light-skinned',
  '🏾': 'dark-skinned',
  '🏿': 'dark-skinned',
  '👩': 'woman',
  '👧': 'girl',
  '♀': 'female',
  '🚺': 'women',
  '👨': 'man',
  '👦': 'boy',
  '♂': 'male',
  '🚹': 'men',
  '👨‍👩‍👧‍👦': 'family',
  '👨‍👩‍👧': 'family',
  '👨‍👩‍👦': 'family',
  '👨‍👩‍👦‍👦': 'family',
  '👨‍👩‍👧‍👧': 'family',
  '👶': 'baby',
  '🧒': 'child',
  '🚼': 'baby',
  '🍼': 'baby',
  '👪': 'family',
  '👫': 'couple',
  '👬': 'gay couple',
  '👭': 'lesbian couple',
  '🧓': 'senior',
  '👴': 'senior',
  '👵': 'senior',
  '♿': 'wheelchair',
  '🦽': 'wheelchair',
  '🦼': 'wheelchair',
  '🦯': 'blind',
  '✝': 'christian',
  '☪': 'muslim',
  '✡': 'jewish',
  '🕎': 'jewish',
  '🕉': 'hindu',
  '☸': 'buddhist',
  '🛐': 'religious',
  '🏳️‍🌈': 'gay',
  '🌈': 'gay',
  '🏳️‍⚧️': 'transgender',
  '⚧': 'transgender',
};
/** Longest first, so a ZWJ sequence ("🏳️‍🌈") wins over its parts. */
const EMOJI_KEYS = Object.keys(EMOJI_WORDS).sort((a, b) => b.length - a.length);

/** Letters from other scripts that look like Latin ones ("whіte" with a Cyrillic і). */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/** Digits and symbols that stand in for letters inside a word. */
const LOOKALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '€': 'e',
};
/** A masked letter ("M*slims", "n_gro") becomes this placeholder; the word repair reads it as any letter. */
export const MASK = 'q';
const MASKS = new Set(['*', '_', '#', '•', '·']);

export interface NormalizeOptions {
  /** Turn group emoji into words (the language layer wants them; banned phrases do not). Default true. */
  emojiWords?: boolean;
}

export function normalizeText(original: string, options: NormalizeOptions = {}): NormalizedText & { masked: Set<number> } {
  const emojiWords = options.emojiWords ?? true;
  let text = '';
  const map: number[] = [];
  const masked = new Set<number>();
  const push = (s: string, at: number) => {
    for (let k = 0; k < s.length; k++) {
      text += s[k];
      map.push(at);
    }
  };
  const isLetterAt = (k: number) => k >= 0 && k < original.length && LETTER_RE.test(original[k]!);
  let hashtag = false;
  let i = 0;
  while (i < original.length) {
    // "#NoKids", "#ChristianHome": a hashtag's capitals start words.
    if (original[i] === '#' && isLetterAt(i + 1)) {
      hashtag = true;
      push(' ', i);
      i++;
      continue;
    }
    if (hashtag && !/[\p{L}\p{N}]/u.test(original[i]!)) hashtag = false;
    if (hashtag && /\p{Lu}/u.test(original[i]!) && /\p{Ll}/u.test(original[i - 1] ?? '')) push(' ', i);
    const no = NO_SIGN_KEYS.find((e) => original.startsWith(e, i));
    if (no) {
      // A prohibition sign before a word reads as "no" ("🚫 kids").
      push(' no ', i);
      i += no.length;
      continue;
    }
    if (emojiWords) {
      const key = EMOJI_KEYS.find((e) => original.startsWith(e, i));
      if (key) {
        push(` ${EMOJI_WORDS[key]} `, i);
        i += key.length;
        continue;
      }
    }
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    const between = isLetterAt(i - 1) && isLetterAt(i + width);
    if (between && LOOKALIKES[ch]) {
      // "bl!nd", "d@rk", "k1ds": a digit or symbol between letters stands for a letter.
      push(LOOKALIKES[ch]!, i);
    } else if (between && MASKS.has(ch)) {
      masked.add(text.length);
      push(MASK, i);
    } else if (SYMBOL_RE.test(ch)) {
      push(' ', i);
    } else {
      for (const part of ch.normalize('NFKD')) {
        if (MARK_RE.test(part)) continue;
        const lower = part.toLowerCase();
        push(HOMOGLYPHS[lower] ?? lower, i);
      }
    }
    i += width;
  }
  map.push(original.length);
  return { text: text.replace(/[’‘`]/g, "'"), map, masked };
}

/** "chr1stian" → "christian"; only for words that have letters and a look-alike. */
export function undoLookalikes(word: string): string | null {
  if (!/[a-z]/.test(word) || !/[0-9@$!|€]/.test(word)) return null;
  let out = '';
  for (const ch of word) out += LOOKALIKES[ch] ?? ch;
  return /^[a-z']+$/.test(out) ? out : null;
}

/**
 * Symmetric-delete index for edit distance 1 (insert, delete, substitute,
 * transpose) against a fixed word list: every word and each of its
 * one-deletion variants point back to the word.
 */
export class EditIndex {
  private readonly index = new Map<string, Set<string>>();

  constructor(words: Iterable<string>, minLength = 5) {
    for (const w of words) {
      if (w.length < minLength || !/^[a-z]+$/.test(w)) continue;
      this.add(w, w);
      for (const d of deletions(w)) this.add(d, w);
    }
  }

  private add(key: string, word: string) {
    let set = this.index.get(key);
    if (!set) this.index.set(key, (set = new Set()));
    set.add(word);
  }

  /** The one lexicon word within one edit of `word`, or null (none, or ambiguous). */
  nearest(word: string): string | null {
    const found = new Set<string>();
    for (const w of this.index.get(word) ?? []) found.add(w);
    for (const d of deletions(word)) for (const w of this.index.get(d) ?? []) found.add(w);
    const close = [...found].filter((w) => withinOneEdit(word, w));
    return close.length === 1 ? close[0]! : null;
  }
}

function deletions(w: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Damerau distance ≤ 1 (the symmetric-delete candidates can be two edits apart). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
