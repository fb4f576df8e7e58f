import { randomUUID } from 'node:crypto';
import { DEMO_BRAND_KIT, designToUpdate, instantiateTemplate, type BrandKit } from '../../shared/index.js';
import { getTemplate } from '../../templates/index.js';
import { hashPassword } from '../auth/index.js';
import { DocumentStore } from '../collab/index.js';
import type { Db } from '../db/index.js';
import { BrokerageRepository, DesignRepository, OfficeRepository, UserRepository, type Role } from '../repos/index.js';
import { lockFirstRun } from '../setup/index.js';

export interface DemoLogin {
  email: string;
  role: Role;
  brokerage: string;
}

const RIVAL_KIT: BrandKit = {
  ...DEMO_BRAND_KIT,
  brokerageLegalName: 'Rival Realty Group, Inc.',
  palette: [
    { name: 'Forest', hex: '#22543d' },
    { name: 'Sand', hex: '#d6bc8a' },
    { name: 'Charcoal', hex: '#2d3748' },
    { name: 'Cream', hex: '#fffaf0' },
  ],
  rulePacks: ['federal', 'CA'],
  timeZone: 'America/Los_Angeles',
};

const PEOPLE: Array<{ email: string; name: string; role: Role; brokerage: 'demo' | 'rival'; phone: string; license: string }> = [
  {
    email: 'admin@demo.realbrand.test',
    name: 'Morgan Reyes',
    role: 'admin',
    brokerage: 'demo',
    phone: '(512) 555-0100',
    license: 'TX 0610001',
  },
  {
    email: 'brand@demo.realbrand.test',
    name: 'Priya Shah',
    role: 'brand_manager',
    brokerage: 'demo',
    phone: '(512) 555-0101',
    license: 'TX 0610002',
  },
  {
    email: 'agent@demo.realbrand.test',
    name: 'Sam Carter',
    role: 'agent',
    brokerage: 'demo',
    phone: '(512) 555-0142',
    license: 'TX 0654321',
  },
  {
    email: 'agent2@demo.realbrand.test',
    name: 'Jamie Lee',
    role: 'agent',
    brokerage: 'demo',
    phone: '(512) 555-0177',
    license: 'TX 0687654',
  },
  {
    email: 'agent@rival.realbrand.test',
    name: 'Riley Stone',
    role: 'agent',
    brokerage: 'rival',
    phone: '(415) 555-0190',
    license: 'CA 01234567',
  },
];

/**
 * First start on an empty database: two brokerages, their people and a
 * sample flyer. Returns the log-ins to print, or null when there was data already.
 */
export async function seedDemo(db: Db, password: string): Promise<DemoLogin[] | null> {
  if ((await new BrokerageRepository(db).count()) > 0) return null; // cheap check before hashing
  // The demo accounts share one published password: one hash serves them all (each costs ~0.5 s and 128 MiB).
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Another instance may be seeding at the same moment: one wins, the other sees data.
    await lockFirstRun(tx);
    const brokerages = new BrokerageRepository(tx);
    if ((await brokerages.count()) > 0) return null;
    const ids = { demo: randomUUID(), rival: randomUUID() };
    await brokerages.create({ id: ids.demo, name: 'Demo Realty', brandKit: DEMO_BRAND_KIT, demo: true });
    await brokerages.create({ id: ids.rival, name: 'Rival Realty', brandKit: RIVAL_KIT, demo: true });
    // One office each, everyone in it: the demo's cards and signatures print an office address, not the template's sample.
    const offices = new OfficeRepository(tx);
    const officeIds = { demo: randomUUID(), rival: randomUUID() };
    await offices.create(ids.demo, officeIds.demo, {
      name: 'Austin Downtown',
      street: '301 Congress Ave',
      city: 'Austin',
      state: 'TX',
      postalCode: '78701',
      phone: '(512) 555-0100',
      licenses: [{ state: 'TX', number: '9001234' }],
    });
    await offices.create(ids.rival, officeIds.rival, {
      name: 'San Francisco',
      street: '100 Market St',
      city: 'San Francisco',
      state: 'CA',
      postalCode: '94105',
      phone: '(415) 555-0100',
      licenses: [{ state: 'CA', number: '01999999' }],
    });
    const users = new UserRepository(tx);
    const created = [];
    for (const p of PEOPLE) {
      created.push(
        await users.create({
          id: randomUUID(),
          brokerageId: ids[p.brokerage],
          email: p.email,
          name: p.name,
          role: p.role,
          passwordHash,
          profile: { phone: p.phone, licenseNumbers: { [p.license.split(' ')[0]!]: p.license.split(' ')[1]! } },
        }),
      );
      await offices.assign(ids[p.brokerage], created.at(-1)!.id, officeIds[p.brokerage]);
    }
    const template = getTemplate('listing-flyer');
    const agent = created.find((u) => u.email === 'agent@demo.realbrand.test')!;
    if (template) {
      const id = randomUUID();
      const design = instantiateTemplate(template, DEMO_BRAND_KIT, { title: 'Sample flyer: 1234 Magnolia Ridge Lane' });
      await new DesignRepository(tx).create({
        id,
        brokerageId: ids.demo,
        ownerId: agent.id,
        title: design.meta.title,
        kind: design.meta.kind,
        templateId: template.id,
        templateVersion: template.version,
      });
      await new DocumentStore(db).createDocument(id, designToUpdate(design), tx);
    }
    return PEOPLE.map((p) => ({ email: p.email, role: p.role, brokerage: p.brokerage === 'demo' ? 'Demo Realty' : 'Rival Realty' }));
  });
}
