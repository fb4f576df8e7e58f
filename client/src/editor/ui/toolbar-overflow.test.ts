import { describe, expect, it } from 'vitest';
import { overflowLevel } from './toolbar-overflow.js';

describe('overflowLevel', () => {
  it.each([
    [1920, 0],
    [1500, 0],
    [1440, 1],
    [1280, 1],
    [1279, 2],
    [1024, 2],
    [999, 3],
    [390, 3],
  ])('a %i px bar moves %i groups into the menu', (width, level) => expect(overflowLevel(width)).toBe(level));
});
