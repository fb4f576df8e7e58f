import { describe, expect, it } from 'vitest';
import { DesignObjectSchema } from '../../design/index.js';
import { runRule, text } from '../test-support/builders.js';
import type { AgentInfo } from '../types.js';
import { caLicenseNumber, findDreNumbers } from './license-number.js';

describe('findDreNumbers', () => {
  it.each([
    ['DRE #01234567', ['01234567'], 0],
    ['DRE# 01234567', ['01234567'], 0],
    ['CalDRE #01234567', ['01234567'], 0],
    ['CA DRE Lic. 01234567', ['01234567'], 0],
    ['DRE License No. 01234567', ['01234567'], 0],
    ['BRE 01234567', ['01234567'], 0],
    ['Lic. #01234567', ['01234567'], 0],
    ['License # 01234567', ['01234567'], 0],
    ['Jane Agent | DRE 01234567 | Bob Agent | DRE 07654321', ['01234567', '07654321'], 0],
    ['DRE #1234567', [], 1],
    ['Call 01234567', [], 0],
  ])('%j', (s, numbers, malformed) => {
    const r = findDreNumbers([text({ id: 't', text: s })]);
    expect([...r.numbers]).toEqual(numbers);
    expect(r.malformed).toHaveLength(malformed);
  });
});

const CA = { rulePacks: ['federal', 'CA'] as ('federal' | 'CA')[] };
const jane: AgentInfo = { name: 'Jane Agent', licenseNumbers: { CA: '01234567' } };
const bob: AgentInfo = { name: 'Bob Broker' };

describe('ca-license-number', () => {
  it.each<[string, string[], AgentInfo[], string[]]>([
    ['named agent with DRE number', ['Jane Agent', 'DRE #01234567'], [jane], []],
    ['number on a license-number object', ['Jane Agent', '01234567'], [jane], []],
    ['number missing, known from context', ['Jane Agent'], [jane], ['error']],
    ['wrong number', ['Jane Agent', 'DRE #07654321'], [jane], ['error']],
    ['unknown agent without a number', ['Bob Broker'], [], ['error']],
    ['unknown agent with some DRE number', ['Bob Broker', 'CalDRE# 07654321'], [], []],
    ['two agents, one number', ['Jane Agent', 'Bob Broker', 'DRE #01234567'], [jane, bob], ['error']],
    ['malformed number', ['Bob Broker', 'DRE #1234567'], [], ['warning', 'error']],
    ['no licensee named', ['Just listed'], [], []],
  ])('%s', (_name, texts, agents, expected) => {
    const objects = texts.map((t, i) =>
      text({
        id: `t${i}`,
        text: t,
        role: i < texts.length && /^(Jane|Bob)/.test(t) ? 'agent-name' : /^\d{8}$/.test(t) ? 'license-number' : undefined,
      }),
    );
    const findings = runRule(caLicenseNumber, objects, {}, { ...CA, agents });
    expect(findings.map((f) => f.severity)).toEqual(expected);
    for (const f of findings) if (f.severity === 'error') expect(f.blocking).toBe(true);
  });

  it('finds agents from context in plain text and inserts their number below the name', () => {
    const name = text({ id: 'n', text: 'Presented by Jane Agent', x: 40, y: 900, width: 400, height: 30, fontSize: 20 });
    const [f] = runRule(caLicenseNumber, [name], {}, { ...CA, agents: [jane] });
    expect(f!.fix?.kind).toBe('insert-object');
    if (f!.fix?.kind !== 'insert-object') return;
    const o = DesignObjectSchema.parse(f!.fix.object);
    expect(o).toMatchObject({ type: 'text', text: 'DRE #01234567', role: 'license-number', x: 40, y: 932 });
  });

  it('only applies under the CA pack', () => {
    expect(
      runRule(caLicenseNumber, [text({ id: 'a', role: 'agent-name', text: 'Jane Agent' })], {}, { rulePacks: ['federal', 'TX'] }),
    ).toEqual([]);
  });
});
