/**
 * Two detectors combined per clause: protected-group mentions (groups.ts)
 * and exclusion or preference intent (intents.ts). A violation is a group
 * mention under exclusion or preference intent in the same clause (or, for
 * an exclusion whose subject is a pronoun, in the clause before), or a
 * person described by race, colour, religion, sex or national origin
 * ("white family", "Christian neighbors", "the neighbors are all white").
 *
 * Input is the language layer's words (language.ts): normalised, with part
 * of speech and negation scope. Before matching, words are repaired: digit
 * and symbol look-alikes, split words rejoined, one-edit misspellings of
 * lexicon words (only for words outside the model's vocabulary, so "write"
 * never becomes "white").
 */
import type { ProtectedClass } from './classes.js';
import { DISABILITY_PREFERENCE_OK, GROUP_LEXICON, PERSON_HEADS, PLACE_HEADS } from './groups.js';
import {
  ACCEPT_WORDS,
  ADJACENT_EXCLUDE_WORDS,
  BURDEN_WORDS,
  CANCEL_PHRASES,
  NOT_DEMANDED_WORDS,
  CARRY_PRONOUNS,
  DESCRIBE_WORDS,
  STEER_LIMITS,
  STEER_WORDS,
  WELCOME_EVERYONE_PHRASES,
  EXCLUDE_WORDS,
  PREFER_WORDS,
} from './intents.js';
import { analyseText, type Word } from './language.js';
import { EditIndex, normalizeText, undoLookalikes } from './normalize.js';
import { stem } from './phrase-matcher.js';

export type IntentKind = 'exclusion' | 'preference' | 'description';

export interface ClauseFinding {
  cls: ProtectedClass;
  severity: 'error' | 'warning';
  /** Original-text offsets of the whole violating phrase (group and intent). */
  start: number;
  end: number;
  /** The group mention and the intent words, as written. */
  group: { text: string; start: number; end: number };
  intent: { kind: IntentKind; text: string; start: number; end: number };
  suggestion: string;
}

/** Original-text spans of clauses made inclusive ("not only", "are never refused"). */
export interface ClauseAnalysis {
  findings: ClauseFinding[];
  inclusiveSpans: { start: number; end: number }[];
  /** The text says everyone is welcome ("Empty nester? First-time buyer? Everyone's welcome"): a soft preference elsewhere in it excludes no one. */
  welcomesEveryone: boolean;
}

// ── Compiled lexicons ──────────────────────────────────────────────────────

