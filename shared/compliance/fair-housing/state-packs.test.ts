import { describe, expect, it } from 'vitest';
import { RULE_PACKS } from '../../brand/index.js';
import { classesForPacks } from './protection.js';
import { scanFairHousing } from './scan.js';
import { STATE_PACKS, STATE_PACK_IDS } from './state-packs.js';

describe('state packs', () => {
  it('every state pack is a rule pack, cites its statute and protects source of income, marital status, sexual orientation and gender identity', () => {
    for (const p of STATE_PACK_IDS) {
      expect(RULE_PACKS).toContain(p);
      expect(STATE_PACKS[p].citation.length, p).toBeGreaterThan(10);
      for (const c of ['source-of-income', 'marital-status', 'sexual-orientation', 'gender-identity'] as const)
        expect(classesForPacks([p]).has(c), `${p} ${c}`).toBe(true);
    }
  });

  it('flags a class only where the pack protects it', () => {
    const voucher = 'We do not accept Section 8 vouchers.';
    for (const p of STATE_PACK_IDS)
      expect(
        scanFairHousing(voucher, ['federal', p]).map((m) => m.cls),
        p,
      ).toContain('source-of-income');
    expect(scanFairHousing(voucher, ['federal', 'TX'])).toEqual([]);
    const age = 'Perfect for young professionals.';
    expect(scanFairHousing(age, ['federal', 'NY']).map((m) => m.cls)).toContain('age');
    expect(scanFairHousing(age, ['federal', 'OR'])).toEqual([]);
    const military = 'No military tenants.';
    expect(scanFairHousing(military, ['federal', 'WA']).map((m) => m.cls)).toContain('military-status');
    expect(scanFairHousing(military, ['federal', 'MN'])).toEqual([]);
  });
});
