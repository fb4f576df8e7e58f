/**
 * The language layer: sentences, tokens, part of speech and negation scope
 * from wink-nlp with its packaged English model (chosen over compromise by
 * measurement on the dev corpus, see eval/README.md: ~0.03 ms vs ~0.7 ms per
 * sentence, and a negation scope we can use as is). Runs on normalised text
 * (normalize.ts); offsets are mapped back to the original text.
 */
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { normalizeText } from './normalize.js';

export interface Word {
  /** Normalised surface text (lower case, no diacritics). */
  text: string;
  /** Offsets in the original text: [start, end). */
  start: number;
  end: number;
  /** Universal POS tag (NOUN, ADJ, VERB, PUNCT, …). */
  pos: string;
  /** Inside the scope of a negation ("not", "never", "no", "n't"). */
  negated: boolean;
  sentence: number;
  /** The normalised characters between the previous word and this one. */
  gap: string;
  /** Not in the model's vocabulary. */
  oov: boolean;
  /** Offsets in `text` of masked letters ("m*slims"): any letter may stand there. */
  masks?: number[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

/** The model takes ~0.4 s to load; the server warms it at start so the first check is not slow. */
export function languageModel(): Nlp {
  return (nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']));
}

export function analyseText(original: string): Word[] {
  const engine = languageModel();
  const its = engine.its;
  const norm = normalizeText(original);
  const doc = engine.readDoc(norm.text);
  const words: Word[] = [];
  let cursor = 0;
  let sentence = 0;
  doc.sentences().each((s: ItemSentence) => {
    s.tokens().each((t: ItemToken) => {
      const value = t.out(its.value) as string;
      const at = norm.text.indexOf(value, cursor);
      if (at < 0) return; // wink expands nothing we rely on; skip a token we cannot place
      const gap = norm.text.slice(cursor, at);
      cursor = at + value.length;
      const masks: number[] = [];
      for (let k = 0; k < value.length; k++) if (norm.masked.has(at + k)) masks.push(k);
      words.push({
        ...(masks.length ? { masks } : {}),
        text: value,
        start: norm.map[at]!,
        end: norm.map[at + value.length - 1]! + 1,
        pos: t.out(its.pos) as string,
        negated: t.out(its.negationFlag) as unknown as boolean,
        sentence,
        gap,
        oov: /^[a-z]+$/.test(value) && doc.isOOV(value),
      });
    });
    sentence++;
  });
  return words;
}