const words = (phrase: string) => phrase.toLowerCase().replace(/[-']/g, ' ').split(/\s+/).filter(Boolean);
const stems = (phrase: string) => words(phrase).map((w) => (w === '#' ? '#' : stem(w)));

interface Phrase<T> {
  stems: string[];
  payload: T;
}

/** Longest-first phrase lookup indexed by the first stem. */
class PhraseTable<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  add(phrase: string, payload: T) {
    const s = stems(phrase);
    if (s.length === 0) return;
    let list = this.byFirst.get(s[0]!);
    if (!list) this.byFirst.set(s[0]!, (list = []));
    list.push({ stems: s, payload });
    list.sort((a, b) => b.stems.length - a.stems.length);
  }
  /** All phrases starting at token i (longest first). */
  matchesAt(toks: readonly Tok[], i: number): { length: number; payload: T }[] {
    const out: { length: number; payload: T }[] = [];
    const first = toks[i]!.isNumber ? '#' : toks[i]!.stem;
    for (const p of this.byFirst.get(first) ?? []) {
      let ok = true;
      for (let k = 0; k < p.stems.length; k++) {
        const t = toks[i + k];
        if (!t || (p.stems[k] === '#' ? !t.isNumber : t.stem !== p.stems[k]) || (k > 0 && t.breakBefore)) {
          ok = false;
          break;
        }
      }
      if (ok) out.push({ length: p.stems.length, payload: p.payload });
    }
    return out;
  }
}

interface GroupTerm {
  cls: ProtectedClass;
  kind: 'noun' | 'adj';
  describesOccupant: boolean;
  soft: boolean;
  /** A preference for this group is fine (accessibility for wheelchair users); only exclusion counts. */
  preferenceOk: boolean;
  suggestion: string;
}

const GROUPS = new PhraseTable<GroupTerm>();
const LEXICON_WORDS = new Set<string>();
/** Single-word group terms: what split pieces may be rejoined into ("chil dren" → "children"). */
const JOIN_TARGETS = new Set<string>();
for (const g of GROUP_LEXICON) {
  const soft = new Set(g.soft ?? []);
  for (const [kind, list] of [
    ['noun', g.nouns],
    ['adj', g.adjectives],
  ] as const) {
    for (const term of list) {
      GROUPS.add(term, {
        cls: g.cls,
        kind,
        describesOccupant: !!g.describesOccupant,
        soft: soft.has(term),
        preferenceOk: g.cls === 'disability' && (kind === 'noun' || DISABILITY_PREFERENCE_OK.has(term)),
        suggestion: g.suggestion,
      });
      const ws = words(term);
      for (const w of ws) LEXICON_WORDS.add(w);
      if (ws.length === 1) JOIN_TARGETS.add(ws[0]!);
    }
  }
}

const HEADS = new Set(PERSON_HEADS.map(stem));
/** The exact one-word group nouns ("whites", not "white": "Swiss Coffee white" is a paint). */
const NOUN_GROUP_KEYS = new Set(GROUP_LEXICON.flatMap((g) => g.nouns).filter((n) => !/[\s#]/.test(n)));
const PLACES = new Set([...PLACE_HEADS].map(stem));
const INTENT_WORDS = [...ACCEPT_WORDS, ...EXCLUDE_WORDS, ...PREFER_WORDS, ...DESCRIBE_WORDS, ...CANCEL_PHRASES, ...STEER_WORDS];
for (const w of INTENT_WORDS.flatMap(words)) LEXICON_WORDS.add(w);
for (const w of PERSON_HEADS) LEXICON_WORDS.add(w);
const EDITS = new EditIndex(LEXICON_WORDS, 5);
/** Words a masked spelling may stand for: group words only (a mask hides the word someone did not want to write). */
/**
 * Words run together ("#nokids", "adultsonly", "whiteneighborhood"): the
 * split into known words (groups, intents, people, places) with the fewest
 * pieces, when one piece names a group. Null when there is none.
 */
export function segmentRunTogether(word: string): string[] | null {
  if (word.length < 5 || word.length > 40 || !/^[a-z]+$/.test(word) || LEXICON_WORDS.has(word)) return null;
  const best: (string[] | null)[] = new Array(word.length + 1).fill(null);
  best[0] = [];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 16); start < end; start++) {
      const prev = best[start];
      const piece = word.slice(start, end);
      if (!prev || (piece.length < 2 && piece !== 'a') || !SEGMENT_WORDS.has(piece)) continue;
      if (!best[end] || best[end]!.length > prev.length + 1) best[end] = [...prev, piece];
    }
  }
  const parts = best[word.length];
  return parts && parts.length >= 2 && parts.some((p) => GROUP_WORDS.has(p)) ? parts : null;
}

const GROUP_WORDS = new Set(
  GROUP_LEXICON.flatMap((g) => [...g.nouns, ...g.adjectives])
    .flatMap(words)
    .filter((w) => /^[a-z]+$/.test(w) && w.length >= 3),
);
const MASKABLE = [...GROUP_WORDS];
const SEGMENT_WORDS = new Set([
  ...LEXICON_WORDS,
  ...PLACE_HEADS,
  'no',
  'only',
  'free',
  'friendly',
  'allowed',
  'welcome',
  'preferred',
  'wanted',
  'home',
  'house',
  'neighborhood',
  'building',
  'living',
  'needed',
  'please',
]);
// Short misspellings the edit step cannot reach (it only corrects words of five letters or more).
const MISSPELLINGS: Record<string, string> = {
  kidz: 'kids',
  kidds: 'kids',
  whte: 'white',
  blak: 'black',
  gey: 'gay',
  vetz: 'vets',
  jewz: 'jews',
  noo: 'no',
  sect: 'section',
  sec: 'section',
  dawgs: 'dogs',
  dawg: 'dog',
};

/** Consonant skeletons of one-word group terms of five letters or more, when they all name one class ("mslms": Muslims or Moslems). */
const SKELETONS = new Map<string, string>();
{
  const classOf = new Map<string, ProtectedClass>();
  for (const g of GROUP_LEXICON) for (const t of [...g.nouns, ...g.adjectives]) if (!/\s/.test(t)) classOf.set(t, g.cls);
  const seen = new Map<string, { word: string; cls: ProtectedClass } | null>();
  for (const [w, cls] of classOf) {
    if (w.length < 5 || !/^[a-z]+$/.test(w)) continue;
    const skeleton = w.replace(/[aeiouy]/g, '');
    if (skeleton.length < 3 || skeleton === w) continue;
    const prior = seen.get(skeleton);
    seen.set(skeleton, prior === undefined ? { word: w, cls } : prior && prior.cls === cls ? prior : null);
  }
  for (const [k, v] of seen) if (v) SKELETONS.set(k, v.word);
}
/** Short intent words spelled out letter by letter ("N O  V O U C H E R S"). */
const SPELLED_INTENTS = new Set(['no', 'not', 'only', 'none', 'never']);
const ROMAN: Record<string, string> = { viii: '8', iix: '8' };

type Cue = 'cancel' | 'exclude' | 'prefer' | 'accept' | 'describe' | 'steer';
const CUES = new PhraseTable<Cue>();
for (const p of CANCEL_PHRASES) CUES.add(p, 'cancel');
for (const p of EXCLUDE_WORDS) CUES.add(p, 'exclude');
for (const p of PREFER_WORDS) CUES.add(p, 'prefer');
for (const p of ACCEPT_WORDS) CUES.add(p, 'accept');
for (const p of DESCRIBE_WORDS) CUES.add(p, 'describe');
for (const p of STEER_WORDS) CUES.add(p, 'steer');
const STEER_LIMIT_KEYS = new Set(STEER_LIMITS);
const NOT_DEMANDED_STEMS = new Set([...NOT_DEMANDED_WORDS].map((p) => stems(p).join(' ')));
const BURDEN_STEMS = new Set([...BURDEN_WORDS].map((p) => stems(p).join(' ')));

const AGE_OF_MAJORITY = 21;
const WELCOME_ALL = new Set(WELCOME_EVERYONE_PHRASES.map((p) => stems(p).join(' ')));
/** Classes whose members a description of the neighbours names (race, colour, religion, sex, national origin): "all white", "still a Polish street". */
const DESCRIBED_CLASSES: ReadonlySet<ProtectedClass> = new Set(GROUP_LEXICON.filter((g) => g.describesOccupant).map((g) => g.cls));
/** Preference words that point forward ("perfect for", "home for"): they never reach a group before them ("family has owned this home for years"). */
const FORWARD = new Set(['for', 'to', 'toward', 'towards']);
/** Object pronouns after an exclusion: it is about the group named earlier in the sentence ("so we can't rent to them"). */
const OBJECT_PRONOUNS = new Set(['them', 'those', 'they', 'you']);
const ABBREVIATIONS = new Set(['section', 'sec', 'sect', 'st', 'mr', 'mrs', 'ms', 'dr', 'u', 's', 'no', 'approx', 'apt', 'jr', 'sr']);
const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'none', 'neither', 'nor', 'without']);
const NO_WORDS = new Set(['no', 'nobody', 'none']);
const COPULA = new Set(['be', 'is', 'are', 'was', 'were', 'being', 'been', 'am', 'must', 'should', 'seem', 'seems', 'become']);
const CLAUSE_BREAK_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'yet', 'while', 'except']);
const CLAUSE_BREAK_PUNCT = new Set([';', ':', '—', '–', '(', ')', '!', '?', '.']);
/** Scare quotes sit inside coded phrases (no "urban" element, "program" tenants): they are dropped, not clause ends. */
const QUOTES = new Set(['"', '“', '”', "''", '``', '«', '»']);
const BETWEEN_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'CCONJ', 'PUNCT', 'PROPN', 'AUX', 'PART']);
const FILLER_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'ADP', 'PUNCT']);

