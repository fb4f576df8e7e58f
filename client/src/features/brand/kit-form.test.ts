import { describe, expect, it } from 'vitest';
import { DEMO_BRAND_KIT } from '../../../../shared/index.js';
import { errorsUnder, moveItem, serverFieldErrors, uniqueId, validateKit } from './kit-form.js';

describe('validateKit', () => {
  it('accepts the demo kit', () => {
    expect(validateKit(DEMO_BRAND_KIT).errors).toBeNull();
  });

  it('names each bad field by path', () => {
    const bad = { ...DEMO_BRAND_KIT, brokerageLegalName: '', palette: [{ name: 'Navy', hex: '#12' }], fonts: [] };
    const { errors } = validateKit(bad);
    expect(Object.keys(errors!).sort()).toEqual(['brokerageLegalName', 'fonts', 'palette.0.hex']);
    expect(errors!['palette.0.hex']).toMatch(/#rrggbb/);
    expect(errors!.brokerageLegalName).toBe('Required');
  });
});

describe('helpers', () => {
  it('maps server field errors', () => {
    expect(serverFieldErrors([{ field: 'logos.0.minWidth', message: 'Too small' }])).toEqual({ 'logos.0.minWidth': 'Too small' });
  });
  it('finds errors under a prefix', () => {
    expect(errorsUnder({ 'palette.1.hex': 'x', palette: 'y', paletteX: 'z' }, 'palette')).toEqual(['x', 'y']);
  });
  it.each([
    ['Primary logo', [], 'primary-logo'],
    ['Primary logo', ['primary-logo'], 'primary-logo-2'],
    ['Primary logo', ['primary-logo', 'primary-logo-2'], 'primary-logo-3'],
    ['***', [], 'item'],
  ])('uniqueId(%s, %j) = %s', (name, taken, want) => expect(uniqueId(name, taken)).toBe(want));
  it('moves items', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
