export * from './classes.js';
export { packsForClass, classesForPacks } from './protection.js';
export { FAIR_HOUSING_TERMS, ACCEPTABLE_PHRASES, MACROS as FAIR_HOUSING_MACROS } from './lexicon.js';
export type { FairHousingTerm, TermSeverity } from './lexicon.js';
export { scanFairHousing, FAIR_HOUSING_PATTERN_COUNT } from './scan.js';
export type { FairHousingMatch } from './scan.js';
export { PhraseMatcher, tokenize, stem, compilePattern } from './phrase-matcher.js';
export type { Token, PhraseMatch, CompiledPattern, Macros } from './phrase-matcher.js';
