import { describe, expect, it } from 'vitest';
import { design, image, text } from '../compliance/test-support/builders.js';
import type { Design } from '../design/index.js';
import { fillAgentBindings, type AgentProfile } from './merge.js';
import { profileFillChanges, profileFillRecord } from './profile-fill.js';

const opts = { timeZone: 'America/Chicago', licenseStates: ['TX'] };
const sample = (id: string, binding: string, t: string) => text({ id, binding, text: t, sampleText: t, width: 600, height: 60 });
const template = design([
  sample('name', 'agent.name', 'Jordan Ellis'),
  sample('phone', 'agent.phone', '(512) 555-0147'),
  sample('email', 'agent.email', 'jordan@demo.test'),
  sample('office', 'office.address', '1200 Congress Ave, Austin, TX 78701'),
  image({ id: 'photo', binding: 'agent.photo', src: '' }),
  text({ id: 'headline', text: 'Just listed' }),
]);
const sam: AgentProfile = { name: 'Sam Carter', phone: '(512) 555-0142', email: 'sam@demo.test', photo: '/api/assets/a1' };

const retype = (d: Design, id: string, t: string): Design => ({
  ...d,
  objects: { ...d.objects, [id]: { ...d.objects[id]!, text: t } as never },
});

describe('update my designs after a profile change', () => {
  it('fill → retype one field → change the profile → only the untouched fields change', () => {
    const filled = fillAgentBindings(template, sam, opts);
    const record = profileFillRecord(filled, sam, opts);
    // No office: office.address keeps its sample content and is not recorded as filled.
    expect(Object.keys(record.bindings).sort()).toEqual(['email', 'name', 'phone', 'photo']);

    const edited = retype(filled, 'phone', 'Call me: 555-0000');
    const changed: AgentProfile = { ...sam, name: 'Samantha Carter', phone: '(512) 555-0199', photo: '/api/assets/a2' };
    const { changes, kept } = profileFillChanges(edited, record, changed, opts);
    expect(changes).toEqual([
      { objectId: 'name', binding: 'agent.name', from: 'Sam Carter', to: 'Samantha Carter' },
      { objectId: 'photo', binding: 'agent.photo', from: '/api/assets/a1', to: '/api/assets/a2' },
    ]);
    expect(kept).toEqual([{ objectId: 'phone', binding: 'agent.phone' }]);
  });

  it('nothing to update when the profile is as filled, or a field was emptied in the profile', () => {
    const filled = fillAgentBindings(template, sam, opts);
    const record = profileFillRecord(filled, sam, opts);
    expect(profileFillChanges(filled, record, sam, opts).changes).toEqual([]);
    const { phone: _gone, ...noPhone } = sam;
    expect(profileFillChanges(filled, record, noPhone, opts).changes).toEqual([]);
  });

  it('a field the profile had nothing for (still the sample) fills once the profile has it; a retyped one does not', () => {
    const filled = fillAgentBindings(template, sam, opts);
    const record = profileFillRecord(filled, sam, opts);
    const joined: AgentProfile = {
      ...sam,
      office: { name: 'Downtown', address: '500 W 2nd St, Austin, TX 78703', phone: '', licenseNumbers: {} },
    };
    expect(profileFillChanges(filled, record, joined, opts).changes).toEqual([
      { objectId: 'office', binding: 'office.address', from: '1200 Congress Ave, Austin, TX 78701', to: '500 W 2nd St, Austin, TX 78703' },
    ]);
    expect(profileFillChanges(retype(filled, 'office', 'Our office'), record, joined, opts).changes).toEqual([]);
  });

  it('an office change reaches office.* fields filled from it', () => {
    const withOffice: AgentProfile = {
      ...sam,
      office: { name: 'Downtown', address: '500 W 2nd St, Austin, TX 78703', phone: '', licenseNumbers: {} },
    };
    const filled = fillAgentBindings(template, withOffice, opts);
    const record = profileFillRecord(filled, withOffice, opts);
    const moved: AgentProfile = { ...withOffice, office: { ...withOffice.office!, address: '98 San Jacinto Blvd, Austin, TX 78701' } };
    expect(profileFillChanges(filled, record, moved, opts).changes).toEqual([
      {
        objectId: 'office',
        binding: 'office.address',
        from: '500 W 2nd St, Austin, TX 78703',
        to: '98 San Jacinto Blvd, Austin, TX 78701',
      },
    ]);
  });
});
