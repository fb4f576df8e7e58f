/** Offices of the brokerage (admins manage them; people belong to one; templates bind office.* fields). */
import { z } from 'zod';
import { endpoint, idParam } from './contract.js';
import { StateSchema } from './profile.js';

const Text = (max: number) => z.string().trim().max(max);

/** What an admin enters for an office. */
export const OfficeInputSchema = z
  .object({
    name: Text(120).min(1),
    street: Text(200).default(''),
    city: Text(100).default(''),
    state: StateSchema.or(z.literal('')).default(''),
    postalCode: Text(10)
      .regex(/^(\d{5}(-\d{4})?)?$/, 'a ZIP code (12345 or 12345-6789)')
      .default(''),
    phone: Text(40)
      .regex(/^[0-9+().\s-]*$/, 'digits, spaces, + ( ) - .')
      .default(''),
    licenses: z
      .array(z.object({ state: StateSchema, number: Text(40).min(1) }).strict())
      .max(60)
      .refine((l) => new Set(l.map((x) => x.state)).size === l.length, 'one license per state')
      .default([]),
  })
  .strict();
export type OfficeInput = z.infer<typeof OfficeInputSchema>;

/** An office as everyone in the brokerage sees it, with how many people belong to it. */
export const OfficeSchema = z.object({
  id: z.string(),
  name: z.string(),
  street: z.string(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  phone: z.string(),
  licenses: z.array(z.object({ state: z.string(), number: z.string() })),
  people: z.number().int(),
});
export type Office = z.infer<typeof OfficeSchema>;

/** The office's address on one line, as templates show it: `1200 Congress Ave, Austin, TX 78701`. */
export function officeAddress(o: Pick<Office, 'street' | 'city' | 'state' | 'postalCode'>): string {
  const stateZip = [o.state, o.postalCode].filter(Boolean).join(' ');
  return [o.street, o.city, stateZip].filter(Boolean).join(', ');
}

const OfficeParams = z.object({ id: idParam('office') }).strict();
const PersonParams = z.object({ id: idParam('person') }).strict();
export const OfficeAssignmentSchema = z.object({ officeId: idParam('office').nullable() }).strict();

export const officesApi = {
  /** Everyone: the brokerage's offices (names and addresses are what materials print anyway). */
  list: endpoint({ method: 'GET', path: '/api/offices', response: z.object({ offices: z.array(OfficeSchema) }) }),
  /** Admins (settings.edit). */
  create: endpoint({ method: 'POST', path: '/api/admin/offices', body: OfficeInputSchema, response: OfficeSchema, status: 201 }),
  update: endpoint({
    method: 'PUT',
    path: '/api/admin/offices/:id',
    params: OfficeParams,
    body: OfficeInputSchema,
    response: OfficeSchema,
  }),
  /** Its people keep their accounts and belong to no office. */
  remove: endpoint({ method: 'DELETE', path: '/api/admin/offices/:id', params: OfficeParams, status: 204 }),
  /** Admins (people.manage): which office a person belongs to (null: none). */
  assign: endpoint({
    method: 'PUT',
    path: '/api/people/:id/office',
    params: PersonParams,
    body: OfficeAssignmentSchema,
    response: OfficeAssignmentSchema,
  }),
};
