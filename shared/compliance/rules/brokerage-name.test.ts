import { describe, expect, it } from 'vitest';
import { DesignObjectSchema } from '../../design/index.js';
import { brokerageCoreName } from '../brokerage.js';
import { runRule, text } from '../test-support/builders.js';
import { brokerageName } from './brokerage-name.js';
import { flTeamNameSize } from './fl-team-name-size.js';
import { txBrokerageNameSize } from './tx-brokerage-name-size.js';

describe('brokerageCoreName', () => {
  it.each([
    ['Demo Realty, LLC', 'Demo Realty'],
    ['Demo Realty LLC', 'Demo Realty'],
    ['Demo Realty, L.L.C.', 'Demo Realty'],
    ['Acme Homes Inc.', 'Acme Homes'],
    ['Acme Homes, Inc', 'Acme Homes'],
    ['Bay Properties Co.', 'Bay Properties'],
    ['Lone Star Realty Group', 'Lone Star Realty Group'],
  ])('%s → %s', (name, core) => expect(brokerageCoreName(name)).toBe(core));
});

describe('brokerage-name', () => {
  // [text shown, role, packs, expected severity]
  it.each([
    ['Demo Realty, LLC', undefined, ['federal'], null],
    ['DEMO REALTY', undefined, ['federal'], null],
    ['Listed by demo-realty llc.', undefined, ['federal'], null],
    ['Our Brokerage', 'brokerage-name', ['federal'], null],
    ['Demo Homes', undefined, ['federal'], 'error'],
    ['Demo Realty', undefined, ['federal', 'FL'], 'error'], // FL needs the full name
    ['Demo Realty, L.L.C.', undefined, ['federal', 'FL'], null],
    ['demo realty llc', undefined, ['federal', 'FL'], null],
  ] as const)('%j role=%s packs=%j → %s', (shown, role, rulePacks, severity) => {
    const findings = runRule(brokerageName, [text({ id: 'b', text: shown, role })], {}, { rulePacks: [...rulePacks] });
    expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
    if (severity) expect(findings[0]!.blocking).toBe(true);
  });

  it('offers to insert the legal name inside the page', () => {
    const [f] = runRule(brokerageName, [text({ id: 'agent', role: 'agent-name', text: 'Jane Agent', fontSize: 30 })]);
    expect(f!.fix?.kind).toBe('insert-object');
    if (f!.fix?.kind !== 'insert-object') return;
    const o = DesignObjectSchema.parse(f!.fix.object);
    expect(o).toMatchObject({ type: 'text', text: 'Demo Realty, LLC', role: 'brokerage-name', fontSize: 15 });
    expect(o.x).toBeGreaterThanOrEqual(0);
    expect(o.y + o.height).toBeLessThanOrEqual(1080);
  });

  it('FL fix sets the full name on the brokerage object', () => {
    const [f] = runRule(
      brokerageName,
      [text({ id: 'b', role: 'brokerage-name', text: 'Demo Realty' })],
      {},
      { rulePacks: ['federal', 'FL'] },
    );
    expect(f!.fix).toMatchObject({ kind: 'set-props', objectId: 'b', props: { text: 'Demo Realty, LLC' } });
  });
});

describe('tx-brokerage-name-size', () => {
  // [brokerage px, largest contact px, packs, expected fix size]
  it.each([
    [14, 24, ['federal', 'TX'], null],
    [12, 24, ['federal', 'TX'], null],
    [11, 24, ['federal', 'TX'], 12],
    [10, 25, ['federal', 'TX'], 13],
    [10, 24, ['federal'], null],
  ] as const)('brokerage %ipx vs contact %ipx %j → %s', (name, contact, rulePacks, fixSize) => {
    const findings = runRule(
      txBrokerageNameSize,
      [
        text({ id: 'b', role: 'brokerage-name', text: 'Demo Realty, LLC', fontSize: name }),
        text({ id: 'p', role: 'agent-phone', text: '512-555-0100', fontSize: contact - 4 }),
        text({ id: 'a', role: 'agent-name', text: 'Jane Agent', fontSize: contact }),
      ],
      {},
      { rulePacks: [...rulePacks] },
    );
    if (fixSize === null) return expect(findings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      objectIds: ['b', 'a'],
      fix: { kind: 'set-props', objectId: 'b', props: { fontSize: fixSize } },
    });
  });
});

describe('fl-team-name-size', () => {
  it.each([
    [20, 14, ['federal', 'FL'], true],
    [14, 14, ['federal', 'FL'], false],
    [12, 14, ['federal', 'FL'], false],
    [20, 14, ['federal', 'TX'], false],
  ] as const)('team %ipx vs brokerage %ipx %j → %s', (team, brokerage, rulePacks, flagged) => {
    const findings = runRule(
      flTeamNameSize,
      [
        text({ id: 't', role: 'team-name', text: 'The Smith Team', fontSize: team }),
        text({ id: 'b', role: 'brokerage-name', text: 'Demo Realty, LLC', fontSize: brokerage }),
      ],
      {},
      { rulePacks: [...rulePacks] },
    );
    expect(findings.length > 0).toBe(flagged);
    if (flagged) expect(findings[0]!.fix).toMatchObject({ kind: 'set-props', objectId: 'b', props: { fontSize: team } });
  });
});