// ── Tokens ─────────────────────────────────────────────────────────────────

interface Tok {
  key: string;
  stem: string;
  isNumber: boolean;
  pos: string;
  negated: boolean;
  start: number;
  end: number;
  sentence: number;
  /** A clause boundary precedes this token. */
  breakBefore: boolean;
  punct: boolean;
  /** A question mark follows this word ("Trans? Not here."). */
  question?: boolean;
}

function repair(word: string, oov: boolean, masks?: readonly number[]): string {
  if (masks?.length) {
    // "m*slims": the one lexicon word that fits the unmasked letters.
    const re = new RegExp(`^${[...word].map((c, k) => (masks.includes(k) ? '[a-z]' : c.replace(/[^a-z0-9]/g, '\\$&'))).join('')}$`);
    const fits = MASKABLE.filter((w) => w.length === word.length && re.test(w));
    if (fits.length === 1) return fits[0]!;
  }
  if (LEXICON_WORDS.has(word)) return word;
  const misspelt = MISSPELLINGS[word];
  if (misspelt) return misspelt;
  const plain = undoLookalikes(word);
  if (plain) {
    if (plain === 'n0' || LEXICON_WORDS.has(plain) || plain === 'no') return plain;
    const near = plain.length >= 4 ? EDITS.nearest(plain) : null;
    if (near) return near;
  }
  if (oov && word.length >= 4 && /^[a-z]+$/.test(word)) {
    const near = EDITS.nearest(word);
    if (near) return near;
  }
  // Vowels dropped ("wht", "chrstn", "mslm"): the one group word of five letters or more with that consonant skeleton.
  if (word.length >= 3 && /^[b-df-hj-np-tv-z]+$/.test(word)) {
    const full = SKELETONS.get(word);
    if (full) return full;
  }
  return word;
}

