import { describe, expect, it } from 'vitest';
import { RULE_PACKS } from '../../brand/index.js';
import { normalizeText } from './normalize.js';
import { scanFairHousing } from './scan.js';

const ALL = [...RULE_PACKS];
const flagged = (text: string) => scanFairHousing(text, ALL).map((f) => `${f.severity}:${f.cls}`);

describe('normalisation before matching', () => {
  it('keeps one original offset per normalised character', () => {
    const n = normalizeText('Nö k1ds 🚫 x');
    expect(n.map).toHaveLength(n.text.length + 1);
    expect(n.text.startsWith('no kids')).toBe(true);
  });

  it.each([
    // Digits and symbols between letters stand for letters.
    ['D@rk-skinned folks need not apply.', 'error:color'],
    ['Sorry no bl!nd tenants.', 'error:disability'],
    ['N0 k1ds allowed.', 'error:familial-status'],
    // A masked letter is any letter, when one group word fits.
    ['M*slims need not apply.', 'error:religion'],
    ['No j_ws.', 'error:religion'],
    // Letters spelled out one by one, with spaces or hyphens (even three-letter words).
    ['C h r i s t i a n tenants only.', 'error:religion'],
    ['Whole house rental, no m-e-n please.', 'error:sex'],
    // Hyphenated words wink keeps whole are read as their parts.
    ['Non-English speakers will not be considered.', 'error:national-origin'],
    // Letters from other scripts that look Latin.
    ['whіte tenants only', 'error:race'],
    // Emoji: skin tones name a colour, people and symbols name a group.
    ['Fair 👩🏻 tenants wanted, dark 👩🏿 need not apply', 'error:color'],
    ['No 👶 please', 'error:familial-status'],
    // Hashtags: capitals start words, run-together words split into known ones.
    ['Cute 1BR #NoKids #AdultsOnly', 'error:familial-status'],
    ['#nokids quiet building', 'error:familial-status'],
    ['Lovely home #ChristianHome', 'error:religion'],
    // Short intent words spelled out letter by letter, symbols inside a word (wink ends a sentence at the "!").
    ['N O  K I D S', 'error:familial-status'],
    ['no v o u c h e r s or s e c t i o n 8', 'error:source-of-income'],
    ['N0 s3ct!0n 8 tenants', 'error:source-of-income'],
    // Vowels dropped, dotted acronyms, Roman numerals, words joined by a slash.
    ['Owner wants chrstn renters.', 'error:religion'],
    ['Sorry, no E.S.A. / no S.S.I.', 'error:disability'],
    ['Sorry, no E.S.A. / no S.S.I.', 'error:source-of-income'],
    ['Section VIII will not be accepted.', 'error:source-of-income'],
    ['No he/she stuff here.', 'error:gender-identity'],
  ])('%j', (text, expected) => expect(flagged(text)).toContain(expected));

  it.each([
    'Unit 3A, 2BR/1BA, email agent@realty.com',
    'Assistance animals are not pets and are always welcome.',
    'Bright 4BR home 🏡 near the park',
    'Just listed! #OpenHouse #NewListing #DreamHome',
    'Kitchen has wht shaker cabinets and blk hardware.',
    'W/D in unit, 2BR/1BA, Blk 4 Lot 7.',
  ])('%j stays clean', (text) => expect(flagged(text)).toEqual([]));
});
