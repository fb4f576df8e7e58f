/**
 * A small token-based phrase matcher.
 *
 * Text is split into word tokens (letters and digits; apostrophes inside a
 * word are dropped, so "don't" → "dont" and "children's" → "children"; every
 * other character — spaces, hyphens, punctuation — separates tokens, so
 * "no-kids", "No  Kids!" and "no kids" tokenise alike). Each token is reduced
 * to a crude stem (plurals, possessives, -ed/-ing, a final -e, and a few
 * irregular plurals), and patterns are compared stem to stem, so one pattern
 * covers "kid"/"kids", "prefer"/"preferred"/"preferring", etc.
 *
 * Pattern syntax (whitespace-separated slots):
 *   word          one token whose stem equals stem(word)
 *   a|b|c         any one of these words
 *   [a|b]         optional slot (zero or one of these words)
 *   (x y|z)       group of alternatives that may span several words; expanded
 *                 at compile time into one pattern per alternative (single
 *                 words among them merge into one slot); an empty
 *                 alternative, as in (|want to), makes the group optional
 *   $name         a macro (a named list of words), e.g. $kids → kid|child|…
 *   #             any number token ("55", "8")
 *   *             any one token
 *   ~N            a gap of 0..N arbitrary tokens
 *   !a|b          the next token (if any) must NOT be one of these (consumes nothing)
 *
 * Patterns are compiled once and indexed by the stems their first slot can
 * take, so matching a text costs one pass over its tokens plus a few
 * backtracking attempts at positions whose stem starts some pattern.
 */

export interface Token {
  /** Lower-cased token text with inner apostrophes removed. */
  norm: string;
  stem: string;
  /** Character offsets in the original text: [start, end). */
  start: number;
  end: number;
  isNumber: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\+/gu;
const APOS_RE = /['’]/g;
const NUMBER_RE = /^\d+$/;
const VOWEL_RE = /[aeiouy]/;

const IRREGULAR: Record<string, string> = {
  children: 'child',
  childs: 'child',
  men: 'man',
  women: 'woman',
  gentlemen: 'gentleman',
  people: 'person',
  persons: 'person',
  folks: 'folk',
  wives: 'wife',
  lives: 'life',
  jews: 'jew',
  gays: 'gay',
  guys: 'guy',
  his: 'his',
  this: 'this',
  us: 'us',
  is: 'is',
  was: 'was',
  has: 'has',
  yes: 'yes',
  bus: 'bus',
  ssi: 'ssi',
  ssdi: 'ssdi',
  lds: 'lds',
  gis: 'gi',
  vets: 'vet',
  kidding: 'kidding',
  kidded: 'kidded',
};

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'aeiouylsz'.includes(w[n - 1]!)) return w.slice(0, -1);
  return w;
}