export function toTokens(ws: readonly Word[]): Tok[] {
  // 1. Rejoin split words: runs of pieces separated by nothing, a hyphen, a dot or single spaces whose join is a lexicon word.
  const merged: { text: string; from: number; to: number }[] = [];
  for (let i = 0; i < ws.length;) {
    let best = 0;
    let bestText = '';
    // Up to 16 pieces when they are single letters ("C h r i s t i a n"), else 8.
    const window = ws[i]!.text.length === 1 ? 16 : 8;
    for (let j = i + 1; j < Math.min(ws.length, i + window); j++) {
      const pieces = ws.slice(i, j + 1);
      if (pieces.some((p, k) => k > 0 && !/^[\s.-]{0,1}$/.test(p.gap) && !/^-$|^\s?-\s?$/.test(p.gap))) break;
      const parts = pieces.map((p) => p.text).filter((t) => t !== '-' && t !== '.');
      // Symbols only join letters on both sides ("wh!te", not "children!").
      if (parts.length < 2 || !/[a-z]/.test(parts[0]!) || !/[a-z]/.test(parts[parts.length - 1]!)) continue;
      const joined = parts.join('');
      const plain = undoLookalikes(joined) ?? joined;
      const hyphenated = pieces.every((p, k) => k === 0 || p.gap === '' || p.gap.includes('-') || p.text === '-');
      const letters = parts.every((t) => t.length === 1);
      const fragment =
        parts.some((t) => /^[a-z]+$/.test(t) && pieces.find((p) => p.text === t)!.oov) || parts.some((t) => !!undoLookalikes(t));
      if (!hyphenated && !letters && !fragment) continue;
      // Exact joins only across spaces ("w h i t e", "chil dren"); a one-edit repair only for pieces written together.
      const near =
        JOIN_TARGETS.has(plain) || (letters && plain.length >= 5 && GROUP_WORDS.has(plain))
          ? plain
          : hyphenated && plain.length >= 5
            ? EDITS.nearest(plain)
            : null;
      // Written together with symbols inside ("s3ct!0n"): any word of a group phrase.
      const together = pieces.every((p, k) => k === 0 || p.gap === '') && parts.some((t) => /[^a-z]/.test(t));
      // Spelled out letter by letter ("s e c t i o n"): any word of a group phrase of five letters or more.
      const target = near && (JOIN_TARGETS.has(near) || ((together || (letters && near.length >= 5)) && GROUP_WORDS.has(near)));
      // Three letters only when spelled out one by one ("m-e-n", "g a y"); short intent words only letter by letter ("n o").
      if (letters && SPELLED_INTENTS.has(joined) && !/\s{2,}/.test(pieces.map((p) => p.gap).join('|'))) {
        best = j;
        bestText = joined;
      } else if (target && (near.length >= 4 || (letters && parts.length >= 3))) {
        best = j;
        bestText = near;
      }
    }
    if (best > i) {
      merged.push({ text: bestText, from: i, to: best });
      i = best + 1;
    } else {
      merged.push({ text: ws[i]!.text, from: i, to: i });
      i++;
    }
  }

  // A short aside in parentheses ("rental assistance (TBRA) and rapid rehousing") stays in its clause.
  const asides = new Set<number>();
  for (let a = 0; a < merged.length; a++) {
    if (ws[merged[a]!.from]!.text !== '(') continue;
    for (let b = a + 1; b < Math.min(merged.length, a + 5); b++)
      if (ws[merged[b]!.from]!.text === ')') {
        asides.add(a).add(b);
        break;
      }
  }

  const toks: Tok[] = [];
  let pendingBreak = false;
  let lastSentence = -1;
  let skipBreakAfterAbbrev = false;
  for (const [mi, m] of merged.entries()) {
    if (asides.has(mi)) continue;
    const first = ws[m.from]!;
    const last = ws[m.to]!;
    const single = m.from === m.to;
    // "Mrs.", "Sec.": the abbreviation's dot is not part of the word.
    let word = m.text.replace(/'/g, '').replace(/(?<=[a-z])\.$/, '');
    // Dotted acronyms ("E.S.A.", "S.S.I."): the letters.
    if (/^(?:[a-z]\.){1,5}[a-z]$/.test(word)) word = word.replace(/\./g, '');
    const prevKey = toks[toks.length - 1]?.key;
    if ((prevKey === 'section' || prevKey === 'sec') && ROMAN[word]) word = ROMAN[word]!;
    // wink keeps some hyphenated words whole ("non-binary", "non-english"): read them joined when that is a lexicon word, else as their parts.
    let parts: string[] = [word];
    const runTogether = single && (first.oov || first.pos === 'SYM') ? segmentRunTogether(word.replace(/^#/, '')) : null;
    if (runTogether) {
      parts = runTogether;
      word = parts[0]!;
    } else if (single && word.includes('-')) {
      const joined = word.replace(/-/g, '');
      parts = LEXICON_WORDS.has(joined) || JOIN_TARGETS.has(joined) ? [joined] : word.split('-').filter(Boolean);
      word = parts[0] ?? '';
    }
    if (first.text === "n't" || first.text === 'nt') word = 'not';
    if (first.text === "'s" || (first.text === 's' && first.gap === '' && !single)) continue;
    if (single && first.text === '-') continue; // hyphens join words, they never end a clause
    if (single && first.text === '/') continue; // "he/she/they", "Section 8/HCV": a slash joins words
    if (single && QUOTES.has(first.text)) continue;
    if (single && (first.text === "'s" || first.text === "'")) continue;
    // "Sec. 8", "St. Mary's": the dot after an abbreviation ends nothing.
    const prev = toks[toks.length - 1];
    if (single && first.text === '.' && prev && ABBREVIATIONS.has(prev.key) && prev.end === first.start) {
      skipBreakAfterAbbrev = true;
      continue;
    }
    const punct = single && first.pos === 'PUNCT';
    const isBreakPunct = punct && (CLAUSE_BREAK_PUNCT.has(first.text) || /^[—–]+$/.test(first.text));
    if (first.sentence !== lastSentence) {
      pendingBreak = !skipBreakAfterAbbrev;
      lastSentence = first.sentence;
    }
    skipBreakAfterAbbrev = false;
    if (isBreakPunct) {
      if (first.text === '?' && prev) prev.question = true;
      pendingBreak = true;
      continue;
    }
    // Offsets of the parts of a hyphenated word, when the normalised text lines up with the original.
    const aligned = first.end - first.start === m.text.length;
    let offset = 0;
    for (const [n, part] of (parts.length > 1 ? parts : [word]).entries()) {
      const at = parts.length > 1 ? m.text.indexOf(part, offset) : 0;
      offset = at + part.length;
      const key = single
        ? repair(part, parts.length > 1 ? !LEXICON_WORDS.has(part) : first.oov, parts.length > 1 ? undefined : first.masks)
        : part;
      const isBreakWord = CLAUSE_BREAK_WORDS.has(key);
      toks.push({
        key,
        stem: /^\d+$/.test(key) ? key : stem(key),
        isNumber: /^\d+$/.test(key),
        pos: first.pos,
        negated: first.negated,
        start: parts.length > 1 && aligned ? first.start + at : first.start,
        end: parts.length > 1 && aligned ? first.start + at + part.length : last.end,
        sentence: first.sentence,
        breakBefore: (n === 0 && pendingBreak) || isBreakWord,
        punct,
      });
    }
    pendingBreak = false;
    // A word rejoined across wink's sentence end ("s3ct!0n 8") keeps the next word in its sentence.
    if (last.sentence !== first.sentence) lastSentence = last.sentence;
  }
  endNegationAtNewPredicate(toks);
  return toks;
}

/**
 * wink's negation scope runs to the end of the sentence; a coordinated new
 * predicate starts afresh ("Assistance animals are not pets and are always
 * welcome": "welcome" is not negated).
 */
function endNegationAtNewPredicate(toks: Tok[]) {
  let reset = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (k > 0 && t.sentence !== toks[k - 1]!.sentence) reset = false;
    if (NEGATORS.has(t.key)) reset = false;
    else if (t.pos === 'CCONJ' && ['AUX', 'VERB'].includes(toks[k + 1]?.pos ?? '')) reset = true;
    if (reset) t.negated = false;
  }
}

// ── Mentions and cues ──────────────────────────────────────────────────────

interface Mention {
  term: GroupTerm;
  /** Token range of the group words, and of the person head it describes (if any). */
  i: number;
  j: number;
  headEnd: number;
  person: boolean;
  place: boolean;
}

interface CueHit {
  kind: Cue;
  i: number;
  j: number;
  negated: boolean;
  /** "great unit for", "perfect little home for": a preference with words inside it (not applied to soft groups, "great backyard for kids"). */
  open?: boolean;
  /** The open preference's words name a dwelling ("great home for"): about who should live there. */
  dwelling?: boolean;
}
const DWELLINGS = new Set(
  [
    'home',
    'house',
    'place',
    'unit',
    'apartment',
    'condo',
    'property',
    'spot',
    'residence',
    'rental',
    'building',
    'townhouse',
    'townhome',
    'studio',
    'loft',
    'flat',
    'duplex',
    'cottage',
    'bungalow',
    'complex',
  ].map(stem),
);

/** Words that open a preference with up to three words before its "for" ("ideal starter home for"). */
const OPEN_PREFERENCE = new Set([
  'perfect',
  'ideal',
  'great',
  'best',
  'excellent',
  'wonderful',
  'suited',
  'suitable',
  'made',
  'designed',
  'geared',
  'tailored',
  'intended',
  'meant',
  'built',
  'right',
]);
/** A person's trait named by a group word ("our Christian faith", "a Hispanic background"): a mention that needs an intent, never a description on its own. */
const ATTRIBUTE_HEADS = new Set(
  [
    'faith',
    'values',
    'beliefs',
    'background',
    'backgrounds',
    'descent',
    'origin',
    'origins',
    'upbringing',
    'roots',
    'ancestry',
    'accent',
    'accents',
    'name',
    'names',
    'appearance',
    'lifestyle',
  ].map(stem),
);
/** Nouns that keep naming the group before them ("section 8 paperwork", "ESA requests", "wheelchair users' issues"): matters of the group, not a thing. */
const GROUP_MATTERS = new Set(
  [
    'paperwork',
    'inspection',
    'inspections',
    'contract',
    'contracts',
    'payment',
    'payments',
    'check',
    'checks',
    'program',
    'programs',
    'requests',
    'request',
    'letters',
    'letter',
    'stuff',
    'hassle',
    'issues',
    'problems',
    'requirements',
    'rules',
    'process',
    'exceptions',
    'building',
    'property',
    'complex',
  ].map(stem),
);
/** Words that make a described person the home's past ("the previous owners, a Korean family, added the sunroom"). */
const HISTORY_WORDS = new Set(['previous', 'former', 'original', 'seller', 'sellers', 'builder', 'built']);
/** "must be able to pass a credit check" names no one; "able to climb stairs" does. */
const PHYSICAL_VERBS = new Set(
  [
    'climb',
    'walk',
    'hear',
    'see',
    'lift',
    'carry',
    'stand',
    'navigate',
    'evacuate',
    'live',
    'care',
    'move',
    'exit',
    'use',
    'bend',
    'reach',
    'run',
    'manage',
    'get',
    'go',
    'perform',
  ].map(stem),
);
/** "no payments from programs", "no checks from the VA": what is paid, between "no" and who pays it. */
const PAYMENT_WORDS = new Set(['payment', 'payments', 'check', 'checks', 'money', 'funds', 'rent', 'income', 'deposits', 'from'].map(stem));
/** Words that limit a verb phrase ("will only rent the cottage to", "only accepting applications from"). */
const LIMITING = new Set(['only', 'exclusively', 'solely', 'strictly', 'just']);
/** Place heads an adjective of a described class turns into a description of who lives there ("white neighborhood"). */
const DESCRIBED_PLACES = new Set(['neighborhood', 'neighbourhood', 'area', 'enclave', 'community'].map(stem));
const INSTITUTIONS = new Set(
  ['center', 'centre', 'college', 'school', 'church', 'college', 'university', 'center', 'garden', 'board'].map(stem),
);
const POSSESSIVES = new Set(['our', 'their', 'your', 'his', 'her', 'my']);
const OPEN_FILLER_POS = new Set(['ADJ', 'NOUN', 'DET', 'ADV', 'PROPN', 'NUM']);

export function findMentions(toks: readonly Tok[], from: number, to: number): Mention[] {
  const out: Mention[] = [];
  // "must be 18 or older": legal capacity to sign a lease; no word inside it names an age group.
  let blockedUntil = -1;
  for (let i = from; i < to; i++) {
    // An auxiliary names no one ("can" is not "cane").
    if (toks[i]!.pos === 'AUX') continue;
    // "Section 8 of the bylaws": a numbered part of a document.
    if (toks[i]!.key === 'section' && toks[i + 2]?.key === 'of') continue;
    // Longest phrase that reads as people here ("adult only living" is not a person; "adult" + "only" is).
    const hits = GROUPS.matchesAt(toks, i).filter((h) => i + h.length <= to);
    const majority = hits.find(
      (h) => h.payload.cls === 'age' && toks.slice(i, i + h.length).some((t) => t.isNumber && Number(t.key) <= AGE_OF_MAJORITY),
    );
    if (majority) blockedUntil = Math.max(blockedUntil, i + majority.length);
    if (i < blockedUntil) continue;
    let len = 0;
    for (const h of hits) {
      if (len && h.length !== len) break;
      const m = qualify(toks, i, i + h.length, h.payload, from, to);
      if (m) {
        out.push(m);
        len = h.length;
      }
    }
  }
  // A person head that an adjective describes is not a mention of its own ("white couple" is not about couples).
  // Nor is a word inside a longer mention ("older" in "55 or older").
  const kept = out.filter(
    (m) => !out.some((o) => o !== m && ((o.j <= m.i && m.j <= o.headEnd) || (o.i <= m.i && m.j <= o.j && o.j - o.i > m.j - m.i))),
  );
  // One mention per start and class ("blacks" and "black" stem alike); the one a preference counts against wins ("diabetic tenants": the adjective, not the condition).
  kept.sort((a, b) => a.i - b.i || Number(a.term.preferenceOk) - Number(b.term.preferenceOk) || b.headEnd - a.headEnd);
  return kept.filter((m, k) => kept.findIndex((o) => o.i === m.i && o.term.cls === m.term.cls) === k);
}

function qualify(toks: readonly Tok[], i: number, j: number, term: GroupTerm, from: number, to: number): Mention | null {
  const next = toks[j];
  if (toks[i]!.key === 'able' && j === i + 1 && next?.key === 'to' && toks[j + 1] && !PHYSICAL_VERBS.has(toks[j + 1]!.stem)) return null;
  // "couple of", "single story", "kids' play area", "wheelchair ramp": a modifier of a thing, not people.
  if (next && next.key === 'of' && toks[i]!.key === 'couple') return null;
  // Find a person head right after (skipping up to two describing words: "white professional couple", "Hispanic-looking applicants").
  let head = -1;
  for (let k = j; k < Math.min(to, j + 3); k++) {
    const t = toks[k]!;
    if (HEADS.has(t.stem) || NOUN_GROUP_KEYS.has(t.key) || ATTRIBUTE_HEADS.has(t.stem)) {
      head = k;
      break;
    }
    if (!['ADJ', 'NOUN', 'PROPN', 'VERB', 'ADV'].includes(t.pos) || t.key === 'only' || t.key === 'or' || t.key === 'and') break;
  }
  const headTok = head >= 0 ? toks[head]! : null;
  const place = !!headTok && PLACES.has(headTok.stem);
  if (term.cls === 'age') {
    const n = toks.slice(i, j).find((t) => t.isNumber);
    if (n) {
      const age = Number(n.key);
      // 18/21: legal capacity to sign a lease, not an age preference; 50+: senior housing (a warning, HOPA may apply).
      if (age <= AGE_OF_MAJORITY || age > 120) return null;
      if (age >= 50) term = { ...term, soft: true };
    }
  }
  if (term.kind === 'noun') {
    if (headTok && head === j && !place) return { term, i, j, headEnd: head + 1, person: true, place: false };
    // A noun after it makes a compound ("kids room"), unless that "noun" is a verb the tagger missed ("kids love this street").
    const verbLike = ['DET', 'PRON'].includes(toks[j + 1]?.pos ?? '');
    // "section 8 housing vouchers", "voucher inspections": a noun of the same class goes on naming the group.
    const sameClassAfter = !!next && (GROUPS.matchesAt(toks, j).some((h) => h.payload.cls === term.cls) || GROUP_MATTERS.has(next.stem));
    if (
      next &&
      !sameClassAfter &&
      j < to &&
      (next.pos === 'NOUN' || next.pos === 'PROPN') &&
      !HEADS.has(next.stem) &&
      !next.isNumber &&
      !isCueStart(toks, j) &&
      !verbLike
    )
      return null;
    return { term, i, j, headEnd: j, person: true, place: false };
  }
  if (headTok) return { term, i, j, headEnd: head + 1, person: !place, place };
  // Said of someone ("must be married", "are all white") or straight before a preference ("Christian only").
  const before = toks.slice(Math.max(0, i - 3), i);
  if (before.some((t) => COPULA.has(t.key) || t.key === 'all' || t.key === 'mostly' || t.key === 'predominantly')) {
    return { term, i, j, headEnd: j, person: true, place: false };
  }
  if (next && j < to && ['only', 'preferred', 'wanted', 'exclusively', 'need', 'not'].includes(next.key))
    return { term, i, j, headEnd: j, person: true, place: false };
  // "the hearing impaired", "the elderly": the adjective names people on its own.
  const prevTok = toks[i - 1];
  if (i > from && prevTok!.key === 'the' && (j === to || ['VERB', 'AUX', 'ADP', 'PUNCT', 'CCONJ', 'PART', 'ADV'].includes(next!.pos)))
    return { term, i, j, headEnd: j, person: true, place: false };
  // A short question that is only the trait ("Trans? Not here.", "Living together unmarried?"): asked of the reader.
  if (j === to && toks[j - 1]!.question && i - from <= 3) return { term, i, j, headEnd: j, person: true, place: false };
  return null;
}

function isCueStart(toks: readonly Tok[], i: number): boolean {
  return CUES.matchesAt(toks, i).length > 0;
}

export function findCues(toks: readonly Tok[], from: number, to: number): CueHit[] {
  const out: CueHit[] = [];
  for (let i = from; i < to;) {
    const hit = CUES.matchesAt(toks, i).find((h) => i + h.length <= to);
    if (OPEN_PREFERENCE.has(toks[i]!.key) && (!hit || hit.payload === 'accept')) {
      let k = i + 1;
      while (k < to && k <= i + 3 && OPEN_FILLER_POS.has(toks[k]!.pos) && toks[k]!.key !== 'for') k++;
      if (k > i + 1 && k < to && toks[k]!.key === 'for' && !toks[i]!.negated) {
        out.push({
          kind: 'prefer',
          i,
          j: k + 1,
          negated: false,
          open: true,
          dwelling: toks.slice(i + 1, k).some((t) => DWELLINGS.has(t.stem)),
        });
        i = k + 1;
        continue;
      }
    }
    // "This isn't the building for you", "not the right place for kids", "isn't right for you": a negated open preference excludes.
    const negatedHere = toks[i]!.negated || (i > from && ['not', 'never'].includes(toks[i - 1]!.key));
    if (negatedHere && (!hit || hit.payload === 'accept') && !NEGATORS.has(toks[i]!.key)) {
      let k = i;
      while (k < to && k <= i + 3 && (OPEN_FILLER_POS.has(toks[k]!.pos) || toks[k]!.key === 'right') && toks[k]!.key !== 'for') k++;
      const inside = toks.slice(i, k);
      if (
        k < to &&
        toks[k]!.key === 'for' &&
        inside.some((t) => DWELLINGS.has(t.stem) || t.key === 'right' || t.key === 'one') &&
        !inside.some((t) => t.isNumber)
      ) {
        out.push({ kind: 'exclude', i, j: k + 1, negated: false });
        i = k + 1;
        continue;
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    const words = toks.slice(i, i + hit.length);
    // "must be accompanied", "should be supervised": an obligation on the group, not a preference for it.
    if (
      hit.payload === 'prefer' &&
      words[words.length - 1]!.key === 'be' &&
      toks[i + hit.length]?.pos === 'VERB' &&
      GROUPS.matchesAt(toks, i + hit.length).length === 0
    ) {
      i += hit.length;
      continue;
    }
    const selfNegating = words.some((t) => NEGATORS.has(t.key));
    // wink marks the words after a negation; a cue that contains its own negation ("not welcome") is not negated again.
    // "may not be comfortable", "will never feel welcome": a negation one auxiliary back.
    const negatedBefore =
      (i > from && ['not', 'never'].includes(toks[i - 1]!.key)) ||
      (i - 1 > from && ['be', 'feel', 'get', 'been'].includes(toks[i - 1]!.key) && ['not', 'never'].includes(toks[i - 2]!.key));
    const burden = hit.payload === 'exclude' && BURDEN_STEMS.has(words.map((t) => t.stem).join(' '));
    const negated = !selfNegating && !burden && (words[0]!.negated || negatedBefore);
    out.push({ kind: hit.payload, i, j: i + hit.length, negated });
    i += hit.length;
  }
  return out;
}

// ── Clauses ────────────────────────────────────────────────────────────────

function clauses(toks: readonly Tok[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= toks.length; i++) {
    if (i === toks.length || toks[i]!.breakBefore) {
      if (i > start) out.push([start, i]);
      start = i;
    }
  }
  return out;
}

function spanOf(toks: readonly Tok[], i: number, j: number) {
  return { start: toks[i]!.start, end: toks[j - 1]!.end };
}

/** The first word of every group phrase ("people" of "people of color", "born" of "born in the USA"). */
const GROUP_STEMS = new Set(
  GROUP_LEXICON.flatMap((g) => [...g.nouns, ...g.adjectives])
    .map((p) => stems(p)[0]!)
    .filter((s) => s !== '#'),
);
const GROUP_EDITS = new EditIndex(JOIN_TARGETS, 5);
const NO_ANALYSIS: ClauseAnalysis = Object.freeze({ findings: [], inclusiveSpans: [], welcomesEveryone: false }) as ClauseAnalysis;

/**
 * Cheap test before the language layer: could any word of the text name a
 * group, after look-alikes, split letters and one-edit misspellings? Most
 * property copy ("Chef's kitchen with quartz counters") cannot, and skips it.
 */
export function mayMentionGroup(text: string): boolean {
  const normalized = normalizeText(text);
  if (normalized.masked.size > 0) return true; // "m*slims": someone hid a word
  const norm = normalized.text;
  const pieces = norm.split(/[^a-z0-9@$!|€]+/);
  for (let k = 0; k < pieces.length; k++) {
    const w = pieces[k]!;
    if (!w) continue;
    if (w.length <= 2 && pieces[k + 1]?.length === 1) return true; // "w h i t e", "chil dren"
    const plain = undoLookalikes(w) ?? w;
    if (GROUP_STEMS.has(stem(plain)) || MISSPELLINGS[plain] || SKELETONS.has(plain) || /^\d+$/.test(plain)) return true;
    if (plain.length >= 5 && GROUP_EDITS.nearest(plain)) return true;
    if (plain.length >= 6 && segmentRunTogether(plain)) return true;
    const joined = plain + (pieces[k + 1] ?? '');
    if (pieces[k + 1] && (GROUP_STEMS.has(stem(joined)) || (joined.length >= 5 && GROUP_EDITS.nearest(joined)))) return true;
  }
  return false;
}

export function detectClauses(text: string): ClauseAnalysis {
  if (!mayMentionGroup(text)) return NO_ANALYSIS;
  const toks = toTokens(analyseText(text));
  const findings: ClauseFinding[] = [];
  const inclusiveSpans: ClauseAnalysis['inclusiveSpans'] = [];
  let welcomesEveryone = false;
  let previous: Mention[] = [];
  for (const [from, to] of clauses(toks)) {
    const mentions = findMentions(toks, from, to);
    const cues = findCues(toks, from, to);
    const cancelled = cues.some((c) => c.kind === 'cancel' || (c.kind === 'exclude' && c.negated));
    if (
      cues.some(
        (c) =>
          c.kind === 'cancel' &&
          WELCOME_ALL.has(
            toks
              .slice(c.i, c.j)
              .map((t) => t.stem)
              .join(' '),
          ),
      )
    )
      welcomesEveryone = true;
    if (cancelled) {
      inclusiveSpans.push(spanOf(toks, from, to));
      previous = mentions;
      continue;
    }
    const limits = toks.slice(from, to).some((t) => STEER_LIMIT_KEYS.has(t.key));
    const exclusions = cues.filter(
      (c) =>
        (c.kind === 'exclude' && !c.negated) ||
        (c.kind === 'accept' && c.negated) ||
        (c.kind === 'prefer' &&
          c.negated &&
          !NOT_DEMANDED_STEMS.has(
            toks
              .slice(c.i, c.j)
              .map((t) => t.stem)
              .join(' '),
          )) ||
        (c.kind === 'steer' && !c.negated && limits),
    );
    const preferences = cues.filter((c) => c.kind === 'prefer' && !c.negated);
    for (const m of mentions) {
      const f = judge(toks, m, from, to, exclusions, preferences, cues);
      if (f) findings.push(f);
    }
    // "Have kids? They are not allowed.": an exclusion about a pronoun reaches back one clause.
    if (mentions.length === 0 && exclusions.length > 0 && previous.length > 0) {
      const pronoun = toks.slice(from, to).some((t) => CARRY_PRONOUNS.has(t.key));
      // "Non-binary? Please look at other listings.": a short reply, with or without a pronoun.
      const bare = to - from <= 6;
      if (pronoun || bare) {
        for (const m of previous) findings.push(build(toks, m, exclusions[0]!, 'exclusion', 'error'));
      }
    }
    previous = mentions;
  }
  for (const f of findings) {
    f.group.text = text.slice(f.group.start, f.group.end);
    f.intent.text = text.slice(f.intent.start, f.intent.end);
  }
  return { findings, inclusiveSpans, welcomesEveryone };
}

function judge(
  toks: readonly Tok[],
  m: Mention,
  from: number,
  to: number,
  exclusions: readonly CueHit[],
  preferences: readonly CueHit[],
  cues: readonly CueHit[],
): ClauseFinding | null {
  // "no kids", "no small children", "n0 blacks", "🚫 kids", "no one over 60".
  for (let k = m.i - 1, skipped = 0; k >= from && skipped <= 4; k--, skipped++) {
    const t = toks[k]!;
    if (NO_WORDS.has(t.key) || t.key === 'n0')
      return build(toks, m, { kind: 'exclude', i: k, j: k + 1, negated: false }, 'exclusion', 'error');
    // "no crazies or addicts": a list joined by "or" stays under the "no".
    if (
      !FILLER_POS.has(t.pos) &&
      !HEADS.has(t.stem) &&
      t.key !== 'more' &&
      !PAYMENT_WORDS.has(t.stem) &&
      t.key !== 'or' &&
      t.key !== 'nor' &&
      !(t.pos === 'NOUN' && toks[k + 1]?.key === 'or')
    )
      break;
  }
  // "we're not a voucher building", "not a Section 8 property": the place said not to be for the group.
  {
    let k = m.i - 1;
    if (k >= from && ['a', 'an'].includes(toks[k]!.key)) k--;
    const after = toks[Math.max(m.j, m.headEnd)] ?? toks[m.headEnd - 1];
    const placeAfter = (t: Tok | undefined) => !!t && (DWELLINGS.has(t.stem) || PLACES.has(t.stem));
    if (k >= from && toks[k]!.key === 'not' && (placeAfter(toks[m.j]) || (m.headEnd > m.j && placeAfter(toks[m.headEnd - 1]))) && after)
      return build(toks, m, { kind: 'exclude', i: k, j: k + 1, negated: false }, 'exclusion', 'error');
  }
  // "tenants who pay their own rent, not the government's": a preference, and the group set against it.
  let k0 = m.i - 1;
  while (k0 > from && toks[k0]!.pos === 'DET') k0--;
  const positive = [...preferences, ...cues.filter((c) => c.kind === 'accept' && !c.negated)];
  if (k0 > from && toks[k0]!.key === 'not' && toks[k0 - 1]!.key === ',' && positive.some((c) => c.j <= k0))
    return build(toks, m, { kind: 'exclude', i: k0, j: k0 + 1, negated: false }, 'exclusion', 'error');
  const near = (c: CueHit, max: number) => (c.i >= m.headEnd ? c.i - m.headEnd : m.i - c.j) <= max;
  // "not suitable for those who don't share our values as believers": a person defined by a relative clause.
  const relativeBetween = (c: CueHit) =>
    c.j <= m.i &&
    toks
      .slice(c.j, m.i)
      .some((t, k, a) => ['who', 'whose', 'that'].includes(t.key) && k > 0 && (HEADS.has(a[k - 1]!.stem) || a[k - 1]!.key === 'those'));
  const exclusion = exclusions.find((c) => {
    if (c.j - c.i === 1 && ADJACENT_EXCLUDE_WORDS.has(toks[c.i]!.key)) return c.i === m.j;
    if (near(c, 8) || (relativeBetween(c) && near(c, 12))) return true;
    // "Deaf applicants can't use the intercom, so we can't rent to them."
    return c.i >= m.headEnd && toks.slice(c.j, Math.min(to, c.j + 3)).some((t) => OBJECT_PRONOUNS.has(t.key));
  });
  if (exclusion) return build(toks, m, exclusion, 'exclusion', 'error');
  const soft = m.term.soft;
  // "perfect for a growing family" but not "ideal for visiting family": only describing words between the cue and the group.
  const preference = preferences.find((c) => {
    if (c.open && soft && !c.dwelling) return false;
    if (c.j <= m.i) {
      const between = toks.slice(c.j, m.i);
      const describing = (t: Tok, k: number) =>
        BETWEEN_POS.has(t.pos) ||
        HEADS.has(t.stem) ||
        ['a', 'an', 'who', 'that', 'to'].includes(t.key) ||
        (t.key === 'of' && k > 0 && HEADS.has(between[k - 1]!.stem)) ||
        (t.pos === 'VERB' && /(?:ing|ed|born)$/.test(t.key));
      // "looking for a tenant who shares our Christian faith": a person and a short relative clause.
      const relative = between.findIndex((t, k) => k > 0 && ['who', 'that', 'whose'].includes(t.key) && HEADS.has(between[k - 1]!.stem));
      if (relative > 0 && between.length <= 7 && !soft) return true;
      // "will only rent the cottage to a lady", "only accepting applications from men": a limited verb and its recipient.
      const last = between[between.length - 1];
      if (
        LIMITING.has(toks[c.i]!.key) &&
        between.length <= 6 &&
        last &&
        ['to', 'from', 'with', 'by', 'for', 'a', 'an', 'the'].includes(last.key) &&
        between.some((t) => ['VERB', 'AUX'].includes(t.pos))
      )
        return true;
      // "must use the name and gender on their birth certificate": a coordinated object.
      const coordinated = between.findIndex((t) => t.key === 'and' || t.key === 'or');
      if (
        coordinated > 0 &&
        between.length <= 4 &&
        between.slice(0, coordinated).every((t) => t.pos === 'NOUN' || t.pos === 'DET' || t.pos === 'ADJ')
      )
        return true;
      return (
        between.length <= 4 && between.every((t, k) => (describing(t, k) || POSSESSIVES.has(t.key)) && !(soft && t.key.endsWith('ing')))
      );
    }
    return !FORWARD.has(toks[c.j - 1]!.key) && near(c, 3);
  });
  if (preference && !m.term.preferenceOk) return build(toks, m, preference, 'preference', soft ? 'warning' : 'error');
  const describe = cues.find((c) => c.kind === 'describe' && c.j >= m.i - 1 && c.j <= m.i);
  if (
    describe &&
    (DESCRIBED_CLASSES.has(m.term.cls) || soft) &&
    (m.person || m.place || toks.slice(from, to).some((t) => HEADS.has(t.stem)))
  ) {
    return build(toks, m, describe, 'description', soft ? 'warning' : 'error');
  }
  // "white neighborhood", "a Christian community" (not "Jewish Community Center"): who lives there, as a selling point.
  if (
    m.term.describesOccupant &&
    m.term.kind === 'adj' &&
    m.place &&
    m.headEnd === m.j + 1 &&
    DESCRIBED_PLACES.has(toks[m.j]!.stem) &&
    !(toks[m.headEnd] && INSTITUTIONS.has(toks[m.headEnd]!.stem))
  ) {
    return build(toks, m, { kind: 'describe', i: m.j, j: m.headEnd, negated: false }, 'description', 'error');
  }
  // "built by a Quaker family", "owned by an Italian couple": who made or had the home, not who may live there.
  const byBefore =
    toks[m.i - 1]?.key === 'by' ||
    (['a', 'an', 'the'].includes(toks[m.i - 1]?.key ?? '') && toks[m.i - 2]?.key === 'by') ||
    toks.slice(Math.max(from, m.i - 4), m.i).some((t) => HISTORY_WORDS.has(t.key));
  if (m.term.describesOccupant && m.person && m.headEnd > m.j && !ATTRIBUTE_HEADS.has(toks[m.headEnd - 1]!.stem) && !byBefore) {
    return build(toks, m, { kind: 'describe', i: m.j, j: m.headEnd, negated: false }, 'description', 'error');
  }
  return null;
}

function build(toks: readonly Tok[], m: Mention, cue: CueHit, kind: IntentKind, severity: 'error' | 'warning'): ClauseFinding {
  const g = spanOf(toks, m.i, Math.max(m.j, m.headEnd));
  const c = spanOf(toks, cue.i, cue.j);
  return {
    cls: m.term.cls,
    severity,
    start: Math.min(g.start, c.start),
    end: Math.max(g.end, c.end),
    group: { text: '', ...g },
    intent: { kind, text: '', ...c },
    suggestion: m.term.suggestion,
  };
}
