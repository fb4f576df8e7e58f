/**
 * Normalisation before matching: case, diacritics, emoji and symbols between
 * words, digit/symbol look-alikes ("chr1stian", "n0"), words split by spaces
 * or hyphens ("w h i t e", "chil-dren"), and one-edit misspellings of lexicon
 * words of five letters or more ("caucasion", "handicaped", "childern").
 */

export interface NormalizedText {
  /** Lower-cased, diacritics removed, pictographs and symbols turned into spaces. */
  text: string;
  /** `map[i]` is the offset in the original text of `text[i]`; `map[text.length]` is the original length. */
  map: number[];
}

const MARK_RE = /\p{M}/u;
const SYMBOL_RE = /[\p{Extended_Pictographic}\p{So}\p{Sk}\u200b-\u200f\u2060\ufe0f*_~^`|•·]/u;

const NO_SIGNS = new Set(['🚫', '⛔', '❌', '✖', '🙅']);

export function normalizeText(original: string): NormalizedText {
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    const width = ch.length;
    if (NO_SIGNS.has(ch)) {
      // A prohibition sign before a word reads as "no" ("🚫 kids").
      text += ' no ';
      map.push(i, i, i, i);
    } else if (SYMBOL_RE.test(ch)) {
      text += ' ';
      map.push(i);
    } else {
      for (const part of ch.normalize('NFKD')) {
        if (MARK_RE.test(part)) continue;
        const lower = part.toLowerCase();
        // Keep the string aligned one code unit per mapped entry.
        for (let k = 0; k < lower.length; k++) {
          text += lower[k];
          map.push(i);
        }
      }
    }
    i += width;
  }
  map.push(original.length);
  return { text: text.replace(/[’‘`]/g, "'"), map };
}

/** Digits and symbols that stand in for letters inside a word. */
const LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e' };

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
