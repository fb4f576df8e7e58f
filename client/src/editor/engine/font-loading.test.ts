import { describe, expect, it } from 'vitest';
import { primaryFamily } from './font-loading.js';
import { fontStack } from './fonts.js';

describe('primaryFamily', () => {
  it.each([
    ['"Open Sans", "Liberation Sans", Arial, Helvetica, sans-serif', 'open sans'],
    ["'Montserrat', sans-serif", 'montserrat'],
    ['Georgia', 'georgia'],
    ['', ''],
  ])('%s → %s', (stack, family) => expect(primaryFamily(stack)).toBe(family));

  it('matches a FontFace family against the stack the canvas draws with', () => {
    // FontFace.family comes back unquoted (or quoted, depending on how the face was declared).
    expect(primaryFamily(fontStack('Open Sans'))).toBe(primaryFamily('"Open Sans"'));
    expect(primaryFamily(fontStack('Montserrat'))).toBe(primaryFamily('Montserrat'));
  });
});
