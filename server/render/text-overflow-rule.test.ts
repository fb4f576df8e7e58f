import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledFonts } from './fonts.js';
import { layoutText, textBlockHeight } from '../../shared/render/index.js';
import { applyFix } from '../../shared/compliance/apply-fix.js';
import { ctx, design, runRule, text } from '../../shared/compliance/test-support/builders.js';
import { textOverflow } from '../../shared/compliance/rules/text-overflow.js';

// The rule measures with the brand fonts' own files, as the canvas and the exports do.
beforeAll(() => loadBundledFonts());

describe('text-overflow', () => {
  it.each([
    ['fits', 'Short', 400, 40, 24, false],
    ['two lines fit in 59px (24 × 1.13 × (1.16 + 1) = 58.6)', 'Just listed in the heart of Old Town', 300, 59, 24, false],
    ['two lines do not fit in 56px', 'Just listed in the heart of Old Town', 300, 56, 24, true],
    ['three lines do not fit in 59px', 'Just listed in the heart of Old Town, charming bungalow', 300, 59, 24, true],
  ] as const)('%s', (_n, s, width, height, fontSize, flagged) => {
    const o = text({ id: 't', text: s, width, height, fontSize });
    const findings = runRule(textOverflow, [o]);
    expect(findings).toHaveLength(flagged ? 1 : 0);
    if (flagged) expect(findings[0]!.message).toContain(`needs ${Math.ceil(layoutText(o).height)}px`);
  });

  it('its fix really fixes: taller box by the same layout, and the finding is gone', () => {
    const o = text({ id: 't', text: 'Just listed in the heart of Old Town, charming bungalow', width: 300, height: 59, fontSize: 24 });
    const d = design([o]);
    const [finding] = textOverflow.check(d, ctx());
    expect(finding!.fix).toMatchObject({ kind: 'set-props', props: { height: Math.ceil(textBlockHeight(3, 24)) } });
    expect(textOverflow.check(applyFix(d, finding!.fix!), ctx())).toEqual([]);
  });

  it('shrinks the font when the box cannot grow within the page, and that fixes it', () => {
    const o = text({
      id: 't',
      text: 'Just listed in the heart of Old Town, charming bungalow',
      x: 0,
      y: 1020,
      width: 300,
      height: 40,
      fontSize: 24,
    });
    const d = design([o]);
    const [finding] = textOverflow.check(d, ctx());
    expect(finding!.fix).toMatchObject({ kind: 'set-props', props: { fontSize: expect.any(Number) } });
    const size = (finding!.fix as unknown as { props: { fontSize: number } }).props.fontSize;
    expect(size).toBeLessThan(24);
    expect(textOverflow.check(applyFix(d, finding!.fix!), ctx())).toEqual([]);
  });

  it('no warning on a one-line "FOR SALE" whose box is the height the editor gives it', () => {
    const o = text({
      id: 't',
      text: 'FOR SALE',
      width: 240,
      height: 18 * 1.13,
      fontSize: 18,
      fontFamily: 'Montserrat',
      fontWeight: 700,
      textAlign: 'right',
      x: 528,
      y: 44,
    });
    expect(runRule(textOverflow, [o])).toEqual([]);
    expect(runRule(textOverflow, [{ ...o, x: 300, y: 400 }])).toEqual([]);
  });

  it('shrink boxes (listing fields by default) make room themselves; flagged only below their minimum', () => {
    const long = '12345 North Magnolia Ridge Lane Extension, Building C';
    expect(
      runRule(textOverflow, [text({ id: 't', text: long, width: 300, height: 30, fontSize: 24, binding: 'listing.address.line1' })]),
    ).toEqual([]);
    expect(
      runRule(textOverflow, [text({ id: 't', text: long, width: 300, height: 30, fontSize: 24, fit: 'shrink', minFontSize: 22 })]),
    ).toHaveLength(1);
  });
});