/** A crude but consistent stemmer: the same function runs on patterns and text. */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  let w = word;
  if (w.length <= 3 || NUMBER_RE.test(w)) return w;
  // Plurals.
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(?:sses|ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // Verb endings.
  if (w.endsWith('ing') && w.length - 3 >= 3 && VOWEL_RE.test(w.slice(0, -3))) {
    w = undouble(w.slice(0, -3));
  } else if (w.endsWith('ied') && w.length > 4) {
    w = w.slice(0, -3) + 'y';
  } else if (w.endsWith('ed') && !w.endsWith('eed') && w.length - 2 >= 3 && VOWEL_RE.test(w.slice(0, -2))) {
    w = undouble(w.slice(0, -2));
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const stemCache = new Map<string, string>();
function cachedStem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = stem(norm);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

/** Split text into tokens with their stems and character offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let raw = m[0].toLowerCase();
    // Possessive "'s" and plural-possessive handled by dropping apostrophes then stemming.
    if (raw.endsWith("'s") || raw.endsWith('’s')) raw = raw.slice(0, -2);
    const norm = raw.replace(APOS_RE, '');
    out.push({ norm, stem: cachedStem(norm), start: m.index, end: m.index + m[0].length, isNumber: NUMBER_RE.test(norm) });
  }
  return out;
}

type Slot =
  | { kind: 'word'; stems: ReadonlySet<string>; optional: boolean }
  | { kind: 'number'; optional: boolean }
  | { kind: 'any'; optional: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'not'; stems: ReadonlySet<string> };

export interface CompiledPattern<T> {
  source: string;
  slots: readonly Slot[];
  payload: T;
}

export type Macros = Readonly<Record<string, string>>;

const NOT_PLAIN_WORD_RE = /[\s()[\]!~#*-]/;

/**
 * Expand `(a b|c)` groups into separate pattern strings (cartesian product).
 * Scanning resumes after each substituted alternative, so text before it is
 * never re-scanned.
 */
function expandGroups(pattern: string, from = 0): string[] {
  const open = pattern.indexOf('(', from);
  if (open < 0) return [pattern];
  let depth = 0;
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern.charCodeAt(i);
    if (ch === 40 /* ( */) depth++;
    else if (ch === 41 /* ) */ && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) throw new Error(`unbalanced group in pattern: ${pattern}`);
  const inner = pattern.slice(open + 1, close);
  // Split inner on top-level '|'.
  const alts: string[] = [];
  let d = 0;
  let last = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner.charCodeAt(i);
    if (ch === 40) d++;
    else if (ch === 41) d--;
    else if (ch === 124 /* | */ && d === 0) {
      alts.push(inner.slice(last, i));
      last = i + 1;
    }
  }
  alts.push(inner.slice(last));
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  // Single plain words merge into one slot ("a|b|c"); only multi-word (or
  // nested, or empty) alternatives expand.
  const single: string[] = [];
  const multi: string[] = [];
  for (const raw of alts) {
    const alt = raw.trim();
    if (alt !== '' && !NOT_PLAIN_WORD_RE.test(alt)) single.push(alt);
    else multi.push(alt);
  }
  const variants = single.length > 0 ? [single.join('|'), ...multi] : multi;
  const out: string[] = [];
  for (const alt of variants) {
    // The substituted alternative may itself hold groups: resume scanning at its start.
    for (const e of expandGroups(`${head} ${alt} ${tail}`, head.length)) out.push(e);
  }
  return out;
}

function expandMacros(pattern: string, macros: Macros): string {
  return pattern.replace(/\$([a-zA-Z][\w-]*)/g, (_, name: string) => {
    const m = macros[name];
    if (m === undefined) throw new Error(`unknown macro $${name} in pattern: ${pattern}`);
    return m;
  });
}

function wordStems(alts: string): Set<string> {
  const out = new Set<string>();
  for (const w of alts.split('|')) {
    const t = w.trim().toLowerCase().replace(APOS_RE, '');
    if (!t) continue;
    if (!/^[\p{L}\p{N}+]+$/u.test(t)) throw new Error(`bad word "${w}" in pattern`);
    out.add(cachedStem(t));
  }
  if (out.size === 0) throw new Error('empty alternative list in pattern');
  return out;
}

// Slots are immutable, and the same slot text (a macro's word list, say) recurs
// across thousands of expanded patterns: parse each distinct one once.
const slotCache = new Map<string, Slot>();

function parseSlots(pattern: string): Slot[] {
  const slots: Slot[] = [];
  for (const part of pattern.trim().split(/\s+/)) {
    if (!part) continue;
    const cached = slotCache.get(part);
    if (cached) {
      slots.push(cached);
      continue;
    }
    const before = slots.length;
    if (part.startsWith('~')) {
      slots.push({ kind: 'gap', max: Number(part.slice(1)) || 1 });
    } else if (part.startsWith('!')) {
      slots.push({ kind: 'not', stems: wordStems(part.slice(1)) });
    } else {
      const optional = part.startsWith('[') && part.endsWith(']');
      const body = optional ? part.slice(1, -1) : part;
      if (body === '#') slots.push({ kind: 'number', optional });
      else if (body === '*') slots.push({ kind: 'any', optional });
      else slots.push({ kind: 'word', stems: wordStems(body), optional });
    }
    if (slots.length > before) slotCache.set(part, slots[slots.length - 1]!);
  }
  return slots;
}

/**
 * Compile pattern strings into slot sequences. A leading optional slot is
 * expanded (with and without it) so every compiled pattern starts with a
 * required slot, which is what the index keys on.
 */
export function compilePattern<T>(pattern: string, payload: T, macros: Macros = {}): CompiledPattern<T>[] {
  const out: CompiledPattern<T>[] = [];
  // Groups first, then macros: a macro is always one slot's word list, so its '|' must not split a group.
  for (const grouped of expandGroups(pattern)) {
    const expanded = expandMacros(grouped, macros);
    let variants: Slot[][] = [parseSlots(expanded)];
    // Expand leading optionals.
    for (let guard = 0; guard < 8; guard++) {
      const next: Slot[][] = [];
      let changed = false;
      for (const v of variants) {
        const first = v[0];
        if (first && first.kind !== 'gap' && first.kind !== 'not' && first.optional) {
          changed = true;
          next.push(v.slice(1));
          next.push([{ ...first, optional: false } as Slot, ...v.slice(1)]);
        } else next.push(v);
      }
      variants = next;
      if (!changed) break;
    }
    for (const slots of variants) {
      const first = slots[0];
      if (!first) throw new Error(`pattern has no required slot: ${pattern}`);
      if (first.kind === 'gap' || first.kind === 'not') throw new Error(`pattern may not start with a gap or negation: ${pattern}`);
      out.push({ source: pattern, slots, payload });
    }
  }
  return out;
}

export interface PhraseMatch<T> {
  payload: T;
  pattern: string;
  /** Token range [startToken, endToken). */
  startToken: number;
  endToken: number;
  /** Character range [start, end) in the text. */
  start: number;
  end: number;
}

function slotMatches(slot: Slot & { kind: 'word' | 'number' | 'any' }, tok: Token): boolean {
  if (slot.kind === 'any') return true;
  if (slot.kind === 'number') return tok.isNumber;
  return slot.stems.has(tok.stem);
}

/** Returns the end token index of the longest match of slots[si..] at tokens[ti..], or -1. */
function matchFrom(slots: readonly Slot[], si: number, tokens: readonly Token[], ti: number): number {
  if (si === slots.length) return ti;
  const slot = slots[si]!;
  switch (slot.kind) {
    case 'not': {
      const tok = tokens[ti];
      if (tok && slot.stems.has(tok.stem)) return -1;
      return matchFrom(slots, si + 1, tokens, ti);
    }
    case 'gap': {
      let best = -1;
      for (let g = 0; g <= slot.max && ti + g <= tokens.length; g++) {
        const end = matchFrom(slots, si + 1, tokens, ti + g);
        if (end > best) best = end;
        if (best >= 0) break; // shortest gap that works
      }
      return best;
    }
    default: {
      let best = -1;
      const tok = tokens[ti];
      if (tok && slotMatches(slot, tok)) best = matchFrom(slots, si + 1, tokens, ti + 1);
      if (slot.optional) {
        const skip = matchFrom(slots, si + 1, tokens, ti);
        if (skip > best) best = skip;
      }
      return best;
    }
  }
}

/** A compiled set of patterns, indexed for fast scanning. */
export class PhraseMatcher<T> {
  private readonly byStem = new Map<string, CompiledPattern<T>[]>();
  private readonly numberFirst: CompiledPattern<T>[] = [];
  private readonly anyFirst: CompiledPattern<T>[] = [];
  readonly size: number;

  constructor(patterns: ReadonlyArray<{ pattern: string; payload: T }>, macros: Macros = {}) {
    let n = 0;
    for (const { pattern, payload } of patterns) {
      for (const cp of compilePattern(pattern, payload, macros)) {
        n++;
        const first = cp.slots[0]!;
        if (first.kind === 'word') {
          for (const s of first.stems) {
            let list = this.byStem.get(s);
            if (!list) this.byStem.set(s, (list = []));
            list.push(cp);
          }
        } else if (first.kind === 'number') this.numberFirst.push(cp);
        else this.anyFirst.push(cp);
      }
    }
    this.size = n;
  }

  /** Every match (possibly overlapping), one per pattern and start position, longest per pattern. */
  scanTokens(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const lists = [this.byStem.get(tok.stem), tok.isNumber ? this.numberFirst : undefined, this.anyFirst];
      for (const list of lists) {
        if (!list) continue;
        for (const cp of list) {
          const end = matchFrom(cp.slots, 1, tokens, i + 1);
          if (end > i) {
            out.push({
              payload: cp.payload,
              pattern: cp.source,
              startToken: i,
              endToken: end,
              start: tok.start,
              end: tokens[end - 1]!.end,
            });
          }
        }
      }
    }
    return out;
  }

  scan(text: string): PhraseMatch<T>[] {
    return this.scanTokens(tokenize(text));
  }
}
