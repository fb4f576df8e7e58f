import { describe, expect, it } from 'vitest';
import { insertMention, matchPeople, mentionQuery, mentionSegments } from './mentions.js';

describe('mentionQuery', () => {
  it.each([
    ['Hi @An', 6, { start: 3, query: 'An' }],
    ['@', 1, { start: 0, query: '' }],
    ['ping @Ana Ag', 12, { start: 5, query: 'Ana Ag' }],
    ['mail a@b.com', 12, null], // an e-mail address is not a mention
    ['@Ana Agent please', 17, null], // typed past the name
  ])('%j at %i', (text, caret, expected) => expect(mentionQuery(text, caret)).toEqual(expected));
});

it('matchPeople ranks name prefixes first', () => {
  const people = [
    { id: '1', name: 'Dana Smith' },
    { id: '2', name: 'Sam Dawson' },
    { id: '3', name: 'Alex Ray', email: 'daniel@x.test' },
  ];
  expect(matchPeople(people, 'da').map((p) => p.id)).toEqual(['1', '2', '3']);
  expect(matchPeople(people, 'zz')).toEqual([]);
});

it('insertMention replaces the query and places the caret after the name', () => {
  expect(insertMention('Hi @An there', 6, 3, 'Ana Agent')).toEqual({ text: 'Hi @Ana Agent there', caret: 14 });
});

it('mentionSegments marks known full names and @words', () => {
  expect(mentionSegments('Thanks @Bea Brand, cc @sam.', ['Bea Brand'])).toEqual([
    { text: 'Thanks ' },
    { text: '@Bea Brand', mention: true },
    { text: ', cc ' },
    { text: '@sam', mention: true },
    { text: '.' },
  ]);
  expect(mentionSegments('mail a@b.com', [])).toEqual([{ text: 'mail a@b.com' }]);
});
